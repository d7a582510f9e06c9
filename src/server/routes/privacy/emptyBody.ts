// The GDPR requests whose only field is a reason: sent without a body, they are refused for the missing
// reason (400 naming /reason), as with an empty object, rather than for the missing body.
import type { FastifyRequest } from "fastify";

/** A route's preValidation hook: no body becomes {}, which the body schema then checks. */
export async function emptyBodyWhenMissing(request: FastifyRequest): Promise<void> {
  request.body ??= {};
}
