// The public surface of a case's content: diagnosis and budget, action plan, quality. Pure: no I/O, no
// Node-only API, so the server, the CLI and the browser validate and compute with this same code.

export { daysBetween, epochDay } from "../time/days.ts";
export {
  ACTION_LIMITS,
  type ActionContext,
  type ActionUpdateResult,
  actionProblems,
  daysOverdue,
  isOverdue,
  newAction,
  rentalServiceNotice,
  updateAction,
} from "./actions.ts";
export { ADULT_SCALE_AGE, budgetOf, consumptionUnitTenths, divideRounded } from "./budget.ts";
export { DIAGNOSIS_LIMITS, diagnosisProblems, normaliseDiagnosis } from "./diagnosis.ts";
export * from "./messages.fr.ts";
export {
  closureOutcomesProblems,
  QUALITY_LIMITS,
  qualityDurations,
  surveyAnswerProblems,
} from "./quality.ts";
export type * from "./types.ts";
export {
  ACTION_KINDS,
  ACTION_OWNERS,
  ACTION_STATUSES,
  APPOINTMENT_CHANNELS,
  CLOSURE_OUTCOMES,
  DEBT_KINDS,
  DEBT_STAGES,
  DIAGNOSIS_ERROR_CODES,
  DIAGNOSIS_ERROR_KINDS,
  EXPENSE_KINDS,
  EXTERNAL_AIDS,
  HOUSEHOLD_RELATIONS,
  HOUSING_PROCEDURE_KINDS,
  HOUSING_PROCEDURE_STAGES,
  INCOME_KINDS,
  LANDLORD_TYPES,
  WORKING_TIMES,
} from "./types.ts";
