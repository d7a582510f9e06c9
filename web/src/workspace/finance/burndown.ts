// The burn-down of a year's envelope: what is left at the end of each month, from the months already past
// (the forecast's net commitments) and, for the current and coming months, from the forecast's projection.
// Pure integer cents, shared by the chart and by the table that says the same figures in words.

export interface BurndownInput {
  readonly nationalCents: number;
  /** Net commitments of each month, January first (12 entries). */
  readonly monthlyCents: readonly number[];
  /** Projected net commitments, null for the months already past; absent until the API gives it. */
  readonly projectedMonthlyCents?: readonly (number | null)[] | undefined;
  /** Day of the computation (YYYY-MM-DD): its month is the last one with actual figures. */
  readonly asOf: string;
}

export interface BurndownMonth {
  /** 0 for January. */
  readonly month: number;
  /** Left at the end of the month, as committed so far; null for the months to come. */
  readonly actualCents: number | null;
  /** Left at the end of the month if the projection holds; null before the projection starts. */
  readonly projectedCents: number | null;
}

export function burndown(input: BurndownInput): BurndownMonth[] {
  const current = Number(input.asOf.slice(5, 7)) - 1;
  const projected = input.projectedMonthlyCents;
  const firstProjected = projected?.findIndex((value) => value !== null) ?? -1;
  const months: BurndownMonth[] = [];
  let left = input.nationalCents;
  let projectedLeft: number | null = null;
  for (let month = 0; month < 12; month += 1) {
    // The projection starts from what was actually left before its first month.
    if (month === firstProjected) projectedLeft = left;
    const projectedMonth = projected?.[month] ?? null;
    if (projectedLeft !== null && projectedMonth !== null) projectedLeft -= projectedMonth;
    left -= input.monthlyCents[month] ?? 0;
    months.push({
      month,
      actualCents: month <= current ? left : null,
      projectedCents: projectedMonth === null ? null : projectedLeft,
    });
  }
  return months;
}
