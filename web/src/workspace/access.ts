// What the signed-in person may do to a particular resource, asked of the permission table the server
// enforces (src/core/access): a page offers a change only when the server would accept it, so a change to
// the table changes both. Questions that do not depend on the resource ask `isAllowed(session.role, …)`.
import type { CaseDetail } from "../../../src/contracts/cases.ts";
import { type Action, type Actor, isInScope, type ScopedResource } from "../../../src/core/access/index.ts";
import type { Session } from "./session.ts";

export function actorOf(session: Session): Actor {
  return { userId: session.user.id, role: session.role, organisationId: session.organisation?.id ?? null };
}

/** Whether the signed-in person may perform `action` on a resource (scope `own`: `ownerUserId` is theirs). */
export function mayOn(session: Session, action: Action, resource: ScopedResource): boolean {
  return isInScope(actorOf(session), action, resource);
}

/** A case as the scope rules see it: its agency, and the counsellor it is assigned to as its owner. */
export function caseResource(detail: Pick<CaseDetail, "organisation" | "counsellor">): ScopedResource {
  return { organisationId: detail.organisation.id, ownerUserId: detail.counsellor?.id ?? null };
}
