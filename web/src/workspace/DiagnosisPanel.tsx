// The social diagnosis of a case: household, monthly budget, debts, housing, employment and, for those who
// may read them, the sensitive topics. The « reste à vivre » is computed in the browser by the diagnosis
// core as amounts are typed (the server computes the same with the same code). Changes save themselves
// (case/autosave.ts): the whole diagnosis with the case's ETag, kept current from each answer; someone
// else's change in between pauses saving and leaves what was typed on screen.
import {
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { type FormEvent, type ReactNode, useEffect, useMemo, useRef, useState } from "react";
import type { DiagnosisView } from "../../../src/contracts/diagnosis.ts";
import {
  budgetOf,
  DEBT_KIND_LABELS,
  DEBT_KINDS,
  DEBT_STAGE_LABELS,
  DEBT_STAGES,
  type Diagnosis,
  EXPENSE_KINDS,
  EXPENSE_LABELS,
  HOUSEHOLD_RELATION_LABELS,
  HOUSEHOLD_RELATIONS,
  HOUSING_PROCEDURE_KIND_LABELS,
  HOUSING_PROCEDURE_KINDS,
  HOUSING_PROCEDURE_STAGE_LABELS,
  HOUSING_PROCEDURE_STAGES,
  INCOME_KINDS,
  INCOME_LABELS,
  LANDLORD_TYPE_LABELS,
  LANDLORD_TYPES,
  SENSITIVE_LABELS,
  WORKING_TIME_LABELS,
  WORKING_TIMES,
} from "../../../src/core/diagnosis/index.ts";
import { formatCents, parseAmount } from "../../../src/core/finance/money.ts";
import {
  ACTIVITIES,
  ACTIVITY_LABELS,
  CONTRACT_LABELS,
  CONTRACT_TYPES,
  OCCUPANCIES,
  OCCUPANCY_LABELS,
} from "../../../src/core/rules/index.ts";
import { callApi, NETWORK_FAILURE } from "../api.ts";
import { type AutosaveStatus, type SaveOutcome, useAutosave } from "./case/autosave.ts";
import { workspaceMessages } from "./messages.fr.ts";
import type { Session } from "./session.ts";

const text = workspaceMessages.diagnosis;

const capitalise = (label: string) => label.charAt(0).toUpperCase() + label.slice(1);
const options = <V extends string>(
  values: readonly V[],
  labels: Readonly<Record<V, string>>,
  empty?: string,
) => [
  ...(empty === undefined ? [] : [{ value: "", label: empty }]),
  ...values.map((value) => ({ value, label: capitalise(labels[value]) })),
];

interface Member {
  relation: string;
  age: string;
  dependant: boolean;
}
interface Line {
  kind: string;
  amount: string;
}
interface DebtRow {
  kind: string;
  creditor: string;
  amount: string;
  arrears: string;
  stage: string;
}
interface Form {
  household: Member[];
  income: Line[];
  expenses: Line[];
  debts: DebtRow[];
  occupancy: string;
  housingCost: string;
  landlordType: string;
  procedureKind: string;
  procedureStage: string;
  activity: string;
  contractType: string;
  workingTime: string;
  health: string;
  violence: string;
  notes: string;
}

const euros = (cents: number) => formatCents(cents).replace(/\s?€$/, "");

function formOf(view: DiagnosisView | null): Form {
  if (view === null) {
    return {
      household: [{ relation: "beneficiary", age: "", dependant: false }],
      income: [],
      expenses: [],
      debts: [],
      occupancy: "",
      housingCost: "",
      landlordType: "",
      procedureKind: "",
      procedureStage: "",
      activity: "",
      contractType: "",
      workingTime: "",
      health: "",
      violence: "",
      notes: "",
    };
  }
  const d = view.diagnosis as Diagnosis;
  return {
    household: d.household.map((m) => ({ relation: m.relation, age: String(m.age), dependant: m.dependant })),
    income: d.income.map((line) => ({ kind: line.kind, amount: euros(line.monthlyCents) })),
    expenses: d.expenses.map((line) => ({ kind: line.kind, amount: euros(line.monthlyCents) })),
    debts: d.debts.map((debt) => ({
      kind: debt.kind,
      creditor: debt.creditor,
      amount: euros(debt.amountCents),
      arrears: euros(debt.arrearsCents),
      stage: debt.stage,
    })),
    occupancy: d.housing.occupancy,
    housingCost: d.housing.monthlyCostCents === undefined ? "" : euros(d.housing.monthlyCostCents),
    landlordType: d.housing.landlordType ?? "",
    procedureKind: d.housing.procedure?.kind ?? "",
    procedureStage: d.housing.procedure?.stage ?? "",
    activity: d.employment.activity,
    contractType: d.employment.contractType ?? "",
    workingTime: d.employment.workingTime ?? "",
    health: d.sensitive?.health ?? "",
    violence: d.sensitive?.violence ?? "",
    notes: d.sensitive?.notes ?? "",
  };
}

type Errors = Record<string, string>;

/** The diagnosis the form describes, and what stops it from being one (by field id). */
function diagnosisOf(form: Form, withSensitive: boolean): { diagnosis?: Diagnosis; errors: Errors } {
  const errors: Errors = {};
  const cents = (value: string, id: string, optional = false): number => {
    if (optional && value.trim() === "") return 0;
    const parsed = parseAmount(value);
    if (!parsed.ok) {
      errors[id] = value.trim() === "" ? text.required : text.amountError;
      return 0;
    }
    return parsed.cents;
  };
  const household = form.household.map((member, index) => {
    const age = Number(member.age);
    if (member.age.trim() === "" || !Number.isInteger(age) || age < 0)
      errors[`diag-member-${index}-age`] = text.ageError;
    return { relation: member.relation, age, dependant: member.dependant };
  });
  const income = form.income.map((line, index) => ({
    kind: line.kind,
    monthlyCents: cents(line.amount, `diag-income-${index}-amount`),
  }));
  const expenses = form.expenses.map((line, index) => ({
    kind: line.kind,
    monthlyCents: cents(line.amount, `diag-expense-${index}-amount`),
  }));
  const debts = form.debts.map((debt, index) => {
    if (debt.creditor.trim() === "") errors[`diag-debt-${index}-creditor`] = text.required;
    return {
      kind: debt.kind,
      creditor: debt.creditor.trim(),
      amountCents: cents(debt.amount, `diag-debt-${index}-amount`),
      arrearsCents: cents(debt.arrears, `diag-debt-${index}-arrears`, true),
      stage: debt.stage,
    };
  });
  if (form.occupancy === "") errors["diag-occupancy"] = text.required;
  if (form.activity === "") errors["diag-activity"] = text.required;
  const housingCost =
    form.housingCost.trim() === "" ? undefined : cents(form.housingCost, "diag-housingCost");
  if (Object.keys(errors).length > 0) return { errors };
  const sensitive = { health: form.health.trim(), violence: form.violence.trim(), notes: form.notes.trim() };
  const diagnosis = {
    household,
    income,
    expenses,
    debts,
    housing: {
      occupancy: form.occupancy,
      ...(housingCost === undefined ? {} : { monthlyCostCents: housingCost }),
      ...(form.landlordType === "" ? {} : { landlordType: form.landlordType }),
      ...(form.procedureKind === "" || form.procedureStage === ""
        ? {}
        : { procedure: { kind: form.procedureKind, stage: form.procedureStage } }),
    },
    employment: {
      activity: form.activity,
      ...(form.contractType === "" ? {} : { contractType: form.contractType }),
      ...(form.workingTime === "" ? {} : { workingTime: form.workingTime }),
    },
    ...(withSensitive
      ? {
          sensitive: Object.fromEntries(Object.entries(sensitive).filter(([, value]) => value !== "")),
        }
      : {}),
  } as Diagnosis;
  return { diagnosis, errors };
}

function liveBudget(form: Form): ReturnType<typeof budgetOf> | undefined {
  const ages = form.household.map((member) => member.age.trim());
  if (!ages.every((age) => /^\d+$/.test(age))) return undefined;
  const lines = (list: Line[]) => list.map((line) => ({ kind: line.kind, parsed: parseAmount(line.amount) }));
  const income = lines(form.income);
  const expenses = lines(form.expenses);
  const cents = (list: typeof income) =>
    list.map((line) => (line.parsed.ok ? { kind: line.kind, monthlyCents: line.parsed.cents } : undefined));
  const incomeLines = cents(income);
  const expenseLines = cents(expenses);
  if (incomeLines.includes(undefined) || expenseLines.includes(undefined)) return undefined;
  return budgetOf({
    household: form.household.map((member, index) => ({
      relation: member.relation,
      age: Number(ages[index]),
      dependant: member.dependant,
    })),
    income: incomeLines,
    expenses: expenseLines,
    debts: [],
  } as unknown as Diagnosis);
}

interface Props {
  caseId: string;
  etag: string;
  session: Session;
  /** After a save: the case moved to a new version. */
  onSaved: () => Promise<void>;
}

/** The version an ETag names (`"12"`): the newest one known is the one to send. */
const versionOf = (etag: string) => Number(/\d+/.exec(etag)?.[0] ?? 0);

/** « 14 h 32 », as read in Paris. */
const frenchTime = (at: Date) =>
  new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris", hour: "2-digit", minute: "2-digit" })
    .format(at)
    .replace(":", " h ");

/** A field as the person reads it: its row's legend (« Personne 2 ») and its label. */
function fieldName(id: string): string {
  const field = document.getElementById(id) as HTMLInputElement | null;
  const label = field?.labels?.[0]?.textContent?.replace(/\s*\*\s*$/, "").trim() ?? id;
  const legend = field?.closest("fieldset")?.querySelector("legend")?.textContent;
  return legend ? `${legend}, ${label}` : label;
}

export function DiagnosisPanel({ caseId, etag, session, onSaved }: Props) {
  const [loaded, setLoaded] = useState<{ view: DiagnosisView | null } | null>(null);
  // Bumped to read the diagnosis again (after someone else's change): the form starts over from it.
  const [generation, setGeneration] = useState(0);
  const heading = useRef<HTMLHeadingElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: generation is the reason to read it again
  useEffect(() => {
    void callApi<DiagnosisView>(`/api/v1/cases/${caseId}/diagnosis`).then((result) =>
      setLoaded({ view: result.ok ? result.body : null }),
    );
  }, [caseId, generation]);
  const reread = async () => {
    setLoaded(null);
    setGeneration((previous) => previous + 1);
    await onSaved();
    heading.current?.focus();
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="diagnostic">
      <Title order={2} size="h3" id="diagnostic" mb="sm" ref={heading} tabIndex={-1}>
        {text.title}
      </Title>
      {loaded === null ? (
        <Text role="status">{text.loading}</Text>
      ) : (
        <DiagnosisForm
          key={generation}
          view={loaded.view}
          caseId={caseId}
          etag={etag}
          session={session}
          onSaved={onSaved}
          onDiscard={reread}
        />
      )}
    </Paper>
  );
}

function statusText(status: AutosaveStatus): { text: string; error: boolean } | null {
  switch (status.kind) {
    case "idle":
      return null;
    case "saving":
      return { text: text.saving, error: false };
    case "saved":
      return { text: text.savedAt(frenchTime(status.at)), error: false };
    case "invalid":
      return { text: text.invalid(status.fields), error: true };
    case "failed":
      return { text: text.failed(status.message), error: true };
    case "stale":
      return { text: text.stale, error: true };
  }
}

function DiagnosisForm({
  view,
  caseId,
  etag,
  session,
  onSaved,
  onDiscard,
}: Props & { view: DiagnosisView | null; onDiscard: () => Promise<void> }) {
  const [form, setForm] = useState<Form>(() => formOf(view));
  const [shownErrors, setShownErrors] = useState<Errors>({});
  const withSensitive = view === null || !view.sensitiveHidden;
  const built = useMemo(() => diagnosisOf(form, withSensitive), [form, withSensitive]);
  // Live, as amounts are typed: the budget as soon as every amount and age reads as one.
  const budget = useMemo(() => liveBudget(form), [form]);
  const statusLine = useRef<HTMLParagraphElement>(null);
  // The case version to send: ours after each save, or a newer one the page read (another panel's change).
  const currentEtag = useRef(etag);
  useEffect(() => {
    if (versionOf(etag) > versionOf(currentEtag.current)) currentEtag.current = etag;
  }, [etag]);

  // Fields are marked wrong once left (or all of them after « Enregistrer maintenant »), not while the
  // person has not reached them yet; the status line names every field still to correct either way.
  const leftFields = useRef(new Set<string>());
  const showEveryError = useRef(false);

  async function send(started: () => void): Promise<SaveOutcome> {
    setShownErrors(
      showEveryError.current
        ? built.errors
        : Object.fromEntries(Object.entries(built.errors).filter(([id]) => leftFields.current.has(id))),
    );
    if (built.diagnosis === undefined) {
      return { kind: "invalid", fields: Object.keys(built.errors).map(fieldName) };
    }
    started();
    const result = await callApi<DiagnosisView>(`/api/v1/cases/${caseId}/diagnosis`, {
      method: "PUT",
      body: built.diagnosis,
      csrfToken: session.csrfToken,
      ifMatch: currentEtag.current,
    });
    if (result.ok) {
      if (result.etag !== null) currentEtag.current = result.etag;
      // The page reads the case again (its timeline, its version) without holding the next save back.
      void onSaved();
      return { kind: "saved" };
    }
    const { problem } = result;
    if (problem.status === 412) return { kind: "stale" };
    return {
      kind: "failed",
      message:
        problem.code === NETWORK_FAILURE
          ? workspaceMessages.networkFailure
          : [problem.detail, ...problem.errors.map((issue) => issue.message)].filter(Boolean).join(" "),
    };
  }

  const autosave = useAutosave(JSON.stringify(form), send);
  const status = statusText(autosave.status);
  const update = (change: Partial<Form>) => setForm((previous) => ({ ...previous, ...change }));
  const error = (id: string) => shownErrors[id];

  async function saveNow(event: FormEvent) {
    event.preventDefault();
    showEveryError.current = true;
    if (built.diagnosis === undefined) {
      setShownErrors(built.errors);
      const first = Object.keys(built.errors)[0];
      if (first !== undefined) document.getElementById(first)?.focus();
    }
    await autosave.saveNow();
  }

  /** Someone else's version is replaced by ours: read the case's current version, then save. */
  async function keepMine() {
    const current = await callApi(`/api/v1/cases/${caseId}`);
    if (current.ok && current.etag !== null) currentEtag.current = current.etag;
    statusLine.current?.focus();
    await autosave.saveNow();
  }

  // A removed row takes its button (and the focus) with it: the block's « Ajouter » button gets the focus.
  const remove = (label: string, onClick: () => void) => (
    <Button
      variant="subtle"
      size="xs"
      onClick={(event) => {
        const block = event.currentTarget.closest("section");
        onClick();
        requestAnimationFrame(() => block?.querySelector<HTMLElement>("[data-add-row]")?.focus());
      }}
      style={{ alignSelf: "flex-end" }}
    >
      {text.remove(label)}
    </Button>
  );

  return (
    <form
      aria-label={text.title}
      noValidate
      onSubmit={saveNow}
      // Leaving a field saves at once; moving to one of this form's buttons does not interrupt anything.
      onBlur={(event) => {
        leftFields.current.add(event.target.id);
        void autosave.saveIfDirty();
      }}
    >
      <Stack gap="lg">
        <Text size="sm">
          {text.intro} {text.autosave}
        </Text>

        <Block title={text.household}>
          {form.household.map((member, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are fully controlled; a row is its position
            <Row key={`member-${index}`} legend={text.member(index + 1)}>
              <NativeSelect
                id={`diag-member-${index}-relation`}
                label={text.relation}
                value={member.relation}
                data={options(HOUSEHOLD_RELATIONS, HOUSEHOLD_RELATION_LABELS)}
                onChange={(event) =>
                  update({
                    household: form.household.map((m, i) =>
                      i === index ? { ...m, relation: event.currentTarget.value } : m,
                    ),
                  })
                }
              />
              <TextInput
                id={`diag-member-${index}-age`}
                label={text.age}
                inputMode="numeric"
                w={100}
                value={member.age}
                error={error(`diag-member-${index}-age`)}
                onChange={(event) =>
                  update({
                    household: form.household.map((m, i) =>
                      i === index ? { ...m, age: event.currentTarget.value } : m,
                    ),
                  })
                }
              />
              <Checkbox
                id={`diag-member-${index}-dependant`}
                label={text.dependant}
                checked={member.dependant}
                onChange={(event) =>
                  update({
                    household: form.household.map((m, i) =>
                      i === index ? { ...m, dependant: event.currentTarget.checked } : m,
                    ),
                  })
                }
                style={{ alignSelf: "center" }}
              />
              {index > 0 &&
                remove(text.member(index + 1), () =>
                  update({ household: form.household.filter((_, i) => i !== index) }),
                )}
            </Row>
          ))}
          <AddButton
            label={text.addMember}
            onClick={() =>
              update({ household: [...form.household, { relation: "child", age: "", dependant: true }] })
            }
          />
        </Block>

        <LinesBlock
          title={text.income}
          prefix="diag-income"
          lineLabel={text.incomeLine}
          addLabel={text.addIncome}
          lines={form.income}
          kinds={options(INCOME_KINDS, INCOME_LABELS)}
          errors={shownErrors}
          onChange={(income) => update({ income })}
          remove={remove}
        />
        <LinesBlock
          title={text.expenses}
          prefix="diag-expense"
          lineLabel={text.expenseLine}
          addLabel={text.addExpense}
          lines={form.expenses}
          kinds={options(EXPENSE_KINDS, EXPENSE_LABELS)}
          errors={shownErrors}
          onChange={(expenses) => update({ expenses })}
          remove={remove}
        />

        <BudgetSummary budget={budget} />

        <Block title={text.debts}>
          {form.debts.map((debt, index) => {
            const set = (change: Partial<DebtRow>) =>
              update({ debts: form.debts.map((d, i) => (i === index ? { ...d, ...change } : d)) });
            return (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows are fully controlled; a row is its position
              <Row key={`debt-${index}`} legend={text.debt(index + 1)}>
                <NativeSelect
                  id={`diag-debt-${index}-kind`}
                  label={text.kind}
                  value={debt.kind}
                  data={options(DEBT_KINDS, DEBT_KIND_LABELS)}
                  onChange={(event) => set({ kind: event.currentTarget.value })}
                />
                <TextInput
                  id={`diag-debt-${index}-creditor`}
                  label={text.creditor}
                  value={debt.creditor}
                  error={error(`diag-debt-${index}-creditor`)}
                  onChange={(event) => set({ creditor: event.currentTarget.value })}
                />
                <TextInput
                  id={`diag-debt-${index}-amount`}
                  label={text.debtAmount}
                  inputMode="decimal"
                  value={debt.amount}
                  error={error(`diag-debt-${index}-amount`)}
                  onChange={(event) => set({ amount: event.currentTarget.value })}
                />
                <TextInput
                  id={`diag-debt-${index}-arrears`}
                  label={text.arrears}
                  inputMode="decimal"
                  value={debt.arrears}
                  error={error(`diag-debt-${index}-arrears`)}
                  onChange={(event) => set({ arrears: event.currentTarget.value })}
                />
                <NativeSelect
                  id={`diag-debt-${index}-stage`}
                  label={text.stage}
                  value={debt.stage}
                  data={options(DEBT_STAGES, DEBT_STAGE_LABELS)}
                  onChange={(event) => set({ stage: event.currentTarget.value })}
                />
                {remove(text.debt(index + 1), () =>
                  update({ debts: form.debts.filter((_, i) => i !== index) }),
                )}
              </Row>
            );
          })}
          <AddButton
            label={text.addDebt}
            onClick={() =>
              update({
                debts: [
                  ...form.debts,
                  { kind: "rent_arrears", creditor: "", amount: "", arrears: "", stage: "none" },
                ],
              })
            }
          />
        </Block>

        <Block title={text.housing}>
          <Group align="flex-start" wrap="wrap">
            <NativeSelect
              id="diag-occupancy"
              label={text.occupancy}
              required
              value={form.occupancy}
              error={error("diag-occupancy")}
              data={options(OCCUPANCIES, OCCUPANCY_LABELS, text.notSaid)}
              onChange={(event) => update({ occupancy: event.currentTarget.value })}
            />
            <TextInput
              id="diag-housingCost"
              label={text.housingCost}
              inputMode="decimal"
              value={form.housingCost}
              error={error("diag-housingCost")}
              onChange={(event) => update({ housingCost: event.currentTarget.value })}
            />
            <NativeSelect
              id="diag-landlordType"
              label={text.landlordType}
              value={form.landlordType}
              data={options(LANDLORD_TYPES, LANDLORD_TYPE_LABELS, text.notSaid)}
              onChange={(event) => update({ landlordType: event.currentTarget.value })}
            />
            <NativeSelect
              id="diag-procedureKind"
              label={text.procedureKind}
              value={form.procedureKind}
              data={options(HOUSING_PROCEDURE_KINDS, HOUSING_PROCEDURE_KIND_LABELS, text.none)}
              onChange={(event) => update({ procedureKind: event.currentTarget.value })}
            />
            {form.procedureKind !== "" && (
              <NativeSelect
                id="diag-procedureStage"
                label={text.procedureStage}
                value={form.procedureStage}
                data={options(HOUSING_PROCEDURE_STAGES, HOUSING_PROCEDURE_STAGE_LABELS, text.notSaid)}
                onChange={(event) => update({ procedureStage: event.currentTarget.value })}
              />
            )}
          </Group>
        </Block>

        <Block title={text.employment}>
          <Group align="flex-start" wrap="wrap">
            <NativeSelect
              id="diag-activity"
              label={text.activity}
              required
              value={form.activity}
              error={error("diag-activity")}
              data={options(ACTIVITIES, ACTIVITY_LABELS, text.notSaid)}
              onChange={(event) => update({ activity: event.currentTarget.value })}
            />
            <NativeSelect
              id="diag-contractType"
              label={text.contractType}
              value={form.contractType}
              data={options(CONTRACT_TYPES, CONTRACT_LABELS, text.notSaid)}
              onChange={(event) => update({ contractType: event.currentTarget.value })}
            />
            <NativeSelect
              id="diag-workingTime"
              label={text.workingTime}
              value={form.workingTime}
              data={options(WORKING_TIMES, WORKING_TIME_LABELS, text.notSaid)}
              onChange={(event) => update({ workingTime: event.currentTarget.value })}
            />
          </Group>
        </Block>

        <Block title={text.sensitive}>
          {withSensitive ? (
            <>
              <Text size="sm">{text.sensitiveIntro}</Text>
              {(["health", "violence", "notes"] as const).map((topic) => (
                <Textarea
                  key={topic}
                  id={`diag-${topic}`}
                  label={SENSITIVE_LABELS[topic]}
                  autosize
                  minRows={2}
                  value={form[topic]}
                  onChange={(event) => update({ [topic]: event.currentTarget.value })}
                />
              ))}
            </>
          ) : (
            <Text>{text.sensitiveHidden}</Text>
          )}
        </Block>

        <div aria-live="polite" aria-atomic="true" data-testid="diagnosis-message">
          {status !== null && (
            <Text ref={statusLine} tabIndex={-1} fw={600} c={status.error ? "red.9" : undefined}>
              {status.text}
            </Text>
          )}
        </div>
        {autosave.status.kind === "stale" ? (
          <Group gap="sm">
            <Button onClick={() => void keepMine()}>{text.keepMine}</Button>
            <Button variant="outline" onClick={() => void onDiscard()}>
              {text.discard}
            </Button>
          </Group>
        ) : (
          // No loading state: a disabled button would drop the keyboard focus; the status line says it all.
          <Button id="diag-save" type="submit" variant="outline" style={{ alignSelf: "flex-start" }}>
            {text.save}
          </Button>
        )}
      </Stack>
    </form>
  );
}

function Block({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap="xs" component="section" aria-label={title}>
      <Title order={3} size="h4">
        {title}
      </Title>
      {children}
    </Stack>
  );
}

function Row({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <fieldset className="choice-group">
      <legend>{legend}</legend>
      <Group align="flex-start" wrap="wrap" gap="sm">
        {children}
      </Group>
    </fieldset>
  );
}

function AddButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <Button variant="outline" size="xs" onClick={onClick} data-add-row style={{ alignSelf: "flex-start" }}>
      {label}
    </Button>
  );
}

interface LinesBlockProps {
  title: string;
  prefix: string;
  lineLabel: (index: number) => string;
  addLabel: string;
  lines: Line[];
  kinds: { value: string; label: string }[];
  errors: Errors;
  onChange: (lines: Line[]) => void;
  remove: (label: string, onClick: () => void) => ReactNode;
}

function LinesBlock({
  title,
  prefix,
  lineLabel,
  addLabel,
  lines,
  kinds,
  errors,
  onChange,
  remove,
}: LinesBlockProps) {
  const set = (index: number, change: Partial<Line>) =>
    onChange(lines.map((line, i) => (i === index ? { ...line, ...change } : line)));
  return (
    <Block title={title}>
      {lines.map((line, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows are fully controlled; a row is its position
        <Row key={`${prefix}-${index}`} legend={lineLabel(index + 1)}>
          <NativeSelect
            id={`${prefix}-${index}-kind`}
            label={text.kind}
            value={line.kind}
            data={kinds}
            onChange={(event) => set(index, { kind: event.currentTarget.value })}
          />
          <TextInput
            id={`${prefix}-${index}-amount`}
            label={text.amount}
            inputMode="decimal"
            value={line.amount}
            error={errors[`${prefix}-${index}-amount`]}
            onChange={(event) => set(index, { amount: event.currentTarget.value })}
          />
          {remove(lineLabel(index + 1), () => onChange(lines.filter((_, i) => i !== index)))}
        </Row>
      ))}
      <AddButton
        label={addLabel}
        onClick={() => onChange([...lines, { kind: kinds[0]?.value ?? "other", amount: "" }])}
      />
    </Block>
  );
}

function BudgetSummary({ budget }: { budget: ReturnType<typeof budgetOf> | undefined }) {
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
