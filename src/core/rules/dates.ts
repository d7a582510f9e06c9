// Calendar arithmetic on ISO `YYYY-MM-DD` dates without Date objects: the engine evaluates millions of
// situations per second and the same code runs in the browser, where time zones must not shift a day.

/** The date as the integer YYYYMMDD, which orders like the calendar. */
export function dayNumber(iso: string): number {
  return (
    (iso.charCodeAt(0) - 48) * 10_000_000 +
    (iso.charCodeAt(1) - 48) * 1_000_000 +
    (iso.charCodeAt(2) - 48) * 100_000 +
    (iso.charCodeAt(3) - 48) * 10_000 +
    (iso.charCodeAt(5) - 48) * 1_000 +
    (iso.charCodeAt(6) - 48) * 100 +
    (iso.charCodeAt(8) - 48) * 10 +
    (iso.charCodeAt(9) - 48)
  );
}

function lastDayOfMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * The same day `months` later as YYYYMMDD; when that day does not exist, the last day of the month
 * (2024-11-30 plus 3 months is 2025-02-28), which is how French law counts durations in months.
 */
export function addMonths(iso: string, months: number): number {
  const date = dayNumber(iso);
  const monthIndex = Math.floor(date / 10_000) * 12 + (Math.floor(date / 100) % 100) - 1 + months;
  const year = Math.floor(monthIndex / 12);
  const month = (monthIndex % 12) + 1;
  const day = Math.min(date % 100, lastDayOfMonth(year, month));
  return year * 10_000 + month * 100 + day;
}

/** True when `iso` names a real calendar day (2025-02-29 does not exist). */
export function isCalendarDate(iso: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return false;
  const date = dayNumber(iso);
  const year = Math.floor(date / 10_000);
  const month = Math.floor(date / 100) % 100;
  const day = date % 100;
  return month >= 1 && month <= 12 && day >= 1 && day <= lastDayOfMonth(year, month);
}
