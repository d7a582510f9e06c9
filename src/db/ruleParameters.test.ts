import { describe, expect, it } from "vitest";
import { todayInParis } from "../core/time/index.ts";
import { type ParameterRecord, ParameterTimeline } from "./ruleParameters.ts";

const record = (appliesFrom: string, value: number, recordedAt: string): ParameterRecord => ({
  id: `${appliesFrom}-${value}`,
  key: "tempWorkerMinHours",
  value,
  appliesFrom,
  recordedAt: new Date(recordedAt),
  recordedByUserId: null,
  reason: null,
});

describe("ParameterTimeline", () => {
  // Sorted as parameterHistory returns them: by application date, then by recording time.
  const timeline = new ParameterTimeline([
    record("2026-01-01", 600, "2025-12-01T10:00:00Z"),
    record("2026-01-01", 450, "2025-12-02T10:00:00Z"),
    record("2027-07-01", 380, "2025-12-03T10:00:00Z"),
  ]);

  it("answers the defaults before the first recorded value", () => {
    expect(timeline.inForce("2025-12-31")).toEqual({ tempWorkerMinHours: 414 });
    expect(new ParameterTimeline([]).inForce("2030-01-01")).toEqual({ tempWorkerMinHours: 414 });
  });

  it("applies a value from its first day, the latest record of a day superseding earlier ones", () => {
    expect(timeline.inForce("2026-01-01")).toEqual({ tempWorkerMinHours: 450 });
    expect(timeline.inForce("2027-06-30")).toEqual({ tempWorkerMinHours: 450 });
    expect(timeline.inForce("2027-07-01")).toEqual({ tempWorkerMinHours: 380 });
  });

  it("returns one frozen object per date", () => {
    const values = timeline.inForce("2026-03-01");
    expect(timeline.inForce("2026-03-01")).toBe(values);
    expect(Object.isFrozen(values)).toBe(true);
  });
});

describe("todayInParis", () => {
  it("is the calendar day in Paris, not in UTC", () => {
    expect(todayInParis(new Date("2026-06-30T22:30:00Z"))).toBe("2026-07-01");
    expect(todayInParis(new Date("2026-12-31T22:59:00Z"))).toBe("2026-12-31");
    expect(todayInParis(new Date("2026-12-31T23:00:00Z"))).toBe("2027-01-01");
  });
});
