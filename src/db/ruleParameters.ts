// Dated rule parameters over `rule_parameter_values`: their history and the values in force on a date, and
// the insertion of a new value. History is append-only: a change is a new row, never an update, so that any
// past evaluation can be replayed with the values in force on its request date. Nothing is cached: another
// process (the CLI, a second server) may record a value at any time, and the table holds a few rows.
// Checking a value before it is recorded is the use case's (src/services/parameters).
import { asc, desc, eq } from "drizzle-orm";
import {
  ParameterTimeline,
  RULE_PARAMETER_DEFINITIONS,
  type RuleParameterKey,
  type RuleParameters,
} from "../core/rules/index.ts";
import type { Database, Drizzle } from "./database.ts";
import { ruleParameterValues, users } from "./schema/index.ts";

export { ParameterTimeline };

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

const KNOWN_KEYS = new Set<string>(RULE_PARAMETER_DEFINITIONS.map((definition) => definition.key));

export function isKnownParameterKey(key: string): key is RuleParameterKey {
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
      isKnownParameterKey(row.key) && (key === undefined || row.key === key),
  );
}

export async function loadParameterTimeline(db: Database): Promise<ParameterTimeline<ParameterRecord>> {
  return new ParameterTimeline(await parameterHistory(db));
}

/** The values in force on `date` (ISO YYYY-MM-DD), falling back to the engine's defaults. */
export async function parametersInForce(db: Database, date: string): Promise<Readonly<RuleParameters>> {
  return (await loadParameterTimeline(db)).inForce(date);
}

/** Appends a value to the history; an earlier value of the same date stays, superseded. */
export async function insertParameterValue(
  db: Drizzle,
  value: Omit<ParameterRecord, "id" | "recordedAt">,
): Promise<ParameterRecord> {
  const [row] = await db.insert(ruleParameterValues).values(value).returning();
  if (row === undefined) throw new Error("insert returned no row");
  return { ...row, key: value.key };
}

/** A recorded value of any key (the finance threshold included), with its author's display name. */
export interface AuthoredParameterRecord extends Omit<ParameterRecord, "key"> {
  key: string;
  recordedByName: string | null;
}

/** Every recorded value, of every key, newest recording first: the administrators' audit of changes. */
export async function authoredParameterRecords(db: Drizzle): Promise<AuthoredParameterRecord[]> {
  const rows = await db
    .select({ record: ruleParameterValues, recordedByName: users.displayName })
    .from(ruleParameterValues)
    .leftJoin(users, eq(users.id, ruleParameterValues.recordedByUserId))
    .orderBy(desc(ruleParameterValues.recordedAt), desc(ruleParameterValues.appliesFrom));
  return rows.map(({ record, recordedByName }) => ({ ...record, recordedByName }));
}
