// The accounting exports as files: CSV (semicolon-separated, UTF-8 with a byte order mark, decimal comma:
// what a French spreadsheet opens as is) or XLSX (exceljs; euros as numbers with a euro format).
import { stringify } from "csv-stringify/sync";
import ExcelJS from "exceljs";
import {
  type Cell,
  EURO_COLUMN,
  type ExportDataset,
  type ExportFormat,
} from "../../../services/finance/index.ts";
import { EXPORT_HEADINGS, EXPORT_SHEET_NAMES } from "./messages.fr.ts";

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export interface ExportFile {
  filename: string;
  contentType: string;
  content: string | Buffer;
}

/** Cents as a French decimal: 123456 → "1234,56" (exact, no floating point). */
function euroText(cents: number): string {
  const sign = cents < 0 ? "-" : "";
  const absolute = Math.abs(cents);
  return `${sign}${Math.trunc(absolute / 100)},${String(absolute % 100).padStart(2, "0")}`;
}

export async function exportFile(
  dataset: ExportDataset,
  year: number,
  format: ExportFormat,
  lines: readonly Cell[][],
): Promise<ExportFile> {
  const euroColumn = EURO_COLUMN[dataset];
  const filename = `${EXPORT_SHEET_NAMES[dataset].toLowerCase()}-${year}.${format}`;
  if (format === "csv") {
    const rows = lines.map((line) =>
      line.map((cell, index) => (index === euroColumn && typeof cell === "number" ? euroText(cell) : cell)),
    );
    const content = stringify([[...EXPORT_HEADINGS[dataset]], ...rows], { delimiter: ";", bom: true });
    return { filename, contentType: "text/csv; charset=utf-8", content };
  }
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(EXPORT_SHEET_NAMES[dataset]);
  sheet.addRow([...EXPORT_HEADINGS[dataset]]);
  sheet.getRow(1).font = { bold: true };
  for (const line of lines) {
    // The euro column is cents / 100 as a number; the exact cents are in the column before.
    sheet.addRow(
      line.map((cell, index) => (index === euroColumn && typeof cell === "number" ? cell / 100 : cell)),
    );
  }
  sheet.getColumn(euroColumn + 1).numFmt = '#,##0.00 "€"';
  const buffer = await workbook.xlsx.writeBuffer();
  return { filename, contentType: XLSX_TYPE, content: Buffer.from(buffer) };
}
