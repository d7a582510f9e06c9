// The one way to write the audit trail (recordAudit), its verification, and its search. Appends are
// serialised by a transaction-scoped advisory lock, so that two concurrent appends never read the same last
// entry and fork the chain; on PGlite (one connection) the lock is never contended.
import { randomUUID } from "node:crypto";
import { and, asc, desc, eq, gt, gte, inArray, lt, lte, or, type SQL, sql } from "drizzle-orm";
import type { Drizzle } from "../../db/database.ts";
import { auditEvents } from "../../db/schema.ts";
import {
  type ChainAnchor,
  type ChainBreak,
  type ChainedEntry,
  ChainVerifier,
  entryHash,
  GENESIS_HASH,
} from "./chain.ts";

/** Arbitrary constant naming the advisory lock that serialises appends ("AUDT"). */
const AUDIT_APPEND_LOCK = 0x41554454;

/** Drizzle at top level or inside a transaction: recordAudit then joins that transaction. */
export type Executor = Pick<Drizzle, "transaction">;

export interface AuditEventInput {
  action: string;
  actorUserId?: string | null;
  actorRole?: string | null;
  organisationId?: string | null;
  targetType?: string | null;
  targetId?: string | null;
  requestId?: string | null;
  clientAddress?: string | null;
  /** Facts about the event, never personal data (no names, emails, free text). */
  details?: Record<string, unknown>;
  /** Defaults to now; tests may fix it. */
  occurredAt?: Date;
}

/** A stored event: the chained fields and the hash that seals them. */
export interface AuditEvent extends ChainedEntry {
  hash: string;
}

/** Appends one event to the chain. Called with a transaction, it commits or rolls back with it. */
export async function recordAudit(executor: Executor, input: AuditEventInput): Promise<AuditEvent> {
  // JSON round trip: what is hashed is exactly what jsonb gives back (no undefined, no Date objects).
  const details = JSON.parse(JSON.stringify(input.details ?? {})) as Record<string, unknown>;
  const occurredAt = new Date(Math.floor((input.occurredAt ?? new Date()).getTime()));
  return executor.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_APPEND_LOCK})`);
    const [last] = await tx
      .select({ seq: auditEvents.seq, hash: auditEvents.hash })
      .from(auditEvents)
      .orderBy(desc(auditEvents.seq))
      .limit(1);
    const entry = {
      id: randomUUID(),
      seq: (last?.seq ?? 0) + 1,
      occurredAt,
      actorUserId: input.actorUserId ?? null,
      actorRole: input.actorRole ?? null,
      organisationId: input.organisationId ?? null,
      action: input.action,
      targetType: input.targetType ?? null,
      targetId: input.targetId ?? null,
      requestId: input.requestId ?? null,
      clientAddress: input.clientAddress ?? null,
      details,
      prevHash: last?.hash ?? GENESIS_HASH,
    };
    const event = { ...entry, hash: entryHash(entry) };
    await tx.insert(auditEvents).values(event);
    return event;
  });
}

export interface ChainReport {
  /** Entries read. */
  count: number;
  lastSeq: number;
  /** Hash of the last entry (the genesis value when empty): what to keep outside the database. */
  lastHash: string;
  breaks: ChainBreak[];
}

const VERIFY_BATCH = 1_000;

/** Walks the whole trail in seq order, in batches (bounded memory), and lists every broken link. */
export async function verifyAuditChain(
  db: Drizzle,
  anchors: readonly ChainAnchor[] = [],
): Promise<ChainReport> {
  const verifier = new ChainVerifier(anchors);
  let after = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditEvents)
      .where(gt(auditEvents.seq, after))
      .orderBy(asc(auditEvents.seq))
      .limit(VERIFY_BATCH);
    for (const row of rows) verifier.add(row);
    const last = rows.at(-1);
    if (last === undefined || rows.length < VERIFY_BATCH) break;
    after = last.seq;
  }
  verifier.finish();
  return {
    count: verifier.count,
    lastSeq: verifier.lastSeq,
    lastHash: verifier.lastHash,
    breaks: verifier.breaks,
  };
}

export interface AuditSearch {
  actor?: string;
  target?: string;
  /** Events about any of these cases: their target, or a list read naming them (`details.caseIds`). */
  caseIds?: readonly string[];
  action?: string;
  from?: Date;
  to?: Date;
  /** Only entries with a seq below this one (the previous page's `nextCursor`). */
  before?: number;
  limit: number;
}

/** The filters of a search or an export, as SQL conditions (all parameterised). */
function searchConditions(search: Omit<AuditSearch, "before" | "limit">): SQL[] {
  const conditions: SQL[] = [];
  if (search.actor !== undefined) conditions.push(eq(auditEvents.actorUserId, search.actor));
  if (search.target !== undefined) conditions.push(eq(auditEvents.targetId, search.target));
  if (search.action !== undefined) conditions.push(eq(auditEvents.action, search.action));
  if (search.from !== undefined) conditions.push(gte(auditEvents.occurredAt, search.from));
  if (search.to !== undefined) conditions.push(lte(auditEvents.occurredAt, search.to));
  if (search.caseIds !== undefined) {
    const ids = [...search.caseIds];
    conditions.push(
      ids.length === 0
        ? sql`false`
        : (or(
            inArray(auditEvents.targetId, ids),
            ...ids.map((id) => sql`${auditEvents.details} -> 'caseIds' @> ${JSON.stringify([id])}::jsonb`),
          ) as SQL),
    );
  }
  return conditions;
}

/** Newest first, keyset-paginated on seq. */
export async function searchAuditEvents(
  db: Drizzle,
  search: AuditSearch,
): Promise<{ items: AuditEvent[]; nextCursor: number | null }> {
  const conditions = searchConditions(search);
  if (search.before !== undefined) conditions.push(lt(auditEvents.seq, search.before));
  const rows = await db
    .select()
    .from(auditEvents)
    .where(and(...conditions))
    .orderBy(desc(auditEvents.seq))
    .limit(search.limit + 1);
  const items = rows.slice(0, search.limit);
  const hasMore = rows.length > search.limit;
  return { items, nextCursor: hasMore ? (items.at(-1)?.seq ?? null) : null };
}

/** Every entry matching the filters, oldest first, read in batches: for exports of any size. */
export async function* streamAuditEvents(
  db: Drizzle,
  search: Omit<AuditSearch, "before" | "limit">,
): AsyncGenerator<AuditEvent> {
  const conditions = searchConditions(search);
  let after = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditEvents)
      .where(and(gt(auditEvents.seq, after), ...conditions))
      .orderBy(asc(auditEvents.seq))
      .limit(VERIFY_BATCH);
    yield* rows;
    const last = rows.at(-1);
    if (last === undefined || rows.length < VERIFY_BATCH) return;
    after = last.seq;
  }
}
