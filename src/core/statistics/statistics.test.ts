import { describe, expect, it } from "vitest";
import { monthBuckets, monthsOf, percentile, resolvePeriod, summariseDurations, tally } from "./index.ts";

describe("statistics period", () => {
  it("defaults to the twelve calendar months up to today", () => {
    expect(resolvePeriod({}, "2026-11-25")).toEqual({
      ok: true,
      period: { from: "2025-12-01", to: "2026-11-25" },
    });
    expect(resolvePeriod({ to: "2026-03-10" }, "2026-11-25")).toEqual({
      ok: true,
      period: { from: "2025-04-01", to: "2026-03-10" },
    });
  });

  it("accepts a single day and up to 24 months", () => {
    expect(resolvePeriod({ from: "2026-05-05", to: "2026-05-05" }, "2026-11-25").ok).toBe(true);
    expect(resolvePeriod({ from: "2025-01-01", to: "2026-12-31" }, "2026-11-25").ok).toBe(true);
  });

  it("refuses a period longer than 24 months, an end before the start and impossible days", () => {
    expect(resolvePeriod({ from: "2025-01-01", to: "2027-01-01" }, "2026-11-25")).toMatchObject({
      ok: false,
      problems: [
        { code: "PERIOD_TOO_LONG", path: "/to", message: "La période ne peut pas dépasser 24 mois." },
      ],
    });
    expect(resolvePeriod({ from: "2026-05-02", to: "2026-05-01" }, "2026-11-25")).toMatchObject({
      ok: false,
      problems: [{ code: "TO_BEFORE_FROM", path: "/to" }],
    });
    expect(resolvePeriod({ from: "2026-02-30", to: "2026-13-01" }, "2026-11-25")).toMatchObject({
      ok: false,
      problems: [
        { code: "INVALID_DATE", path: "/from" },
        { code: "INVALID_DATE", path: "/to" },
      ],
    });
  });

  it("lists every month the period touches, across a year end", () => {
    expect(monthsOf({ from: "2025-11-15", to: "2026-02-03" })).toEqual([
      "2025-11",
      "2025-12",
      "2026-01",
      "2026-02",
    ]);
    expect(monthsOf({ from: "2026-05-05", to: "2026-05-05" })).toEqual(["2026-05"]);
  });
});

describe("duration percentiles", () => {
  it("gives the nearest-rank median and 90th percentile of counted values", () => {
    // 1..10 once each: the median is 5 (5 values at or below), the 90th percentile 9.
    const oneToTen = Array.from({ length: 10 }, (_, index) => ({ value: index + 1, count: 1 }));
    expect(summariseDurations(oneToTen)).toEqual({ count: 10, median: 5, p90: 9 });
  });

  it("weighs each value by its count, whatever the order of the groups", () => {
    const counts = [
      { value: 30, count: 1 },
      { value: 2, count: 8 },
      { value: 15, count: 1 },
    ];
    expect(percentile(counts, 50)).toBe(2);
    expect(percentile(counts, 90)).toBe(15);
    expect(percentile(counts, 100)).toBe(30);
  });

  it("has no median without measures", () => {
    expect(summariseDurations([])).toEqual({ count: 0, median: null, p90: null });
    expect(summariseDurations([{ value: 4, count: 1 }])).toEqual({ count: 1, median: 4, p90: 4 });
  });
});

describe("tallies and month buckets", () => {
  it("lists every expected key, zero when absent, then unexpected keys", () => {
    expect(
      tally(
        ["a", "b"],
        [
          { key: "z", count: 2 },
          { key: "b", count: 3 },
        ],
      ),
    ).toEqual([
      { key: "a", count: 0 },
      { key: "b", count: 3 },
      { key: "z", count: 2 },
    ]);
  });

  it("fills empty months and splits each month by channel and directive", () => {
    const buckets = monthBuckets(["2026-01", "2026-02"], ["phone", "visit"] as const, [
      { month: "2026-02", channel: "phone", directive: "B", count: 2 },
      { month: "2026-02", channel: "visit", directive: "B", count: 1 },
      { month: "2026-02", channel: "phone", directive: "A", count: 1 },
    ]);
    expect(buckets).toEqual([
      { month: "2026-01", total: 0, byChannel: { phone: 0, visit: 0 }, byDirective: [] },
      {
        month: "2026-02",
        total: 4,
        byChannel: { phone: 3, visit: 1 },
        byDirective: [
          { directive: "A", count: 1 },
          { directive: "B", count: 3 },
        ],
      },
    ]);
  });
});
