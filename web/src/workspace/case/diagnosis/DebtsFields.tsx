// The debts: for each, its kind, the creditor, what remains due and how much of it is unpaid, and how far
// the recovery has gone.
import { NativeSelect, TextInput } from "@mantine/core";
import {
  DEBT_KIND_LABELS,
  DEBT_KINDS,
  DEBT_STAGE_LABELS,
  DEBT_STAGES,
} from "../../../../../src/core/diagnosis/index.ts";
import { FormSection } from "../../../FormSection.tsx";
import { workspaceMessages } from "../../messages.fr.ts";
import { type DebtDraft, type DraftErrors, fieldIds, newDebt } from "./draft.ts";
import { options } from "./options.ts";
import { AddRowButton, DraftRow, RemoveRowButton } from "./rows.tsx";

const text = workspaceMessages.diagnosis;

export function DebtsFields({
  debts,
  errors,
  onChange,
}: {
  debts: DebtDraft[];
  errors: DraftErrors;
  onChange: (debts: DebtDraft[]) => void;
}) {
  return (
    <FormSection title={text.debts} level={3}>
      {debts.map((debt, index) => {
        const set = (change: Partial<DebtDraft>) =>
          onChange(debts.map((d, i) => (i === index ? { ...d, ...change } : d)));
        const id = (field: keyof DebtDraft) => fieldIds.debt(index, field);
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are fully controlled; a row is its position
          <DraftRow key={`debt-${index}`} legend={text.debt(index + 1)}>
            <NativeSelect
              id={id("kind")}
              label={text.kind}
              value={debt.kind}
              data={options(DEBT_KINDS, DEBT_KIND_LABELS)}
              onChange={(event) => set({ kind: event.currentTarget.value })}
            />
            <TextInput
              id={id("creditor")}
              label={text.creditor}
              value={debt.creditor}
              error={errors[id("creditor")]}
              onChange={(event) => set({ creditor: event.currentTarget.value })}
            />
            <TextInput
              id={id("amount")}
              label={text.debtAmount}
              inputMode="decimal"
              value={debt.amount}
              error={errors[id("amount")]}
              onChange={(event) => set({ amount: event.currentTarget.value })}
            />
            <TextInput
              id={id("arrears")}
              label={text.arrears}
              inputMode="decimal"
              value={debt.arrears}
              error={errors[id("arrears")]}
              onChange={(event) => set({ arrears: event.currentTarget.value })}
            />
            <NativeSelect
              id={id("stage")}
              label={text.stage}
              value={debt.stage}
              data={options(DEBT_STAGES, DEBT_STAGE_LABELS)}
              onChange={(event) => set({ stage: event.currentTarget.value })}
            />
            <RemoveRowButton
              label={text.debt(index + 1)}
              onRemove={() => onChange(debts.filter((_, i) => i !== index))}
            />
          </DraftRow>
        );
      })}
      <AddRowButton label={text.addDebt} onClick={() => onChange([...debts, newDebt()])} />
    </FormSection>
  );
}
