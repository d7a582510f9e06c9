// The clause-by-clause tables of the eligibility rules (one per directive version) check their rows the same
// way: the outcome, the reasons that must be among the result's (clause and status), and what is missing.
import { expect } from "vitest";
import type { ClauseStatus, EligibilityResult, Outcome, Situation } from "../../src/core/rules/types.ts";

export interface EligibilityRow {
  name: string;
  situation: Situation;
  outcome: Outcome;
  /** Reasons that must be among the result's: clause id (or pattern) and status. */
  reasons: [string | RegExp, ClauseStatus][];
  /** For incomplete rows: exactly these JSON pointers (any order). */
  missing?: string[];
}

/** Checks a result against its row, and that it was judged under `directive`. */
export function checkRow(directive: string, result: EligibilityResult, row: EligibilityRow): void {
  expect(result.directive).toBe(directive);
  expect(result.outcome, row.name).toBe(row.outcome);
  for (const [clause, status] of row.reasons) {
    const found = result.reasons.some(
      (reason) =>
        (typeof clause === "string" ? reason.clause === clause : clause.test(reason.clause)) &&
        reason.status === status,
    );
    expect(
      found,
      `${row.name}: a reason ${String(clause)} ${status} in ${JSON.stringify(result.reasons)}`,
    ).toBe(true);
  }
  if (row.outcome === "incomplete") {
    expect([...result.missing].sort()).toEqual([...(row.missing ?? [])].sort());
  } else {
    expect(row.missing).toBeUndefined();
  }
  if (row.outcome === "eligible") expect(result.missing).toEqual([]);
}
