// Idempotency keys of money-moving requests. Within the caller's transaction, a transaction-scoped advisory
// lock on (actor, key) serialises two requests carrying the same key; the first one runs and stores its
// response, any later one with the same route and body gets that stored response back, and one with a
// different route or body is refused (the key then means two things). Nothing is stored for a refusal:
// its transaction rolls back, and a retry is refused again by the same rule.
import { createHash } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import type { Drizzle } from "../database.ts";
import { idempotencyKeys } from "../schema/index.ts";

export interface IdempotentRequest {
  actorUserId: string;
  key: string;
  /** Method and path, e.g. `POST /api/v1/finance/aids/<id>/disburse`. */
  route: string;
  body: unknown;
}

export interface StoredResponse {
  status: number;
  body: unknown;
  /** True when this is the stored answer to an earlier request. */
  replayed: boolean;
}

/** The key was used for another request. */
export class IdempotencyMismatchError extends Error {
  constructor() {
    super("idempotency key reused");
    this.name = "IdempotencyMismatchError";
  }
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

export function requestHash(route: string, body: unknown): string {
  return createHash("sha256").update(route).update("\n").update(canonical(body)).digest("hex");
}

export async function idempotent(
  tx: Drizzle,
  request: IdempotentRequest,
  run: () => Promise<{ status: number; body: unknown }>,
): Promise<StoredResponse> {
  const hash = requestHash(request.route, request.body);
  await tx.execute(
    sql`select pg_advisory_xact_lock(hashtextextended(${`${request.actorUserId}:${request.key}`}, 0))`,
  );
  const [stored] = await tx
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.actorUserId, request.actorUserId), eq(idempotencyKeys.key, request.key)));
  if (stored !== undefined) {
    if (stored.route !== request.route || stored.requestHash !== hash) throw new IdempotencyMismatchError();
    return { status: stored.responseStatus, body: stored.responseBody, replayed: true };
  }
  const response = await run();
  // What is stored is exactly what a JSON client reads back (dates as strings, no undefined).
  const body = JSON.parse(JSON.stringify(response.body)) as unknown;
  await tx.insert(idempotencyKeys).values({
    actorUserId: request.actorUserId,
    key: request.key,
    route: request.route,
    requestHash: hash,
    responseStatus: response.status,
    responseBody: body,
  });
  return { status: response.status, body, replayed: false };
}
