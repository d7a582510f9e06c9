import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  alertLevel,
  approve,
  available,
  cancelCommitment,
  canReserve,
  disburse,
  type EnvelopeDefinition,
  type EnvelopeResult,
  type EnvelopeState,
  forecastExhaustion,
  monthlyConsumption,
  openEnvelope,
  release,
  reserve,
  validateEnvelope,
} from "./envelope.ts";

const SEED = 20251125;

function open(definition: EnvelopeDefinition): EnvelopeState {
  const result = openEnvelope(definition);
  if (!result.ok) throw new Error(`${result.code}: ${result.message}`);
  return result.state;
}

function ok(result: EnvelopeResult): EnvelopeState {
  if (!result.ok) throw new Error(`${result.code}: ${result.message}`);
  return result.state;
}

const DEFINITION: EnvelopeDefinition = {
  year: 2026,
  national: 1_000_000,
  allocations: [
    { code: "idf", amount: 400_000 },
    { code: "ara", amount: 300_000 },
  ],
};

describe("validateEnvelope", () => {
  it("accepts allocations within the national amount, refuses the rest in French", () => {
    expect(validateEnvelope(DEFINITION)).toBeUndefined();
    expect(validateEnvelope({ year: 2026, national: 0 })).toBeUndefined();
    const over = validateEnvelope({
      ...DEFINITION,
      allocations: [...(DEFINITION.allocations ?? []), { code: "occ", amount: 300_001 }],
    });
    expect(over?.code).toBe("INVALID_ENVELOPE");
    expect(over?.message).toContain("10\u202f000,01\u00a0€");
    expect(validateEnvelope({ year: 2026, national: 10.5 })?.code).toBe("INVALID_ENVELOPE");
    expect(validateEnvelope({ year: 26, national: 10 })?.code).toBe("INVALID_ENVELOPE");
    expect(
      validateEnvelope({
        year: 2026,
        national: 10,
        allocations: [
          { code: "a", amount: 1 },
          { code: "a", amount: 1 },
        ],
      })?.message,
    ).toContain("plusieurs fois");
  });
});

describe("canReserve", () => {
  it("enforces reserved + committed ≤ envelope and ≤ allocation, saying what is left", () => {
    const envelope = { amount: 1_000_000, reserved: 300_000, committed: 600_000 };
    expect(canReserve(envelope, undefined, 100_000)).toEqual({ ok: true, left: 0 });
    const refused = canReserve(envelope, undefined, 100_001);
    expect(refused).toMatchObject({
      ok: false,
      code: "ENVELOPE_EXHAUSTED",
      scope: "national",
      left: 100_000,
    });
    expect(refused.ok ? "" : refused.message).toContain("il reste 1\u202f000,00\u00a0€");
    const allocation = { code: "idf", amount: 400_000, reserved: 0, committed: 350_000 };
    expect(canReserve(envelope, allocation, 60_000)).toMatchObject({
      code: "ENVELOPE_EXHAUSTED",
      scope: "allocation",
      left: 50_000,
    });
    expect(canReserve(envelope, allocation, 50_000)).toEqual({ ok: true, left: 0 });
    expect(canReserve(envelope, allocation, 0)).toMatchObject({ code: "INVALID_AMOUNT" });
    expect(canReserve(envelope, allocation, 1.5)).toMatchObject({ code: "INVALID_AMOUNT" });
  });
});

describe("lifecycle", () => {
  it("reserve → approve → disburse, and release what is refused or cancelled", () => {
    let state = open(DEFINITION);
    state = ok(reserve(state, 250_000, "idf"));
    state = ok(reserve(state, 100_000));
    expect(available(state)).toBe(650_000);
    expect(available(state, "idf")).toBe(150_000);
    state = ok(approve(state, 250_000, "idf"));
    state = ok(disburse(state, 200_000, "idf"));
    expect(state.byAllocation.idf).toEqual({ reserved: 0, committed: 250_000, disbursed: 200_000 });
    expect(cancelCommitment(state, 50_001, "idf")).toMatchObject({ code: "NOT_COMMITTED" });
    state = ok(cancelCommitment(state, 50_000, "idf"));
    state = ok(release(state, 100_000));
    expect(state.national).toEqual({ reserved: 0, committed: 200_000, disbursed: 200_000 });
    expect(reserve(state, 1, "nowhere")).toMatchObject({ code: "UNKNOWN_ALLOCATION" });
    expect(approve(state, 1)).toMatchObject({ code: "NOT_RESERVED" });
    expect(reserve(state, 800_001)).toMatchObject({ code: "ENVELOPE_EXHAUSTED", left: 800_000 });
  });
});

describe("envelope invariant (property)", () => {
  const codes = [undefined, "idf", "ara"] as const;
  const operation = fc.record({
    kind: fc.constantFrom("reserve", "approve", "release", "cancel", "disburse"),
    amount: fc.oneof(fc.integer({ min: 1, max: 500_000 }), fc.integer({ min: -5, max: 5 })),
    allocation: fc.constantFrom(...codes),
  });
  const apply = { reserve, approve, release, cancel: cancelCommitment, disburse };

  it("no sequence of operations accepted by the guards ever breaks reserved + committed ≤ envelope", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2_000_000 }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 100 }),
        fc.array(operation, { maxLength: 200 }),
        (national, idfShare, araShare, operations) => {
          const idf = Math.floor((national * idfShare) / 200);
          const ara = Math.floor((national * araShare) / 200);
          let state = open({
            year: 2026,
            national,
            allocations: [
              { code: "idf", amount: idf },
              { code: "ara", amount: ara },
            ],
          });
          for (const op of operations) {
            const result = apply[op.kind](state, op.amount, op.allocation);
            if (!result.ok) continue;
            state = result.state;
            const pots = [
              { amount: national, ...state.national },
              { amount: idf, ...(state.byAllocation.idf ?? { reserved: 0, committed: 0, disbursed: 0 }) },
              { amount: ara, ...(state.byAllocation.ara ?? { reserved: 0, committed: 0, disbursed: 0 }) },
            ];
            for (const pot of pots) {
              expect(pot.reserved + pot.committed).toBeLessThanOrEqual(pot.amount);
              expect(pot.reserved).toBeGreaterThanOrEqual(0);
              expect(pot.disbursed).toBeGreaterThanOrEqual(0);
              expect(pot.disbursed).toBeLessThanOrEqual(pot.committed);
            }
            for (const key of ["reserved", "committed", "disbursed"] as const) {
              expect(state.national[key]).toBeGreaterThanOrEqual(
                (state.byAllocation.idf?.[key] ?? 0) + (state.byAllocation.ara?.[key] ?? 0),
              );
            }
            expect(available(state)).toBeGreaterThanOrEqual(0);
          }
        },
      ),
      { seed: SEED, numRuns: 300 },
    );
  });

  it("a refused reservation leaves the state untouched and says exactly what is left", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.integer({ min: 1, max: 2_000_000 }),
        (first, second) => {
          const start = open(DEFINITION);
          const once = reserve(start, first === 0 ? 1 : first, "idf");
          const state = once.ok ? once.state : start;
          const result = reserve(state, second, "idf");
          if (result.ok) {
            expect(available(result.state, "idf")).toBe(available(state, "idf") - second);
          } else {
            expect(result.code).toBe("ENVELOPE_EXHAUSTED");
            expect(result.left).toBe(available(state, "idf"));
            expect(second).toBeGreaterThan(available(state, "idf"));
          }
        },
      ),
      { seed: SEED, numRuns: 500 },
    );
  });
});

describe("consumption and forecast", () => {
  it("sums committed movements per month of the year", () => {
    const months = monthlyConsumption(2026, [
      { date: "2026-01-05", amount: 100 },
      { date: "2026-01-20", amount: 50 },
      { date: "2026-03-01", amount: 200 },
      { date: "2026-03-02", amount: -20 },
      { date: "2025-12-31", amount: 999 },
    ]);
    expect(months).toEqual([150, 0, 180, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it("alert levels at 80 %, 95 % and 100 %", () => {
    expect(alertLevel(1_000, 799)).toBe("ok");
    expect(alertLevel(1_000, 800)).toBe("alert_80");
    expect(alertLevel(1_000, 949)).toBe("alert_80");
    expect(alertLevel(1_000, 950)).toBe("alert_95");
    expect(alertLevel(1_000, 1_000)).toBe("exhausted");
    expect(alertLevel(Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER - 1)).toBe("alert_95");
  });

  it("projects the exhaustion date from the pace of the last complete months", () => {
    // 12 000 € a year; 1 000 € a month from January to May, then 3 000 € in June; asked on 15 July
    // with 500 € committed so far in July: consumed 8 500 €, left 3 500 €, pace (1 000 + 1 000 + 3 000) / 3.
    const monthly = [100_000, 100_000, 100_000, 100_000, 100_000, 300_000, 50_000, 0, 0, 0, 0, 0];
    const forecast = forecastExhaustion({ national: 1_200_000, monthly, asOf: "2026-07-15" });
    expect(forecast).toMatchObject({
      consumed: 850_000,
      left: 350_000,
      consumedBp: 7_083,
      pacePerMonth: 166_666,
      windowMonths: 3,
      level: "ok",
      exhaustedWithinYear: true,
    });
    // 350 000 / (500 000 / 3) = 2,1 months × 30,44 days = 63,924 → 64 days after 15 July.
    expect(forecast.exhaustionDate).toBe("2026-09-17");
    expect(forecast.label).toBe("consommation normale");
  });

  it("has no pace in January, no date without consumption, and says when it is already exhausted", () => {
    const january = forecastExhaustion({ national: 100, monthly: [10], asOf: "2026-01-20" });
    expect(january).toMatchObject({ pacePerMonth: null, exhaustionDate: null, windowMonths: 0 });
    const idle = forecastExhaustion({ national: 100, monthly: [0, 0, 0], asOf: "2026-03-20" });
    expect(idle.exhaustionDate).toBeNull();
    const done = forecastExhaustion({ national: 100, monthly: [60, 40], asOf: "2026-02-10" });
    expect(done).toMatchObject({
      exhaustionDate: "2026-02-10",
      level: "exhausted",
      left: 0,
      exhaustedWithinYear: true,
    });
    const slow = forecastExhaustion({
      national: 10_000_000,
      monthly: [1, 1, 1],
      asOf: "2026-04-01",
      windowMonths: 3,
    });
    expect(slow.exhaustionDate).toBeNull();
    const late = forecastExhaustion({
      national: 1_000_000,
      monthly: [10_000, 10_000, 10_000],
      asOf: "2026-04-01",
    });
    expect(late.exhaustedWithinYear).toBe(false);
    expect(late.exhaustionDate).not.toBeNull();
  });
});
