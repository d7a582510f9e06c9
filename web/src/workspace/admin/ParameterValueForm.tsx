// The form that records a new dated value of a rule parameter: the value as typed in French, the first
// day it applies and the mandatory reason; the API checks the bounds and its message lands on the field.
import { Box, Button, Group, NativeSelect, Stack, Text, Textarea, TextInput, Title } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { callApi, issuesByPath, type Problem } from "../../api.ts";
import { frenchDay, isoDay } from "../../frenchDates.ts";
import type { Session } from "../session.ts";
import { adminMessages } from "./messages.fr.ts";
import type { Definition, Recorded } from "./ParametersPage.tsx";
import { decimalNumber } from "./typedNumbers.ts";

const text = adminMessages.parameters;

function problemText(problem: Problem): string {
  if (problem.status === 403) return adminMessages.forbidden;
  return problem.detail || adminMessages.failed;
}

type Field = "key" | "value" | "appliesFrom" | "reason";

export function ParameterValueForm({
  definitions,
  session,
  onRecorded,
}: {
  definitions: Definition[];
  session: Session;
  onRecorded: (message: string) => void;
}) {
  const [key, setKey] = useState(definitions[0]?.key ?? "");
  const [value, setValue] = useState("");
  const [appliesFrom, setAppliesFrom] = useState("");
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [failure, setFailure] = useState("");
  const [busy, setBusy] = useState(false);
  const definition = definitions.find((candidate) => candidate.key === key);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems: Partial<Record<Field, string>> = {};
    const number = decimalNumber(value);
    if (value.trim() === "") problems.value = adminMessages.required;
    else if (number === undefined) problems.value = text.notNumber;
    const day = isoDay(appliesFrom);
    if (appliesFrom.trim() === "") problems.appliesFrom = adminMessages.required;
    else if (day === undefined) problems.appliesFrom = adminMessages.dateFormat;
    if (reason.trim() === "") problems.reason = adminMessages.required;
    setErrors(problems);
    setFailure("");
    // The bounds are the API's to check: its French message lands on the value's field.
    if (Object.keys(problems).length > 0 || definition === undefined) return;
    setBusy(true);
    const result = await callApi<Recorded>("/api/v1/rule-parameters", {
      method: "POST",
      body: { key, value: number, appliesFrom: day, reason: reason.trim() },
      csrfToken: session.csrfToken,
    });
    setBusy(false);
    if (!result.ok) {
      const byPath = issuesByPath(result.problem);
      const onFields: Partial<Record<Field, string>> = {};
      for (const field of ["key", "value", "appliesFrom", "reason"] as const) {
        const message = byPath[`/${field}`];
        if (message !== undefined) onFields[field] = message;
      }
      setErrors(onFields);
      if (Object.keys(onFields).length === 0) setFailure(problemText(result.problem));
      return;
    }
    setValue("");
    setAppliesFrom("");
    setReason("");
    setErrors({});
    onRecorded(
      text.recorded(
        definition.label,
        text.value(result.body.value, definition.unit),
        frenchDay(result.body.appliesFrom),
      ),
    );
  }

  return (
    <Box component="section" aria-labelledby="nouvelle-valeur">
      <Title order={2} id="nouvelle-valeur" mb="sm">
        {text.formTitle}
      </Title>
      <form onSubmit={submit} noValidate data-testid="parameter-form">
        <Stack gap="md" maw={640}>
          <NativeSelect
            id="parametre-cle"
            label={text.parameter}
            value={key}
            error={errors.key}
            data={definitions.map((candidate) => ({ value: candidate.key, label: candidate.label }))}
            onChange={(event) => setKey(event.currentTarget.value)}
          />
          <TextInput
            id="parametre-valeur"
            label={text.newValue(definition?.unit ?? "")}
            description={
              definition === undefined
                ? undefined
                : text.bounds(
                    text.value(definition.min, definition.unit),
                    text.value(definition.max, definition.unit),
                  )
            }
            inputMode="decimal"
            value={value}
            error={errors.value}
            onChange={(event) => setValue(event.currentTarget.value)}
            withAsterisk
          />
          <TextInput
            id="parametre-date"
            label={text.appliesFrom}
            description={adminMessages.dateHint}
            placeholder="JJ/MM/AAAA"
            value={appliesFrom}
            error={errors.appliesFrom}
            onChange={(event) => setAppliesFrom(event.currentTarget.value)}
            withAsterisk
          />
          <Textarea
            id="parametre-motif"
            label={text.reason}
            description={text.reasonHint}
            maxLength={500}
            autosize
            minRows={2}
            value={reason}
            error={errors.reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            withAsterisk
          />
        </Stack>
        <Group mt="md">
          <Button type="submit" loading={busy}>
            {text.submit}
          </Button>
        </Group>
        <div aria-live="assertive" data-testid="parameter-form-errors">
          {Object.keys(errors).length > 0 && (
            <Text c="red.9" size="sm">
              {adminMessages.fixBelow}
            </Text>
          )}
          {failure !== "" && <Text c="red.9">{failure}</Text>}
        </div>
      </form>
    </Box>
  );
}
