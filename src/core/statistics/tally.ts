// Turning grouped counts into complete tables: every expected key present (zero when the database had no
// row for it), so that a chart has all its bars and a table all its lines, in a stable order.

export interface KeyCount<Key extends string> {
  key: Key;
  count: number;
}

/** One entry per key of `keys`, in that order, plus any unexpected key found in `rows` after them. */
export function tally<Key extends string>(
  keys: readonly Key[],
  rows: readonly { key: string; count: number }[],
): KeyCount<Key>[] {
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(row.key, (counts.get(row.key) ?? 0) + row.count);
  const extra = [...counts.keys()].filter((key) => !keys.includes(key as Key)).sort();
  return [...keys, ...extra].map((key) => ({ key: key as Key, count: counts.get(key) ?? 0 }));
}

export interface MonthRow {
  month: string;
  channel: string;
  directive: string;
  count: number;
}

export interface MonthBucket<Channel extends string> {
  month: string;
  total: number;
  byChannel: Record<Channel, number>;
  byDirective: { directive: string; count: number }[];
}

/** Cases opened per month of `months`, split by channel and by directive; empty months count zero. */
export function monthBuckets<Channel extends string>(
  months: readonly string[],
  channels: readonly Channel[],
  rows: readonly MonthRow[],
): MonthBucket<Channel>[] {
  return months.map((month) => {
    const ofMonth = rows.filter((row) => row.month === month);
    const byChannel = Object.fromEntries(
      tally(
        channels,
        ofMonth.map((row) => ({ key: row.channel, count: row.count })),
      )
        .filter((entry) => channels.includes(entry.key))
        .map((entry) => [entry.key, entry.count]),
    ) as Record<Channel, number>;
    const byDirective = tally(
      [],
      ofMonth.map((row) => ({ key: row.directive, count: row.count })),
    ).map((entry) => ({ directive: entry.key, count: entry.count }));
    return { month, total: ofMonth.reduce((sum, row) => sum + row.count, 0), byChannel, byDirective };
  });
}
