// The case lifecycle's public surface. Pure: no I/O and no Node-only API, so the server, the CLI and the
// browser all run this same state machine.

export { caseAfter, journeyTo, snapshotSummary } from "./journeys.ts";
export {
  allowedClosureReasons,
  CASE_STATES,
  caseProblems,
  departsFromOutcome,
  type NextStep,
  nextSteps,
  openCase,
  type StepField,
  transition,
} from "./machine.ts";
export {
  CASE_STATUS_LABELS,
  CLOSURE_REASON_LABELS,
  COMMAND_LABELS,
  caseErrorMessage,
  DECISION_LABELS,
} from "./messages.fr.ts";
export { CASE_POLICIES, type CasePolicy, casePolicy } from "./policy.ts";
export type * from "./types.ts";
export {
  CASE_ERROR_CODES,
  CASE_ERROR_KINDS,
  CASE_STATUSES,
  CLOSURE_REASONS,
  COMMAND_TYPES,
  DECISION_KINDS,
  ENGAGEMENT_KINDS,
} from "./types.ts";
