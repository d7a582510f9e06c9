import { describe, expect, it } from "vitest";
import { forecastExhaustion } from "./envelope.ts";
import { seasonalProjection } from "./seasonality.ts";

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
