// The rule parameters as the API shows them: dates as ISO strings, the definitions with the values, and
// each recorded key with its label and unit.
import { RULE_PARAMETER_DEFINITIONS } from "../../../core/rules/index.ts";
import type {
  AuthoredParameterRecord,
  ParameterRecord,
  ParametersOn,
} from "../../../services/parameters/index.ts";
import { parameterRecordMessages } from "./messages.fr.ts";

export function recordedValue(record: ParameterRecord) {
  return {
    key: record.key,
    value: record.value,
    appliesFrom: record.appliesFrom,
    recordedAt: record.recordedAt.toISOString(),
    reason: record.reason,
  };
}

export function parametersOn(parameters: ParametersOn) {
  return {
    date: parameters.date,
    values: parameters.values,
    definitions: RULE_PARAMETER_DEFINITIONS.map((definition) => ({ ...definition })),
    history: parameters.history.map(recordedValue),
  };
}

/** Label and unit of a recorded key: a rule parameter's definition, else the finance texts, else the key. */
function describeKey(key: string): { label: string; unit: string } {
  const definition = RULE_PARAMETER_DEFINITIONS.find((candidate) => candidate.key === key);
  if (definition !== undefined) return { label: definition.label, unit: definition.unit };
  return parameterRecordMessages.labels[key] ?? { label: key, unit: "" };
}

export function parameterRecordList(records: readonly AuthoredParameterRecord[]) {
  return {
    items: records.map((record) => ({
      key: record.key,
      ...describeKey(record.key),
      value: record.value,
      appliesFrom: record.appliesFrom,
      reason: record.reason,
      recordedAt: record.recordedAt.toISOString(),
      recordedBy:
        record.recordedByUserId === null
          ? null
          : { id: record.recordedByUserId, displayName: record.recordedByName ?? "" },
    })),
  };
}
