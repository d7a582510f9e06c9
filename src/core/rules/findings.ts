// What a rule returns. Findings are built once, when a directive module loads, and shared by every
// evaluation: the engine allocates no reason while it runs, which keeps it within a small factor of a
// bare function that returns only the outcome.
import type { Clause, Reason, RuleParameters, Situation, SituationKind } from "./types.ts";

export const NO = 0;
export const YES = 1;
/** A fact the clause needs is absent: the outcome cannot be decided. */
export const UNKNOWN = 2;
/** The texts leave the point to the counsellor (an open list ending in "etc."). */
export const REVIEW = 3;
export type Truth = typeof NO | typeof YES | typeof UNKNOWN | typeof REVIEW;

export interface Finding {
  readonly truth: Truth;
  readonly reason: Reason;
}

export function finding(clause: Clause, truth: Truth, text: string): Finding {
  const status = truth === YES ? "met" : truth === NO ? "not_met" : "unknown";
  return Object.freeze({ truth, reason: Object.freeze({ clause: clause.id, status, text }) });
}

/**
 * A rule reads one clause. It pushes onto `missing` the JSON Pointer of each absent fact it needed; the
 * engine keeps them only when the rule answers UNKNOWN.
 */
export type Rule = (situation: Situation, parameters: RuleParameters, missing: string[]) => Finding;

/** How a version reads "les situations prises en charge": listed kinds, and the clause for the others. */
export interface AccessRule {
  readonly listed: ReadonlyMap<SituationKind, Finding>;
  /** Kinds the text does not cite: REVIEW under its open list, or NO if the list is closed. */
  readonly unlisted: ReadonlyMap<SituationKind, Finding>;
  readonly none: Finding;
  readonly unknown: Finding;
}

/** The rules of one version, grouped as the texts combine them. */
export interface DirectiveRules {
  /** "Bénéficiaires": any one ground suffices. */
  readonly beneficiary: readonly Rule[];
  /** Housing conditions (territory, occupancy status): all must hold. */
  readonly housing: readonly Rule[];
  readonly access: AccessRule;
}

/** Pushes `path` unless already there (several clauses can need the same fact). */
export function need(missing: string[], path: string): void {
  if (!missing.includes(path)) missing.push(path);
}
