// Applies a directive version to a situation. Beneficiary grounds are alternatives (one suffices); the
// housing and access conditions must all hold. Outcome: any condition not met → ineligible; otherwise a
// needed fact absent → incomplete; otherwise a point left to the counsellor → review; otherwise eligible.
import { type DirectiveWithRules, directiveInForce } from "./directives/index.ts";
import { type Finding, NO, REVIEW, type Rule, UNKNOWN, YES } from "./findings.ts";
import { RULE_ERRORS } from "./messages.fr.ts";
import { DEFAULT_RULE_PARAMETERS } from "./parameters.ts";
import type { EligibilityResult, Outcome, Reason, RuleParameters, Situation } from "./types.ts";

/** Changes whenever a rule or a reason changes, so that a stored result says which engine produced it. */
export const RULES_ENGINE_VERSION = "1.0.0";

export class NoDirectiveInForceError extends Error {
  readonly code = "NO_DIRECTIVE_IN_FORCE";
  constructor(readonly requestDate: string) {
    super(RULE_ERRORS.noDirectiveInForce(requestDate));
    this.name = "NoDirectiveInForceError";
  }
}

const NO_MISSING: readonly string[] = Object.freeze([]);
// Absent facts noted while the rules run; copied into the result only when there are some, which spares
// an allocation in most evaluations (the engine is synchronous, so one buffer serves every call).
const pending: string[] = [];

/** Evaluates under the version in force on the request date. */
export function evaluate(situation: Situation, parameters?: RuleParameters): EligibilityResult {
  const directive = directiveInForce(situation.requestDate);
  if (directive === undefined) throw new NoDirectiveInForceError(situation.requestDate);
  return evaluateUnder(directive, situation, parameters);
}

/** Evaluates under a given version, whatever the request date (used to measure a new version's impact). */
export function evaluateUnder(
  directive: DirectiveWithRules,
  situation: Situation,
  parameters: RuleParameters = DEFAULT_RULE_PARAMETERS,
): EligibilityResult {
  const rules = directive.rules;
  const reasons: Reason[] = [];
  const missing = pending;
  if (missing.length !== 0) missing.length = 0;

  const beneficiary = anyOf(rules.beneficiary, situation, parameters, reasons, missing);
  let housing: number = YES;
  for (const rule of rules.housing) {
    housing = combine(housing, apply(rule, situation, parameters, missing, reasons));
  }
  const access = accessTruth(directive, situation, reasons, missing);

  let outcome: Outcome;
  if (beneficiary === NO || housing === NO || access === NO) outcome = "ineligible";
  else if (beneficiary === UNKNOWN || housing === UNKNOWN || access === UNKNOWN) outcome = "incomplete";
  else if (access === REVIEW) outcome = "review";
  else outcome = "eligible";

  // One object shape whether or not an id was given (JSON leaves an undefined id out).
  return {
    id: situation.id,
    directive: directive.reference,
    outcome,
    reasons,
    missing: missing.length === 0 ? NO_MISSING : missing.slice(),
    parameters,
    engineVersion: RULES_ENGINE_VERSION,
  };
}

function apply(
  rule: Rule,
  situation: Situation,
  parameters: RuleParameters,
  missing: string[],
  reasons: Reason[],
): number {
  const mark = missing.length;
  const found = rule(situation, parameters, missing);
  // Truncating an array is slow in V8: only when the rule noted something it turned out not to need.
  if (found.truth !== UNKNOWN && missing.length !== mark) missing.length = mark;
  reasons.push(found.reason);
  return found.truth;
}

/** "All of": NO wins, then UNKNOWN, then REVIEW. */
function combine(a: number, b: number): number {
  if (a === NO || b === NO) return NO;
  if (a === UNKNOWN || b === UNKNOWN) return UNKNOWN;
  return a === REVIEW || b === REVIEW ? REVIEW : YES;
}

// The grounds' findings, gathered before deciding which to report: the first met one, since one
// suffices; otherwise all of them (each says why that way is closed or what it still needs).
const scratch: Finding[] = [];

function anyOf(
  rules: readonly Rule[],
  situation: Situation,
  parameters: RuleParameters,
  reasons: Reason[],
  missing: string[],
): number {
  const start = missing.length;
  let truth: number = NO;
  let count = 0;
  for (let index = 0; index < rules.length; index++) {
    const mark = missing.length;
    const found = (rules[index] as Rule)(situation, parameters, missing);
    if (found.truth === YES) {
      if (missing.length !== start) missing.length = start;
      reasons.push(found.reason);
      return YES;
    }
    if (found.truth === UNKNOWN) truth = UNKNOWN;
    else if (missing.length !== mark) missing.length = mark;
    scratch[count++] = found;
  }
  for (let index = 0; index < count; index++) reasons.push((scratch[index] as Finding).reason);
  return truth;
}

function accessTruth(
  directive: DirectiveWithRules,
  situation: Situation,
  reasons: Reason[],
  missing: string[],
): number {
  const access = directive.rules.access;
  const kinds = situation.situations;
  if (kinds === undefined) {
    missing.push("/situations");
    reasons.push(access.unknown.reason);
    return UNKNOWN;
  }
  if (kinds.length === 0) {
    reasons.push(access.none.reason);
    return NO;
  }
  let listed = false;
  for (const kind of kinds) {
    const found = access.listed.get(kind);
    if (found !== undefined) {
      reasons.push(found.reason);
      listed = true;
    }
  }
  if (listed) return YES;
  let truth: number = NO;
  for (const kind of kinds) {
    const found = access.unlisted.get(kind);
    if (found === undefined) continue;
    reasons.push(found.reason);
    if (found.truth === REVIEW) truth = REVIEW;
  }
  return truth;
}
