// The household's monthly budget and its « reste à vivre », exactly, in integer cents.
//
// Reste à vivre = monthly income − monthly expenses (glossary: `remainingIncome`). Expenses are what the
// household owes each month, debt repayments included; housing benefit is an income line, so when the CAF
// pays it straight to the landlord the full rent is an expense and the benefit an income.
//
// Per consumption unit: the OECD-modified equivalence scale that INSEE uses for every household-income
// statistic (INSEE, définition « Unité de consommation », https://www.insee.fr/fr/metadonnees/definition/c1802):
// 1 unit for the first adult, 0.5 for each other person aged 14 or over, 0.3 for each child under 14. The
// beneficiary is the first adult. It lets a counsellor compare a couple with three children and a person
// living alone on one figure; it is a reading aid, never a condition of the directives. Units are counted in
// tenths so that the whole computation stays in integers: per-unit = round(remaining × 10 / tenths), to the
// cent, halves away from zero.
import { multiplyCents, subCents, sumCents } from "../finance/money.ts";
import type { Budget, Diagnosis, HouseholdMember } from "./types.ts";

/** Age from which a household member counts 0.5 unit instead of 0.3 (INSEE). */
export const ADULT_SCALE_AGE = 14;

/** Consumption units of a household, in tenths: the beneficiary 10, each other member 5 or 3. */
export function consumptionUnitTenths(household: readonly HouseholdMember[]): number {
  let tenths = 10;
  for (const member of household) {
    if (member.relation === "beneficiary") continue;
    tenths += member.age >= ADULT_SCALE_AGE ? 5 : 3;
  }
  return tenths;
}

/** `numerator / denominator` rounded to the nearest integer, halves away from zero (denominator > 0). */
export function divideRounded(numerator: number, denominator: number): number {
  const magnitude = Math.abs(numerator);
  const quotient = Math.floor(magnitude / denominator);
  const remainder = magnitude - quotient * denominator;
  const rounded = remainder * 2 >= denominator ? quotient + 1 : quotient;
  return numerator < 0 ? -rounded : rounded;
}

export function budgetOf(diagnosis: Pick<Diagnosis, "household" | "income" | "expenses" | "debts">): Budget {
  const incomeCents = sumCents(diagnosis.income.map((line) => line.monthlyCents));
  const expensesCents = sumCents(diagnosis.expenses.map((line) => line.monthlyCents));
  const remainingIncomeCents = subCents(incomeCents, expensesCents);
  const tenths = consumptionUnitTenths(diagnosis.household);
  return {
    incomeCents,
    expensesCents,
    remainingIncomeCents,
    consumptionUnitTenths: tenths,
    remainingIncomePerUnitCents: divideRounded(multiplyCents(remainingIncomeCents, 10), tenths),
    debtCents: sumCents(diagnosis.debts.map((debt) => debt.amountCents)),
    arrearsCents: sumCents(diagnosis.debts.map((debt) => debt.arrearsCents)),
    dependants: diagnosis.household.filter((member) => member.dependant).length,
  };
}
