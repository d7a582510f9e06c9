// The diagnosis form's model, without React: what the form holds (the text as typed, so that a half-typed
// amount stays on screen), how it starts from the API's diagnosis, the diagnosis it describes or what stops
// it from being one (by field id), and the budget it already gives while amounts are being typed. The topic
// components each edit one part of the draft.
import type { DiagnosisView } from "../../../../../src/contracts/diagnosis.ts";
import { type Budget, budgetOf, type Diagnosis } from "../../../../../src/core/diagnosis/index.ts";
import { formatCents, parseAmount } from "../../../../../src/core/finance/money.ts";
import { workspaceMessages } from "../../messages.fr.ts";

const text = workspaceMessages.diagnosis;

export interface MemberDraft {
  relation: string;
  age: string;
  dependant: boolean;
}

/** A monthly resource or charge. */
export interface LineDraft {
  kind: string;
  amount: string;
}

export interface DebtDraft {
  kind: string;
  creditor: string;
  amount: string;
  arrears: string;
  stage: string;
}

export interface HousingDraft {
  occupancy: string;
  housingCost: string;
  landlordType: string;
  procedureKind: string;
  procedureStage: string;
}

export interface EmploymentDraft {
  activity: string;
  contractType: string;
  workingTime: string;
}

export const SENSITIVE_TOPICS = ["health", "violence", "notes"] as const;
export type SensitiveDraft = Record<(typeof SENSITIVE_TOPICS)[number], string>;

export interface DiagnosisDraft {
  household: MemberDraft[];
  income: LineDraft[];
  expenses: LineDraft[];
  debts: DebtDraft[];
  housing: HousingDraft;
  employment: EmploymentDraft;
  sensitive: SensitiveDraft;
}

/** What stops the draft from being a diagnosis, by field id; the message is shown next to the field. */
export type DraftErrors = Readonly<Record<string, string>>;

/** The id of each field: the form's inputs carry it, and the errors name fields by it. */
export const fieldIds = {
  member: (index: number, field: keyof MemberDraft) => `diag-member-${index}-${field}`,
  line: (prefix: LinePrefix, index: number, field: keyof LineDraft) => `${prefix}-${index}-${field}`,
  debt: (index: number, field: keyof DebtDraft) => `diag-debt-${index}-${field}`,
  /** The fields that appear once: housing, employment and the sensitive topics. */
  single: (field: keyof HousingDraft | keyof EmploymentDraft | keyof SensitiveDraft) => `diag-${field}`,
};

/** The id prefix of the resources' lines and of the charges' lines. */
export type LinePrefix = "diag-income" | "diag-expense";

/** A diagnosis not yet recorded: the beneficiary alone, nothing else said. */
export function emptyDraft(): DiagnosisDraft {
  return {
    household: [{ relation: "beneficiary", age: "", dependant: false }],
    income: [],
    expenses: [],
    debts: [],
    housing: { occupancy: "", housingCost: "", landlordType: "", procedureKind: "", procedureStage: "" },
    employment: { activity: "", contractType: "", workingTime: "" },
    sensitive: { health: "", violence: "", notes: "" },
  };
}

/** The rows the « Ajouter » buttons add. */
export const newMember = (): MemberDraft => ({ relation: "child", age: "", dependant: true });
export const newLine = (kind: string): LineDraft => ({ kind, amount: "" });
export const newDebt = (): DebtDraft => ({
  kind: "rent_arrears",
  creditor: "",
  amount: "",
  arrears: "",
  stage: "none",
});

/** Whether the reader may see and change the sensitive topics (a diagnosis not yet recorded: yes). */
export const sensitiveShown = (view: DiagnosisView | null) => view === null || !view.sensitiveHidden;

/** An amount as typed in the form: « 1 250,50 », without the euro sign the label already gives. */
const euros = (cents: number) => formatCents(cents).replace(/\s?€$/, "");

/** The draft of a recorded diagnosis, or of a new one. */
export function draftOf(view: DiagnosisView | null): DiagnosisDraft {
  if (view === null) return emptyDraft();
  // The API's view refers to the Diagnosis schema, which the core's type mirrors (src/contracts/diagnosis.ts).
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
    housing: {
      occupancy: d.housing.occupancy,
      housingCost: d.housing.monthlyCostCents === undefined ? "" : euros(d.housing.monthlyCostCents),
      landlordType: d.housing.landlordType ?? "",
      procedureKind: d.housing.procedure?.kind ?? "",
      procedureStage: d.housing.procedure?.stage ?? "",
    },
    employment: {
      activity: d.employment.activity,
      contractType: d.employment.contractType ?? "",
      workingTime: d.employment.workingTime ?? "",
    },
    sensitive: {
      health: d.sensitive?.health ?? "",
      violence: d.sensitive?.violence ?? "",
      notes: d.sensitive?.notes ?? "",
    },
  };
}

/**
 * The diagnosis the draft describes (the body of PUT /cases/:id/diagnosis), and what stops it from being
 * one. The sensitive topics are sent only by those who may read them (`withSensitive`).
 */
export function diagnosisOf(
  draft: DiagnosisDraft,
  withSensitive: boolean,
): { diagnosis?: Diagnosis; errors: DraftErrors } {
  const errors: Record<string, string> = {};
  const cents = (value: string, id: string, optional = false): number => {
    if (optional && value.trim() === "") return 0;
    const parsed = parseAmount(value);
    if (!parsed.ok) {
      errors[id] = value.trim() === "" ? text.required : text.amountError;
      return 0;
    }
    return parsed.cents;
  };
  const household = draft.household.map((member, index) => {
    const age = Number(member.age);
    if (member.age.trim() === "" || !Number.isInteger(age) || age < 0)
      errors[fieldIds.member(index, "age")] = text.ageError;
    return { relation: member.relation, age, dependant: member.dependant };
  });
  const lines = (list: LineDraft[], prefix: LinePrefix) =>
    list.map((line, index) => ({
      kind: line.kind,
      monthlyCents: cents(line.amount, fieldIds.line(prefix, index, "amount")),
    }));
  const income = lines(draft.income, "diag-income");
  const expenses = lines(draft.expenses, "diag-expense");
  const debts = draft.debts.map((debt, index) => {
    if (debt.creditor.trim() === "") errors[fieldIds.debt(index, "creditor")] = text.required;
    return {
      kind: debt.kind,
      creditor: debt.creditor.trim(),
      amountCents: cents(debt.amount, fieldIds.debt(index, "amount")),
      arrearsCents: cents(debt.arrears, fieldIds.debt(index, "arrears"), true),
      stage: debt.stage,
    };
  });
  const { housing, employment } = draft;
  if (housing.occupancy === "") errors[fieldIds.single("occupancy")] = text.required;
  if (employment.activity === "") errors[fieldIds.single("activity")] = text.required;
  const housingCost =
    housing.housingCost.trim() === ""
      ? undefined
      : cents(housing.housingCost, fieldIds.single("housingCost"));
  if (Object.keys(errors).length > 0) return { errors };
  const sensitive = {
    health: draft.sensitive.health.trim(),
    violence: draft.sensitive.violence.trim(),
    notes: draft.sensitive.notes.trim(),
  };
  // The lists offer only the core's values: the strings the selects hold are the diagnosis's enumerations.
  const diagnosis = {
    household,
    income,
    expenses,
    debts,
    housing: {
      occupancy: housing.occupancy,
      ...(housingCost === undefined ? {} : { monthlyCostCents: housingCost }),
      ...(housing.landlordType === "" ? {} : { landlordType: housing.landlordType }),
      ...(housing.procedureKind === "" || housing.procedureStage === ""
        ? {}
        : { procedure: { kind: housing.procedureKind, stage: housing.procedureStage } }),
    },
    employment: {
      activity: employment.activity,
      ...(employment.contractType === "" ? {} : { contractType: employment.contractType }),
      ...(employment.workingTime === "" ? {} : { workingTime: employment.workingTime }),
    },
    ...(withSensitive
      ? {
          sensitive: Object.fromEntries(Object.entries(sensitive).filter(([, value]) => value !== "")),
        }
      : {}),
  } as Diagnosis;
  return { diagnosis, errors };
}

/**
 * The budget while amounts are being typed: as soon as every age and every resource and charge reads as a
 * number, whatever else is still missing; undefined until then.
 */
export function liveBudget(draft: DiagnosisDraft): Budget | undefined {
  const ages = draft.household.map((member) => member.age.trim());
  if (!ages.every((age) => /^\d+$/.test(age))) return undefined;
  const lines = (list: LineDraft[]) =>
    list.map((line) => ({ kind: line.kind, parsed: parseAmount(line.amount) }));
  const income = lines(draft.income);
  const expenses = lines(draft.expenses);
  const cents = (list: typeof income) =>
    list.map((line) => (line.parsed.ok ? { kind: line.kind, monthlyCents: line.parsed.cents } : undefined));
  const incomeLines = cents(income);
  const expenseLines = cents(expenses);
  if (incomeLines.includes(undefined) || expenseLines.includes(undefined)) return undefined;
  return budgetOf({
    household: draft.household.map((member, index) => ({
      relation: member.relation,
      age: Number(ages[index]),
      dependant: member.dependant,
    })),
    income: incomeLines,
    expenses: expenseLines,
    debts: [],
  } as unknown as Diagnosis);
}
