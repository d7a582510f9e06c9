// The accounting exports of a year: commitments (aids approved, whatever happened next), disbursements and
// repayments, one line per row, cells in the order of the dataset's headings, cents kept as integers. The
// export is written to the audit trail (what, which year, how many lines), not its content.
import { committedAids, disbursementsOf, repaymentsReceived } from "../../db/finance/exports.ts";
import type { Caller } from "../caller.ts";
import type { ServiceContext } from "../context.ts";
import { maskIban } from "./iban.ts";
import { moverOf, recordFinanceAudit } from "./steps.ts";

export const EXPORT_DATASETS = ["commitments", "disbursements", "repayments"] as const;
export type ExportDataset = (typeof EXPORT_DATASETS)[number];
export const EXPORT_FORMATS = ["csv", "xlsx"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export type Cell = string | number | null;

/** Index of the euro column (the cents repeated, to be written as euros) in each dataset's lines. */
export const EURO_COLUMN: Record<ExportDataset, number> = { commitments: 8, disbursements: 5, repayments: 4 };

async function linesOf(context: ServiceContext, dataset: ExportDataset, year: number): Promise<Cell[][]> {
  const db = context.db.drizzle;
  if (dataset === "commitments") {
    return (await committedAids(db, year)).map((row) => [
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
    // The account number is personal data: exports show it masked.
    return (await disbursementsOf(db, year)).map(({ aid, payment }) => [
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
  return (await repaymentsReceived(db, year)).map(({ aid, repayment }) => [
    aid.id,
    aid.caseId,
    aid.year,
    repayment.amountCents,
    repayment.amountCents,
    repayment.receivedOn,
    repayment.mode,
  ]);
}

/** The lines of `dataset` for `year`; the audit entry says in which `format` they leave. */
export async function exportLines(
  context: ServiceContext,
  caller: Caller,
  request: { dataset: ExportDataset; year: number; format: ExportFormat },
): Promise<Cell[][]> {
  const { dataset, year, format } = request;
  const lines = await linesOf(context, dataset, year);
  await recordFinanceAudit(context.db.drizzle, moverOf(context, caller), {
    action: "aid.export",
    details: { dataset, year, format, rows: lines.length },
  });
  return lines;
}
