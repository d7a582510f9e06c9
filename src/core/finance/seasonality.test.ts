import { describe, expect, it } from "vitest";
import { forecastExhaustion } from "./envelope.ts";
import { projectedMonthly, seasonalProjection } from "./seasonality.ts";

// Last year: 1 000 € a month, 3 000 € in December. This year: twice last year's pace from January to March.
const LAST_YEAR = [...Array.from({ length: 11 }, () => 100_000), 300_000];
const THIS_YEAR = [200_000, 200_000, 200_000, 0, 0, 0, 0, 0, 0, 0, 0, 0];

describe("seasonal exhaustion forecast", () => {
  it("projects the coming months as last year's, scaled by the recent months, and dates the exhaustion", () => {
    const projection = seasonalProjection({
      national: 1_100_000,
      monthly: THIS_YEAR,
      lastYear: LAST_YEAR,
      asOf: "2026-04-15",
    });
    // April (the current month) is what is committed so far; May to November twice last year; December too.
    expect(projection?.monthly).toEqual([
      200_000, 200_000, 200_000, 0, 200_000, 200_000, 200_000, 200_000, 200_000, 200_000, 200_000, 600_000,
    ]);
    expect(projection?.yearEnd).toBe(2_600_000);
    // 1 000 000 committed by the end of June; the last 1 000 € go half-way through July's 2 000 €.
    expect(projection?.exhaustionDate).toBe("2026-07-16");
    // The linear pace (2 000 € a month from 15 April) says 1 July: the season changes the answer.
    expect(
      forecastExhaustion({ national: 1_100_000, monthly: THIS_YEAR, asOf: "2026-04-15" }).exhaustionDate,
    ).toBe("2026-07-01");
  });

  it("says the envelope lasts the year when the projection stays below it", () => {
    const projection = seasonalProjection({
      national: 5_000_000,
      monthly: THIS_YEAR,
      lastYear: LAST_YEAR,
      asOf: "2026-04-15",
    });
    expect(projection?.exhaustionDate).toBe(null);
  });

  it("gives nothing to scale on without a complete month or without last year's commitments", () => {
    const base = { national: 1_000_000, monthly: THIS_YEAR };
    expect(seasonalProjection({ ...base, lastYear: LAST_YEAR, asOf: "2026-01-20" })).toBe(undefined);
    expect(seasonalProjection({ ...base, lastYear: Array(12).fill(0), asOf: "2026-04-15" })).toBe(undefined);
  });
});

describe("projected months for the burn-down chart", () => {
  const monthly = [100, 200, 300, 400, 500, 60, 0, 0, 0, 0, 0, 0];

  it("leaves past months empty and carries the linear pace, the current month pro rata", () => {
    // 15 June: 15 of June's 30 days are left, at a pace of 400 a month.
    expect(projectedMonthly({ monthly, asOf: "2026-06-15", pacePerMonth: 400 })).toEqual([
      null,
      null,
      null,
      null,
      null,
      60 + 200,
      400,
      400,
      400,
      400,
      400,
      400,
    ]);
    expect(projectedMonthly({ monthly, asOf: "2026-01-10", pacePerMonth: null })).toEqual([
      100, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    ]);
  });

  it("follows the seasonal projection when there is one", () => {
    const seasonal = seasonalProjection({
      national: 10_000,
      monthly,
      lastYear: [100, 100, 300, 300, 300, 100, 100, 100, 500, 500, 500, 100],
      asOf: "2026-06-15",
    });
    expect(seasonal).toBeDefined();
    const projected = projectedMonthly({ monthly, asOf: "2026-06-15", pacePerMonth: 400, seasonal });
    expect(projected.slice(0, 5)).toEqual([null, null, null, null, null]);
    expect(projected.slice(5)).toEqual(seasonal?.monthly.slice(5));
  });
});
