// /api/v1/finance/exports/:dataset: commitments, disbursements or repayments of a year for accounting, as
// CSV (semicolon-separated, UTF-8 with a byte order mark, decimal comma: what a French spreadsheet opens
// as is) or XLSX (exceljs; euros as numbers with a euro format). IBANs are masked.
import { stringify } from "csv-stringify/sync";
import ExcelJS from "exceljs";
import Type from "typebox";
import { recordAudit } from "../../../db/audit/append.ts";
import type { Database } from "../../../db/database.ts";
import { type Cell, EURO_COLUMN, EXPORT_DATASETS, exportRows } from "../../../db/finance/exports.ts";
import { problemResponses } from "../../http/problems.ts";
import type { AppInstance } from "../../types.ts";
import { financeActor } from "./financeAccess.ts";
import { EXPORT_HEADINGS, EXPORT_SHEET_NAMES, financeMessages } from "./messages.fr.ts";

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** Cents as a French decimal: 123456 → "1234,56" (exact, no floating point). */
function euroText(cents: number): string {
  const sign = cents < 0 ? "-" : "";
  const absolute = Math.abs(cents);
  return `${sign}${Math.trunc(absolute / 100)},${String(absolute % 100).padStart(2, "0")}`;
}

export async function exportRoutes(app: AppInstance, options: { db: Database }): Promise<void> {
  const db = options.db.drizzle;

  app.get(
    "/api/v1/finance/exports/:dataset",
    {
      config: { permission: "aids.export" },
      schema: {
        tags: ["finance"],
        summary: financeMessages.summaries.export,
        params: Type.Object({ dataset: Type.Enum(EXPORT_DATASETS) }),
        querystring: Type.Object(
          { year: Type.Integer({ minimum: 2000, maximum: 2999 }), format: Type.Enum(["csv", "xlsx"]) },
          { additionalProperties: false },
        ),
        response: problemResponses(400, 401, 403),
      },
    },
    async (request, reply) => {
      const actor = financeActor(request);
      const { dataset } = request.params;
      const { year, format } = request.query;
      const rows = await exportRows(db, dataset, year);
      const euroColumn = EURO_COLUMN[dataset];
      await recordAudit(db, {
        action: "aid.export",
        actorUserId: actor.userId,
        actorRole: actor.role,
        organisationId: actor.organisationId,
        requestId: actor.requestId,
        clientAddress: actor.clientAddress,
        details: { dataset, year, format, rows: rows.length },
      });
      const filename = `${EXPORT_SHEET_NAMES[dataset].toLowerCase()}-${year}.${format}`;
      reply.header("content-disposition", `attachment; filename="${filename}"`);
      if (format === "csv") {
        const lines = rows.map((row) =>
          row.map((cell, index) =>
            index === euroColumn && typeof cell === "number" ? euroText(cell) : cell,
          ),
        );
        const text = stringify([[...EXPORT_HEADINGS[dataset]], ...lines], { delimiter: ";", bom: true });
        return reply.type("text/csv; charset=utf-8").send(text);
      }
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet(EXPORT_SHEET_NAMES[dataset]);
      sheet.addRow([...EXPORT_HEADINGS[dataset]]);
      sheet.getRow(1).font = { bold: true };
      for (const row of rows) {
        // The euro column is cents / 100 as a number; the exact cents are in the column before.
        sheet.addRow(
          row.map((cell: Cell, index) =>
            index === euroColumn && typeof cell === "number" ? cell / 100 : cell,
          ),
        );
      }
      sheet.getColumn(euroColumn + 1).numFmt = '#,##0.00 "€"';
      const buffer = await workbook.xlsx.writeBuffer();
      return reply.type(XLSX_TYPE).send(Buffer.from(buffer));
    },
  );
}
