// Auditors read a case's content only after writing down why (issue 6: "any case content only after
// recording a justification"). A justification opens one case, read only, for one auditor, for
// JUSTIFIED_ACCESS_MINUTES; recording it is audited with its id, and so is every read made under it.
import { and, desc, eq, gt } from "drizzle-orm";
import { recordAudit } from "../../db/audit/append.ts";
import type { Drizzle } from "../../db/database.ts";
import { caseAccessJustifications } from "../../db/schema/index.ts";
import type { AuditContext } from "../../services/caller.ts";

/** Long enough to examine a case, short enough that a new look needs a new reason. */
export const JUSTIFIED_ACCESS_MINUTES = 60;

export type JustificationRow = typeof caseAccessJustifications.$inferSelect;

/** Records the justification and its audit entry (with its id, never the reason) in one transaction. */
export async function recordJustification(
  db: Drizzle,
  input: { caseId: string; organisationId: string; reason: string; context: AuditContext; now: Date },
): Promise<JustificationRow> {
  const auditorUserId = input.context.actorUserId;
  if (auditorUserId === null || auditorUserId === undefined) throw new Error("no auditor");
  const expiresAt = new Date(input.now.getTime() + JUSTIFIED_ACCESS_MINUTES * 60_000);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(caseAccessJustifications)
      .values({
        caseId: input.caseId,
        auditorUserId,
        reason: input.reason,
        grantedAt: input.now,
        expiresAt,
      })
      .returning();
    if (row === undefined) throw new Error("insert returned no row");
    await recordAudit(tx, {
      ...input.context,
      action: "case.access_justified",
      targetType: "case",
      targetId: input.caseId,
      occurredAt: input.now,
      details: {
        justificationId: row.id,
        caseOrganisationId: input.organisationId,
        expiresAt: expiresAt.toISOString(),
      },
    });
    return row;
  });
}

/** The auditor's latest justification for the case still open at `now`, if any. */
export async function activeJustification(
  db: Drizzle,
  input: { caseId: string; auditorUserId: string; now: Date },
): Promise<JustificationRow | undefined> {
  const [row] = await db
    .select()
    .from(caseAccessJustifications)
    .where(
      and(
        eq(caseAccessJustifications.caseId, input.caseId),
        eq(caseAccessJustifications.auditorUserId, input.auditorUserId),
        gt(caseAccessJustifications.expiresAt, input.now),
      ),
    )
    .orderBy(desc(caseAccessJustifications.expiresAt))
    .limit(1);
  return row;
}
