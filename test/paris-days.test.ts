// The audit search (and any period typed in the workspace) reads days as Paris days, whatever the time zone
// of the browser: this test runs in the machine's zone (UTC in CI) and expects the French legal offsets.
import { describe, expect, it } from "vitest";
import { endOfParisDay, startOfParisDay } from "../src/core/time/index.ts";

describe("Paris calendar days as instants", () => {
  it.each([
    ["2026-01-15", "2026-01-14T23:00:00.000Z", "2026-01-15T23:00:00.000Z"], // winter, UTC+1
    ["2026-07-01", "2026-06-30T22:00:00.000Z", "2026-07-01T22:00:00.000Z"], // summer, UTC+2
    ["2026-03-29", "2026-03-28T23:00:00.000Z", "2026-03-29T22:00:00.000Z"], // clocks go forward: 23 hours
    ["2026-10-25", "2026-10-24T22:00:00.000Z", "2026-10-25T23:00:00.000Z"], // clocks go back: 25 hours
    ["2024-02-29", "2024-02-28T23:00:00.000Z", "2024-02-29T23:00:00.000Z"], // leap day
    ["2026-12-31", "2026-12-30T23:00:00.000Z", "2026-12-31T23:00:00.000Z"], // the year's last day
  ])("%s begins at %s and ends at %s", (day, start, end) => {
    expect(startOfParisDay(day).toISOString()).toBe(start);
    expect(endOfParisDay(day).toISOString()).toBe(end);
  });
});
