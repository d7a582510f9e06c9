import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addCents,
  assertCents,
  euros,
  formatCents,
  MoneyError,
  multiplyCents,
  parseAmount,
  subCents,
  sumCents,
} from "./money.ts";

const SEED = 20251125;
const INTL = new Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR" });

function cents(text: string): number {
  const result = parseAmount(text);
  if (!result.ok) throw new Error(`${text}: ${result.code} ${result.message}`);
  return result.cents;
}

function code(text: string, options?: { allowNegative?: boolean }): string {
  const result = parseAmount(text, options);
  return result.ok ? "ok" : result.code;
}

describe("parseAmount", () => {
  it("reads French and decimal forms", () => {
    expect(cents("1 234,56 €")).toBe(123456);
    expect(cents("1\u202f234,56\u00a0€")).toBe(123456);
    expect(cents("1234.56")).toBe(123456);
    expect(cents("1234,5")).toBe(123450);
    expect(cents("1234")).toBe(123400);
    expect(cents("1.234,56")).toBe(123456);
    expect(cents("1,234.56")).toBe(123456);
    expect(cents("1.234.567")).toBe(123456700);
    expect(cents("12 €")).toBe(1200);
    expect(cents("12 euros")).toBe(1200);
    expect(cents("EUR 3")).toBe(300);
    expect(cents(",5")).toBe(50);
    expect(cents("0,01")).toBe(1);
    expect(cents("  10 000,00  ")).toBe(1_000_000);
    expect(cents("+7")).toBe(700);
    expect(cents("1 234 567,8 €")).toBe(123456780);
    expect(cents("1'234.50")).toBe(123450);
  });

  it("refuses what is not an amount, with a code and a French message", () => {
    expect(code("")).toBe("EMPTY");
    expect(code("   ")).toBe("EMPTY");
    expect(code("abc")).toBe("INVALID");
    expect(code("€")).toBe("INVALID");
    expect(code("12,34,56")).toBe("INVALID");
    expect(code("1,2.3")).toBe("INVALID");
    expect(code("1e3")).toBe("INVALID");
    expect(code("12 34,5")).toBe("INVALID");
    expect(code("1 2345")).toBe("INVALID");
    expect(code("12,345")).toBe("TOO_MANY_DECIMALS");
    expect(code("1.234")).toBe("AMBIGUOUS");
    expect(code("-5")).toBe("NEGATIVE");
    expect(code("-5", { allowNegative: true })).toBe("ok");
    expect(code("99999999999999999999")).toBe("TOO_LARGE");
    const result = parseAmount("12,345");
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toContain("deux décimales");
  });

  it("reads negative amounts when allowed", () => {
    const result = parseAmount("-1 234,56 €", { allowNegative: true });
    expect(result).toEqual({ ok: true, cents: -123456 });
    expect(parseAmount("-0")).toEqual({ ok: true, cents: 0 });
  });

  it("reads back every amount it formats (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }), (value) => {
        expect(parseAmount(formatCents(value), { allowNegative: true })).toEqual({ ok: true, cents: value });
      }),
      { seed: SEED, numRuns: 2000 },
    );
  });
});

describe("formatCents", () => {
  it("writes French amounts", () => {
    expect(formatCents(123456)).toBe("1\u202f234,56\u00a0€");
    expect(formatCents(0)).toBe("0,00\u00a0€");
    expect(formatCents(5)).toBe("0,05\u00a0€");
    expect(formatCents(-123456)).toBe("-1\u202f234,56\u00a0€");
    expect(formatCents(100_000_000)).toBe("1\u202f000\u202f000,00\u00a0€");
  });

  it("matches Intl.NumberFormat fr-FR on amounts a double represents exactly (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000_000_000, max: 1_000_000_000_000 }), (value) => {
        expect(formatCents(value)).toBe(INTL.format(value / 100));
      }),
      { seed: SEED, numRuns: 2000 },
    );
  });

  it("refuses what is not cents", () => {
    expect(() => formatCents(1.5)).toThrow(MoneyError);
  });
});

describe("arithmetic", () => {
  it("adds and subtracts exactly", () => {
    expect(addCents(10, 20)).toBe(30);
    expect(subCents(10, 20)).toBe(-10);
    expect(sumCents([1, 2, 3])).toBe(6);
    expect(sumCents([])).toBe(0);
    expect(multiplyCents(27_778, 36)).toBe(1_000_008);
    expect(euros(10_000)).toBe(1_000_000);
  });

  it("refuses non-integers and overflow", () => {
    expect(() => addCents(0.1, 0.2)).toThrow(MoneyError);
    expect(() => addCents(Number.NaN, 1)).toThrow(MoneyError);
    expect(() => assertCents("12")).toThrow(MoneyError);
    expect(() => addCents(Number.MAX_SAFE_INTEGER, 1)).toThrow(/dépasse/);
    expect(() => subCents(-Number.MAX_SAFE_INTEGER, 1)).toThrow(MoneyError);
    expect(() => multiplyCents(Number.MAX_SAFE_INTEGER, 2)).toThrow(MoneyError);
    try {
      addCents(Number.MAX_SAFE_INTEGER, 1);
    } catch (error) {
      expect((error as MoneyError).code).toBe("OVERFLOW");
    }
  });

  it("never leaves the safe integers without throwing (property)", () => {
    const amount = fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER });
    fc.assert(
      fc.property(amount, amount, (a, b) => {
        const exact = BigInt(a) + BigInt(b);
        if (exact > BigInt(Number.MAX_SAFE_INTEGER) || exact < -BigInt(Number.MAX_SAFE_INTEGER)) {
          expect(() => addCents(a, b)).toThrow(MoneyError);
        } else {
          expect(BigInt(addCents(a, b))).toBe(exact);
        }
      }),
      { seed: SEED, numRuns: 2000 },
    );
  });
});
