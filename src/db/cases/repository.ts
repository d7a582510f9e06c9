// Cases in the database: the rows of a case, its timeline and its referrals, and the mapping between a
// stored case and the core's lifecycle value. The use cases (src/services/cases) open the transactions and
// call these inside them.
import { and, asc, eq, inArray, max, ne, or, sql } from "drizzle-orm";
import type { Case, CaseEvent, CaseStatus } from "../../core/cases/index.ts";
import { decryptSecret, encryptSecret } from "../../crypto/secretBox.ts";
import { type Drizzle, rowsOf } from "../database.ts";
import {
  caseEvents,
  caseReferrals,
  cases,
  eligibilitySnapshots,
  organisations,
  users,
} from "../schema/index.ts";
import { caseIdentityColumns, type PersonIdentity, samePerson } from "./identity.ts";

export type CaseRow = typeof cases.$inferSelect;
export type SnapshotRow = typeof eligibilitySnapshots.$inferSelect;

// --- The lifecycle value and its columns --------------------------------------------------------------------

/** The core's value of a stored case. */
export function caseStateOf(row: CaseRow): Case {
  return {
    status: row.status as CaseStatus,
    directive: row.directive,
    requestedOn: row.requestedOn,
    eligibility: (row.eligibility ?? null) as unknown as Case["eligibility"],
    decision: (row.decision ?? null) as unknown as Case["decision"],
    engagement: (row.engagement ?? null) as unknown as Case["engagement"],
    closure: (row.closure ?? null) as unknown as Case["closure"],
  };
}

export type StateColumns = Pick<
  CaseRow,
  "status" | "directive" | "requestedOn" | "eligibility" | "decision" | "engagement" | "closure"
>;

export function stateColumns(state: Case): StateColumns {
  const json = (value: object | null) =>
    (value === null ? null : { ...value }) as Record<string, unknown> | null;
  return {
    status: state.status,
    directive: state.directive,
    requestedOn: state.requestedOn,
    eligibility: json(state.eligibility),
    decision: json(state.decision),
    engagement: json(state.engagement),
    closure: json(state.closure),
  };
}

/** A core event as a timeline entry: its type, and the rest as data. */
export function timelineEntry(event: CaseEvent): TimelineEvent {
  const { type, ...data } = event;
  return { type, data: JSON.parse(JSON.stringify(data)) as Record<string, unknown> };
}

export interface TimelineEvent {
  type: string;
  data: Record<string, unknown>;
}

// --- Situation summary (free text written by the person: encrypted) ----------------------------------------

export const summaryAssociatedData = (caseId: string) => `case:${caseId}:situation_summary`;

export function sealSituationSummary(key: Buffer, caseId: string, text: string): string {
  return encryptSecret(key, text, summaryAssociatedData(caseId));
}

export function readSituationSummary(row: CaseRow, keys: readonly Buffer[]): string | null {
  return row.situationSummary === null
    ? null
    : decryptSecret(keys, row.situationSummary, summaryAssociatedData(row.id));
}

// --- Creation -----------------------------------------------------------------------------------------------

/** A new case's row, its state and identity already computed and its free text already sealed. */
export type NewCaseRow = typeof cases.$inferInsert & { id: string; reference: string };

/** The next reference of a case requested in `year`: ASD-2026-000123. */
export async function nextCaseReference(tx: Drizzle, year: string): Promise<string> {
  const [sequence] = rowsOf<{ value: string | number }>(
    await tx.execute(sql`select nextval('case_reference_seq') as value`),
  );
  if (sequence === undefined) throw new Error("nextval returned no row");
  return `ASD-${year}-${String(sequence.value).padStart(6, "0")}`;
}

export async function insertCase(tx: Drizzle, values: NewCaseRow): Promise<CaseRow> {
  const [row] = await tx.insert(cases).values(values).returning();
  if (row === undefined) throw new Error("insert returned no row");
  return row;
}

/** An open case of the agency that seems to concern the same person (the oldest), or null. */
export async function findOpenDuplicate(
  tx: Drizzle,
  organisationId: string,
  person: PersonIdentity,
): Promise<string | null> {
  const matches = [
    person.email === null ? undefined : eq(cases.personEmail, person.email),
    person.phone === null ? undefined : eq(cases.personPhone, person.phone),
    person.birthDate === null ? undefined : eq(cases.personBirthDate, person.birthDate),
  ].filter((condition) => condition !== undefined);
  if (matches.length === 0) return null;
  const candidates = await tx
    .select(caseIdentityColumns)
    .from(cases)
    .where(and(eq(cases.organisationId, organisationId), ne(cases.status, "closed"), or(...matches)))
    .orderBy(asc(cases.createdAt), asc(cases.id));
  return candidates.find((candidate) => samePerson(candidate, person))?.id ?? null;
}

/** Appends events to the case's timeline, after its last one. */
export async function appendCaseEvents(
  tx: Drizzle,
  caseId: string,
  actorUserId: string | null,
  events: readonly TimelineEvent[],
  occurredAt: Date,
): Promise<void> {
  if (events.length === 0) return;
  const [last] = await tx
    .select({ seq: max(caseEvents.seq) })
    .from(caseEvents)
    .where(eq(caseEvents.caseId, caseId));
  const lastSeq = last?.seq ?? 0;
  await tx.insert(caseEvents).values(
    events.map((event, index) => ({
      caseId,
      seq: lastSeq + index + 1,
      occurredAt,
      actorUserId,
      type: event.type,
      data: event.data,
    })),
  );
}

// --- Reading ------------------------------------------------------------------------------------------------

export interface CaseRecord {
  row: CaseRow;
  organisationName: string;
  counsellor: { id: string; name: string } | null;
  possibleDuplicateOf: { id: string; reference: string } | null;
  referredOrganisationIds: string[];
}

/** The case with the names it shows, or undefined. Scope is the caller's check (404 outside it). */
export async function findCase(db: Drizzle, id: string): Promise<CaseRecord | undefined> {
  const [found] = await db
    .select({ row: cases, organisationName: organisations.name, counsellorName: users.displayName })
    .from(cases)
    .innerJoin(organisations, eq(organisations.id, cases.organisationId))
    .leftJoin(users, eq(users.id, cases.counsellorUserId))
    .where(eq(cases.id, id))
    .limit(1);
  if (found === undefined) return undefined;
  const { row } = found;
  const referrals = await db
    .select({ organisationId: caseReferrals.partnerOrganisationId })
    .from(caseReferrals)
    .where(eq(caseReferrals.caseId, id));
  let duplicate: CaseRecord["possibleDuplicateOf"] = null;
  if (row.possibleDuplicateOf !== null) {
    const [other] = await db
      .select({ id: cases.id, reference: cases.reference })
      .from(cases)
      .where(eq(cases.id, row.possibleDuplicateOf));
    duplicate = other ?? null;
  }
  return {
    row,
    organisationName: found.organisationName,
    counsellor:
      row.counsellorUserId === null ? null : { id: row.counsellorUserId, name: found.counsellorName ?? "" },
    possibleDuplicateOf: duplicate,
    referredOrganisationIds: referrals.map((referral) => referral.organisationId),
  };
}

export interface SnapshotRecord extends SnapshotRow {
  assessedByName: string | null;
}

export async function findSnapshot(db: Drizzle, id: string): Promise<SnapshotRecord | undefined> {
  const [found] = await db
    .select({ snapshot: eligibilitySnapshots, assessedByName: users.displayName })
    .from(eligibilitySnapshots)
    .leftJoin(users, eq(users.id, eligibilitySnapshots.assessedByUserId))
    .where(eq(eligibilitySnapshots.id, id));
  return found === undefined ? undefined : { ...found.snapshot, assessedByName: found.assessedByName };
}

export interface ReferralRecord {
  organisationId: string;
  organisationName: string;
  referredAt: Date;
  note: string | null;
}

export async function caseReferralsOf(db: Drizzle, caseId: string): Promise<ReferralRecord[]> {
  return db
    .select({
      organisationId: caseReferrals.partnerOrganisationId,
      organisationName: organisations.name,
      referredAt: caseReferrals.referredAt,
      note: caseReferrals.note,
    })
    .from(caseReferrals)
    .innerJoin(organisations, eq(organisations.id, caseReferrals.partnerOrganisationId))
    .where(eq(caseReferrals.caseId, caseId))
    .orderBy(asc(caseReferrals.referredAt), asc(caseReferrals.id));
}

export interface TimelineRecord {
  seq: number;
  occurredAt: Date;
  type: string;
  data: Record<string, unknown>;
  actor: { id: string; name: string } | null;
}

export async function caseTimeline(db: Drizzle, caseId: string): Promise<TimelineRecord[]> {
  const rows = await db
    .select({ event: caseEvents, actorName: users.displayName })
    .from(caseEvents)
    .leftJoin(users, eq(users.id, caseEvents.actorUserId))
    .where(eq(caseEvents.caseId, caseId))
    .orderBy(asc(caseEvents.seq));
  return rows.map(({ event, actorName }) => ({
    seq: event.seq,
    occurredAt: event.occurredAt,
    type: event.type,
    data: event.data,
    actor: event.actorUserId === null ? null : { id: event.actorUserId, name: actorName ?? "" },
  }));
}

// --- Changing -----------------------------------------------------------------------------------------------

/** The case's row, locked until the transaction ends: no other change of it can land in between. */
export async function lockCase(tx: Drizzle, id: string): Promise<CaseRow | undefined> {
  const [row] = await tx.select().from(cases).where(eq(cases.id, id)).for("update");
  return row;
}

/** The columns a change may set. */
export type CaseColumns = Partial<StateColumns & Pick<CaseRow, "counsellorUserId" | "possibleDuplicateOf">>;

/** Writes a locked case's new columns with a version one higher. */
export async function updateCase(
  tx: Drizzle,
  current: CaseRow,
  set: CaseColumns,
  updatedAt: Date,
): Promise<CaseRow> {
  const [updated] = await tx
    .update(cases)
    .set({ ...set, version: current.version + 1, updatedAt })
    .where(eq(cases.id, current.id))
    .returning();
  if (updated === undefined) throw new Error("locked case not updated");
  return updated;
}

export interface NewSnapshot {
  caseId: string;
  directive: string;
  facts: Record<string, unknown>;
  outcome: string;
  reasons: readonly unknown[];
  missing: readonly string[];
  parameters: Record<string, number>;
  engineVersion: string;
  assessedOn: string;
  assessedByUserId: string | null;
}

/** Stores an assessment as evaluated; inside a change, so that a refused command leaves no snapshot. */
export async function insertSnapshot(tx: Drizzle, snapshot: NewSnapshot): Promise<SnapshotRow> {
  const [row] = await tx
    .insert(eligibilitySnapshots)
    .values({ ...snapshot, reasons: [...snapshot.reasons], missing: [...snapshot.missing] })
    .returning();
  if (row === undefined) throw new Error("insert returned no row");
  return row;
}

export async function insertReferral(
  tx: Drizzle,
  referral: {
    caseId: string;
    partnerOrganisationId: string;
    note: string | null;
    referredByUserId: string | null;
  },
): Promise<boolean> {
  const inserted = await tx
    .insert(caseReferrals)
    .values(referral)
    .onConflictDoNothing({ target: [caseReferrals.caseId, caseReferrals.partnerOrganisationId] })
    .returning({ id: caseReferrals.id });
  return inserted.length > 0;
}

/** Organisations by id, with their kind and region (agency choice, referral and assignment checks). */
export async function findOrganisations(db: Drizzle, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(organisations)
    .where(inArray(organisations.id, [...ids]));
}

/**
 * The agency for a request from `region`: the agency of that region (the first opened when there are
 * several), else the first agency opened (by creation date, then name). Undefined when there is no agency.
 */
export async function agencyForRegion(db: Drizzle, region: string | undefined): Promise<string | undefined> {
  const agencies = await db
    .select({ id: organisations.id, region: organisations.region })
    .from(organisations)
    .where(eq(organisations.kind, "agency"))
    .orderBy(asc(organisations.createdAt), asc(organisations.name));
  const inRegion = agencies
    .filter((agency) => region !== undefined && agency.region === region)
    .map((agency) => agency.id);
  return inRegion[0] ?? agencies[0]?.id;
}

export async function findUser(db: Drizzle, id: string) {
  const [user] = await db
    .select({ id: users.id, role: users.role, organisationId: users.organisationId, name: users.displayName })
    .from(users)
    .where(eq(users.id, id));
  return user;
}
