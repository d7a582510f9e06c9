// The monthly budget: totals, « reste à vivre » and the per-unit figure on the INSEE scale, exactly in cents.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { budgetOf, consumptionUnitTenths, divideRounded } from "./budget.ts";
import { DIAGNOSIS_LIMITS } from "./diagnosis.ts";
import type { Diagnosis, HouseholdMember } from "./types.ts";
import { EXPENSE_KINDS, INCOME_KINDS } from "./types.ts";

const SEED = 20_251_125;
const me: HouseholdMember = { relation: "beneficiary", age: 38, dependant: false };
const adult = (age: number): HouseholdMember => ({ relation: "partner", age, dependant: false });
const child = (age: number): HouseholdMember => ({ relation: "child", age, dependant: true });

function household(members: HouseholdMember[], income: number[], expenses: number[]) {
  return {
    household: members,
    income: income.map((monthlyCents) => ({ kind: "salary" as const, monthlyCents })),
    expenses: expenses.map((monthlyCents) => ({ kind: "rent" as const, monthlyCents })),
    debts: [],
  };
}

describe("consumption units (INSEE, OECD-modified scale)", () => {
  it.each([
    ["a person alone", [me], 10],
    ["a couple", [me, adult(40)], 15],
    ["a couple with children of 3 and 15", [me, adult(36), child(3), child(15)], 23],
    ["a parent alone with a child of 13", [me, child(13)], 13],
    ["a child turns 14: 0.5 instead of 0.3", [me, child(14)], 15],
  ])("%s: %s tenths", (_, members, tenths) => {
    expect(consumptionUnitTenths(members)).toBe(tenths);
  });
});

describe("the budget", () => {
  it.each([
    // income lines, expense lines, reste à vivre, per unit (cents)
    ["a person alone", [me], [165_000], [65_000, 12_000], 88_000, 88_000],
    [
      "a couple with two young children",
      [me, adult(35), child(4), child(9)],
      [180_000, 95_000],
      [120_000],
      155_000,
      73_810,
    ],
    ["expenses above income", [me, adult(40)], [120_000], [150_001], -30_001, -20_001],
    ["nothing declared", [me], [], [], 0, 0],
  ])("%s", (_, members, income, expenses, remaining, perUnit) => {
    const budget = budgetOf(household(members, income, expenses));
    expect(budget.remainingIncomeCents).toBe(remaining);
    expect(budget.remainingIncomePerUnitCents).toBe(perUnit);
  });

  it("adds debts and arrears and counts dependants", () => {
    const budget = budgetOf({
      household: [me, child(4), { relation: "other_relative", age: 70, dependant: true }],
      income: [],
      expenses: [],
      debts: [
        {
          kind: "rent_arrears",
          creditor: "Bailleur",
          amountCents: 240_000,
          arrearsCents: 240_000,
          stage: "summons",
        },
        {
          kind: "consumer_credit",
          creditor: "Banque",
          amountCents: 812_345,
          arrearsCents: 10_001,
          stage: "none",
        },
      ],
    });
    expect(budget).toMatchObject({ debtCents: 1_052_345, arrearsCents: 250_001, dependants: 2 });
  });

  it("rounds halves away from zero", () => {
    expect([
      divideRounded(15, 10),
      divideRounded(-15, 10),
      divideRounded(14, 10),
      divideRounded(-16, 10),
    ]).toEqual([2, -2, 1, -2]);
  });
});

describe("budget properties (fast-check, fixed seed)", () => {
  const amount = fc.integer({ min: 0, max: DIAGNOSIS_LIMITS.monthlyCents });
  const member = fc.record({
    relation: fc.constantFrom("partner", "child", "other_relative", "other") as fc.Arbitrary<
      HouseholdMember["relation"]
    >,
    age: fc.integer({ min: 0, max: DIAGNOSIS_LIMITS.maxAge }),
    dependant: fc.boolean(),
  });
  const diagnosis = fc.record({
    household: fc
      .array(member, { maxLength: DIAGNOSIS_LIMITS.householdMembers - 1 })
      .map((others) => [me, ...others]),
    income: fc.array(fc.record({ kind: fc.constantFrom(...INCOME_KINDS), monthlyCents: amount }), {
      maxLength: DIAGNOSIS_LIMITS.budgetLines,
    }),
    expenses: fc.array(fc.record({ kind: fc.constantFrom(...EXPENSE_KINDS), monthlyCents: amount }), {
      maxLength: DIAGNOSIS_LIMITS.budgetLines,
    }),
    debts: fc.constant([]),
  }) as fc.Arbitrary<Pick<Diagnosis, "household" | "income" | "expenses" | "debts">>;

  it("reste à vivre is income minus expenses, exactly, and every figure is a whole number of cents", () => {
    fc.assert(
      fc.property(diagnosis, (value) => {
        const budget = budgetOf(value);
        let income = 0n;
        for (const line of value.income) income += BigInt(line.monthlyCents);
        let expenses = 0n;
        for (const line of value.expenses) expenses += BigInt(line.monthlyCents);
        expect(BigInt(budget.incomeCents)).toBe(income);
        expect(BigInt(budget.expensesCents)).toBe(expenses);
        expect(BigInt(budget.remainingIncomeCents)).toBe(income - expenses);
        for (const figure of [budget.remainingIncomeCents, budget.remainingIncomePerUnitCents]) {
          expect(Number.isSafeInteger(figure)).toBe(true);
        }
      }),
      { seed: SEED, numRuns: 500 },
    );
  });

  it("the per-unit figure is the nearest cent to reste à vivre ÷ units, with the same sign", () => {
    fc.assert(
      fc.property(diagnosis, (value) => {
        const {
          remainingIncomeCents: remaining,
          remainingIncomePerUnitCents: perUnit,
          consumptionUnitTenths: tenths,
        } = budgetOf(value);
        // |perUnit × units − remaining| ≤ half a unit, computed in exact integers (tenths of cents).
        const error = BigInt(perUnit) * BigInt(tenths) - BigInt(remaining) * 10n;
        expect(2n * (error < 0n ? -error : error)).toBeLessThanOrEqual(BigInt(tenths));
        expect(Math.sign(perUnit) === Math.sign(remaining) || perUnit === 0).toBe(true);
        expect(Math.abs(perUnit)).toBeLessThanOrEqual(Math.abs(remaining));
      }),
      { seed: SEED, numRuns: 500 },
    );
  });

  it("one more person never raises the per-unit figure of a positive reste à vivre", () => {
    fc.assert(
      fc.property(diagnosis, member, (value, extra) => {
        const before = budgetOf(value);
        const after = budgetOf({ ...value, household: [...value.household, extra] });
        expect(after.consumptionUnitTenths).toBeGreaterThan(before.consumptionUnitTenths);
        if (before.remainingIncomeCents >= 0) {
          expect(after.remainingIncomePerUnitCents).toBeLessThanOrEqual(before.remainingIncomePerUnitCents);
        }
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});
