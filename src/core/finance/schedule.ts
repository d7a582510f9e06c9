// The French amortisation schedule (échéancier) with constant monthly instalments, in integer cents.
//
// Rates are integer basis points a year (150 is 1,50 %); the monthly rate is the exact rational
// bp / 120 000, and every product with it is computed on BigInt, then rounded once:
// - the constant instalment is the exact annuity P·r / (1 − (1 + r)^−n) rounded DOWN to the cent (at 0 %
//   it is P / n rounded down), so the borrower never pays ahead of the exact plan;
// - each month's interest is remaining · r rounded to the nearest cent, halves up;
// - each row's principal part is instalment − interest (never below 0 nor above what remains), and the
//   last row repays exactly what remains: its instalment absorbs every rounding, the principal parts sum
//   exactly to the amount lent and the loan closes at 0.
// Deferral (différé) is PARTIAL: during the deferral months the borrower pays the interest only and the
// principal does not move. A total deferral would capitalise the interest, make the principal parts
// negative and the debt grow while the household is in difficulty; the service does not offer it.
import { addMonths, isCalendarDate } from "../rules/dates.ts";
import { SCHEDULE_MESSAGES } from "./messages.fr.ts";
import { type Cents, isCents } from "./money.ts";

/** 100 milliards d'euros: keeps every total of a schedule (600 months of interest) a safe integer. */
export const MAX_PRINCIPAL: Cents = 10_000_000_000_000;
export const MAX_RATE_BP = 10_000;
export const MAX_INSTALMENTS = 600;
export const MAX_DEFERRAL_MONTHS = 120;
/** Basis points a year → the denominator of the monthly rate: bp / (12 × 10 000). */
const MONTHLY_DENOMINATOR = 120_000n;

export interface LoanTerms {
  /** Amount lent, in cents. */
  readonly principal: Cents;
  /** Annual nominal rate in basis points (0 allowed; 150 is 1,50 %). */
  readonly annualRateBp: number;
  /** Number of monthly instalments that repay the principal (deferral months come on top). */
  readonly instalments: number;
  /** Months of partial deferral before the first amortising instalment: interest only. */
  readonly deferralMonths?: number;
  /** Due date of the first row (ISO YYYY-MM-DD); the next ones fall on the same day of each month, or
   *  on the month's last day when it has none (31 January, 28 or 29 February, 31 March...). */
  readonly firstDueDate: string;
}

export interface ScheduleRow {
  /** 1 for the first row, deferral rows included. */
  readonly number: number;
  readonly dueDate: string;
  /** What the borrower pays that month: interest + principal. */
  readonly instalment: Cents;
  readonly interest: Cents;
  readonly principal: Cents;
  /** Principal still owed once this row is paid. */
  readonly remaining: Cents;
}

export interface EarlyRepaymentRecord {
  readonly date: string;
  readonly amount: Cents;
  /** Rows due on or before `date`, considered paid when the repayment was made. */
  readonly afterNumber: number;
  /** Principal still owed right after the early repayment. */
  readonly remaining: Cents;
  readonly mode: EarlyRepaymentMode;
}

export interface Schedule {
  readonly terms: LoanTerms;
  readonly rows: readonly ScheduleRow[];
  /** Early repayments applied, oldest first. Sum of rows' principal + these amounts = principal. */
  readonly earlyRepayments: readonly EarlyRepaymentRecord[];
}

export type ScheduleErrorCode =
  | "INVALID_PRINCIPAL"
  | "INVALID_RATE"
  | "INVALID_INSTALMENTS"
  | "INVALID_DEFERRAL"
  | "INVALID_DATE"
  | "INVALID_AMOUNT"
  | "REPAYMENT_TOO_LARGE"
  | "LOAN_CLOSED";

export type ScheduleResult =
  | { readonly ok: true; readonly schedule: Schedule }
  | { readonly ok: false; readonly code: ScheduleErrorCode; readonly message: string };

function failure(code: ScheduleErrorCode, message: string): ScheduleResult {
  return { ok: false, code, message };
}

/** The ISO date `months` after `iso`, clamped to the month's end. */
export function dueDateAfter(iso: string, months: number): string {
  const n = addMonths(iso, months);
  const year = Math.floor(n / 10_000);
  const month = Math.floor(n / 100) % 100;
  const day = n % 100;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** One month's interest on `remaining`, rounded to the nearest cent (halves up). */
export function monthlyInterest(remaining: Cents, annualRateBp: number): Cents {
  if (annualRateBp === 0 || remaining === 0) return 0;
  const numerator = BigInt(remaining) * BigInt(annualRateBp);
  return Number((numerator * 2n + MONTHLY_DENOMINATOR) / (MONTHLY_DENOMINATOR * 2n));
}

/** The constant instalment repaying `principal` in `count` months at `annualRateBp`, rounded down. */
export function constantInstalment(principal: Cents, annualRateBp: number, count: number): Cents {
  if (count <= 0) return principal;
  if (annualRateBp === 0) return Math.floor(principal / count);
  // P·r·(1+r)^n / ((1+r)^n − 1) with r = bp/D: P·bp·q^n / (D·(q^n − D^n)) where q = D + bp.
  const bp = BigInt(annualRateBp);
  const q = MONTHLY_DENOMINATOR + bp;
  const qn = q ** BigInt(count);
  const dn = MONTHLY_DENOMINATOR ** BigInt(count);
  return Number((BigInt(principal) * bp * qn) / (MONTHLY_DENOMINATOR * (qn - dn)));
}

interface RowPlan {
  readonly firstDueDate: string;
  readonly firstNumber: number;
  readonly balance: Cents;
  readonly annualRateBp: number;
  readonly deferralRows: number;
  /** Amortising rows: exactly this many, or (with `fixedInstalment`) at most this many. */
  readonly amortisingRows: number;
  readonly instalment: Cents;
  /** Keep the instalment and stop as soon as the balance is repaid (shortened duration). */
  readonly stopWhenRepaid: boolean;
}

function planRows(plan: RowPlan): ScheduleRow[] {
  const rows: ScheduleRow[] = [];
  let remaining = plan.balance;
  let number = plan.firstNumber;
  const push = (interest: Cents, principal: Cents) => {
    remaining -= principal;
    rows.push({
      number,
      dueDate: dueDateAfter(plan.firstDueDate, number - 1),
      instalment: interest + principal,
      interest,
      principal,
      remaining,
    });
    number += 1;
  };
  for (let i = 0; i < plan.deferralRows; i++) push(monthlyInterest(remaining, plan.annualRateBp), 0);
  for (let i = 0; i < plan.amortisingRows; i++) {
    const interest = monthlyInterest(remaining, plan.annualRateBp);
    const last =
      i === plan.amortisingRows - 1 || (plan.stopWhenRepaid && plan.instalment - interest >= remaining);
    if (last) {
      push(interest, remaining);
      break;
    }
    push(interest, Math.min(Math.max(plan.instalment - interest, 0), remaining));
  }
  return rows;
}

function termsProblem(terms: LoanTerms): ScheduleResult | undefined {
  if (!isCents(terms.principal) || terms.principal <= 0 || terms.principal > MAX_PRINCIPAL) {
    return failure("INVALID_PRINCIPAL", SCHEDULE_MESSAGES.principal);
  }
  const rate = terms.annualRateBp;
  if (!Number.isSafeInteger(rate) || rate < 0 || rate > MAX_RATE_BP) {
    return failure("INVALID_RATE", SCHEDULE_MESSAGES.rate);
  }
  const count = terms.instalments;
  if (!Number.isSafeInteger(count) || count < 1 || count > MAX_INSTALMENTS) {
    return failure("INVALID_INSTALMENTS", SCHEDULE_MESSAGES.instalments);
  }
  const deferral = terms.deferralMonths ?? 0;
  if (!Number.isSafeInteger(deferral) || deferral < 0 || deferral > MAX_DEFERRAL_MONTHS) {
    return failure("INVALID_DEFERRAL", SCHEDULE_MESSAGES.deferral);
  }
  if (!isCalendarDate(terms.firstDueDate)) {
    return failure("INVALID_DATE", SCHEDULE_MESSAGES.firstDueDate(terms.firstDueDate));
  }
  return undefined;
}

/** Builds the schedule of a loan, or says in French which term is wrong. */
export function buildSchedule(terms: LoanTerms): ScheduleResult {
  const problem = termsProblem(terms);
  if (problem) return problem;
  const rows = planRows({
    firstDueDate: terms.firstDueDate,
    firstNumber: 1,
    balance: terms.principal,
    annualRateBp: terms.annualRateBp,
    deferralRows: terms.deferralMonths ?? 0,
    amortisingRows: terms.instalments,
    instalment: constantInstalment(terms.principal, terms.annualRateBp, terms.instalments),
    stopWhenRepaid: false,
  });
  return { ok: true, schedule: { terms, rows, earlyRepayments: [] } };
}

/** Total interest the borrower pays over the schedule: the cost of the loan. */
export function totalInterest(schedule: Schedule): Cents {
  let total = 0;
  for (const row of schedule.rows) total += row.interest;
  return total;
}

/** Everything the borrower pays: instalments and early repayments. */
export function totalPaid(schedule: Schedule): Cents {
  let total = 0;
  for (const row of schedule.rows) total += row.instalment;
  for (const repayment of schedule.earlyRepayments) total += repayment.amount;
  return total;
}

/**
 * `reduce_instalment`: keep the end date, recompute a lower constant instalment on what remains.
 * `reduce_duration`: keep the instalment, and the loan ends earlier.
 */
export type EarlyRepaymentMode = "reduce_instalment" | "reduce_duration";

export interface EarlyRepayment {
  /** Day the money is received; rows due on or before it are considered paid. */
  readonly date: string;
  readonly amount: Cents;
  readonly mode: EarlyRepaymentMode;
}

/** Principal still owed on `date`, once the rows due on or before it and earlier repayments are paid. */
export function balanceOn(schedule: Schedule, date: string): { balance: Cents; paidRows: number } {
  let balance = schedule.terms.principal;
  let paidRows = 0;
  for (const row of schedule.rows) {
    if (row.dueDate > date) break;
    balance -= row.principal;
    paidRows = row.number;
  }
  for (const repayment of schedule.earlyRepayments) if (repayment.date <= date) balance -= repayment.amount;
  return { balance, paidRows };
}

/**
 * Applies an early repayment (remboursement anticipé) on `date`: rows due on or before that day are
 * kept as they are, the amount reduces the principal, and the rows after are recomputed on the new
 * balance with the same rate, the remaining deferral months and, depending on `mode`, the same number of
 * instalments (lower instalment) or the same instalment (fewer instalments). No indemnity and no
 * accrued-interest adjustment: the next row's interest is counted on the reduced balance for the whole
 * month, in the borrower's favour. Repaying the whole balance closes the loan without further rows.
 */
export function applyEarlyRepayment(schedule: Schedule, repayment: EarlyRepayment): ScheduleResult {
  if (!isCalendarDate(repayment.date)) {
    return failure("INVALID_DATE", SCHEDULE_MESSAGES.repaymentDate(repayment.date));
  }
  const previous = schedule.earlyRepayments.at(-1);
  if (previous && previous.date > repayment.date) {
    return failure("INVALID_DATE", SCHEDULE_MESSAGES.repaymentOrder(previous.date));
  }
  if (!isCents(repayment.amount) || repayment.amount <= 0) {
    return failure("INVALID_AMOUNT", SCHEDULE_MESSAGES.repaymentAmount);
  }
  const { balance, paidRows } = balanceOn(schedule, repayment.date);
  if (balance === 0) return failure("LOAN_CLOSED", SCHEDULE_MESSAGES.loanClosed);
  if (repayment.amount > balance) {
    return failure("REPAYMENT_TOO_LARGE", SCHEDULE_MESSAGES.repaymentTooLarge(balance));
  }
  const kept = schedule.rows.slice(0, paidRows);
  const future = schedule.rows.slice(paidRows);
  const newBalance = balance - repayment.amount;
  const deferralRows = future.filter((row) => row.number <= (schedule.terms.deferralMonths ?? 0)).length;
  const amortising = future.slice(deferralRows);
  const plan = (instalment: Cents): ScheduleRow[] =>
    planRows({
      firstDueDate: schedule.terms.firstDueDate,
      firstNumber: paidRows + 1,
      balance: newBalance,
      annualRateBp: schedule.terms.annualRateBp,
      deferralRows,
      amortisingRows: amortising.length,
      instalment,
      stopWhenRepaid: repayment.mode === "reduce_duration",
    });
  let rows: ScheduleRow[] = kept;
  if (newBalance > 0 && repayment.mode === "reduce_duration") {
    // Same instalment on a lower balance: row by row the balance stays at or below the old plan's.
    rows = kept.concat(plan(amortising.length > 1 ? (amortising[0]?.instalment ?? 0) : 0));
  } else if (newBalance > 0) {
    rows = kept.concat(
      lowestDominatedPlan(
        plan,
        future,
        constantInstalment(newBalance, schedule.terms.annualRateBp, amortising.length),
      ),
    );
  }
  const record: EarlyRepaymentRecord = {
    date: repayment.date,
    amount: repayment.amount,
    afterNumber: paidRows,
    remaining: newBalance,
    mode: repayment.mode,
  };
  return {
    ok: true,
    schedule: { terms: schedule.terms, rows, earlyRepayments: [...schedule.earlyRepayments, record] },
  };
}

/**
 * The rows of a `reduce_instalment` recomputation: the constant instalment on the new balance (rounded
 * down, as always), raised by the fewest cents needed so that after every row the balance is at or
 * below the one the previous plan had on the same date. Rounding to the cent could otherwise, on tiny
 * instalments, slow the repayment enough to cost more interest than the early repayment saves; with this
 * rule the borrower never owes more at any date, so never pays more interest. Raising the instalment
 * only lowers the balances, so the smallest fitting one is found by bisection, up to the old instalment
 * (which always fits).
 */
function lowestDominatedPlan(
  plan: (instalment: Cents) => ScheduleRow[],
  previous: readonly ScheduleRow[],
  initial: Cents,
): ScheduleRow[] {
  const fits = (rows: readonly ScheduleRow[]) =>
    rows.every((row, index) => row.remaining <= (previous[index]?.remaining ?? 0));
  let low = initial;
  let rows = plan(low);
  if (fits(rows)) return rows;
  let high = Math.max(low, ...previous.map((row) => row.instalment));
  let best = plan(high);
  while (high - low > 1) {
    const middle = Math.floor((low + high) / 2);
    rows = plan(middle);
    if (fits(rows)) {
      high = middle;
      best = rows;
    } else {
      low = middle;
    }
  }
  return best;
}

export interface RecordedRepayment {
  readonly date: string;
  readonly amount: Cents;
}

export interface OverdueInstalment {
  readonly number: number;
  readonly dueDate: string;
  readonly due: Cents;
  /** Part of this instalment covered by the repayments received. */
  readonly paid: Cents;
  readonly outstanding: Cents;
  /** Whole days between the due date and the day of the check. */
  readonly daysLate: number;
}

export interface ArrearsReport {
  readonly onDate: string;
  /** Repayments received on or before `onDate`. */
  readonly received: Cents;
  /** Instalments due before `onDate`. */
  readonly due: Cents;
  readonly overdue: readonly OverdueInstalment[];
  /** Sum of the overdue instalments' outstanding parts. */
  readonly arrears: Cents;
}

function epochDay(iso: string): number {
  return (
    Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000
  );
}

/**
 * Which instalments are overdue (impayés) on `onDate`: the repayments received on or before that day,
 * whatever their dates, pay the instalments oldest first; an instalment due strictly before `onDate` and
 * not fully covered is overdue. An instalment due on `onDate` itself is not late yet.
 */
export function arrearsOn(
  schedule: Schedule,
  repayments: readonly RecordedRepayment[],
  onDate: string,
): ArrearsReport {
  let received = 0;
  for (const repayment of repayments) if (repayment.date <= onDate) received += repayment.amount;
  let available = received;
  let due = 0;
  const overdue: OverdueInstalment[] = [];
  for (const row of schedule.rows) {
    if (row.dueDate >= onDate) break;
    due += row.instalment;
    const paid = Math.min(available, row.instalment);
    available -= paid;
    if (paid < row.instalment) {
      overdue.push({
        number: row.number,
        dueDate: row.dueDate,
        due: row.instalment,
        paid,
        outstanding: row.instalment - paid,
        daysLate: epochDay(onDate) - epochDay(row.dueDate),
      });
    }
  }
  let arrears = 0;
  for (const item of overdue) arrears += item.outstanding;
  return { onDate, received, due, overdue, arrears };
}
