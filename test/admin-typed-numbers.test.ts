// What the administrator types on the catalogue and parameter pages, read exactly: a rate in percent into
// whole basis points without floating-point drift, months as whole numbers, values with a French comma,
// and the last day a catalogue version applied.
import { describe, expect, it } from "vitest";
import {
  basisPoints,
  dayBefore,
  decimalNumber,
  percentText,
  wholeNumber,
} from "../web/src/workspace/admin/typedNumbers.ts";

describe("a rate typed in percent", () => {
  it.each([
    ["0", 0],
    ["1,5", 150],
    ["1.15", 115],
    // 0.29 * 100 is 28.999999999999996 in floating point: the text is read digit by digit instead.
    ["0,29", 29],
    ["4,35", 435],
    ["100", 10_000],
    [" 2,05 ", 205],
    ["1,5 %", 150],
  ])("%j is %d basis points", (typed, bp) => {
    expect(basisPoints(typed)).toBe(bp);
  });

  it.each(["", "1,555", "-1", "100,01", "101", "un pour cent", "%"])("%j is refused", (typed) => {
    expect(basisPoints(typed)).toBeUndefined();
  });

  it("is shown back with two decimals, so that a prefilled new version keeps the same rate", () => {
    for (const bp of [0, 5, 150, 435, 10_000]) expect(basisPoints(percentText(bp))).toBe(bp);
    expect(percentText(150)).toBe("1,50");
  });
});

describe("months and parameter values", () => {
  it("months are whole numbers", () => {
    expect(wholeNumber("36")).toBe(36);
    expect(wholeNumber("1 200")).toBe(1200);
    expect(wholeNumber("3,5")).toBeUndefined();
    expect(wholeNumber("-3")).toBeUndefined();
    expect(wholeNumber("")).toBeUndefined();
  });

  it("a value takes the French comma; out-of-range values are left to the API's bounds", () => {
    expect(decimalNumber("414,5")).toBe(414.5);
    expect(decimalNumber("9000")).toBe(9000);
    expect(decimalNumber("-1")).toBe(-1);
    expect(decimalNumber("quatre cents")).toBeUndefined();
    expect(decimalNumber("4,1,4")).toBeUndefined();
  });
});

describe("the last day of a catalogue version", () => {
  it.each([
    ["2026-03-01", "2026-02-28"],
    ["2024-03-01", "2024-02-29"],
    ["2026-01-01", "2025-12-31"],
    ["2026-11-25", "2026-11-24"],
  ])("the day before %s is %s", (iso, before) => {
    expect(dayBefore(iso)).toBe(before);
  });
});
