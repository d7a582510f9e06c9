// The aggregate queries behind a manager's statistics: every figure is a GROUP BY in the database over one
// agency's rows, so that no case (let alone a person's identity) is loaded to be counted. Durations come
// back as (days, number of cases) pairs; src/core/statistics turns them into median and 90th percentile.
// « Today » is the Europe/Paris day, like the caseload's overdue actions (src/db/cases/list.ts).
import { and, asc, eq, gte, isNotNull, isNull, lte, ne, or, type SQL, sql } from "drizzle-orm";
import type { Period, ValueCount } from "../core/statistics/index.ts";
import type { Drizzle } from "./database.ts";
import { appointments, caseActions, caseOutcomes, cases, diagnoses, surveys, users } from "./schema/index.ts";

export interface KeyRow {
  key: string;
  count: number;
}

export interface OpenedRow {
  month: string;
  channel: string;
  directive: string;
  count: number;
}

export interface CounsellorLoad {
  id: string;
  displayName: string;
  openCases: number;
  overdueActions: number;
}

export interface AgencyFigures {
  opened: OpenedRow[];
  decisions: KeyRow[];
  byStatus: KeyRow[];
  unassignedOpenCases: number;
  overdue: { actions: number; cases: number };
  counsellors: CounsellorLoad[];
  durations: { toFirstContact: ValueCount[]; toDiagnosis: ValueCount[]; toClosure: ValueCount[] };
  closureReasons: KeyRow[];
  closureOutcomes: KeyRow[];
  ratings: KeyRow[];
}

const PARIS_TODAY = sql`(now() at time zone 'Europe/Paris')::date`;
const count = sql<number>`count(*)::int`;
const closedOn = sql`(${cases.closure}->>'on')::date`;

function within(day: SQL | typeof cases.requestedOn, period: Period): SQL {
  return sql`${day} between ${period.from}::date and ${period.to}::date`;
}

const isOpen = ne(cases.status, "closed");
const isOverdue = and(
  sql`${caseActions.status} in ('planned', 'in_progress')`,
  sql`${caseActions.dueOn} < ${PARIS_TODAY}`,
);

function valueCounts(rows: readonly { value: number; count: number }[]): ValueCount[] {
  return rows.map((row) => ({ value: Number(row.value), count: Number(row.count) }));
}

/** Every figure of the agency's statistics for the period (and, for the caseload, as of today). */
export async function agencyFigures(
  db: Drizzle,
  organisationId: string,
  period: Period,
): Promise<AgencyFigures> {
  const ofAgency = eq(cases.organisationId, organisationId);

  const opened = await db
    .select({
      month: sql<string>`to_char(${cases.requestedOn}, 'YYYY-MM')`,
      channel: cases.channel,
      directive: cases.directive,
      count,
    })
    .from(cases)
    .where(and(ofAgency, within(cases.requestedOn, period)))
    .groupBy(sql`1`, cases.channel, cases.directive);

  const decisionKind = sql<string>`${cases.decision}->>'kind'`;
  const decisions = await db
    .select({ key: decisionKind, count })
    .from(cases)
    .where(and(ofAgency, within(cases.requestedOn, period), isNotNull(cases.decision)))
    .groupBy(decisionKind);

  const byStatus = await db
    .select({ key: cases.status, count })
    .from(cases)
    .where(ofAgency)
    .groupBy(cases.status);

  const [unassigned] = await db
    .select({ count })
    .from(cases)
    .where(and(ofAgency, isOpen, isNull(cases.counsellorUserId)));

  const [overdue] = await db
    .select({ actions: count, cases: sql<number>`count(distinct ${caseActions.caseId})::int` })
    .from(caseActions)
    .innerJoin(cases, eq(cases.id, caseActions.caseId))
    .where(and(ofAgency, isOpen, isOverdue));

  return {
    opened: opened.map((row) => ({ ...row, count: Number(row.count) })),
    decisions: decisions.map((row) => ({ key: row.key, count: Number(row.count) })),
    byStatus: byStatus.map((row) => ({ key: row.key, count: Number(row.count) })),
    unassignedOpenCases: Number(unassigned?.count ?? 0),
    overdue: { actions: Number(overdue?.actions ?? 0), cases: Number(overdue?.cases ?? 0) },
    counsellors: await counsellorLoads(db, organisationId),
    durations: await durations(db, organisationId, period),
    ...(await closuresAndSurvey(db, organisationId, period)),
  };
}

/**
 * The agency's active counsellors, and anyone else of the agency (a manager, a deactivated counsellor)
 * still in charge of open cases, with their open cases and overdue actions; busiest first.
 */
export async function counsellorLoads(db: Drizzle, organisationId: string): Promise<CounsellorLoad[]> {
  const openCases = db
    .select({ userId: cases.counsellorUserId, count: count.as("open_count") })
    .from(cases)
    .where(and(eq(cases.organisationId, organisationId), isOpen))
    .groupBy(cases.counsellorUserId)
    .as("open_cases");
  const overdueActions = db
    .select({
      userId: sql<string>`${cases.counsellorUserId}`.as("overdue_user_id"),
      count: count.as("overdue_count"),
    })
    .from(caseActions)
    .innerJoin(cases, eq(cases.id, caseActions.caseId))
    .where(and(eq(cases.organisationId, organisationId), isOpen, isOverdue))
    .groupBy(cases.counsellorUserId)
    .as("overdue_actions");
  const rows = await db
    .select({
      id: users.id,
      displayName: users.displayName,
      openCases: sql<number>`coalesce(${openCases.count}, 0)::int`,
      overdueActions: sql<number>`coalesce(${overdueActions.count}, 0)::int`,
    })
    .from(users)
    .leftJoin(openCases, eq(openCases.userId, users.id))
    .leftJoin(overdueActions, eq(overdueActions.userId, users.id))
    .where(
      and(
        eq(users.organisationId, organisationId),
        or(
          and(eq(users.role, "counsellor"), isNull(users.deactivatedAt)),
          sql`coalesce(${openCases.count}, 0) > 0`,
        ),
      ),
    )
    .orderBy(sql`3 desc`, asc(users.displayName), asc(users.id));
  return rows.map((row) => ({
    ...row,
    openCases: Number(row.openCases),
    overdueActions: Number(row.overdueActions),
  }));
}

/** The agency's active counsellors with their open cases: whom a manager may assign a case to. */
export async function activeCounsellors(
  db: Drizzle,
  organisationId: string,
): Promise<{ id: string; displayName: string; openCases: number }[]> {
  const loads = await counsellorLoads(db, organisationId);
  const active = await db
    .select({ id: users.id })
    .from(users)
    .where(
      and(
        eq(users.organisationId, organisationId),
        eq(users.role, "counsellor"),
        isNull(users.deactivatedAt),
      ),
    );
  const activeIds = new Set(active.map((row) => row.id));
  return loads
    .filter((load) => activeIds.has(load.id))
    .map(({ id, displayName, openCases }) => ({ id, displayName, openCases }))
    .sort((a, b) => a.displayName.localeCompare(b.displayName, "fr") || a.id.localeCompare(b.id));
}

/** Days from the request to each milestone reached during the period, grouped by number of days. */
async function durations(
  db: Drizzle,
  organisationId: string,
  period: Period,
): Promise<AgencyFigures["durations"]> {
  const ofAgency = eq(cases.organisationId, organisationId);
  // The first contact is the first appointment already held (as the case's quality view counts it).
  const firstContacts = db
    .select({
      caseId: appointments.caseId,
      on: sql<string>`min((${appointments.at} at time zone 'Europe/Paris')::date)`.as("first_on"),
    })
    .from(appointments)
    .where(lte(appointments.at, sql`now()`))
    .groupBy(appointments.caseId)
    .as("first_contacts");
  const contactDays = sql<number>`(${firstContacts.on} - ${cases.requestedOn})::int`;
  const toFirstContact = await db
    .select({ value: contactDays, count })
    .from(firstContacts)
    .innerJoin(cases, eq(cases.id, firstContacts.caseId))
    .where(and(ofAgency, within(sql`${firstContacts.on}`, period)))
    .groupBy(contactDays);

  const diagnosisDays = sql<number>`(${diagnoses.diagnosedOn} - ${cases.requestedOn})::int`;
  const toDiagnosis = await db
    .select({ value: diagnosisDays, count })
    .from(diagnoses)
    .innerJoin(cases, eq(cases.id, diagnoses.caseId))
    .where(and(ofAgency, within(sql`${diagnoses.diagnosedOn}`, period)))
    .groupBy(diagnosisDays);

  const closureDays = sql<number>`(${closedOn} - ${cases.requestedOn})::int`;
  const toClosure = await db
    .select({ value: closureDays, count })
    .from(cases)
    .where(and(ofAgency, eq(cases.status, "closed"), within(closedOn, period)))
    .groupBy(closureDays);

  return {
    toFirstContact: valueCounts(toFirstContact),
    toDiagnosis: valueCounts(toDiagnosis),
    toClosure: valueCounts(toClosure),
  };
}

async function closuresAndSurvey(
  db: Drizzle,
  organisationId: string,
  period: Period,
): Promise<Pick<AgencyFigures, "closureReasons" | "closureOutcomes" | "ratings">> {
  const closedInPeriod = and(
    eq(cases.organisationId, organisationId),
    eq(cases.status, "closed"),
    within(closedOn, period),
  );
  const reason = sql<string>`${cases.closure}->>'reason'`;
  const closureReasons = await db
    .select({ key: reason, count })
    .from(cases)
    .where(closedInPeriod)
    .groupBy(reason);

  const indicator = sql<string>`indicator`;
  const closureOutcomes = await db
    .select({ key: indicator, count })
    .from(caseOutcomes)
    .innerJoin(cases, eq(cases.id, caseOutcomes.caseId))
    .crossJoinLateral(sql`jsonb_array_elements_text(${caseOutcomes.indicators}) as indicator`)
    .where(closedInPeriod)
    .groupBy(indicator);

  const answeredOn = sql`(${surveys.answeredAt} at time zone 'Europe/Paris')::date`;
  const ratings = await db
    .select({ key: sql<string>`${surveys.rating}::text`, count })
    .from(surveys)
    .innerJoin(cases, eq(cases.id, surveys.caseId))
    .where(
      and(
        eq(cases.organisationId, organisationId),
        isNotNull(surveys.answeredAt),
        gte(answeredOn, sql`${period.from}::date`),
        lte(answeredOn, sql`${period.to}::date`),
      ),
    )
    .groupBy(surveys.rating);

  const toRows = (rows: readonly { key: string; count: number }[]) =>
    rows.map((row) => ({ key: row.key, count: Number(row.count) }));
  return {
    closureReasons: toRows(closureReasons),
    closureOutcomes: toRows(closureOutcomes),
    ratings: toRows(ratings),
  };
}
