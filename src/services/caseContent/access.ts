// A partner worker reaches a case's content through the referral of the case to its organisation, and only
// the actions entrusted to it; any other case is not found, exactly as an unknown id. Staff reach a case's
// content through the case itself (src/services/cases/access.ts).
import { type Action, isInScope } from "../../core/access/index.ts";
import { type CaseRecord, findCase } from "../../db/cases/repository.ts";
import { type Caller, staffOf } from "../caller.ts";
import { caseNotFound, scopedResource } from "../cases/access.ts";
import type { ServiceContext } from "../context.ts";

/** The case `caseId` if it is referred to the caller's organisation and the caller may `action` on it. */
export async function loadReferredCase(
  context: ServiceContext,
  caller: Caller,
  caseId: string,
  action: Action = "referrals.read",
): Promise<CaseRecord> {
  const actor = staffOf(caller);
  const record = await findCase(context.db.drizzle, caseId);
  if (record === undefined) throw caseNotFound();
  const resource = scopedResource(record);
  if (!isInScope(actor, "referrals.read", resource) || !isInScope(actor, action, resource)) {
    throw caseNotFound();
  }
  return record;
}
