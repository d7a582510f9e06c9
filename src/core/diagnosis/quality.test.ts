// The quality measure: durations in calendar days, the closure's indicators and the survey's answer.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { daysBetween, epochDay } from "../time/days.ts";
import { closureOutcomesProblems, qualityDurations, surveyAnswerProblems } from "./quality.ts";

describe("days between calendar days", () => {
  it.each([
    ["2025-12-01", "2025-12-01", 0],
    ["2025-12-01", "2026-01-01", 31],
    ["2024-02-28", "2024-03-01", 2],
    ["2025-02-28", "2025-03-01", 1],
    ["2025-03-29", "2025-03-31", 2], // over the change to summer time: still two days
    ["2026-01-10", "2025-12-31", -10],
  ])("%s → %s: %i", (from, to, days) => {
    expect(daysBetween(from, to)).toBe(days);
  });

  it("agrees with the calendar of the JavaScript engine (fast-check, fixed seed)", () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date("1900-01-01T00:00:00Z"),
          max: new Date("2200-12-31T00:00:00Z"),
          noInvalidDate: true,
        }),
        (date) => {
          const iso = date.toISOString().slice(0, 10);
          expect(epochDay(iso)).toBe(
            Math.floor(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()) / 86_400_000),
          );
        },
      ),
      { seed: 20_251_125, numRuns: 1_000 },
    );
  });
});

describe("quality durations", () => {
  it("counts whole days from the request to each milestone reached", () => {
    expect(
      qualityDurations({
        requestedOn: "2025-12-01",
        firstContactOn: "2025-12-03",
        diagnosedOn: "2025-12-10",
        closedOn: "2026-06-01",
      }),
    ).toEqual({ toFirstContact: 2, toDiagnosis: 9, toClosure: 182 });
  });

  it("says null for a milestone not reached yet", () => {
    expect(qualityDurations({ requestedOn: "2025-12-01", firstContactOn: "2025-12-01" })).toEqual({
      toFirstContact: 0,
      toDiagnosis: null,
      toClosure: null,
    });
  });
});

describe("closure indicators", () => {
  it("accepts none, or several different ones", () => {
    expect(closureOutcomesProblems({ indicators: [] })).toEqual([]);
    expect(closureOutcomesProblems({ indicators: ["housing_kept", "eviction_avoided"] })).toEqual([]);
  });

  it("refuses the same indicator twice, pointing at the repeat", () => {
    expect(
      closureOutcomesProblems({ indicators: ["housing_kept", "arrears_cleared", "housing_kept"] }),
    ).toEqual([expect.objectContaining({ code: "DUPLICATE_INDICATOR", path: "/indicators/2" })]);
  });
});

describe("the survey's answer", () => {
  it.each([1, 2, 3, 4, 5])("accepts %i", (rating) => {
    expect(surveyAnswerProblems({ rating })).toEqual([]);
  });
  it.each([0, 6, 2.5, Number.NaN])("refuses %s", (rating) => {
    expect(surveyAnswerProblems({ rating })).toEqual([
      expect.objectContaining({
        code: "RATING_OUT_OF_RANGE",
        path: "/rating",
        message: expect.stringContaining("de 1"),
      }),
    ]);
  });
});
