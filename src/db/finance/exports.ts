// The rows of the accounting exports, for one year: commitments (aids approved, whatever happened next),
// disbursements and repayments. Plain values: the HTTP layer writes them as CSV or XLSX.
import { and, asc, eq, inArray } from "drizzle-orm";
import { COMMITTING_STATUSES } from "../../core/finance/index.ts";
import type { Drizzle } from "../database.ts";
import { aidDisbursements, aidRepayments, aids } from "../schema/index.ts";
import { maskIban } from "./iban.ts";

export const EXPORT_DATASETS = ["commitments", "disbursements", "repayments"] as const;
export type ExportDataset = (typeof EXPORT_DATASETS)[number];

export type Cell = string | number | null;

/** One row per line of the export, cells in the order of the dataset's headings; cents stay integers. */
export async function exportRows(tx: Drizzle, dataset: ExportDataset, year: number): Promise<Cell[][]> {
  if (dataset === "commitments") {
    const rows = await tx
      .select()
      .from(aids)
      .where(and(eq(aids.year, year), inArray(aids.status, [...COMMITTING_STATUSES])))
      .orderBy(asc(aids.decidedAt), asc(aids.id));
    return rows.map((row) => [
      row.id,
      row.caseId,
      row.organisationId,
      row.year,
      row.allocationCode,
      row.kind,
      row.productName,
      row.amountCents,
      row.amountCents,
      row.status,
      row.decidedAt?.toISOString() ?? null,
      row.decidedByUserId,
    ]);
  }
  if (dataset === "disbursements") {
    const rows = await tx
      .select({ aid: aids, payment: aidDisbursements })
      .from(aidDisbursements)
      .innerJoin(aids, eq(aids.id, aidDisbursements.aidId))
      .where(eq(aids.year, year))
      .orderBy(asc(aidDisbursements.paidOn), asc(aidDisbursements.id));
    return rows.map(({ aid, payment }) => [
      aid.id,
      aid.caseId,
      aid.year,
      aid.kind,
      payment.amountCents,
      payment.amountCents,
      payment.payeeKind,
      maskIban(payment.payeeIban),
      payment.paidOn,
      payment.firstDueDate,
    ]);
  }
  const rows = await tx
    .select({ aid: aids, repayment: aidRepayments })
    .from(aidRepayments)
    .innerJoin(aids, eq(aids.id, aidRepayments.aidId))
    .where(eq(aids.year, year))
    .orderBy(asc(aidRepayments.receivedOn), asc(aidRepayments.recordedAt), asc(aidRepayments.id));
  return rows.map(({ aid, repayment }) => [
    aid.id,
    aid.caseId,
    aid.year,
    repayment.amountCents,
    repayment.amountCents,
    repayment.receivedOn,
    repayment.mode,
  ]);
}

/** Index of the euro column (the cents repeated, written as euros) in each dataset's rows. */
export const EURO_COLUMN: Record<ExportDataset, number> = { commitments: 8, disbursements: 5, repayments: 4 };
