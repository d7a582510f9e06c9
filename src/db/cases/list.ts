// The caseload (an agency's cases, filtered and searched) and a partner's referrals, keyset-paginated in a
// stable order: newest request first, then id. The cursor is opaque to clients (base64url of the last
// item's sort key). Every value reaches SQL as a parameter; search wildcards typed by the user are escaped.
import { and, desc, eq, ilike, inArray, isNull, lt, or, type SQL, sql } from "drizzle-orm";
import type { CaseStatus } from "../../core/cases/index.ts";
import type { Drizzle } from "../database.ts";
import { appointments, caseActions, caseReferrals, cases, organisations, users } from "../schema/index.ts";

export interface CaseloadFilter {
  organisationId: string;
  statuses?: readonly CaseStatus[];
  /** A counsellor's id, or null for the cases nobody is assigned. */
  counsellorUserId?: string | null;
  overdue?: boolean;
  /** ISO day: cases with an appointment planned on or before it. */
  nextAppointmentBefore?: string;
  search?: string;
  cursor?: string;
  limit: number;
}

export interface CaseloadItem {
  id: string;
  reference: string;
  status: CaseStatus;
  directive: string;
  firstName: string;
  lastName: string;
  counsellor: { id: string; name: string } | null;
  requestedOn: string;
  channel: string;
  possibleDuplicate: boolean;
  overdueActions: number;
  nextAppointmentAt: Date | null;
  updatedAt: Date;
}

/** The cursor could not be read (tampered with, or from another list). */
export class InvalidCursorError extends Error {
  constructor() {
    super("invalid cursor");
    this.name = "InvalidCursorError";
  }
}

// --- Plan and appointment facts of a listed case ------------------------------------------------------------
// The caseload shows and filters on them; the action plan and the appointments (src/db/caseContent) fill
// them in. "Today" and "now" are the database's, the day in Paris.

/** Number of the case's plan actions still to do (planned or in progress) after their due day. */
export function overdueActionsOf(caseId: SQL | typeof cases.id): SQL<number> {
  return sql<number>`(select count(*)::int from ${caseActions} where ${caseActions.caseId} = ${caseId} and ${caseActions.status} in ('planned', 'in_progress') and ${caseActions.dueOn} < (now() at time zone 'Europe/Paris')::date)`;
}

/** Start of the case's next planned appointment, or null. */
export function nextAppointmentOf(caseId: SQL | typeof cases.id): SQL<Date | null> {
  return sql<Date | null>`(select min(${appointments.at}) from ${appointments} where ${appointments.caseId} = ${caseId} and ${appointments.at} >= now())`;
}

// --- Cursors ------------------------------------------------------------------------------------------------

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function encodeCursor(key: string, id: string): string {
  return Buffer.from(JSON.stringify([key, id])).toString("base64url");
}

function decodeCursor(cursor: string, keyPattern: RegExp): [string, string] {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      typeof value[0] === "string" &&
      typeof value[1] === "string" &&
      keyPattern.test(value[0]) &&
      UUID.test(value[1])
    ) {
      return [value[0], value[1]];
    }
  } catch {
    // Falls through: not base64url JSON.
  }
  throw new InvalidCursorError();
}

/** `text` as a LIKE pattern matching it anywhere, its own wildcards taken literally. */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
}

// --- The caseload -------------------------------------------------------------------------------------------

/** The one query builder of the caseload: conditions, columns and order live here. */
export async function listCaseload(
  db: Drizzle,
  filter: CaseloadFilter,
): Promise<{ items: CaseloadItem[]; nextCursor: string | null }> {
  const overdue = overdueActionsOf(cases.id);
  const nextAppointment = nextAppointmentOf(cases.id);
  const conditions: (SQL | undefined)[] = [eq(cases.organisationId, filter.organisationId)];
  if (filter.statuses !== undefined && filter.statuses.length > 0) {
    conditions.push(inArray(cases.status, [...filter.statuses]));
  }
  if (filter.counsellorUserId === null) conditions.push(isNull(cases.counsellorUserId));
  else if (filter.counsellorUserId !== undefined)
    conditions.push(eq(cases.counsellorUserId, filter.counsellorUserId));
  if (filter.overdue === true) conditions.push(sql`${overdue} > 0`);
  if (filter.overdue === false) conditions.push(sql`${overdue} = 0`);
  if (filter.nextAppointmentBefore !== undefined) {
    // The whole day, in Paris: an appointment at 18:00 on that day is included.
    conditions.push(
      sql`${nextAppointment} < ((cast(${filter.nextAppointmentBefore} as date) + 1)::timestamp at time zone 'Europe/Paris')`,
    );
  }
  if (filter.search !== undefined && filter.search.trim() !== "") {
    const pattern = containsPattern(filter.search.trim().replace(/\s+/g, " "));
    conditions.push(
      or(
        ilike(cases.reference, pattern),
        ilike(cases.personLastName, pattern),
        ilike(cases.personFirstName, pattern),
        ilike(sql`${cases.personFirstName} || ' ' || ${cases.personLastName}`, pattern),
        ilike(sql`${cases.personLastName} || ' ' || ${cases.personFirstName}`, pattern),
      ),
    );
  }
  if (filter.cursor !== undefined) {
    const [requestedOn, id] = decodeCursor(filter.cursor, /^\d{4}-\d{2}-\d{2}$/);
    conditions.push(
      or(lt(cases.requestedOn, requestedOn), and(eq(cases.requestedOn, requestedOn), lt(cases.id, id))),
    );
  }
  const rows = await db
    .select({
      id: cases.id,
      reference: cases.reference,
      status: cases.status,
      directive: cases.directive,
      firstName: cases.personFirstName,
      lastName: cases.personLastName,
      counsellorUserId: cases.counsellorUserId,
      counsellorName: users.displayName,
      requestedOn: cases.requestedOn,
      channel: cases.channel,
      possibleDuplicateOf: cases.possibleDuplicateOf,
      overdueActions: overdue,
      nextAppointmentAt: nextAppointment,
      updatedAt: cases.updatedAt,
    })
    .from(cases)
    .leftJoin(users, eq(users.id, cases.counsellorUserId))
    .where(and(...conditions))
    .orderBy(desc(cases.requestedOn), desc(cases.id))
    .limit(filter.limit + 1);
  const page = rows.slice(0, filter.limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => ({
      id: row.id,
      reference: row.reference,
      status: row.status,
      directive: row.directive,
      firstName: row.firstName,
      lastName: row.lastName,
      counsellor:
        row.counsellorUserId === null ? null : { id: row.counsellorUserId, name: row.counsellorName ?? "" },
      requestedOn: row.requestedOn,
      channel: row.channel,
      possibleDuplicate: row.possibleDuplicateOf !== null,
      overdueActions: Number(row.overdueActions),
      nextAppointmentAt: row.nextAppointmentAt === null ? null : new Date(row.nextAppointmentAt),
      updatedAt: row.updatedAt,
    })),
    nextCursor:
      rows.length > filter.limit && last !== undefined ? encodeCursor(last.requestedOn, last.id) : null,
  };
}

// --- A partner's referrals ----------------------------------------------------------------------------------

export interface ReferralItem {
  caseId: string;
  reference: string;
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  preferredChannel: string | null;
  preferredTimes: string | null;
  agency: { id: string; name: string };
  counsellor: { id: string; name: string } | null;
  referredAt: Date;
  note: string | null;
}

/** Cases referred to `partnerOrganisationId`, newest referral first: the referral summary, nothing more. */
export async function listReferrals(
  db: Drizzle,
  filter: { partnerOrganisationId: string; cursor?: string; limit: number },
): Promise<{ items: ReferralItem[]; nextCursor: string | null }> {
  const conditions: (SQL | undefined)[] = [
    eq(caseReferrals.partnerOrganisationId, filter.partnerOrganisationId),
  ];
  if (filter.cursor !== undefined) {
    // Compared in SQL against the row itself: timestamps keep microseconds that a JS Date would lose.
    const [, id] = decodeCursor(filter.cursor, /^referral$/);
    conditions.push(
      sql`(${caseReferrals.referredAt}, ${caseReferrals.id}) < (select r.referred_at, r.id from ${caseReferrals} r where r.id = ${id})`,
    );
  }
  const rows = await db
    .select({
      id: caseReferrals.id,
      caseId: cases.id,
      reference: cases.reference,
      firstName: cases.personFirstName,
      lastName: cases.personLastName,
      email: cases.personEmail,
      phone: cases.personPhone,
      preferredChannel: cases.preferredChannel,
      preferredTimes: cases.preferredTimes,
      agencyId: organisations.id,
      agencyName: organisations.name,
      counsellorUserId: cases.counsellorUserId,
      counsellorName: users.displayName,
      referredAt: caseReferrals.referredAt,
      note: caseReferrals.note,
    })
    .from(caseReferrals)
    .innerJoin(cases, eq(cases.id, caseReferrals.caseId))
    .innerJoin(organisations, eq(organisations.id, cases.organisationId))
    .leftJoin(users, eq(users.id, cases.counsellorUserId))
    .where(and(...conditions))
    .orderBy(desc(caseReferrals.referredAt), desc(caseReferrals.id))
    .limit(filter.limit + 1);
  const page = rows.slice(0, filter.limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => ({
      caseId: row.caseId,
      reference: row.reference,
      firstName: row.firstName,
      lastName: row.lastName,
      email: row.email,
      phone: row.phone,
      preferredChannel: row.preferredChannel,
      preferredTimes: row.preferredTimes,
      agency: { id: row.agencyId, name: row.agencyName },
      counsellor:
        row.counsellorUserId === null ? null : { id: row.counsellorUserId, name: row.counsellorName ?? "" },
      referredAt: row.referredAt,
      note: row.note,
    })),
    nextCursor: rows.length > filter.limit && last !== undefined ? encodeCursor("referral", last.id) : null,
  };
}
