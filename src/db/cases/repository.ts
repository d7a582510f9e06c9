// Cases in the database: creating one from a request, reading it back, and changing it. Every change runs
// in one transaction that re-reads the case, checks the version the caller read (optimistic concurrency:
// the ETag), writes the new state with a version one higher, appends the timeline events and the audit
// entry. Either all of it lands, or nothing does.
import { randomUUID } from "node:crypto";
import { and, asc, eq, inArray, max, ne, or, sql } from "drizzle-orm";
import {
  type Case,
  type CaseError,
  type CaseEvent,
  type CaseStatus,
  openCase,
} from "../../core/cases/index.ts";
import { decryptSecret, encryptSecret } from "../../crypto/secretBox.ts";
import { type AuditEventInput, recordAudit } from "../audit/append.ts";
import { type Database, type Drizzle, rowsOf } from "../database.ts";
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

/** Who acts, and the request it comes from, for the timeline and the audit trail. */
export type AuditContext = Pick<
  AuditEventInput,
  "actorUserId" | "actorRole" | "organisationId" | "requestId" | "clientAddress"
>;

/** The state machine refused the command; `error` says why, in French. */
export class CaseCommandError extends Error {
  constructor(readonly error: CaseError) {
    super(error.code);
    this.name = "CaseCommandError";
  }
}

/** The case changed since the caller read it (or the caller read no version). */
export class StaleCaseError extends Error {
  constructor(readonly currentVersion: number) {
    super("stale case version");
    this.name = "StaleCaseError";
  }
}

export class CaseNotFoundError extends Error {
  constructor() {
    super("case not found");
    this.name = "CaseNotFoundError";
  }
}

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

type StateColumns = Pick<
  CaseRow,
  "status" | "directive" | "requestedOn" | "eligibility" | "decision" | "engagement" | "closure"
>;

function stateColumns(state: Case): StateColumns {
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

export function readSituationSummary(row: CaseRow, keys: readonly Buffer[]): string | null {
  return row.situationSummary === null
    ? null
    : decryptSecret(keys, row.situationSummary, summaryAssociatedData(row.id));
}

// --- Creation -----------------------------------------------------------------------------------------------

export interface NewCase {
  organisationId: string;
  counsellorUserId: string | null;
  channel: CaseRow["channel"];
  requestedOn: string;
  /** Already normalised (identity.ts). */
  person: PersonIdentity & { postcode: string | null };
  preferredChannel: CaseRow["preferredChannel"];
  preferredTimes: string | null;
  situationSummary: string | null;
  noticeVersion: string;
  createdByUserId: string | null;
}

export interface CreatedCase {
  row: CaseRow;
  possibleDuplicateOf: string | null;
}

/**
 * Opens a case (directive in force on the request date) and flags it when an open case of the same agency
 * seems to concern the same person. Throws CaseCommandError when the date has no directive.
 */
export async function createCase(
  db: Database,
  input: NewCase,
  context: AuditContext,
  encryptionKey: Buffer,
): Promise<CreatedCase> {
  const opened = openCase({ requestedOn: input.requestedOn });
  if (!opened.ok) throw new CaseCommandError(opened.error);
  const id = randomUUID();
  return db.drizzle.transaction(async (tx) => {
    const possibleDuplicateOf = await findOpenDuplicate(tx, input.organisationId, input.person);
    const [sequence] = rowsOf<{ value: string | number }>(
      await tx.execute(sql`select nextval('case_reference_seq') as value`),
    );
    if (sequence === undefined) throw new Error("nextval returned no row");
    const reference = `ASD-${input.requestedOn.slice(0, 4)}-${String(sequence.value).padStart(6, "0")}`;
    const now = new Date();
    const [row] = await tx
      .insert(cases)
      .values({
        id,
        reference,
        organisationId: input.organisationId,
        counsellorUserId: input.counsellorUserId,
        ...stateColumns(opened.state),
        channel: input.channel,
        personFirstName: input.person.firstName,
        personLastName: input.person.lastName,
        personBirthDate: input.person.birthDate,
        personEmail: input.person.email,
        personPhone: input.person.phone,
        personPostcode: input.person.postcode,
        preferredChannel: input.preferredChannel,
        preferredTimes: input.preferredTimes,
        situationSummary:
          input.situationSummary === null
            ? null
            : encryptSecret(encryptionKey, input.situationSummary, summaryAssociatedData(id)),
        legalBasis: "consent",
        noticeVersion: input.noticeVersion,
        consentGivenAt: now,
        possibleDuplicateOf,
        createdByUserId: input.createdByUserId,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    if (row === undefined) throw new Error("insert returned no row");
    const events = opened.events.map(timelineEntry);
    const first = events[0];
    if (first !== undefined) {
      first.data = {
        ...first.data,
        channel: input.channel,
        ...(possibleDuplicateOf === null ? {} : { possibleDuplicateOf }),
        ...(input.counsellorUserId === null ? {} : { counsellorUserId: input.counsellorUserId }),
      };
    }
    await appendEvents(tx, id, context.actorUserId ?? null, events, 0);
    await recordAudit(tx, {
      ...context,
      action: "case.created",
      targetType: "case",
      targetId: id,
      details: {
        reference,
        channel: input.channel,
        directive: row.directive,
        possibleDuplicate: possibleDuplicateOf !== null,
      },
    });
    return { row, possibleDuplicateOf };
  });
}

async function findOpenDuplicate(
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

async function appendEvents(
  tx: Drizzle,
  caseId: string,
  actorUserId: string | null,
  events: readonly TimelineEvent[],
  lastSeq: number,
): Promise<void> {
  if (events.length === 0) return;
  const occurredAt = new Date();
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

/** What one change does: new column values, timeline events, and the audit entry's action and details. */
export interface CaseChange {
  set?: Partial<StateColumns & Pick<CaseRow, "counsellorUserId" | "possibleDuplicateOf">>;
  events: TimelineEvent[];
  audit: { action: string; details: Record<string, unknown> };
}

export interface ChangeRequest {
  caseId: string;
  /** The version the caller read (If-Match). */
  expectedVersion: number;
  context: AuditContext;
}

/**
 * Runs `compute` on the case as it is now, inside a transaction, and stores what it returns with a version
 * one higher; `compute` may write rows of its own with `tx` (a snapshot, a referral) and throws to refuse
 * (nothing is then written). Throws StaleCaseError when the case is no longer at `expectedVersion`.
 * The other parts of a case (diagnosis, plan, documents) change through here too, so that every change
 * moves the ETag and lands on the timeline and in the audit trail with its data.
 */
export async function changeCase(
  db: Database,
  request: ChangeRequest,
  compute: (row: CaseRow, tx: Drizzle) => Promise<CaseChange> | CaseChange,
): Promise<CaseRow> {
  return db.drizzle.transaction(async (tx) => {
    const [current] = await tx.select().from(cases).where(eq(cases.id, request.caseId));
    if (current === undefined) throw new CaseNotFoundError();
    if (current.version !== request.expectedVersion) throw new StaleCaseError(current.version);
    const change = await compute(current, tx);
    // Guarded by the version read: a concurrent change that committed first makes this match no row, and
    // the row lock taken here makes a concurrent one wait, then match no row.
    const [updated] = await tx
      .update(cases)
      .set({ ...change.set, version: current.version + 1, updatedAt: new Date() })
      .where(and(eq(cases.id, current.id), eq(cases.version, request.expectedVersion)))
      .returning();
    if (updated === undefined) {
      const [now] = await tx.select({ version: cases.version }).from(cases).where(eq(cases.id, current.id));
      throw new StaleCaseError(now?.version ?? current.version);
    }
    const [last] = await tx
      .select({ seq: max(caseEvents.seq) })
      .from(caseEvents)
      .where(eq(caseEvents.caseId, current.id));
    await appendEvents(tx, current.id, request.context.actorUserId ?? null, change.events, last?.seq ?? 0);
    await recordAudit(tx, {
      ...request.context,
      action: change.audit.action,
      targetType: "case",
      targetId: current.id,
      details: { ...change.audit.details, version: updated.version },
    });
    return updated;
  });
}

/** The lifecycle part of a change: the columns and events of a successful transition. */
export function lifecycleChange(
  result: { ok: true; state: Case; events: readonly CaseEvent[] } | { ok: false; error: CaseError },
  audit: { action: string; details: Record<string, unknown> },
): CaseChange {
  if (!result.ok) throw new CaseCommandError(result.error);
  return { set: stateColumns(result.state), events: result.events.map(timelineEntry), audit };
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
