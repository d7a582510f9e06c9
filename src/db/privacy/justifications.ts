// Auditors' written justifications for reading a case (table case_access_justifications): stored apart from
// the audit trail, which cites them by id and never holds their free text.
import { and, desc, eq, gt } from "drizzle-orm";
import type { Drizzle } from "../database.ts";
import { caseAccessJustifications } from "../schema/index.ts";

export type JustificationRow = typeof caseAccessJustifications.$inferSelect;

export async function insertJustification(
  tx: Drizzle,
  values: { caseId: string; auditorUserId: string; reason: string; grantedAt: Date; expiresAt: Date },
): Promise<JustificationRow> {
  const [row] = await tx.insert(caseAccessJustifications).values(values).returning();
  if (row === undefined) throw new Error("insert returned no row");
  return row;
}

/** The auditor's latest justification for the case still open at `now`, if any. */
export async function findActiveJustification(
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
