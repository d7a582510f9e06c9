// Recording a new dated value of a rule parameter, from the administrators' API or the command line:
// checked against the parameter's definition, appended to the history (never an update: the earlier value
// stays, superseded from the same date) and written to the audit trail in the same transaction.

import { isCalendarDate, parameterValueProblem, type RuleParameterKey } from "../../core/rules/index.ts";
import { insertParameterValue, isKnownParameterKey, type ParameterRecord } from "../../db/ruleParameters.ts";
import { recordChange } from "../auditing.ts";
import type { Caller } from "../caller.ts";
import type { ServiceContext } from "../context.ts";
import { DomainError } from "../errors.ts";
import { inTransaction } from "../transactions.ts";
import { parameterMessages } from "./messages.fr.ts";

/** Longest accepted reason for a change, in characters. */
export const REASON_MAX_LENGTH = 500;

/** What the caller asks to record; the value is checked here, whatever its type. */
export interface NewParameterValue {
  key: string;
  value: unknown;
  /** First day of application, YYYY-MM-DD. */
  appliesFrom: string;
  reason: string;
}

/** One field at fault, as every refusal of a value names it. */
function refused(field: "key" | "value" | "appliesFrom" | "reason", message: string): DomainError {
  return DomainError.invalidField(`/${field}`, "INVALID_PARAMETER_VALUE", message);
}

/**
 * Records `input` from its date on, by the caller (the system at the command line: then the trail says
 * `via: "cli"`, as for the users command).
 */
export async function recordParameterValue(
  context: ServiceContext,
  caller: Caller,
  input: NewParameterValue,
  via?: "cli",
): Promise<ParameterRecord> {
  const { key, value, appliesFrom } = input;
  if (!isKnownParameterKey(key)) {
    throw refused("key", parameterValueProblem(key as RuleParameterKey, value) ?? key);
  }
  const valueProblem = parameterValueProblem(key, value);
  if (valueProblem !== undefined) throw refused("value", valueProblem);
  if (typeof appliesFrom !== "string" || !isCalendarDate(appliesFrom)) {
    throw refused("appliesFrom", parameterMessages.invalidAppliesFrom);
  }
  const reason = typeof input.reason === "string" ? input.reason.trim() : "";
  if (reason === "") throw refused("reason", parameterMessages.missingReason);
  if (reason.length > REASON_MAX_LENGTH)
    throw refused("reason", parameterMessages.reasonTooLong(REASON_MAX_LENGTH));

  return inTransaction(context, async (tx) => {
    const record = await insertParameterValue(tx, {
      key,
      value: value as number,
      appliesFrom,
      reason,
      recordedByUserId: caller.actor?.userId ?? null,
    });
    await recordChange(tx, caller, {
      action: "rule_parameter.recorded",
      targetType: "rule_parameter",
      targetId: record.id,
      details: {
        ...(via === undefined ? {} : { via }),
        key: record.key,
        value: record.value,
        appliesFrom: record.appliesFrom,
      },
    });
    return record;
  });
}
