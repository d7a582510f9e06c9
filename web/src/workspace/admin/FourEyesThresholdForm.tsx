// The four-eyes threshold of aid approvals, a dated value the administrator sets like the rule parameters
// (permission rule_parameters.change): an amount in euros read into integer cents, a date and a reason.
// Its value in force today and its history (who recorded each value) come from the recorded values.
import { Box, Button, Group, Stack, Table, Text, Textarea, TextInput, Title } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { DEFAULT_FOUR_EYES_THRESHOLD_CENTS } from "../../../../src/core/finance/aids.ts";
import { formatCents, parseAmount } from "../../../../src/core/finance/money.ts";
import { callApi, issuesByPath } from "../../api.ts";
import { frenchDay, frenchMoment, isoDay } from "../../frenchDates.ts";
import type { Session } from "../session.ts";
import { adminMessages } from "./messages.fr.ts";
import type { Recorded } from "./ParametersPage.tsx";

const text = adminMessages.threshold;
const parameterTexts = adminMessages.parameters;
const columns = parameterTexts.columns;

type Field = "amount" | "appliesFrom" | "reason";

const FIELD_OF_PATH: Record<string, Field> = {
  "/valueCents": "amount",
  "/appliesFrom": "appliesFrom",
  "/reason": "reason",
};

/**
 * The value in force on `date` as the API applies it: the latest application date on or before it, and for
 * the same date the latest recording; the default when none applies yet.
 */
function inForce(records: readonly Recorded[], date: string): Recorded | undefined {
  return records
    .filter((record) => record.appliesFrom <= date)
    .sort(
      (a, b) => b.appliesFrom.localeCompare(a.appliesFrom) || b.recordedAt.localeCompare(a.recordedAt),
    )[0];
}

export function FourEyesThresholdForm({
  date,
  records,
  session,
  onRecorded,
}: {
  date: string;
  /** The threshold's recorded values, newest recording first. */
  records: Recorded[];
  session: Session;
  onRecorded: (message: string) => void;
}) {
  const [amount, setAmount] = useState("");
  const [appliesFrom, setAppliesFrom] = useState("");
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [failure, setFailure] = useState("");
  const [busy, setBusy] = useState(false);
  const current = inForce(records, date);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const problems: Partial<Record<Field, string>> = {};
    const parsed = amount.trim() === "" ? undefined : parseAmount(amount);
    if (parsed === undefined) problems.amount = adminMessages.required;
    else if (!parsed.ok) problems.amount = parsed.message;
    const day = isoDay(appliesFrom);
    if (appliesFrom.trim() === "") problems.appliesFrom = adminMessages.required;
    else if (day === undefined) problems.appliesFrom = adminMessages.dateFormat;
    if (reason.trim() === "") problems.reason = adminMessages.required;
    setErrors(problems);
    setFailure("");
    if (Object.keys(problems).length > 0 || parsed === undefined || !parsed.ok) return;
    setBusy(true);
    const result = await callApi<{ valueCents: number; appliesFrom: string }>(
      "/api/v1/finance/four-eyes-threshold",
      {
        method: "POST",
        body: { valueCents: parsed.cents, appliesFrom: day, reason: reason.trim() },
        csrfToken: session.csrfToken,
      },
    );
    setBusy(false);
    if (!result.ok) {
      const onFields: Partial<Record<Field, string>> = {};
      for (const [path, message] of Object.entries(issuesByPath(result.problem))) {
        const field = FIELD_OF_PATH[path];
        if (field !== undefined) onFields[field] ??= message;
      }
      setErrors(onFields);
      if (Object.keys(onFields).length === 0) {
        setFailure(
          result.problem.status === 403
            ? adminMessages.forbidden
            : result.problem.detail || adminMessages.failed,
        );
      }
      return;
    }
    setAmount("");
    setAppliesFrom("");
    setReason("");
    onRecorded(text.recorded(formatCents(result.body.valueCents), frenchDay(result.body.appliesFrom)));
  }

  return (
    <Box component="section" aria-labelledby="seuil-double-validation">
      <Title order={2} id="seuil-double-validation" mb="sm">
        {text.title}
      </Title>
      <Text>{text.intro}</Text>
      <Text fw={600} data-testid="threshold-in-force">
        {text.current(formatCents(current?.value ?? DEFAULT_FOUR_EYES_THRESHOLD_CENTS), frenchDay(date))}
        {current === undefined && ` ${text.currentIsDefault}`}
      </Text>
      <Text mb="sm">{text.defaultValue(formatCents(DEFAULT_FOUR_EYES_THRESHOLD_CENTS))}</Text>
      {records.length > 0 && (
        <Table.ScrollContainer minWidth={700} mb="md">
          <Table striped data-testid="threshold-history">
            <caption className="visually-hidden">{text.historyCaption}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{columns.appliesFrom}</Table.Th>
                <Table.Th scope="col">{columns.value}</Table.Th>
                <Table.Th scope="col">{columns.recordedAt}</Table.Th>
                <Table.Th scope="col">{columns.recordedBy}</Table.Th>
                <Table.Th scope="col">{columns.reason}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {records.map((record) => (
                <Table.Tr key={`${record.appliesFrom}-${record.recordedAt}`}>
                  <Table.Th scope="row">{frenchDay(record.appliesFrom)}</Table.Th>
                  <Table.Td>{formatCents(record.value)}</Table.Td>
                  <Table.Td>{frenchMoment(record.recordedAt)}</Table.Td>
                  <Table.Td>{record.recordedBy?.displayName ?? parameterTexts.noAuthor}</Table.Td>
                  <Table.Td>{record.reason ?? parameterTexts.noReason}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <form onSubmit={submit} noValidate data-testid="threshold-form">
        <Stack gap="md" maw={640}>
          <TextInput
            id="seuil-montant"
            label={text.amount}
            description={text.amountHint}
            inputMode="decimal"
            value={amount}
            error={errors.amount}
            onChange={(event) => setAmount(event.currentTarget.value)}
            withAsterisk
          />
          <TextInput
            id="seuil-date"
            label={text.appliesFrom}
            description={adminMessages.dateHint}
            placeholder="JJ/MM/AAAA"
            value={appliesFrom}
            error={errors.appliesFrom}
            onChange={(event) => setAppliesFrom(event.currentTarget.value)}
            withAsterisk
          />
          <Textarea
            id="seuil-motif"
            label={text.reason}
            description={adminMessages.parameters.reasonHint}
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
        <div aria-live="assertive">
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
