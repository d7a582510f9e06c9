// The four-eyes threshold of aid approvals, a dated value the administrator sets like the rule parameters
// (permission rule_parameters.change): an amount in euros read into integer cents, a date and a reason.
// Its value in force today and its history (who recorded each value) come from the recorded values.
import { Box, Stack, Text, TextInput, Title } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { DEFAULT_FOUR_EYES_THRESHOLD_CENTS } from "../../../../src/core/finance/aids.ts";
import { formatCents, parseAmount } from "../../../../src/core/finance/money.ts";
import { frenchDay } from "../../frenchDates.ts";
import type { Session } from "../session.ts";
import { checkDatedChange, DatedChangeFields, NO_DATED_CHANGE } from "./DatedChangeFields.tsx";
import { SubmitWithErrors, useFormSubmission } from "./FormSubmission.tsx";
import { adminMessages } from "./messages.fr.ts";
import type { Recorded } from "./ParametersPage.tsx";
import { RecordedValuesTable } from "./RecordedValuesTable.tsx";

const text = adminMessages.threshold;

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
  const [change, setChange] = useState(NO_DATED_CHANGE);
  const submission = useFormSubmission<Field>(session, (path) => FIELD_OF_PATH[path]);
  const current = inForce(records, date);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const dated = checkDatedChange(change);
    const problems: Partial<Record<Field, string>> = { ...dated.problems };
    const parsed = amount.trim() === "" ? undefined : parseAmount(amount);
    if (parsed === undefined) problems.amount = adminMessages.required;
    else if (!parsed.ok) problems.amount = parsed.message;
    if (!submission.accept(problems) || parsed === undefined || !parsed.ok) return;
    const recorded = await submission.post<{ valueCents: number; appliesFrom: string }>(
      "/api/v1/finance/four-eyes-threshold",
      { valueCents: parsed.cents, ...dated.payload },
    );
    if (recorded === undefined) return;
    setAmount("");
    setChange(NO_DATED_CHANGE);
    onRecorded(text.recorded(formatCents(recorded.valueCents), frenchDay(recorded.appliesFrom)));
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
        <RecordedValuesTable
          records={records}
          caption={text.historyCaption}
          testId="threshold-history"
          valueText={formatCents}
          mb="md"
        />
      )}
      <form onSubmit={submit} noValidate data-testid="threshold-form">
        <Stack gap="md" maw={640}>
          <TextInput
            id="seuil-montant"
            label={text.amount}
            description={text.amountHint}
            inputMode="decimal"
            value={amount}
            error={submission.errors.amount}
            onChange={(event) => setAmount(event.currentTarget.value)}
            withAsterisk
          />
          <DatedChangeFields
            idPrefix="seuil"
            reasonHint={adminMessages.parameters.reasonHint}
            value={change}
            errors={submission.errors}
            onChange={setChange}
          />
        </Stack>
        <SubmitWithErrors label={text.submit} submission={submission} />
      </form>
    </Box>
  );
}
