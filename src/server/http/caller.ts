// The caller of a use case, from the request: its session (if any), the request id and the client address.
import type { FastifyRequest } from "fastify";
import type { Caller } from "../../services/caller.ts";

export function callerOf(request: FastifyRequest): Caller {
  const auth = request.auth;
  return {
    actor:
      auth === null
        ? null
        : {
            userId: auth.user.id,
            role: auth.role,
            organisationId: auth.organisation?.id ?? null,
            organisationKind: auth.organisation?.kind ?? null,
          },
    requestId: request.id,
    clientAddress: request.ip,
  };
}
