// Numbers as administrators type them in French (comma decimals, spaces between thousands), read exactly:
// a rate in percent becomes whole basis points by moving the decimal point in the text, never by
// multiplying a floating-point number (1,15 % is 115 bp, not 114.99999).

const SPACES = /[\s\u00a0\u202f]/g;

/** "1,5" or "1,5 %" → 150 basis points; undefined unless a percentage from 0 to 100, two decimals at most. */
export function basisPoints(typed: string): number | undefined {
  const match = /^(\d{1,3})(?:[,.](\d{1,2}))?%?$/.exec(typed.replace(SPACES, ""));
  if (match === null) return undefined;
  const bp = Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0"));
  return bp <= 10_000 ? bp : undefined;
}

/** 150 basis points → "1,50". */
export function percentText(bp: number): string {
  return `${Math.trunc(bp / 100)},${String(bp % 100).padStart(2, "0")}`;
}

/** "12" → 12; undefined for anything but a whole number of digits. */
export function wholeNumber(typed: string): number | undefined {
  const text = typed.replace(SPACES, "");
  return /^\d{1,9}$/.test(text) ? Number(text) : undefined;
}

/** "414,5" → 414.5; undefined when it is not a plain decimal number (negatives are left to the bounds). */
export function decimalNumber(typed: string): number | undefined {
  const text = typed.replace(SPACES, "").replace(",", ".");
  return /^-?\d{1,12}(\.\d{1,6})?$/.test(text) ? Number(text) : undefined;
}

/** The day before an ISO date (2026-03-01 → 2026-02-28), in UTC so that no time zone shifts it. */
export function dayBefore(iso: string): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}
