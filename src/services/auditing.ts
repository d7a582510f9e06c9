// How the use cases write the audit trail: a change records its entry in its own transaction (nothing is
// logged for a rolled-back change, nothing changes without its entry); a read of a person's data records
// its entry once the read is done. Entries name the caller and the request, never the data.
import { type AuditEventInput, recordAudit } from "../db/audit/append.ts";
import type { Drizzle } from "../db/database.ts";
import { auditContextOf, type Caller } from "./caller.ts";
import type { ServiceContext } from "./context.ts";

/** What an entry says of the event; who and from which request come from the caller. */
export type AuditEntry = Pick<
  AuditEventInput,
  "action" | "targetType" | "targetId" | "details" | "occurredAt"
>;

/** Records a change, inside the transaction `tx` that makes it. */
export async function recordChange(tx: Drizzle, caller: Caller, entry: AuditEntry): Promise<void> {
  await recordAudit(tx, { ...auditContextOf(caller), ...entry });
}

/** Records that the caller read personal data. */
export async function recordRead(context: ServiceContext, caller: Caller, entry: AuditEntry): Promise<void> {
  await recordAudit(context.db.drizzle, { ...auditContextOf(caller), ...entry });
}
