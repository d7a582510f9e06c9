// The rule parameters' use cases: their values in force and history, and recording a new dated value.
export {
  type AuthoredParameterRecord,
  listParameterRecords,
  type ParameterRecord,
  type ParametersOn,
  parameterHistoryOf,
  ruleParametersOn,
} from "./reads.ts";
export { type NewParameterValue, REASON_MAX_LENGTH, recordParameterValue } from "./record.ts";
