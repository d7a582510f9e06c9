// Whole days between two ISO calendar days, without Date objects (no time zone can shift a day): the
// days-from-civil algorithm of H. Hinnant (http://howardhinnant.github.io/date_algorithms.html).

/** Days since 1970-01-01 of an ISO `YYYY-MM-DD` day (proleptic Gregorian calendar). */
export function epochDay(iso: string): number {
  const month = Number(iso.slice(5, 7));
  const day = Number(iso.slice(8, 10));
  const year = Number(iso.slice(0, 4)) - (month <= 2 ? 1 : 0);
  const era = Math.floor(year / 400);
  const yearOfEra = year - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** `to` − `from` in days (negative when `to` comes first). */
export function daysBetween(from: string, to: string): number {
  return epochDay(to) - epochDay(from);
}
