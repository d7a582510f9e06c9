// Erasure on request (GDPR art. 17): the case's personal data replaced at once, by the same erasers as the
// retention job (PERSONAL_DATA_ERASERS), where the law allows it. Not while the case is being worked on
// (only a closed case, or a request never assessed), and never while an aid from the envelope is still
// running: its accounts must be kept (art. 17.3.b, legal obligation). The audit trail keeps the event and
// counts, not the data; the timeline keeps the reason given.
import { and, eq, inArray, max } from "drizzle-orm";
import type { AidStatus } from "../../core/finance/index.ts";
import { recordAudit } from "../../db/audit/append.ts";
import type { Drizzle } from "../../db/database.ts";
import { aids, caseAnonymisations, caseEvents, cases } from "../../db/schema/index.ts";
import type { AuditContext } from "../../services/caller.ts";
import { PERSONAL_DATA_ERASERS } from "./retention.ts";

/** Case statuses in which nothing more is being done for the person. */
export const ERASABLE_STATUSES: readonly string[] = ["closed", "request_received"];

/** Aids whose money is still moving: reserved, committed but unpaid, or a loan being repaid. */
export const RUNNING_AID_STATUSES: readonly AidStatus[] = [
  "queued",
  "proposed",
  "approved",
  "repaying",
  "in_arrears",
];

export type ErasureRefusal = "not_found" | "case_in_progress" | "aid_in_progress" | "already_erased";

export type ErasureOutcome =
  | { ok: true; erasedAt: Date; replaced: Record<string, number> }
  | { ok: false; refusal: ErasureRefusal };

/** Erases the case's personal data in one transaction, or says why the law (or the state) forbids it. */
export async function eraseCase(
  db: Drizzle,
  input: { caseId: string; reason: string; context: AuditContext; now: Date },
): Promise<ErasureOutcome> {
  return db.transaction(async (tx) => {
    // Locked: no step, aid proposal or retention run changes the case between the checks and the erasure.
    const [row] = await tx
      .select({ id: cases.id, status: cases.status, organisationId: cases.organisationId })
      .from(cases)
      .where(eq(cases.id, input.caseId))
      .for("update");
    if (row === undefined) return { ok: false, refusal: "not_found" };
    const [done] = await tx
      .select({ id: caseAnonymisations.caseId })
      .from(caseAnonymisations)
      .where(eq(caseAnonymisations.caseId, row.id));
    if (done !== undefined) return { ok: false, refusal: "already_erased" };
    if (!ERASABLE_STATUSES.includes(row.status)) return { ok: false, refusal: "case_in_progress" };
    const running = await tx
      .select({ id: aids.id })
      .from(aids)
      .where(and(eq(aids.caseId, row.id), inArray(aids.status, [...RUNNING_AID_STATUSES])))
      .limit(1);
    if (running.length > 0) return { ok: false, refusal: "aid_in_progress" };

    const replaced: Record<string, number> = {};
    for (const eraser of PERSONAL_DATA_ERASERS) replaced[eraser.table] = await eraser.erase(tx, row.id);
    await tx.insert(caseAnonymisations).values({ caseId: row.id, anonymisedAt: input.now, replaced });
    const [last] = await tx
      .select({ seq: max(caseEvents.seq) })
      .from(caseEvents)
      .where(eq(caseEvents.caseId, row.id));
    await tx.insert(caseEvents).values({
      caseId: row.id,
      seq: (last?.seq ?? 0) + 1,
      occurredAt: input.now,
      actorUserId: input.context.actorUserId ?? null,
      type: "personal_data_erased",
      data: { reason: input.reason },
    });
    await recordAudit(tx, {
      ...input.context,
      organisationId: row.organisationId,
      action: "case.anonymised",
      targetType: "case",
      targetId: row.id,
      occurredAt: input.now,
      details: { via: "erasure_request", status: row.status, replaced },
    });
    return { ok: true, erasedAt: input.now, replaced };
  });
}
