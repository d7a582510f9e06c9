// The rows of the accounting exports, for one year: commitments (aids approved, whatever happened next),
// disbursements and repayments. The use case (src/services/finance/exports.ts) lays them out as lines.
import { and, asc, eq, inArray } from "drizzle-orm";
import { COMMITTING_STATUSES } from "../../core/finance/index.ts";
import type { Drizzle } from "../database.ts";
import { aidDisbursements, aidRepayments, aids } from "../schema/index.ts";
import type { AidRow, DisbursementRow } from "./aids.ts";

export type RepaymentRow = typeof aidRepayments.$inferSelect;

/** The aids of `year` approved (committed), in the order of their approval. */
export async function committedAids(db: Drizzle, year: number): Promise<AidRow[]> {
  return db
    .select()
    .from(aids)
    .where(and(eq(aids.year, year), inArray(aids.status, [...COMMITTING_STATUSES])))
    .orderBy(asc(aids.decidedAt), asc(aids.id));
}

/** The payments of the aids of `year`, by day paid. */
export async function disbursementsOf(
  db: Drizzle,
  year: number,
): Promise<{ aid: AidRow; payment: DisbursementRow }[]> {
  return db
    .select({ aid: aids, payment: aidDisbursements })
    .from(aidDisbursements)
    .innerJoin(aids, eq(aids.id, aidDisbursements.aidId))
    .where(eq(aids.year, year))
    .orderBy(asc(aidDisbursements.paidOn), asc(aidDisbursements.id));
}

/** The repayments received on the loans of `year`, by day received. */
export async function repaymentsReceived(
  db: Drizzle,
  year: number,
): Promise<{ aid: AidRow; repayment: RepaymentRow }[]> {
  return db
    .select({ aid: aids, repayment: aidRepayments })
    .from(aidRepayments)
    .innerJoin(aids, eq(aids.id, aidRepayments.aidId))
    .where(eq(aids.year, year))
    .orderBy(asc(aidRepayments.receivedOn), asc(aidRepayments.recordedAt), asc(aidRepayments.id));
}
