// Dated rule parameters over `rule_parameter_values`: the values in force on a date, their history, and
// recording a new value. History is append-only: a change is a new row, never an update, so that any past
// evaluation can be replayed with the values in force on its request date. Nothing is cached: another
// process (the CLI, a second server) may record a value at any time, and the table holds a few rows.
import { asc, desc, eq } from "drizzle-orm";
import {
  isCalendarDate,
  ParameterTimeline,
  parameterValueProblem,
  RULE_PARAMETER_DEFINITIONS,
  type RuleParameterKey,
  type RuleParameters,
} from "../core/rules/index.ts";
import type { Database, Drizzle } from "./database.ts";

export { ParameterTimeline };

import { ruleParameterValues, users } from "./schema/index.ts";

export interface ParameterRecord {
  id: string;
  key: RuleParameterKey;
  value: number;
  /** First day (ISO YYYY-MM-DD) on which the value applies. */
  appliesFrom: string;
  recordedAt: Date;
  recordedByUserId: string | null;
  reason: string | null;
}

export interface NewParameterValue {
  key: string;
  value: unknown;
  appliesFrom: string;
  reason: string;
  recordedByUserId?: string | null;
}

/** Longest accepted reason, in characters. */
export const REASON_MAX_LENGTH = 500;

export const PARAMETER_ERRORS = {
  invalidDate: "Date d'application invalide : format attendu AAAA-MM-JJ, avec un jour qui existe.",
  missingReason: "Le motif du changement est obligatoire.",
  reasonTooLong: `Le motif du changement ne doit pas dépasser ${REASON_MAX_LENGTH} caractères.`,
} as const;

/** A value that cannot be recorded; `field` names the input at fault, `message` is French. */
export class ParameterValueError extends Error {
  constructor(
    readonly field: "key" | "value" | "appliesFrom" | "reason",
    message: string,
  ) {
    super(message);
    this.name = "ParameterValueError";
  }
}

const KNOWN_KEYS = new Set<string>(RULE_PARAMETER_DEFINITIONS.map((definition) => definition.key));

function isKnownKey(key: string): key is RuleParameterKey {
  return KNOWN_KEYS.has(key);
}

/**
 * Every recorded value, oldest application date first (then oldest recording first). Unknown keys (a
 * parameter that a later engine dropped) are left out.
 */
export async function parameterHistory(db: Database, key?: string): Promise<ParameterRecord[]> {
  const rows = await db.drizzle
    .select()
    .from(ruleParameterValues)
    .orderBy(asc(ruleParameterValues.appliesFrom), asc(ruleParameterValues.recordedAt));
  return rows.filter(
    (row): row is typeof row & { key: RuleParameterKey } =>
      isKnownKey(row.key) && (key === undefined || row.key === key),
  );
}

export async function loadParameterTimeline(db: Database): Promise<ParameterTimeline<ParameterRecord>> {
  return new ParameterTimeline(await parameterHistory(db));
}

/** The values in force on `date` (ISO YYYY-MM-DD), falling back to the engine's defaults. */
export async function parametersInForce(db: Database, date: string): Promise<Readonly<RuleParameters>> {
  return (await loadParameterTimeline(db)).inForce(date);
}

/**
 * Records a new value for a parameter from a date on, after checking it against the parameter's
 * definition. Never updates a row: an earlier value stays in the history, and a value recorded later for
 * the same date supersedes it.
 */
export async function recordParameterValue(
  db: Database,
  input: NewParameterValue,
  /** Runs in the same transaction once the row is written (the audit entry): both land, or neither. */
  alongside?: (tx: Drizzle, record: ParameterRecord) => Promise<unknown>,
): Promise<ParameterRecord> {
  const { key, value, appliesFrom } = input;
  if (!isKnownKey(key)) {
    throw new ParameterValueError("key", parameterValueProblem(key as RuleParameterKey, value) ?? key);
  }
  const valueProblem = parameterValueProblem(key, value);
  if (valueProblem !== undefined) throw new ParameterValueError("value", valueProblem);
  if (typeof appliesFrom !== "string" || !isCalendarDate(appliesFrom)) {
    throw new ParameterValueError("appliesFrom", PARAMETER_ERRORS.invalidDate);
  }
  const reason = typeof input.reason === "string" ? input.reason.trim() : "";
  if (reason === "") throw new ParameterValueError("reason", PARAMETER_ERRORS.missingReason);
  if (reason.length > REASON_MAX_LENGTH)
    throw new ParameterValueError("reason", PARAMETER_ERRORS.reasonTooLong);

  return db.drizzle.transaction(async (tx) => {
    const [row] = await tx
      .insert(ruleParameterValues)
      .values({
        key,
        value: value as number,
        appliesFrom,
        reason,
        recordedByUserId: input.recordedByUserId ?? null,
      })
      .returning();
    if (row === undefined) throw new Error("insert returned no row");
    const record = { ...row, key };
    await alongside?.(tx, record);
    return record;
  });
}

/** A recorded value of any key (the finance threshold included), with its author's display name. */
export interface AuthoredParameterRecord extends Omit<ParameterRecord, "key"> {
  key: string;
  recordedByName: string | null;
}

/** Every recorded value, of every key, newest recording first: the administrators' audit of changes. */
export async function authoredParameterRecords(db: Database): Promise<AuthoredParameterRecord[]> {
  const rows = await db.drizzle
    .select({ record: ruleParameterValues, recordedByName: users.displayName })
    .from(ruleParameterValues)
    .leftJoin(users, eq(users.id, ruleParameterValues.recordedByUserId))
    .orderBy(desc(ruleParameterValues.recordedAt), desc(ruleParameterValues.appliesFrom));
  return rows.map(({ record, recordedByName }) => ({ ...record, recordedByName }));
}
