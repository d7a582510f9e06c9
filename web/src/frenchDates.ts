// Calendar days as people type and read them (JJ/MM/AAAA) and as the API carries them (AAAA-MM-JJ).
import { isCalendarDate, parisDay } from "../../src/core/rules/dates.ts";

/** JJ/MM/AAAA (or AAAA-MM-JJ) → AAAA-MM-JJ; undefined when it is not a real calendar day. */
export function isoDay(typed: string): string | undefined {
  const text = typed.trim();
  const french = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  const iso = french
    ? `${french[3]}-${(french[2] as string).padStart(2, "0")}-${(french[1] as string).padStart(2, "0")}`
    : /^\d{4}-\d{2}-\d{2}$/.test(text)
      ? text
      : undefined;
  return iso !== undefined && isCalendarDate(iso) ? iso : undefined;
}

/** AAAA-MM-JJ → JJ/MM/AAAA. */
export function frenchDay(iso: string): string {
  return iso.slice(0, 10).split("-").reverse().join("/");
}

/** Today in Europe/Paris, as JJ/MM/AAAA. */
export function todayInParis(now: Date = new Date()): string {
  return frenchDay(parisDay(now));
}

/**
 * The instant a Europe/Paris calendar day (AAAA-MM-JJ) begins, whatever the browser's own time zone: the
 * service's days are Paris days. Clocks change at 2 or 3 in the morning, so the offset in force at midnight
 * UTC of that day is the one of its Paris midnight as well.
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

/** A moment (ISO date-time) as read in Paris: "25/11/2026 à 18:05". */
export function frenchMoment(iso: string): string {
  const date = new Date(iso);
  const day = new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris", dateStyle: "short" }).format(date);
  const time = new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris", timeStyle: "short" }).format(
    date,
  );
  return `${day} à ${time}`;
}
