// Whether the database answers, for the health check: a ping that gives up after a while, so that a hung
// connection reports the service unavailable instead of hanging the check.

import type { ServiceContext } from "../context.ts";

const PING_TIMEOUT_MS = 2_000;

/** Resolves when the database answers in time; rejects with the reason otherwise. */
export async function checkDatabase(context: ServiceContext): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${PING_TIMEOUT_MS} ms`)), PING_TIMEOUT_MS);
  });
  try {
    await Promise.race([context.db.ping(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
