import { describe, expect, it } from "vitest";
import { afterFailure, DEFAULT_LOCKOUT_POLICY as policy, type ThrottleState } from "./throttle.ts";

const MINUTE = 60_000;

function failures(count: number, start: Date, spacingMs: number): ThrottleState | undefined {
  let state: ThrottleState | undefined;
  for (let index = 0; index < count; index++) {
    state = afterFailure(state, new Date(start.getTime() + index * spacingMs), 5, policy);
  }
  return state;
}

describe("progressive lockout", () => {
  const start = new Date("2026-01-05T09:00:00Z");

  it("does not lock before the fifth failure", () => {
    expect(failures(4, start, 1000)?.lockedUntil).toBeNull();
  });

  it("locks 1 minute at the fifth failure, then doubles up to 15 minutes", () => {
    const locks = [5, 6, 7, 8, 9, 10, 12].map((count) => {
      const state = failures(count, start, 1000) as ThrottleState;
      return ((state.lockedUntil?.getTime() ?? 0) - state.lastFailureAt.getTime()) / MINUTE;
    });
    expect(locks).toEqual([1, 2, 4, 8, 15, 15, 15]);
  });

  it("forgets failures an hour after the last one or the end of the last lock", () => {
    const locked = failures(9, start, 1000) as ThrottleState;
    const lockEnd = locked.lockedUntil?.getTime() ?? 0;
    const soon = afterFailure(locked, new Date(lockEnd + 30 * MINUTE), 5, policy);
    expect(soon.failures).toBe(10);
    const later = afterFailure(locked, new Date(lockEnd + 61 * MINUTE), 5, policy);
    expect(later).toMatchObject({ failures: 1, lockedUntil: null });
  });
});
