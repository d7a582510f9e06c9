// The one way to write the audit trail: recordAudit appends an entry to the hash chain. Appends are
// serialised by a transaction-scoped advisory lock, so that two concurrent appends never read the same last
// entry and fork the chain; on PGlite (one connection) the lock is never contended.
import { randomUUID } from "node:crypto";
import { desc, sql } from "drizzle-orm";
import type { Drizzle } from "../database.ts";
import { auditEvents } from "../schema/index.ts";
import { type ChainedEntry, entryHash, GENESIS_HASH } from "./chain.ts";

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
