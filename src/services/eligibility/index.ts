// The public eligibility evaluation.
export { type EligibilityAnswer, evaluateEligibility, MAX_BATCH_SIZE } from "./evaluate.ts";
