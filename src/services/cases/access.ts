// Reaching a case within the caller's scope: another agency's case is a 404, never a 403, so that ids
// cannot be probed; a case the caller can read but not change (a colleague's) is a 403.
import { type Action, isInScope, type ScopedResource } from "../../core/access/index.ts";
import { type CaseRecord, findCase } from "../../db/cases/repository.ts";
import { type Caller, staffOf } from "../caller.ts";
import type { ServiceContext } from "../context.ts";
import { DomainError } from "../errors.ts";
import { caseMessages } from "./messages.fr.ts";

const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

export function caseNotFound(): DomainError {
  const { title, detail } = caseMessages.notFound;
  return new DomainError("not_found", "case_not_found", title, detail);
}

export function scopedResource(record: CaseRecord): ScopedResource {
  return {
    organisationId: record.row.organisationId,
    ownerUserId: record.row.counsellorUserId,
    referredOrganisationIds: record.referredOrganisationIds,
  };
}

/**
 * The case `id` if the caller may read it (`cases.read`), else 404. With `change`, also checks that the
 * caller may perform it on this case (403 otherwise).
 */
export async function loadCaseInScope(
  context: ServiceContext,
  caller: Caller,
  id: string,
  change?: Action,
): Promise<CaseRecord> {
  const actor = staffOf(caller);
  // A malformed id is simply no case.
  if (!UUID.test(id)) throw caseNotFound();
  const record = await findCase(context.db.drizzle, id);
  if (record === undefined) throw caseNotFound();
  const resource = scopedResource(record);
  if (!isInScope(actor, "cases.read", resource)) throw caseNotFound();
  if (change !== undefined && !isInScope(actor, change, resource)) {
    const { title, detail } = caseMessages.notAssigned;
    throw new DomainError("forbidden", "case_not_assigned", title, detail);
  }
  return record;
}

/** Whether the caller may read the sensitive topics: the counsellor in charge and the agency's manager. */
export function mayReadSensitive(caller: Caller, record: CaseRecord): boolean {
  return caller.actor !== null && isInScope(caller.actor, "cases.sensitive.read", scopedResource(record));
}
