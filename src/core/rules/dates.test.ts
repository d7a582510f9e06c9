// Calendar arithmetic behind the "12 mois suivants" (2021) and "d'au moins 3 mois" (2025) conditions:
// the same day n months later, on the month's last day when that day does not exist.
import { describe, expect, it } from "vitest";
import { addMonths, dayNumber, isCalendarDate } from "./index.ts";

describe("addMonths", () => {
  it.each([
    // [from, months, expected YYYYMMDD]
    ["2025-11-30", 3, 20260228], // the 2025 contract example: February 2026 has 28 days
    ["2024-11-30", 3, 20250228],
    ["2023-11-30", 3, 20240229], // leap year: February 2024 has 29 days
    ["2025-12-01", 3, 20260301],
    ["2024-02-29", 12, 20250228], // left on a leap day: twelve months later is the last day of February
    ["2023-02-28", 12, 20240228], // not the last day of February 2024: the same day number
    ["2023-03-15", 12, 20240315],
    ["2024-01-31", 1, 20240229],
    ["2023-01-31", 1, 20230228],
    ["2025-08-31", 1, 20250930],
    ["2025-10-15", 3, 20260115], // across a year end
    ["2025-12-31", 2, 20260228],
    ["2000-01-31", 1, 20000229], // divisible by 400: leap
    ["1900-01-31", 1, 19000228], // divisible by 100 only: not leap
    ["2100-01-31", 1, 21000228],
    ["2025-05-20", 0, 20250520],
    ["2025-01-15", -1, 20241215],
    ["2025-03-31", -1, 20250228],
  ] as const)("%s plus %i months is %i", (from, months, expected) => {
    expect(addMonths(from, months)).toBe(expected);
  });
});

describe("dayNumber", () => {
  it("reads an ISO date as YYYYMMDD", () => {
    expect(dayNumber("2021-06-01")).toBe(20210601);
    expect(dayNumber("2025-11-20")).toBe(20251120);
  });

  it("orders dates like the calendar, across months and years", () => {
    const dates = ["2025-11-19", "2021-06-01", "2025-11-20", "2024-12-31", "2025-01-01", "2021-05-31"];
    const byNumber = [...dates].sort((a, b) => dayNumber(a) - dayNumber(b));
    expect(byNumber).toEqual([
      "2021-05-31",
      "2021-06-01",
      "2024-12-31",
      "2025-01-01",
      "2025-11-19",
      "2025-11-20",
    ]);
  });
});

describe("isCalendarDate", () => {
  it.each(["2024-02-29", "2000-02-29", "2025-02-28", "2025-12-31", "2025-01-01", "2025-04-30", "2021-06-01"])(
    "accepts the real day %s",
    (date) => {
      expect(isCalendarDate(date)).toBe(true);
    },
  );

  it.each([
    "2025-02-29", // not a leap year
    "1900-02-29", // divisible by 100, not by 400
    "2100-02-29",
    "2025-04-31",
    "2025-06-31",
    "2025-13-01",
    "2025-00-10",
    "2025-01-00",
    "2025-01-32",
    "2025-1-01",
    "2025-01-1",
    "20250101",
    "2025/01/01",
    "2025-01-01T00:00:00Z",
    "",
    "abcd-ef-gh",
  ])("rejects %j", (date) => {
    expect(isCalendarDate(date)).toBe(false);
  });
});
