// The form that records a new dated value of a rule parameter: the value as typed in French, the first
// day it applies and the mandatory reason; the API checks the bounds and its message lands on the field.
import { Box, NativeSelect, Stack, TextInput, Title } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { frenchDay } from "../../frenchDates.ts";
import type { Session } from "../session.ts";
import { checkDatedChange, DatedChangeFields, NO_DATED_CHANGE } from "./DatedChangeFields.tsx";
import { SubmitWithErrors, useFormSubmission } from "./FormSubmission.tsx";
import { adminMessages } from "./messages.fr.ts";
import type { Definition, Recorded } from "./ParametersPage.tsx";
import { decimalNumber } from "./typedNumbers.ts";

const text = adminMessages.parameters;

type Field = "key" | "value" | "appliesFrom" | "reason";

const FIELD_OF_PATH: Record<string, Field> = {
  "/key": "key",
  "/value": "value",
  "/appliesFrom": "appliesFrom",
  "/reason": "reason",
};

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
  const [change, setChange] = useState(NO_DATED_CHANGE);
  const submission = useFormSubmission<Field>(session, (path) => FIELD_OF_PATH[path]);
  const definition = definitions.find((candidate) => candidate.key === key);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const dated = checkDatedChange(change);
    const problems: Partial<Record<Field, string>> = { ...dated.problems };
    const number = decimalNumber(value);
    if (value.trim() === "") problems.value = adminMessages.required;
    else if (number === undefined) problems.value = text.notNumber;
    // The bounds are the API's to check: its French message lands on the value's field.
    if (!submission.accept(problems) || definition === undefined) return;
    const recorded = await submission.post<Recorded>("/api/v1/rule-parameters", {
      key,
      value: number,
      ...dated.payload,
    });
    if (recorded === undefined) return;
    setValue("");
    setChange(NO_DATED_CHANGE);
    onRecorded(
      text.recorded(
        definition.label,
        text.value(recorded.value, definition.unit),
        frenchDay(recorded.appliesFrom),
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
            error={submission.errors.key}
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
            error={submission.errors.value}
            onChange={(event) => setValue(event.currentTarget.value)}
            withAsterisk
          />
          <DatedChangeFields
            idPrefix="parametre"
            reasonHint={text.reasonHint}
            value={change}
            errors={submission.errors}
            onChange={setChange}
          />
        </Stack>
        <SubmitWithErrors label={text.submit} submission={submission} testId="parameter-form-errors" />
      </form>
    </Box>
  );
}
