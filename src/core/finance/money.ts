// Money as an integer number of euro cents, everywhere: no floating-point euro ever exists, so sums are
// exact and every total matches to the cent. Amounts stay below Number.MAX_SAFE_INTEGER cents
// (about 90 000 milliards d'euros); the helpers refuse anything else rather than lose a cent.
import { MONEY_MESSAGES } from "./messages.fr.ts";

/** An amount in euro cents: a safe integer (1 234,56 € is 123456). */
export type Cents = number;

export type MoneyErrorCode =
  | "EMPTY"
  | "INVALID"
  | "TOO_MANY_DECIMALS"
  | "AMBIGUOUS"
  | "NEGATIVE"
  | "TOO_LARGE"
  | "NOT_CENTS"
  | "OVERFLOW";

/** Thrown by the arithmetic helpers: a caller handed them something that is not money. */
export class MoneyError extends Error {
  override readonly name = "MoneyError";
  constructor(
    readonly code: MoneyErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export type ParseResult =
  | { readonly ok: true; readonly cents: Cents }
  | { readonly ok: false; readonly code: MoneyErrorCode; readonly message: string };

/** True when `value` is a whole number of cents that arithmetic can handle exactly. */
export function isCents(value: unknown): value is Cents {
  return typeof value === "number" && Number.isSafeInteger(value);
}

/** Returns `value` when it is a safe integer; throws NOT_CENTS otherwise (1.5, NaN, 2**53, "12"). */
export function assertCents(value: unknown): Cents {
  if (!isCents(value)) throw new MoneyError("NOT_CENTS", MONEY_MESSAGES.notCents(value as number));
  return value;
}

function checked(result: number): Cents {
  if (!Number.isSafeInteger(result)) throw new MoneyError("OVERFLOW", MONEY_MESSAGES.overflow);
  return result;
}

/** a + b, exact; throws on a non-integer operand or a result past ±Number.MAX_SAFE_INTEGER. */
export function addCents(a: Cents, b: Cents): Cents {
  return checked(assertCents(a) + assertCents(b));
}

/** a − b, exact; same refusals as `addCents`. */
export function subCents(a: Cents, b: Cents): Cents {
  return checked(assertCents(a) - assertCents(b));
}

/** The exact sum of a list of amounts (0 for an empty list). */
export function sumCents(amounts: Iterable<Cents>): Cents {
  let total = 0;
  for (const amount of amounts) total = addCents(total, amount);
  return total;
}

/** `amount` × `count` for a whole count, exact; throws on overflow. */
export function multiplyCents(amount: Cents, count: number): Cents {
  if (!Number.isSafeInteger(count)) throw new MoneyError("NOT_CENTS", MONEY_MESSAGES.notCents(count));
  return checked(assertCents(amount) * count);
}

// Spaces people and software put between thousands: space, no-break space, narrow no-break space,
// thin space, and the apostrophe of Swiss-style grouping.
const GROUP_SPACES = /[\s\u00a0\u202f\u2009']/g;
const SPACED_GROUP = /(?<=[0-9])[\s\u00a0\u202f\u2009']+([0-9]+)/g;
const CURRENCY = /(€|eur|euros?)$/i;

function failure(code: MoneyErrorCode, message: string): ParseResult {
  return { ok: false, code, message };
}

/**
 * Reads an amount as people type it, in French or plain decimal form: "1 234,56 €", "1234,5",
 * "1234.56", "1.234,56", "1,234.56", "12 €", "EUR 3". Rules: a comma alone is the decimal separator;
 * when both a comma and a dot appear, the last one is the decimal separator and the other groups
 * thousands; a single dot followed by one or two digits is decimal, dots between groups of three digits
 * ("1.234.567") group thousands, and a single dot followed by exactly three digits ("1.234") is refused
 * as ambiguous. At most two decimals, never rounded. Negative amounts only with `allowNegative`.
 */
export function parseAmount(text: string, options: { readonly allowNegative?: boolean } = {}): ParseResult {
  const original = text.trim();
  if (original === "") return failure("EMPTY", MONEY_MESSAGES.empty);
  // Spaces may only group thousands: "1 234,56" yes, "12 34,5" no.
  for (const match of original.matchAll(SPACED_GROUP)) {
    if ((match[1] ?? "").length !== 3) return failure("INVALID", MONEY_MESSAGES.invalid(original));
  }
  let body = original.replace(GROUP_SPACES, "");
  body = body.replace(/^(€|eur)/i, "").replace(CURRENCY, "");
  let negative = false;
  if (/^[-−]/.test(body)) {
    negative = true;
    body = body.slice(1);
  } else if (body.startsWith("+")) {
    body = body.slice(1);
  }
  if (!/^[0-9.,]+$/.test(body) || !/[0-9]/.test(body)) {
    return failure("INVALID", MONEY_MESSAGES.invalid(original));
  }
  const lastComma = body.lastIndexOf(",");
  const lastDot = body.lastIndexOf(".");
  let integerPart: string;
  let decimalPart = "";
  if (lastComma >= 0 && lastDot >= 0) {
    const decimalSeparator = lastComma > lastDot ? "," : ".";
    const groupSeparator = decimalSeparator === "," ? "." : ",";
    const at = body.lastIndexOf(decimalSeparator);
    integerPart = body.slice(0, at);
    decimalPart = body.slice(at + 1);
    if (integerPart.includes(decimalSeparator) || !isGrouped(integerPart, groupSeparator)) {
      return failure("INVALID", MONEY_MESSAGES.invalid(original));
    }
    integerPart = integerPart.split(groupSeparator).join("");
  } else if (lastComma >= 0) {
    const parts = body.split(",");
    if (parts.length !== 2) return failure("INVALID", MONEY_MESSAGES.invalid(original));
    integerPart = parts[0] ?? "";
    decimalPart = parts[1] ?? "";
  } else if (lastDot >= 0) {
    const parts = body.split(".");
    if (parts.length === 2 && (parts[1] ?? "").length !== 3) {
      integerPart = parts[0] ?? "";
      decimalPart = parts[1] ?? "";
    } else if (parts.length === 2) {
      return failure("AMBIGUOUS", MONEY_MESSAGES.ambiguous(original));
    } else {
      if (!isGrouped(body, ".")) return failure("INVALID", MONEY_MESSAGES.invalid(original));
      integerPart = parts.join("");
    }
  } else {
    integerPart = body;
  }
  if (integerPart === "" && decimalPart === "") return failure("INVALID", MONEY_MESSAGES.invalid(original));
  if (!/^[0-9]*$/.test(integerPart) || !/^[0-9]*$/.test(decimalPart)) {
    return failure("INVALID", MONEY_MESSAGES.invalid(original));
  }
  if (decimalPart.length > 2) return failure("TOO_MANY_DECIMALS", MONEY_MESSAGES.tooManyDecimals(original));
  const digits = `${integerPart === "" ? "0" : integerPart}${decimalPart.padEnd(2, "0")}`;
  const cents = BigInt(digits);
  if (cents > BigInt(Number.MAX_SAFE_INTEGER)) return failure("TOO_LARGE", MONEY_MESSAGES.tooLarge(original));
  if (negative && cents !== 0n && !options.allowNegative) {
    return failure("NEGATIVE", MONEY_MESSAGES.negative(original));
  }
  const value = Number(cents);
  return { ok: true, cents: negative && value !== 0 ? -value : value };
}

/** "1.234.567" grouped by `separator`: a first group of 1–3 digits, then groups of exactly 3. */
function isGrouped(text: string, separator: string): boolean {
  if (!text.includes(separator)) return /^[0-9]*$/.test(text);
  const groups = text.split(separator);
  return groups.every((group, index) => (index === 0 ? /^[0-9]{1,3}$/ : /^[0-9]{3}$/).test(group));
}

const NARROW_NO_BREAK_SPACE = "\u202f";
const NO_BREAK_SPACE = "\u00a0";

/**
 * Cents in French, exactly as `Intl.NumberFormat("fr-FR", { style: "currency", currency: "EUR" })`
 * writes them: "1 234,56 €" with a narrow no-break space between thousands and a no-break space before
 * the euro sign; "-1 234,56 €" when negative. Computed on the integer, so no rounding ever happens.
 */
export function formatCents(cents: Cents): string {
  assertCents(cents);
  const negative = cents < 0;
  const digits = String(Math.abs(cents)).padStart(3, "0");
  const euros = digits.slice(0, -2);
  const rest = digits.slice(-2);
  let grouped = "";
  for (let end = euros.length; end > 0; end -= 3) {
    const group = euros.slice(Math.max(0, end - 3), end);
    grouped = grouped === "" ? group : `${group}${NARROW_NO_BREAK_SPACE}${grouped}`;
  }
  return `${negative ? "-" : ""}${grouped},${rest}${NO_BREAK_SPACE}€`;
}

/** Whole euros to cents (12 € is 1200), for constants and tests. */
export function euros(amount: number): Cents {
  if (!Number.isSafeInteger(amount)) throw new MoneyError("NOT_CENTS", MONEY_MESSAGES.notCents(amount));
  return checked(amount * 100);
}
