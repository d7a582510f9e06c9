// Calendar days as people type and read them (JJ/MM/AAAA) and as the API carries them (AAAA-MM-JJ).
import { isCalendarDate } from "../../src/core/rules/dates.ts";
import { todayInParis } from "../../src/core/time/index.ts";

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
export function frenchToday(now: Date = new Date()): string {
  return frenchDay(todayInParis(now));
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
