// The monthly budget: the resources and the charges, line by line, and what they leave to live on
// (« reste à vivre »), in total and per consumption unit, computed by the diagnosis core as amounts are typed
// (the server computes the same with the same code).
import { NativeSelect, Paper, Text, TextInput, Title } from "@mantine/core";
import type { Budget } from "../../../../../src/core/diagnosis/index.ts";
import {
  EXPENSE_KINDS,
  EXPENSE_LABELS,
  INCOME_KINDS,
  INCOME_LABELS,
} from "../../../../../src/core/diagnosis/index.ts";
import { formatCents } from "../../../../../src/core/finance/money.ts";
import { FormSection } from "../../../FormSection.tsx";
import { workspaceMessages } from "../../messages.fr.ts";
import { type DraftErrors, fieldIds, type LineDraft, type LinePrefix, newLine } from "./draft.ts";
import { options } from "./options.ts";
import { AddRowButton, DraftRow, RemoveRowButton } from "./rows.tsx";

const text = workspaceMessages.diagnosis;

export function BudgetFields({
  income,
  expenses,
  budget,
  errors,
  onChange,
}: {
  income: LineDraft[];
  expenses: LineDraft[];
  /** What the lines give so far; undefined while an age or an amount does not read as a number. */
  budget: Budget | undefined;
  errors: DraftErrors;
  onChange: (change: { income?: LineDraft[]; expenses?: LineDraft[] }) => void;
}) {
  return (
    <>
      <MonthlyLines
        title={text.income}
        prefix="diag-income"
        lineLabel={text.incomeLine}
        addLabel={text.addIncome}
        lines={income}
        kinds={options(INCOME_KINDS, INCOME_LABELS)}
        errors={errors}
        onChange={(lines) => onChange({ income: lines })}
      />
      <MonthlyLines
        title={text.expenses}
        prefix="diag-expense"
        lineLabel={text.expenseLine}
        addLabel={text.addExpense}
        lines={expenses}
        kinds={options(EXPENSE_KINDS, EXPENSE_LABELS)}
        errors={errors}
        onChange={(lines) => onChange({ expenses: lines })}
      />
      <BudgetSummary budget={budget} />
    </>
  );
}

function MonthlyLines({
  title,
  prefix,
  lineLabel,
  addLabel,
  lines,
  kinds,
  errors,
  onChange,
}: {
  title: string;
  prefix: LinePrefix;
  lineLabel: (index: number) => string;
  addLabel: string;
  lines: LineDraft[];
  kinds: { value: string; label: string }[];
  errors: DraftErrors;
  onChange: (lines: LineDraft[]) => void;
}) {
  const set = (index: number, change: Partial<LineDraft>) =>
    onChange(lines.map((line, i) => (i === index ? { ...line, ...change } : line)));
  return (
    <FormSection title={title} level={3}>
      {lines.map((line, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows are fully controlled; a row is its position
        <DraftRow key={`${prefix}-${index}`} legend={lineLabel(index + 1)}>
          <NativeSelect
            id={fieldIds.line(prefix, index, "kind")}
            label={text.kind}
            value={line.kind}
            data={kinds}
            onChange={(event) => set(index, { kind: event.currentTarget.value })}
          />
          <TextInput
            id={fieldIds.line(prefix, index, "amount")}
            label={text.amount}
            inputMode="decimal"
            value={line.amount}
            error={errors[fieldIds.line(prefix, index, "amount")]}
            onChange={(event) => set(index, { amount: event.currentTarget.value })}
          />
          <RemoveRowButton
            label={lineLabel(index + 1)}
            onRemove={() => onChange(lines.filter((_, i) => i !== index))}
          />
        </DraftRow>
      ))}
      <AddRowButton
        label={addLabel}
        onClick={() => onChange([...lines, newLine(kinds[0]?.value ?? "other")])}
      />
    </FormSection>
  );
}

function BudgetSummary({ budget }: { budget: Budget | undefined }) {
  return (
    <Paper withBorder p="sm" className="notice" component="section" aria-labelledby="budget">
      <Title order={3} size="h4" id="budget" mb="xs">
        {text.budgetTitle}
      </Title>
      {/* Announced as it changes, so that the counsellor hears the reste à vivre while typing amounts. */}
      <div aria-live="polite" aria-atomic="true" data-testid="budget">
        {budget === undefined ? (
          <Text size="sm">{text.budgetIncomplete}</Text>
        ) : (
          <dl className="facts">
            <dt>{text.budgetIncome}</dt>
            <dd>{text.perMonth(formatCents(budget.incomeCents))}</dd>
            <dt>{text.budgetExpenses}</dt>
            <dd>{text.perMonth(formatCents(budget.expensesCents))}</dd>
            <dt>{text.remaining}</dt>
            <dd data-testid="remaining-income">{text.perMonth(formatCents(budget.remainingIncomeCents))}</dd>
            <dt>{text.perUnit((budget.consumptionUnitTenths / 10).toLocaleString("fr-FR"))}</dt>
            <dd>{text.perMonth(formatCents(budget.remainingIncomePerUnitCents))}</dd>
          </dl>
        )}
      </div>
    </Paper>
  );
}
