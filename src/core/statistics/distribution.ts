// Median and 90th percentile of whole-day durations, from the counts the database groups by value (the
// cases themselves never leave the database). Nearest-rank percentile: the smallest value such that at
// least p % of the observations are at or below it. It is always a duration that really occurred, which a
// manager can read as « 9 dossiers sur 10 en 12 jours ou moins ».

export interface ValueCount {
  value: number;
  count: number;
}

export interface DurationSummary {
  /** Number of cases measured. */
  count: number;
  median: number | null;
  p90: number | null;
}

/** The nearest-rank `percent`-th percentile of the counted values, or null when there are none. */
export function percentile(counts: readonly ValueCount[], percent: number): number | null {
  const sorted = counts.filter((entry) => entry.count > 0).sort((a, b) => a.value - b.value);
  const total = sorted.reduce((sum, entry) => sum + entry.count, 0);
  if (total === 0) return null;
  const rank = Math.max(1, Math.ceil((percent / 100) * total));
  let seen = 0;
  for (const entry of sorted) {
    seen += entry.count;
    if (seen >= rank) return entry.value;
  }
  return null;
}

export function summariseDurations(counts: readonly ValueCount[]): DurationSummary {
  return {
    count: counts.reduce((sum, entry) => sum + Math.max(0, entry.count), 0),
    median: percentile(counts, 50),
    p90: percentile(counts, 90),
  };
}
