// The days of the demo data: ISO calendar days counted in whole days, and the moments of a day its rows
// are dated with.
import { epochDay } from "../core/time/index.ts";

/** The ISO day `epoch` days after 1970-01-01. */
export function dayOf(epoch: number): string {
  return new Date(epoch * 86_400_000).toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  return dayOf(epochDay(day) + days);
}

export function earliest(a: string, b: string): string {
  return a < b ? a : b;
}

/** `hour` o'clock in Paris winter time (UTC+1) on `day`: a moment on that Paris day in any season. */
export function at(day: string, hour: number): Date {
  return new Date(`${day}T${String(hour).padStart(2, "0")}:00:00+01:00`);
}
