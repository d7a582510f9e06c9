// Progressive lockout after failed sign-ins, per account and per client address. The account key is the
// hash of the email as typed, whether or not the account exists: a lockout then says nothing about which
// accounts exist. Counters live in the database, so that they survive restarts and hold across instances.
import { createHash } from "node:crypto";
import type { Drizzle } from "../../db/database.ts";
import {
  deleteThrottle,
  deleteThrottlesIdleSince,
  locksOf,
  lockThrottle,
  saveThrottle,
} from "../../db/identity/throttles.ts";

export interface LockoutPolicy {
  /** Failures after which the key is locked (per account). */
  accountThreshold: number;
  /** Failures after which a client address is locked: higher, as offices share an address. */
  addressThreshold: number;
  /** First lock; each further failure doubles it. */
  baseLockMs: number;
  maxLockMs: number;
  /** Failures are forgotten this long after the last failure (or the end of the last lock). */
  forgetAfterMs: number;
}

export const DEFAULT_LOCKOUT_POLICY: LockoutPolicy = {
  accountThreshold: 5,
  addressThreshold: 20,
  baseLockMs: 60_000,
  maxLockMs: 15 * 60_000,
  forgetAfterMs: 60 * 60_000,
};

export interface ThrottleState {
  failures: number;
  lastFailureAt: Date;
  lockedUntil: Date | null;
}

/** State after one more failure. Pure. */
export function afterFailure(
  previous: ThrottleState | undefined,
  now: Date,
  threshold: number,
  policy: LockoutPolicy,
): ThrottleState {
  const lastActivity = Math.max(
    previous?.lastFailureAt.getTime() ?? 0,
    previous?.lockedUntil?.getTime() ?? 0,
  );
  const forgotten = previous === undefined || now.getTime() - lastActivity > policy.forgetAfterMs;
  const failures = forgotten ? 1 : previous.failures + 1;
  let lockedUntil = forgotten ? null : previous.lockedUntil;
  if (failures >= threshold) {
    const lockMs = Math.min(policy.baseLockMs * 2 ** Math.min(failures - threshold, 30), policy.maxLockMs);
    lockedUntil = new Date(now.getTime() + lockMs);
  }
  return { failures, lastFailureAt: now, lockedUntil };
}

export function accountKey(email: string): string {
  return `account:${createHash("sha256").update(email).digest("hex")}`;
}

export function addressKey(address: string): string {
  return `address:${address}`;
}

/** Milliseconds until every given key is unlocked (0 when none is locked). */
export async function lockRemainingMs(db: Drizzle, keys: string[], now: Date): Promise<number> {
  const locks = await locksOf(db, keys);
  return Math.max(0, ...locks.map((lockedUntil) => (lockedUntil?.getTime() ?? 0) - now.getTime()));
}

/** Counts one failure on each key, within the transaction `tx` (the counters stay locked until its end). */
export async function recordFailure(
  tx: Drizzle,
  keys: { key: string; threshold: number }[],
  now: Date,
  policy: LockoutPolicy,
): Promise<void> {
  for (const { key, threshold } of keys) {
    const previous = await lockThrottle(tx, key);
    await saveThrottle(tx, key, afterFailure(previous, now, threshold, policy));
  }
}

/**
 * A successful sign-in clears the account's counter (not the address's: one good account must not unlock
 * an address that is guessing others).
 */
export async function clearFailures(db: Drizzle, key: string): Promise<void> {
  await deleteThrottle(db, key);
}

/** Forgets counters whose last activity is long past (called now and then). */
export async function pruneThrottles(db: Drizzle, now: Date, policy: LockoutPolicy): Promise<void> {
  await deleteThrottlesIdleSince(db, new Date(now.getTime() - policy.forgetAfterMs - policy.maxLockMs));
}
