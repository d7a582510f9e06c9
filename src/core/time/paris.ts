// The service's days are Europe/Paris calendar days: the directives, the request dates, the deadlines and
// the statistics all count in them. This is the one place that turns an instant into a day and a day into
// instants, so that neither the server's nor the browser's own time zone can shift a day.

const PARIS_DAY = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris" });

/** The Europe/Paris calendar day (YYYY-MM-DD) of an instant. */
export function parisDay(at: Date): string {
  return PARIS_DAY.format(at);
}

/** Today in Paris, as YYYY-MM-DD. */
export function todayInParis(now: Date = new Date()): string {
  return parisDay(now);
}

/**
 * The instant a Europe/Paris calendar day (YYYY-MM-DD) begins. Clocks change at 2 or 3 in the morning, so
 * the offset in force at midnight UTC of that day is the one of its Paris midnight as well.
 */
export function startOfParisDay(iso: string): Date {
  const midnightUtc = new Date(`${iso}T00:00:00Z`);
  const offset = new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Paris", timeZoneName: "longOffset" })
    .formatToParts(midnightUtc)
    .find((part) => part.type === "timeZoneName")?.value;
  const [, sign, hours, minutes] = /^GMT([+-])(\d{2}):(\d{2})$/.exec(offset ?? "") ?? ["", "+", "00", "00"];
  const offsetMinutes = (sign === "-" ? -1 : 1) * (Number(hours) * 60 + Number(minutes));
  return new Date(midnightUtc.getTime() - offsetMinutes * 60_000);
}

/** The instant a Europe/Paris calendar day ends: the start of the next one (a day of 23 or 25 hours too). */
export function endOfParisDay(iso: string): Date {
  const next = new Date(`${iso}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return startOfParisDay(next.toISOString().slice(0, 10));
}
