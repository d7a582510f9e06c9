// The answers given to money-moving requests sent with an Idempotency-Key, per caller and key, with what
// the request was (its route and a hash of it). The use case (src/services/finance/idempotency.ts) decides
// what a retry gets.
import { and, eq, sql } from "drizzle-orm";
import type { Drizzle } from "../database.ts";
import { idempotencyKeys } from "../schema/index.ts";

export type StoredAnswer = typeof idempotencyKeys.$inferSelect;

/**
 * Locks (caller, key) until the transaction ends, with a transaction-scoped advisory lock: two requests
 * carrying the same key run one after the other, so the second one finds the first one's answer.
 */
export async function lockIdempotencyKey(tx: Drizzle, actorUserId: string, key: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`${actorUserId}:${key}`}, 0))`);
}

export async function findStoredAnswer(
  tx: Drizzle,
  actorUserId: string,
  key: string,
): Promise<StoredAnswer | undefined> {
  const [row] = await tx
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.actorUserId, actorUserId), eq(idempotencyKeys.key, key)));
  return row;
}

export async function storeAnswer(tx: Drizzle, answer: Omit<StoredAnswer, "createdAt">): Promise<void> {
  await tx.insert(idempotencyKeys).values(answer);
}
