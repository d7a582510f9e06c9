// Where transactions are opened: here, by the use cases, and nowhere else. A use case's writes, its
// timeline events and its audit entry commit together or not at all.
//
// Money-moving transactions of this process run one at a time. They serialise on the envelope row's lock
// in the database anyway; queueing them here first means a burst of proposals or approvals holds one pooled
// connection instead of all of them idle on that lock, so the other requests (sign-in, reads) still get a
// connection, and a request waits in this queue rather than timing out in the pool's. The row lock remains
// what guards the invariant across processes.
import type { Drizzle } from "../db/database.ts";
import type { ServiceContext } from "./context.ts";

export type MoneyLane = <T>(work: () => Promise<T>) => Promise<T>;

export function createMoneyLane(): MoneyLane {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(work: () => Promise<T>): Promise<T> => {
    const result = tail.then(work, work);
    tail = result.catch(() => undefined);
    return result;
  };
}

/**
 * Runs `work` in one transaction. On PGlite (one connection) nothing else runs meanwhile: read and compute
 * what can be before, and await nothing but the database inside.
 */
export function inTransaction<T>(context: ServiceContext, work: (tx: Drizzle) => Promise<T>): Promise<T> {
  return context.db.drizzle.transaction(work);
}

/** Runs `work` in one transaction, queued in the money lane. */
export function inMoneyTransaction<T>(
  context: ServiceContext,
  work: (tx: Drizzle) => Promise<T>,
): Promise<T> {
  return context.moneyLane(() => context.db.drizzle.transaction(work));
}
