// The demo caseload in the database: whether the demo agencies hold cases already, case numbers, and the
// rows of every case written table by table, one statement each, because a case-by-case replay (thousands
// of statements) would make the first start of a demo far slower. Only the demo seed (src/demo/) calls this.
import { type Column, count, getTableColumns, inArray, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import { type Drizzle, rowsOf } from "../database.ts";
import {
  appointments,
  caseActions,
  caseEvents,
  caseOutcomes,
  caseReferrals,
  cases,
  diagnoses,
  eligibilitySnapshots,
  surveys,
} from "../schema/index.ts";

export type DemoCaseRow = typeof cases.$inferInsert;
export type DemoSnapshotRow = typeof eligibilitySnapshots.$inferInsert;
export type DemoEventRow = typeof caseEvents.$inferInsert;
export type DemoDiagnosisRow = typeof diagnoses.$inferInsert;
export type DemoReferralRow = typeof caseReferrals.$inferInsert;
export type DemoActionRow = typeof caseActions.$inferInsert;
export type DemoAppointmentRow = typeof appointments.$inferInsert;
export type DemoOutcomeRow = typeof caseOutcomes.$inferInsert;
export type DemoSurveyRow = typeof surveys.$inferInsert;

/** The rows of a caseload, per table. */
export interface DemoCaseload {
  cases: DemoCaseRow[];
  snapshots: DemoSnapshotRow[];
  events: DemoEventRow[];
  diagnoses: DemoDiagnosisRow[];
  referrals: DemoReferralRow[];
  actions: DemoActionRow[];
  appointments: DemoAppointmentRow[];
  outcomes: DemoOutcomeRow[];
  surveys: DemoSurveyRow[];
}

export async function countCasesOf(db: Drizzle, organisationIds: readonly string[]): Promise<number> {
  const [row] = await db
    .select({ value: count() })
    .from(cases)
    .where(inArray(cases.organisationId, [...organisationIds]));
  return row?.value ?? 0;
}

/** `total` numbers of the case reference sequence, in order (the sequence never gives one twice). */
export async function takeCaseNumbers(db: Drizzle, total: number): Promise<number[]> {
  const result = await db.execute(
    sql`select nextval('case_reference_seq') as value from generate_series(1, ${total})`,
  );
  return rowsOf<{ value: string | number }>(result).map((row) => Number(row.value));
}

export async function insertCaseload(tx: Drizzle, caseload: DemoCaseload): Promise<void> {
  // Foreign keys first: cases, then what refers to them.
  await insertAsJson(tx, cases, caseload.cases);
  await insertAsJson(tx, eligibilitySnapshots, caseload.snapshots);
  await insertAsJson(tx, caseEvents, caseload.events);
  await insertAsJson(tx, diagnoses, caseload.diagnoses);
  await insertAsJson(tx, caseReferrals, caseload.referrals);
  await insertAsJson(tx, caseActions, caseload.actions);
  await insertAsJson(tx, appointments, caseload.appointments);
  await insertAsJson(tx, caseOutcomes, caseload.outcomes);
  await insertAsJson(tx, surveys, caseload.surveys);
}

/**
 * Inserts many rows as one JSON parameter (jsonb_populate_recordset): one statement, one parameter, where
 * a multi-row VALUES insert binds thousands of parameters, which PGlite handles several times slower.
 * Columns absent from every row keep their default; a column absent from some rows only is null in them.
 */
async function insertAsJson<T extends PgTable>(tx: Drizzle, table: T, rows: readonly T["$inferInsert"][]) {
  if (rows.length === 0) return;
  const columns = getTableColumns(table) as Record<string, Column>;
  const keys = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const names = keys.map((key) => (columns[key] as Column).name);
  const records = rows.map((row) =>
    Object.fromEntries(
      keys.map((key, index) => [names[index], (row as Record<string, unknown>)[key] ?? null]),
    ),
  );
  const list = sql.join(
    names.map((name) => sql.identifier(name)),
    sql`, `,
  );
  await tx.execute(
    sql`insert into ${table} (${list}) select ${list} from jsonb_populate_recordset(null::${table}, ${JSON.stringify(records)}::jsonb)`,
  );
}
