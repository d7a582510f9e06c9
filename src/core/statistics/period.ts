// The period a manager's statistics cover: two Europe/Paris calendar days, both included. By default the
// twelve calendar months up to today (the current month included), so that every month bar is a whole
// month except the current one; at most 24 months, which keeps the month-by-month chart readable and
// the aggregate queries bounded.
import { addMonths, dayNumber, isCalendarDate } from "../rules/dates.ts";
import { STATISTICS_MESSAGES } from "./messages.fr.ts";

export const MAX_PERIOD_MONTHS = 24;
export const DEFAULT_PERIOD_MONTHS = 12;

export interface Period {
  from: string;
  to: string;
}

export interface PeriodProblem {
  code: "INVALID_DATE" | "TO_BEFORE_FROM" | "PERIOD_TOO_LONG";
  path: "/from" | "/to";
  message: string;
}

function isoOf(yyyymmdd: number): string {
  const text = String(yyyymmdd);
  return `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6, 8)}`;
}

/** First day of the month `monthsBefore` months before `day`'s month. */
function monthStart(day: string, monthsBefore: number): string {
  return `${isoOf(addMonths(`${day.slice(0, 7)}-01`, -monthsBefore)).slice(0, 7)}-01`;
}

/**
 * The period asked for, completed with the defaults (`to` = today, `from` = the start of the month
 * 11 months before `to`'s), or every problem with the field at fault.
 */
export function resolvePeriod(
  asked: { from?: string | undefined; to?: string | undefined },
  today: string,
): { ok: true; period: Period } | { ok: false; problems: PeriodProblem[] } {
  const problems: PeriodProblem[] = [];
  for (const field of ["from", "to"] as const) {
    const value = asked[field];
    if (value !== undefined && !isCalendarDate(value)) {
      problems.push({ code: "INVALID_DATE", path: `/${field}`, message: STATISTICS_MESSAGES.invalidDate });
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  const to = asked.to ?? today;
  const from = asked.from ?? monthStart(to, DEFAULT_PERIOD_MONTHS - 1);
  if (dayNumber(to) < dayNumber(from)) {
    return {
      ok: false,
      problems: [{ code: "TO_BEFORE_FROM", path: "/to", message: STATISTICS_MESSAGES.toBeforeFrom }],
    };
  }
  // 24 months from 2025-01-01 end on 2026-12-31: the day 24 months after `from` is already too far.
  if (dayNumber(to) >= addMonths(from, MAX_PERIOD_MONTHS)) {
    return {
      ok: false,
      problems: [{ code: "PERIOD_TOO_LONG", path: "/to", message: STATISTICS_MESSAGES.periodTooLong }],
    };
  }
  return { ok: true, period: { from, to } };
}

/** Every month (`YYYY-MM`) the period touches, in order. */
export function monthsOf(period: Period): string[] {
  const months: string[] = [];
  const last = period.to.slice(0, 7);
  for (let offset = 0; ; offset -= 1) {
    const month = monthStart(period.from, offset).slice(0, 7);
    months.push(month);
    if (month >= last) return months;
  }
}
