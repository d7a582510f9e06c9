// Who calls a use case, and through which request: what scope checks and the audit trail need. The server
// builds it from the session (src/server/http/caller.ts); the command line and the background jobs act as
// the system (no account), which the audit trail records as such.
import type { Actor, OrganisationKind } from "../core/access/index.ts";
import type { AuditEventInput } from "../db/audit/append.ts";
import { DomainError } from "./errors.ts";

export interface StaffActor extends Actor {
  organisationKind: OrganisationKind | null;
}

export interface Caller {
  /** The signed-in staff member; null for the public (request form, one-time links) and the system. */
  readonly actor: StaffActor | null;
  readonly requestId: string | null;
  readonly clientAddress: string | null;
}

/** The operator at the command line, or a background job: no account, no request. */
export const SYSTEM_CALLER: Caller = { actor: null, requestId: null, clientAddress: null };

/** The staff member calling; the public and the system may not (401). */
export function staffOf(caller: Caller): StaffActor {
  if (caller.actor === null) throw DomainError.unauthenticated();
  return caller.actor;
}

/** The caller's organisation, for use cases that act within one (403 for the national roles). */
export function organisationOf(caller: Caller): string {
  const organisationId = staffOf(caller).organisationId;
  if (organisationId === null) throw DomainError.forbidden();
  return organisationId;
}

/** Who acts, and the request it comes from, as every audit entry and timeline event records them. */
export type AuditContext = Pick<
  AuditEventInput,
  "actorUserId" | "actorRole" | "organisationId" | "requestId" | "clientAddress"
>;

export function auditContextOf(caller: Caller): AuditContext {
  return {
    actorUserId: caller.actor?.userId ?? null,
    actorRole: caller.actor?.role ?? null,
    organisationId: caller.actor?.organisationId ?? null,
    requestId: caller.requestId,
    clientAddress: caller.clientAddress,
  };
}
