// The rules a diagnosis must follow beyond the shape of its fields (which the payload schema checks with
// the limits below): one beneficiary, arrears within the debt, a landlord only for a tenant, a procedure
// that fits the occupancy status. Each problem names the field at fault.
import { isCalendarDate } from "../rules/dates.ts";
import { OCCUPANCY_LABELS } from "../rules/messages.fr.ts";
import type { Occupancy } from "../rules/types.ts";
import { DIAGNOSIS_MESSAGES } from "./messages.fr.ts";
import type { Diagnosis, DiagnosisError, HousingProcedureKind, SensitiveTopics } from "./types.ts";

/** Limits the payload schema enforces, chosen so that every sum stays an exact integer of cents. */
export const DIAGNOSIS_LIMITS = {
  householdMembers: 20,
  maxAge: 120,
  budgetLines: 40,
  debts: 40,
  /** 1 000 000 € a month per line. */
  monthlyCents: 100_000_000,
  /** 100 000 000 € per debt. */
  debtCents: 10_000_000_000,
  label: 200,
  sensitiveText: 10_000,
} as const;

/** Who may be the object of each procedure (glossary: eviction for occupants, seizure for owners). */
const PROCEDURE_OCCUPANCIES: Readonly<Record<HousingProcedureKind, readonly Occupancy[]>> = {
  eviction: ["tenant", "occupant_without_title", "hosted"],
  property_seizure: ["owner", "buyer"],
};

function problem(code: DiagnosisError["code"], message: string, path: string): DiagnosisError {
  return { code, message, path };
}

/**
 * What is wrong with a diagnosis that has the right shape; empty when it can be stored. `today` (ISO day)
 * refuses an employment start in the future.
 */
export function diagnosisProblems(diagnosis: Diagnosis, today?: string): DiagnosisError[] {
  const problems: DiagnosisError[] = [];
  const beneficiaries = diagnosis.household.flatMap((member, index) =>
    member.relation === "beneficiary" ? [index] : [],
  );
  if (beneficiaries.length === 0) {
    problems.push(problem("NO_BENEFICIARY", DIAGNOSIS_MESSAGES.noBeneficiary, "/household"));
  }
  for (const index of beneficiaries.slice(1)) {
    problems.push(
      problem(
        "SEVERAL_BENEFICIARIES",
        DIAGNOSIS_MESSAGES.severalBeneficiaries,
        `/household/${index}/relation`,
      ),
    );
  }
  diagnosis.debts.forEach((debt, index) => {
    if (debt.creditor.trim() === "") {
      problems.push(problem("BLANK_TEXT", DIAGNOSIS_MESSAGES.blankText, `/debts/${index}/creditor`));
    }
    if (debt.arrearsCents > debt.amountCents) {
      problems.push(
        problem(
          "ARREARS_EXCEED_AMOUNT",
          DIAGNOSIS_MESSAGES.arrearsExceedAmount(debt.arrearsCents, debt.amountCents),
          `/debts/${index}/arrearsCents`,
        ),
      );
    }
  });
  const { housing } = diagnosis;
  if (housing.landlordType !== undefined && housing.occupancy !== "tenant") {
    problems.push(
      problem("LANDLORD_NOT_TENANT", DIAGNOSIS_MESSAGES.landlordNotTenant, "/housing/landlordType"),
    );
  }
  if (housing.occupancy === "homeless" && (housing.monthlyCostCents ?? 0) > 0) {
    problems.push(
      problem(
        "HOUSING_COST_WITHOUT_HOUSING",
        DIAGNOSIS_MESSAGES.housingCostWithoutHousing,
        "/housing/monthlyCostCents",
      ),
    );
  }
  const procedure = housing.procedure;
  if (procedure !== undefined) {
    if (!PROCEDURE_OCCUPANCIES[procedure.kind].includes(housing.occupancy)) {
      problems.push(
        problem(
          "PROCEDURE_NOT_FOR_OCCUPANCY",
          DIAGNOSIS_MESSAGES.procedureNotForOccupancy(procedure.kind, OCCUPANCY_LABELS[housing.occupancy]),
          "/housing/procedure/kind",
        ),
      );
    }
    if (procedure.kind === "property_seizure" && procedure.stage === "eviction_order") {
      problems.push(
        problem(
          "EVICTION_ORDER_NOT_SEIZURE",
          DIAGNOSIS_MESSAGES.evictionOrderNotSeizure,
          "/housing/procedure/stage",
        ),
      );
    }
  }
  const since = diagnosis.employment.since;
  if (since !== undefined) {
    if (!isCalendarDate(since)) {
      problems.push(problem("INVALID_DATE", DIAGNOSIS_MESSAGES.invalidDate, "/employment/since"));
    } else if (today !== undefined && since > today) {
      problems.push(problem("DATE_IN_FUTURE", DIAGNOSIS_MESSAGES.dateInFuture(since), "/employment/since"));
    }
  }
  return problems;
}

/** Texts trimmed; empty sensitive topics and labels dropped, so that « nothing written » has one form. */
export function normaliseDiagnosis(diagnosis: Diagnosis): Diagnosis {
  const label = <T extends { label?: string }>(line: T): T => {
    const { label: text, ...rest } = line;
    const trimmed = text?.trim();
    return (trimmed ? { ...rest, label: trimmed } : rest) as T;
  };
  const { sensitive, ...rest } = diagnosis;
  const topics = sensitive === undefined ? undefined : normaliseSensitive(sensitive);
  return {
    ...rest,
    income: diagnosis.income.map(label),
    expenses: diagnosis.expenses.map(label),
    debts: diagnosis.debts.map((debt) => ({ ...debt, creditor: debt.creditor.trim() })),
    ...(topics === undefined ? {} : { sensitive: topics }),
  };
}

function normaliseSensitive(sensitive: SensitiveTopics): SensitiveTopics | undefined {
  const result: { -readonly [K in keyof SensitiveTopics]: string } = {};
  for (const key of ["health", "violence", "notes"] as const) {
    const text = sensitive[key]?.trim();
    if (text) result[key] = text;
  }
  return Object.keys(result).length === 0 ? undefined : result;
}
