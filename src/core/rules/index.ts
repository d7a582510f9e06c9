// The rules engine's public surface. Pure: no I/O and no Node-only API, so the server, the CLI and the
// browser simulator all run this same code.
export {
  type ClauseChange,
  type ComparisonRow,
  compareDirectives,
  type DirectiveComparison,
  diffWords,
  type TextSegment,
} from "./compare.ts";
export { addMonths, dayNumber, isCalendarDate } from "./dates.ts";
export {
  DIRECTIVES,
  type DirectiveWithRules,
  directiveByReference,
  directiveInForce,
} from "./directives/index.ts";
export { evaluate, evaluateUnder, NoDirectiveInForceError, RULES_ENGINE_VERSION } from "./evaluate.ts";
export { explain } from "./explain.ts";
export { type ImpactResult, impact } from "./impact.ts";
export {
  ACTIVITY_LABELS,
  CONTRACT_LABELS,
  FACT_LABELS,
  frenchDate,
  OCCUPANCY_LABELS,
  OUTCOME_LABELS,
  SECTOR_LABELS,
  SITUATION_LABELS,
  STATUS_LABELS,
  TOPIC_LABELS,
} from "./messages.fr.ts";
export {
  DEFAULT_RULE_PARAMETERS,
  type ParameterEntry,
  ParameterTimeline,
  parameterValueProblem,
  RULE_PARAMETER_DEFINITIONS,
  type RuleParameterDefinition,
} from "./parameters.ts";
export { type Territory, territoryOfPostcode } from "./territory/territory.ts";
export type * from "./types.ts";
export {
  ACTIVITIES,
  CLAUSE_STATUSES,
  CONTRACT_TYPES,
  DISASTER_KINDS,
  EMPLOYER_SECTORS,
  OCCUPANCIES,
  OUTCOMES,
  SITUATION_KINDS,
} from "./types.ts";
