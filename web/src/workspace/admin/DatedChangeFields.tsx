// The two fields every dated change of the administrator's pages asks for (a product version, a rule
// parameter, the four-eyes threshold): the first day the change applies, which may be past or future, and
// the mandatory reason kept in the history; with the checks made before sending them.
import { type MantineSpacing, Textarea, TextInput } from "@mantine/core";
import { isoDay } from "../../frenchDates.ts";
import { adminMessages } from "./messages.fr.ts";

export interface DatedChange {
  /** As typed: JJ/MM/AAAA. */
  appliesFrom: string;
  reason: string;
}

export const NO_DATED_CHANGE: DatedChange = { appliesFrom: "", reason: "" };

interface FieldProps {
  id: string;
  value: string;
  error: string | undefined;
  onChange: (event: { currentTarget: { value: string } }) => void;
}

export function AppliesFromField(props: FieldProps) {
  return (
    <TextInput
      {...props}
      label={adminMessages.appliesFrom}
      description={adminMessages.dateHint}
      placeholder="JJ/MM/AAAA"
      withAsterisk
    />
  );
}

export function ReasonField({
  description,
  mt,
  ...props
}: FieldProps & { description: string; mt?: MantineSpacing }) {
  return (
    <Textarea
      {...props}
      mt={mt}
      label={adminMessages.reason}
      description={description}
      maxLength={500}
      autosize
      minRows={2}
      withAsterisk
    />
  );
}

/** Both fields one after the other, named `<prefix>-date` and `<prefix>-motif`. */
export function DatedChangeFields({
  idPrefix,
  reasonHint,
  value,
  errors,
  onChange,
}: {
  idPrefix: string;
  reasonHint: string;
  value: DatedChange;
  errors: { appliesFrom?: string; reason?: string };
  onChange: (value: DatedChange) => void;
}) {
  return (
    <>
      <AppliesFromField
        id={`${idPrefix}-date`}
        value={value.appliesFrom}
        error={errors.appliesFrom}
        onChange={(event) => onChange({ ...value, appliesFrom: event.currentTarget.value })}
      />
      <ReasonField
        id={`${idPrefix}-motif`}
        description={reasonHint}
        value={value.reason}
        error={errors.reason}
        onChange={(event) => onChange({ ...value, reason: event.currentTarget.value })}
      />
    </>
  );
}

/**
 * What is wrong with either field as typed (nothing when both may be sent), and both as the API takes them:
 * the day in ISO form, the reason trimmed.
 */
export function checkDatedChange({ appliesFrom, reason }: DatedChange): {
  problems: { appliesFrom?: string; reason?: string };
  payload: { appliesFrom: string | undefined; reason: string };
} {
  const problems: { appliesFrom?: string; reason?: string } = {};
  const day = isoDay(appliesFrom);
  if (appliesFrom.trim() === "") problems.appliesFrom = adminMessages.required;
  else if (day === undefined) problems.appliesFrom = adminMessages.dateFormat;
  if (reason.trim() === "") problems.reason = adminMessages.required;
  return { problems, payload: { appliesFrom: day, reason: reason.trim() } };
}
