// The statistics as a CSV file: one line per figure (section, key, value), what a spreadsheet pivots
// without knowing the JSON.
import { stringify } from "csv-stringify/sync";
import { REQUEST_CHANNELS } from "../../../contracts/cases.ts";
import type { Statistics } from "../../../contracts/statistics.ts";
import { statisticsCsvLabels as label, STATISTICS_CSV_HEADINGS } from "./messages.fr.ts";

function csvLines(statistics: Statistics): (string | number)[][] {
  const lines: (string | number)[][] = [
    [label.period, label.periodStart, statistics.period.from],
    [label.period, label.periodEnd, statistics.period.to],
  ];
  for (const month of statistics.opened.byMonth) {
    lines.push([label.openedByMonth, month.month, month.total]);
    for (const channel of REQUEST_CHANNELS) {
      lines.push([label.openedByMonthAndChannel(channel), month.month, month.byChannel[channel]]);
    }
  }
  for (const entry of statistics.opened.byDirective)
    lines.push([label.openedByDirective, entry.directive, entry.count]);
  for (const entry of statistics.decisions.byKind) lines.push([label.decisions, entry.kind, entry.count]);
  for (const entry of statistics.current.byStatus)
    lines.push([label.casesByStatus, entry.status, entry.count]);
  lines.push([label.caseload, label.openCases, statistics.current.openCases]);
  lines.push([label.caseload, label.unassignedOpenCases, statistics.current.unassignedOpenCases]);
  lines.push([label.caseload, label.overdueActions, statistics.current.overdueActions]);
  for (const counsellor of statistics.counsellors) {
    lines.push([label.openCasesByCounsellor, counsellor.displayName, counsellor.openCases]);
    lines.push([label.overdueActionsByCounsellor, counsellor.displayName, counsellor.overdueActions]);
  }
  for (const [name, summary] of Object.entries(statistics.quality)) {
    lines.push([label.duration(name), label.durationCases, summary.count]);
    lines.push([label.duration(name), label.durationMedian, summary.median ?? ""]);
    lines.push([label.duration(name), label.durationP90, summary.p90 ?? ""]);
  }
  for (const entry of statistics.closures.byReason)
    lines.push([label.closuresByReason, entry.reason, entry.count]);
  for (const entry of statistics.closures.byOutcome)
    lines.push([label.closureOutcomes, entry.outcome, entry.count]);
  for (const entry of statistics.survey.byRating)
    lines.push([label.survey, String(entry.rating), entry.count]);
  return lines;
}

export function statisticsCsv(statistics: Statistics): string {
  return stringify(csvLines(statistics), {
    bom: true,
    delimiter: ";",
    header: true,
    columns: [...STATISTICS_CSV_HEADINGS],
  });
}
