// Reading the rule parameters: the values in force on a date with the whole history (public: the simulator
// reads it), the history of one parameter, and the administrators' list of who recorded what (audited).

import {
  isCalendarDate,
  RULE_PARAMETER_DEFINITIONS,
  type RuleParameterKey,
  type RuleParameters,
} from "../../core/rules/index.ts";
import { todayInParis } from "../../core/time/index.ts";
import {
  type AuthoredParameterRecord,
  authoredParameterRecords,
  loadParameterTimeline,
  type ParameterRecord,
  parameterHistory,
} from "../../db/ruleParameters.ts";
import { recordRead } from "../auditing.ts";
import type { Caller } from "../caller.ts";
import type { ServiceContext } from "../context.ts";
import { DomainError } from "../errors.ts";
import { parameterMessages } from "./messages.fr.ts";

export type { AuthoredParameterRecord, ParameterRecord };

export interface ParametersOn {
  /** The day asked for, or today in Paris. */
  date: string;
  values: Readonly<RuleParameters>;
  /** Per parameter, the first day of the value in force on `date`; null while the default applies. */
  appliesFrom: Readonly<Record<RuleParameterKey, string | null>>;
  /** Every recorded value, by application date then recording. */
  history: readonly ParameterRecord[];
}

/** The values in force on `date` (today in Paris when absent), and the history they come from. */
export async function ruleParametersOn(
  context: ServiceContext,
  date: string | undefined,
): Promise<ParametersOn> {
  const day = date ?? todayInParis(context.now());
  if (!isCalendarDate(day)) {
    throw DomainError.invalidField("/date", "INVALID_DATE", parameterMessages.invalidDate);
  }
  const timeline = await loadParameterTimeline(context.db);
  const appliesFrom = Object.fromEntries(
    RULE_PARAMETER_DEFINITIONS.map((definition) => [definition.key, null]),
  ) as Record<RuleParameterKey, string | null>;
  for (const record of timeline.history) {
    if (record.appliesFrom > day) break;
    appliesFrom[record.key] = record.appliesFrom;
  }
  return { date: day, values: timeline.inForce(day), appliesFrom, history: timeline.history };
}

/** The recorded values of one parameter (of all when `key` is absent), oldest application date first. */
export function parameterHistoryOf(
  context: ServiceContext,
  key?: RuleParameterKey,
): Promise<ParameterRecord[]> {
  return parameterHistory(context.db, key);
}

/**
 * Every recorded value, the finance threshold included, newest first, with who recorded it. Their names are
 * staff personal data: the read is traced, as the users' list is.
 */
export async function listParameterRecords(
  context: ServiceContext,
  caller: Caller,
): Promise<AuthoredParameterRecord[]> {
  const db = context.db.drizzle;
  const records = await authoredParameterRecords(db);
  await recordRead(context, caller, {
    action: "rule_parameter.records_listed",
    targetType: "rule_parameter",
    details: { returned: records.length },
  });
  return records;
}
