// Failed sign-in counters in the database (per account key and per client address key). The lockout
// policy that computes them is src/services/auth/throttle.ts.
import { eq, inArray, sql } from "drizzle-orm";
import type { Drizzle } from "../database.ts";
import { loginThrottles } from "../schema/index.ts";

export interface ThrottleRow {
  failures: number;
  lastFailureAt: Date;
  lockedUntil: Date | null;
}

/** The end of each lock among `keys` (null for a key counted but not locked). */
export async function locksOf(db: Drizzle, keys: string[]): Promise<(Date | null)[]> {
  const rows = await db
    .select({ lockedUntil: loginThrottles.lockedUntil })
    .from(loginThrottles)
    .where(inArray(loginThrottles.key, keys));
  return rows.map((row) => row.lockedUntil);
}

/**
 * The counter of `key`, row-locked until the end of the transaction `tx` (created empty if missing), so
 * that concurrent failures all count. Undefined when nothing was counted yet.
 */
export async function lockThrottle(tx: Drizzle, key: string): Promise<ThrottleRow | undefined> {
  await tx
    .insert(loginThrottles)
    .values({ key, failures: 0, lastFailureAt: new Date(0) })
    .onConflictDoNothing({ target: loginThrottles.key });
  const [row] = await tx.select().from(loginThrottles).where(eq(loginThrottles.key, key)).for("update");
  return row === undefined || row.failures === 0 ? undefined : row;
}

export async function saveThrottle(tx: Drizzle, key: string, state: ThrottleRow): Promise<void> {
  await tx.update(loginThrottles).set(state).where(eq(loginThrottles.key, key));
}

export async function deleteThrottle(db: Drizzle, key: string): Promise<void> {
  await db.delete(loginThrottles).where(eq(loginThrottles.key, key));
}

/** Deletes the counters whose last failure and lock both ended before `before`. */
export async function deleteThrottlesIdleSince(db: Drizzle, before: Date): Promise<void> {
  await db
    .delete(loginThrottles)
    .where(
      sql`${loginThrottles.lastFailureAt} < ${before} and coalesce(${loginThrottles.lockedUntil}, ${loginThrottles.lastFailureAt}) < ${before}`,
    );
}
