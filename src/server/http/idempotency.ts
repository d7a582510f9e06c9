// The Idempotency-Key header (one rule for every endpoint that takes it): 1 to 200 printable ASCII
// characters, chosen by the client per operation. A retry repeats the method, the path and the body under
// the same key; the service then gives back the first answer instead of acting twice.
import type { IncomingHttpHeaders } from "node:http";
import type { RetryableRequest } from "../../services/finance/index.ts";
import { httpMessages } from "./messages.fr.ts";
import { invalidField } from "./problems.ts";

const KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;

/** The request's Idempotency-Key, if any; a malformed one is bad input (400). */
export function idempotencyKeyOf(request: { headers: IncomingHttpHeaders }): string | undefined {
  const value = request.headers["idempotency-key"];
  if (value === undefined) return undefined;
  if (typeof value !== "string" || !KEY_PATTERN.test(value)) {
    throw invalidField("/headers/idempotency-key", "pattern", httpMessages.idempotencyKeyInvalid);
  }
  return value;
}

/** A request that may be retried: its key header, what it asks (method, path) and its body. */
export interface KeyedRequest {
  headers: IncomingHttpHeaders;
  method: string;
  url: string;
  body: unknown;
}

/** The request as a retry of itself, answered with `status`; undefined without an Idempotency-Key. */
export function retryOf(request: KeyedRequest, status: number): RetryableRequest | undefined {
  const key = idempotencyKeyOf(request);
  if (key === undefined) return undefined;
  return { key, route: `${request.method} ${request.url.split("?")[0]}`, body: request.body, status };
}
