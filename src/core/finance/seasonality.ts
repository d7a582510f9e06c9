// Exhaustion forecast that follows last year's seasonality: the months still to come are projected as last
// year's same months, scaled by how this year's recent months compare with last year's same months. When
// last year gives nothing to scale on, the caller keeps the linear forecast (`forecastExhaustion`).
import type { Cents } from "./money.ts";

export interface SeasonalProjection {
  /** This year's committed per month up to `asOf`'s month, then the projection (index 0 is January). */
  readonly monthly: readonly Cents[];
  /** Committed by 31 December if the projection holds. */
  readonly yearEnd: Cents;
  /** Day the envelope runs out within the year, or null if it lasts until 31 December. */
  readonly exhaustionDate: string | null;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
}

/**
 * Projects the rest of the year from `lastYear`'s months, scaled by this year's last `windowMonths`
 * complete months over last year's same months. Undefined when there is no complete month yet or last
 * year committed nothing in that window (no ratio to scale by).
 */
export function seasonalProjection(input: {
  readonly national: Cents;
  readonly monthly: readonly Cents[];
  readonly lastYear: readonly Cents[];
  readonly asOf: string;
  readonly windowMonths?: number;
}): SeasonalProjection | undefined {
  const year = Number(input.asOf.slice(0, 4));
  const month = Number(input.asOf.slice(5, 7)) - 1;
  const window = Math.max(0, Math.min(input.windowMonths ?? 3, month));
  let thisWindow = 0;
  let lastWindow = 0;
  for (let index = month - window; index < month; index++) {
    thisWindow += input.monthly[index] ?? 0;
    lastWindow += input.lastYear[index] ?? 0;
  }
  if (window === 0 || lastWindow <= 0) return undefined;
  const monthly: Cents[] = [];
  let cumulative = 0;
  let exhaustionDate: string | null = null;
  for (let index = 0; index < 12; index++) {
    const before = cumulative;
    // Exact on BigInt, rounded down: last year's month × this window / last year's window.
    const amount =
      index <= month
        ? (input.monthly[index] ?? 0)
        : Number((BigInt(input.lastYear[index] ?? 0) * BigInt(Math.max(0, thisWindow))) / BigInt(lastWindow));
    monthly.push(amount);
    cumulative += amount;
    if (exhaustionDate === null && index > month && cumulative >= input.national && amount > 0) {
      // Within the month, at the pace of that month: the day the last cent would go, rounded up.
      const days = daysInMonth(year, index);
      const day = Math.max(1, Math.ceil(((input.national - before) * days) / amount));
      exhaustionDate = `${year}-${String(index + 1).padStart(2, "0")}-${String(Math.min(day, days)).padStart(2, "0")}`;
    }
  }
  return { monthly, yearEnd: cumulative, exhaustionDate };
}

/**
 * The burn-down chart's projected series, January first: null for the months already past, then the net
 * commitments the forecast expects for the current month and the months after, by the method that gave
 * the exhaustion date. Seasonal: the projection's months (the current one as committed so far, as
 * `seasonalProjection` counts it). Linear: the current month's commitments so far plus the pace for the
 * days left in it, then the pace each month (0 while no complete month gives a pace).
 */
export function projectedMonthly(input: {
  readonly monthly: readonly Cents[];
  readonly asOf: string;
  readonly pacePerMonth: Cents | null;
  readonly seasonal?: SeasonalProjection | undefined;
}): (Cents | null)[] {
  const year = Number(input.asOf.slice(0, 4));
  const month = Number(input.asOf.slice(5, 7)) - 1;
  const day = Number(input.asOf.slice(8, 10));
  const pace = input.pacePerMonth ?? 0;
  const days = daysInMonth(year, month);
  return Array.from({ length: 12 }, (_, index) => {
    if (index < month) return null;
    if (input.seasonal !== undefined) return input.seasonal.monthly[index] ?? 0;
    if (index > month) return pace;
    return (input.monthly[month] ?? 0) + Math.floor((pace * (days - day)) / days);
  });
}
