// Idempotency keys of money-moving requests. Within the use case's transaction, (caller, key) is locked so
// that two requests carrying the same key run one after the other; the first one runs and its answer is
// stored; a later one that repeats the same request gets that answer back, and one that does not (another
// route or another body) is refused, since the key would then mean two things. Nothing is stored for a
// refusal: its transaction rolls back, and a retry is refused again by the same rule.
import { createHash } from "node:crypto";
import type { Drizzle } from "../../db/database.ts";
import { findStoredAnswer, lockIdempotencyKey, storeAnswer } from "../../db/finance/idempotency.ts";
import { DomainError } from "../errors.ts";
import { financeMessages } from "./messages.fr.ts";

/** A request sent with an Idempotency-Key: what a retry must repeat to be given the first answer again. */
export interface RetryableRequest {
  key: string;
  /** Method and path, e.g. `POST /api/v1/finance/aids/<id>/disburse`. */
  route: string;
  body: unknown;
  /** The status the answer is given with, stored with it. */
  status: number;
}

/** Canonical JSON (keys sorted) so that the same body always hashes the same. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonical(item)}`).join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

function requestHash(route: string, body: unknown): string {
  return createHash("sha256").update(route).update("\n").update(canonical(body)).digest("hex");
}

/**
 * Runs `run` once per (caller, key): without a key it simply runs; with one, a retry of the same request
 * gets the stored answer, and another request under the same key is refused (422).
 */
export async function once<Answer>(
  tx: Drizzle,
  actorUserId: string,
  request: RetryableRequest | undefined,
  run: () => Promise<Answer>,
): Promise<Answer> {
  if (request === undefined) return run();
  const hash = requestHash(request.route, request.body);
  await lockIdempotencyKey(tx, actorUserId, request.key);
  const stored = await findStoredAnswer(tx, actorUserId, request.key);
  if (stored !== undefined) {
    if (stored.route !== request.route || stored.requestHash !== hash) {
      const { title, detail } = financeMessages.idempotencyMismatch;
      throw new DomainError("unprocessable", "idempotency_key_reused", title, detail);
    }
    // What was stored is what this use case answered the first time.
    return stored.responseBody as Answer;
  }
  // What is stored is exactly what a JSON client reads back (dates as strings, no undefined).
  const answer = JSON.parse(JSON.stringify(await run())) as Answer;
  await storeAnswer(tx, {
    actorUserId,
    key: request.key,
    route: request.route,
    requestHash: hash,
    responseStatus: request.status,
    responseBody: answer,
  });
  return answer;
}
