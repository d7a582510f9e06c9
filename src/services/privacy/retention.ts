// Retention (GDPR art. 5.1.e): a case closed more than `retentionYears` ago keeps its facts for the
// statistics (status, directive, dates, decisions, outcomes, aids and their amounts) but loses everything
// that identifies or describes the person: identity and contact, free texts, the diagnosis, appointment
// notes, documents. One transaction per case: the personal values are replaced, the case is marked
// anonymised, and the audit trail records the event with counts only. Run by the system: daily by the
// server (src/server/privacy/retentionSchedule.ts) and by `appui retention run`.
import { todayInParis } from "../../core/time/index.ts";
import { recordAudit } from "../../db/audit/append.ts";
import { lockCase } from "../../db/cases/repository.ts";
import {
  closedCasesNotAnonymised,
  erasePersonalData,
  isAnonymised,
  markAnonymised,
} from "../../db/privacy/anonymisation.ts";
import { auditContextOf, type Caller } from "../caller.ts";
import type { ServiceContext } from "../context.ts";
import { inTransaction } from "../transactions.ts";

export interface RetentionReport {
  /** Europe/Paris day: cases closed on or before it are due. */
  closedOnOrBefore: string;
  due: number;
  anonymised: number;
  /** Rows changed per table, over every case anonymised. */
  replaced: Record<string, number>;
}

/** `day` (YYYY-MM-DD) minus `years`; 29 February becomes 28 February in a common year. */
export function yearsBefore(day: string, years: number): string {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  const target = year - years;
  const leap = (target % 4 === 0 && target % 100 !== 0) || target % 400 === 0;
  const safeDate = month === 2 && date === 29 && !leap ? 28 : date;
  return `${String(target).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(safeDate).padStart(2, "0")}`;
}

/**
 * Anonymises every closed case past the context's retention period (or only counts them, with dryRun).
 * Not a change of the case through changeCase: no one read a version of it, and nothing goes on its
 * timeline; its version still moves (the erasers bump it).
 */
export async function runRetention(
  context: ServiceContext,
  caller: Caller,
  input: { dryRun: boolean },
): Promise<RetentionReport> {
  const now = context.now();
  const closedOnOrBefore = yearsBefore(todayInParis(now), context.retentionYears);
  const due = await closedCasesNotAnonymised(context.db.drizzle, closedOnOrBefore);
  const report: RetentionReport = { closedOnOrBefore, due: due.length, anonymised: 0, replaced: {} };
  if (input.dryRun) return report;
  const audit = auditContextOf(caller);
  for (const item of due) {
    const replaced = await inTransaction(context, async (tx) => {
      // Locked and re-checked: a concurrent run (two instances) anonymises each case once.
      const locked = await lockCase(tx, item.id);
      if (locked === undefined || (await isAnonymised(tx, item.id))) return undefined;
      const counts = await erasePersonalData(tx, item.id);
      await markAnonymised(tx, item.id, now, counts);
      await recordAudit(tx, {
        ...audit,
        action: "case.anonymised",
        organisationId: item.organisationId,
        targetType: "case",
        targetId: item.id,
        occurredAt: now,
        details: {
          via: "retention",
          closedOn: item.closedOn,
          retentionYears: context.retentionYears,
          replaced: counts,
        },
      });
      return counts;
    });
    if (replaced === undefined) continue;
    report.anonymised++;
    for (const [table, count] of Object.entries(replaced))
      report.replaced[table] = (report.replaced[table] ?? 0) + count;
  }
  return report;
}
