// The national annual envelope (enveloppe nationale annuelle) that finances loans and grants, in integer
// cents. An amount moves through three states:
// - reserved (réservé): a counsellor proposed the aid; the money is set aside;
// - committed (engagé): a budget controller approved it; committed counts every approved amount, paid or
//   not, so paying it never frees room;
// - disbursed (versé): the committed amount actually paid, a part of committed (disbursed ≤ committed).
// The invariant, at every instant: reserved + committed ≤ national amount, and for each allocation to a
// region or an agency, reserved + committed of that allocation ≤ its amount. An operation on an
// allocation counts in the national totals too. Allocations never add up to more than the national
// amount. Loan repayments do not refill the year's envelope.
//
// Every operation below is a guard and a transition in one: it returns the new state, or a French
// refusal and leaves the state untouched. Whoever stores the state (the database, under a lock or a
// conditional update) must apply the same guard in the same transaction.
import { ALERT_LABELS, ENVELOPE_MESSAGES } from "./messages.fr.ts";
import { type Cents, isCents } from "./money.ts";

export interface Allocation {
  /** Region or agency code, unique in the envelope. */
  readonly code: string;
  readonly amount: Cents;
}

export interface EnvelopeDefinition {
  /** Calendar year the envelope finances (1 January to 31 December). */
  readonly year: number;
  readonly national: Cents;
  readonly allocations?: readonly Allocation[];
}

export interface Amounts {
  readonly reserved: Cents;
  readonly committed: Cents;
  readonly disbursed: Cents;
}

export interface EnvelopeState {
  readonly definition: EnvelopeDefinition;
  readonly national: Amounts;
  readonly byAllocation: Readonly<Record<string, Amounts>>;
}

/** What a reservation is checked against: an amount and what already weighs on it. */
export interface Pot {
  readonly amount: Cents;
  readonly reserved: Cents;
  readonly committed: Cents;
}

export type EnvelopeErrorCode =
  | "INVALID_ENVELOPE"
  | "UNKNOWN_ALLOCATION"
  | "INVALID_AMOUNT"
  | "ENVELOPE_EXHAUSTED"
  | "NOT_RESERVED"
  | "NOT_COMMITTED";

export interface EnvelopeRefusal {
  readonly ok: false;
  readonly code: EnvelopeErrorCode;
  readonly message: string;
  /** For ENVELOPE_EXHAUSTED: which pot is short, and what is left in it. */
  readonly scope?: "national" | "allocation";
  readonly left?: Cents;
}

export type EnvelopeResult = { readonly ok: true; readonly state: EnvelopeState } | EnvelopeRefusal;

const ZERO: Amounts = { reserved: 0, committed: 0, disbursed: 0 };

function refusal(
  code: EnvelopeErrorCode,
  message: string,
  extra: Partial<EnvelopeRefusal> = {},
): EnvelopeRefusal {
  return { ok: false, code, message, ...extra };
}

/** Checks a definition: a plausible year, amounts in cents, unique allocations within the national amount. */
export function validateEnvelope(definition: EnvelopeDefinition): EnvelopeRefusal | undefined {
  if (!Number.isInteger(definition.year) || definition.year < 2000 || definition.year > 2999) {
    return refusal("INVALID_ENVELOPE", ENVELOPE_MESSAGES.year);
  }
  if (!isCents(definition.national) || definition.national < 0) {
    return refusal("INVALID_ENVELOPE", ENVELOPE_MESSAGES.national);
  }
  const seen = new Set<string>();
  let total = 0;
  for (const allocation of definition.allocations ?? []) {
    if (!isCents(allocation.amount) || allocation.amount < 0) {
      return refusal("INVALID_ENVELOPE", ENVELOPE_MESSAGES.allocationAmount(allocation.code));
    }
    if (seen.has(allocation.code)) {
      return refusal("INVALID_ENVELOPE", ENVELOPE_MESSAGES.allocationDuplicate(allocation.code));
    }
    seen.add(allocation.code);
    total += allocation.amount;
    if (total > definition.national) {
      const sum = (definition.allocations ?? []).reduce((s, a) => s + (isCents(a.amount) ? a.amount : 0), 0);
      return refusal("INVALID_ENVELOPE", ENVELOPE_MESSAGES.allocationsExceed(sum, definition.national));
    }
  }
  return undefined;
}

/** A new year's envelope, nothing reserved yet. */
export function openEnvelope(definition: EnvelopeDefinition): EnvelopeResult {
  const problem = validateEnvelope(definition);
  if (problem) return problem;
  const byAllocation: Record<string, Amounts> = {};
  for (const allocation of definition.allocations ?? []) byAllocation[allocation.code] = ZERO;
  return { ok: true, state: { definition, national: ZERO, byAllocation } };
}

/** What is still free in a pot: amount − reserved − committed (negative only if the data was corrupt). */
export function leftIn(pot: Pot): Cents {
  return pot.amount - pot.reserved - pot.committed;
}

/**
 * May `amount` be reserved? Yes when reserved + committed + amount stays within the envelope and, when
 * the aid is charged to an allocation, within that allocation too. Otherwise ENVELOPE_EXHAUSTED, with the
 * pot that is short and what is left in it (the smaller of the two when both are short).
 */
export function canReserve(
  envelope: Pot,
  allocation: (Pot & { readonly code: string }) | undefined,
  amount: Cents,
): { readonly ok: true; readonly left: Cents } | EnvelopeRefusal {
  if (!isCents(amount) || amount <= 0) return refusal("INVALID_AMOUNT", ENVELOPE_MESSAGES.amount);
  const nationalLeft = leftIn(envelope);
  const allocationLeft = allocation ? leftIn(allocation) : Number.POSITIVE_INFINITY;
  if (allocation && allocationLeft < amount && allocationLeft <= nationalLeft) {
    const left = Math.max(0, allocationLeft);
    return refusal("ENVELOPE_EXHAUSTED", ENVELOPE_MESSAGES.allocationExhausted(allocation.code, left), {
      scope: "allocation",
      left,
    });
  }
  if (nationalLeft < amount) {
    const left = Math.max(0, nationalLeft);
    return refusal("ENVELOPE_EXHAUSTED", ENVELOPE_MESSAGES.exhausted(left), { scope: "national", left });
  }
  return { ok: true, left: Math.min(nationalLeft, allocationLeft) - amount };
}

function allocationOf(
  state: EnvelopeState,
  code: string | undefined,
): Allocation | undefined | EnvelopeRefusal {
  if (code === undefined) return undefined;
  const allocation = state.definition.allocations?.find((item) => item.code === code);
  return allocation ?? refusal("UNKNOWN_ALLOCATION", ENVELOPE_MESSAGES.unknownAllocation(code));
}

type Change = (amounts: Amounts) => Amounts | EnvelopeRefusal;

function isRefusal(value: unknown): value is EnvelopeRefusal {
  return typeof value === "object" && value !== null && (value as { ok?: unknown }).ok === false;
}

/** The amounts booked nationally without an allocation: national totals minus every allocation's. */
function unallocated(state: EnvelopeState): Amounts {
  let { reserved, committed, disbursed } = state.national;
  for (const amounts of Object.values(state.byAllocation)) {
    reserved -= amounts.reserved;
    committed -= amounts.committed;
    disbursed -= amounts.disbursed;
  }
  return { reserved, committed, disbursed };
}

/**
 * Applies `change` to the amounts of the scope, the allocation's or, without one, those booked nationally
 * outside any allocation (so a national release never frees an allocation's reservation), and carries the
 * difference into the national totals; or refuses and changes nothing.
 */
function transition(
  state: EnvelopeState,
  amount: Cents,
  code: string | undefined,
  change: Change,
): EnvelopeResult {
  if (!isCents(amount) || amount <= 0) return refusal("INVALID_AMOUNT", ENVELOPE_MESSAGES.amount);
  const allocation = allocationOf(state, code);
  if (isRefusal(allocation)) return allocation;
  const before = allocation ? amountsOf(state, allocation.code) : unallocated(state);
  const after = change(before);
  if (isRefusal(after)) return after;
  const national: Amounts = {
    reserved: state.national.reserved + after.reserved - before.reserved,
    committed: state.national.committed + after.committed - before.committed,
    disbursed: state.national.disbursed + after.disbursed - before.disbursed,
  };
  const byAllocation = allocation ? { ...state.byAllocation, [allocation.code]: after } : state.byAllocation;
  return { ok: true, state: { ...state, national, byAllocation } };
}

/** Proposal: reserves `amount`, refused with ENVELOPE_EXHAUSTED when it does not fit. */
export function reserve(state: EnvelopeState, amount: Cents, allocationCode?: string): EnvelopeResult {
  const allocation = allocationOf(state, allocationCode);
  if (isRefusal(allocation)) return allocation;
  const local = allocation
    ? { code: allocation.code, amount: allocation.amount, ...amountsOf(state, allocation.code) }
    : undefined;
  const check = canReserve({ amount: state.definition.national, ...state.national }, local, amount);
  if (!check.ok) return check;
  return transition(state, amount, allocationCode, (amounts) => ({
    ...amounts,
    reserved: amounts.reserved + amount,
  }));
}

/** Approval: `amount` moves from reserved to committed (it was already counted, so it always fits). */
export function approve(state: EnvelopeState, amount: Cents, allocationCode?: string): EnvelopeResult {
  return transition(state, amount, allocationCode, (amounts) =>
    amounts.reserved < amount
      ? refusal("NOT_RESERVED", ENVELOPE_MESSAGES.notReserved(amounts.reserved))
      : { ...amounts, reserved: amounts.reserved - amount, committed: amounts.committed + amount },
  );
}

/** Refusal or cancellation of a proposal: the reserved `amount` is released. */
export function release(state: EnvelopeState, amount: Cents, allocationCode?: string): EnvelopeResult {
  return transition(state, amount, allocationCode, (amounts) =>
    amounts.reserved < amount
      ? refusal("NOT_RESERVED", ENVELOPE_MESSAGES.notReserved(amounts.reserved))
      : { ...amounts, reserved: amounts.reserved - amount },
  );
}

/** Cancellation of an approved aid not yet paid: the committed, undisbursed `amount` is released. */
export function cancelCommitment(
  state: EnvelopeState,
  amount: Cents,
  allocationCode?: string,
): EnvelopeResult {
  return transition(state, amount, allocationCode, (amounts) =>
    amounts.committed - amounts.disbursed < amount
      ? refusal("NOT_COMMITTED", ENVELOPE_MESSAGES.notCommitted(amounts.committed - amounts.disbursed))
      : { ...amounts, committed: amounts.committed - amount },
  );
}

/** Payment of a committed amount: disbursed grows, committed stays (it already counts the payment). */
export function disburse(state: EnvelopeState, amount: Cents, allocationCode?: string): EnvelopeResult {
  return transition(state, amount, allocationCode, (amounts) =>
    amounts.committed - amounts.disbursed < amount
      ? refusal("NOT_COMMITTED", ENVELOPE_MESSAGES.notCommitted(amounts.committed - amounts.disbursed))
      : { ...amounts, disbursed: amounts.disbursed + amount },
  );
}

function amountsOf(state: EnvelopeState, code: string): Amounts {
  return state.byAllocation[code] ?? ZERO;
}

/** What is free nationally, or in an allocation (never more than what is free nationally). */
export function available(state: EnvelopeState, allocationCode?: string): Cents {
  const national = leftIn({ amount: state.definition.national, ...state.national });
  const allocation = state.definition.allocations?.find((item) => item.code === allocationCode);
  if (!allocation) return national;
  return Math.min(national, leftIn({ amount: allocation.amount, ...amountsOf(state, allocation.code) }));
}

// --- Consumption and forecast -------------------------------------------------------------------------------

/** A dated change of the committed total: an approval (positive) or a cancellation (negative). */
export interface Movement {
  readonly date: string;
  readonly amount: Cents;
}

/** Committed amounts per month of `year` (index 0 is January), from the movements dated in that year. */
export function monthlyConsumption(year: number, movements: readonly Movement[]): Cents[] {
  const months: Cents[] = Array.from({ length: 12 }, () => 0);
  const prefix = `${String(year).padStart(4, "0")}-`;
  for (const movement of movements) {
    if (!movement.date.startsWith(prefix)) continue;
    const month = Number(movement.date.slice(5, 7)) - 1;
    if (month >= 0 && month < 12) months[month] = (months[month] ?? 0) + movement.amount;
  }
  return months;
}

export type AlertLevel = "ok" | "alert_80" | "alert_95" | "exhausted";

/** Alert level of a consumption against the envelope: 80 %, 95 % and 100 % thresholds, exact on BigInt. */
export function alertLevel(national: Cents, consumed: Cents): AlertLevel {
  const used = BigInt(consumed) * 100n;
  const total = BigInt(national);
  if (consumed >= national) return "exhausted";
  if (used >= total * 95n) return "alert_95";
  if (used >= total * 80n) return "alert_80";
  return "ok";
}

export interface Forecast {
  readonly asOf: string;
  /** Committed from 1 January to `asOf`'s month included. */
  readonly consumed: Cents;
  readonly left: Cents;
  /** Share consumed, in basis points (8 000 is 80 %), rounded down. */
  readonly consumedBp: number;
  /** Average committed per month over the window, rounded down; null without a complete month. */
  readonly pacePerMonth: Cents | null;
  /** Complete months the pace was measured on. */
  readonly windowMonths: number;
  /** Day the envelope runs out at that pace (possibly after the year); null if the pace is not positive
   *  or the day is more than ten years away. */
  readonly exhaustionDate: string | null;
  readonly exhaustedWithinYear: boolean;
  readonly level: AlertLevel;
  readonly label: string;
}

const AVERAGE_MONTH_DAYS_TIMES_100 = 3_044n; // 365.25 / 12 = 30.4375 days, counted as 30.44

/** Beyond ten years, the pace says "not in any foreseeable future": no date. */
const MAX_FORECAST_DAYS = 3_653n;

function addDays(iso: string, days: number): string {
  const time = Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
  return new Date(time + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Forecast on `asOf`: consumption so far, alert level, and the exhaustion date if the pace of the last
 * `windowMonths` complete months (3 by default, fewer early in the year) goes on linearly. The months after
 * `asOf`'s month are ignored; the current month counts in what is consumed, not in the pace.
 */
export function forecastExhaustion(input: {
  readonly national: Cents;
  readonly monthly: readonly Cents[];
  readonly asOf: string;
  readonly windowMonths?: number;
}): Forecast {
  const year = input.asOf.slice(0, 4);
  const month = Number(input.asOf.slice(5, 7)) - 1;
  let consumed = 0;
  for (let index = 0; index <= month; index++) consumed += input.monthly[index] ?? 0;
  const window = Math.max(0, Math.min(input.windowMonths ?? 3, month));
  let windowTotal = 0;
  for (let index = month - window; index < month; index++) windowTotal += input.monthly[index] ?? 0;
  const left = input.national - consumed;
  const level = alertLevel(input.national, consumed);
  const consumedBp =
    input.national === 0
      ? 10_000
      : Number((BigInt(Math.max(0, consumed)) * 10_000n) / BigInt(input.national));
  let exhaustionDate: string | null = null;
  if (left <= 0) {
    exhaustionDate = input.asOf;
  } else if (window > 0 && windowTotal > 0) {
    // days = left / (windowTotal / window) × 30.44, rounded up: the day the last cent would go.
    const numerator = BigInt(left) * BigInt(window) * AVERAGE_MONTH_DAYS_TIMES_100;
    const denominator = BigInt(windowTotal) * 100n;
    const days = (numerator + denominator - 1n) / denominator;
    if (days <= MAX_FORECAST_DAYS) exhaustionDate = addDays(input.asOf, Number(days));
  }
  return {
    asOf: input.asOf,
    consumed,
    left,
    consumedBp,
    pacePerMonth: window > 0 ? Math.floor(windowTotal / window) : null,
    windowMonths: window,
    exhaustionDate,
    exhaustedWithinYear: exhaustionDate !== null && exhaustionDate <= `${year}-12-31`,
    level,
    label: ALERT_LABELS[level],
  };
}
