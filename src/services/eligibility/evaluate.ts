// Evaluating situations for the public: one situation, or a batch { situations: [...] }, each under the
// directive and the rule parameters in force on its request date. The input is checked by the contracts'
// validateSituation, so that the API reports the same codes and French messages as the command line; a
// batch with one invalid situation is refused whole.
import { escapePointer } from "../../contracts/inputErrors.ts";
import { INPUT_MESSAGES } from "../../contracts/messages.fr.ts";
import { type InputError, validateSituation } from "../../contracts/situation.ts";
import { type EligibilityResult, evaluate, type Situation } from "../../core/rules/index.ts";
import { loadParameterTimeline } from "../../db/ruleParameters.ts";
import type { ServiceContext } from "../context.ts";
import { DomainError, type FieldIssue } from "../errors.ts";
import { eligibilityServiceMessages } from "./messages.fr.ts";

/** Most situations in one batch: about 600 kB of JSON. */
export const MAX_BATCH_SIZE = 1000;

export type EligibilityAnswer = EligibilityResult | { results: EligibilityResult[] };

/** The result of `input` (a situation), or the results of each situation of `input` (a batch), in order. */
export async function evaluateEligibility(
  context: ServiceContext,
  input: unknown,
): Promise<EligibilityAnswer> {
  const batch = asBatch(input);
  if (batch === undefined) {
    const checked = validateSituation(input);
    if (!checked.ok) throw DomainError.invalid(checked.errors.map((error) => issue(error, "")));
    const timeline = await loadParameterTimeline(context.db);
    return evaluate(checked.situation, timeline.inForce(checked.situation.requestDate));
  }
  if (batch.length > MAX_BATCH_SIZE) {
    throw DomainError.invalidField(
      "/situations",
      "TOO_MANY_ITEMS",
      eligibilityServiceMessages.tooManySituations(MAX_BATCH_SIZE),
    );
  }
  const situations: Situation[] = [];
  const issues: FieldIssue[] = [];
  for (const [index, item] of batch.entries()) {
    const checked = validateSituation(item);
    if (checked.ok) situations.push(checked.situation);
    else for (const error of checked.errors) issues.push(issue(error, `/situations/${index}`));
  }
  if (issues.length > 0) throw DomainError.invalid(issues);
  // One query for the whole batch: the history is a handful of rows, picked per date in memory.
  const timeline = await loadParameterTimeline(context.db);
  // validateSituation has already refused dates before the first directive: evaluate cannot throw here.
  return {
    results: situations.map((situation) => evaluate(situation, timeline.inForce(situation.requestDate))),
  };
}

/**
 * The situations of a batch, or undefined when the input is meant as one situation. A situation has its own
 * `situations` field (a list of kinds, strings), and always a `requestDate`: an input without `requestDate`
 * whose `situations` holds no string is a batch.
 */
function asBatch(input: unknown): unknown[] | undefined {
  if (typeof input !== "object" || input === null || Array.isArray(input)) return undefined;
  if (Object.hasOwn(input, "requestDate")) return undefined;
  const situations = (input as { situations?: unknown }).situations;
  if (!Array.isArray(situations) || situations.some((item) => typeof item === "string")) return undefined;
  const extra = Object.keys(input).find((key) => key !== "situations");
  if (extra !== undefined) {
    throw DomainError.invalidField(`/${escapePointer(extra)}`, "UNKNOWN_FIELD", INPUT_MESSAGES.unknownField);
  }
  return situations;
}

function issue(error: InputError, prefix: string): FieldIssue {
  const path = `${prefix}${error.path}`;
  return { path: path === "" ? "/" : path, code: error.code, message: error.message };
}
