// A loan's position: its schedule, built from the terms the aid copied and recomputed after each early
// repayment, the repayments received, and what is still owed. Read in the transaction of the step that
// needs it.
import {
  applyEarlyRepayment,
  buildSchedule,
  EARLY_REPAYMENT_MODE_OF,
  type EarlyRepaymentOption,
  type RepaymentMode,
  type Schedule,
  totalPaid,
} from "../../core/finance/index.ts";
import type { Drizzle } from "../../db/database.ts";
import { type AidRow, findDisbursement, repaymentsOf } from "../../db/finance/aids.ts";
import { refused } from "./errors.ts";
import { financeMessages } from "./messages.fr.ts";

export interface RepaymentRecord {
  amountCents: number;
  receivedOn: string;
  mode: RepaymentMode;
  earlyOption: EarlyRepaymentOption | null;
}

export interface LoanPosition {
  /** The schedule from the copied terms, recomputed after each early repayment. */
  schedule: Schedule;
  repayments: RepaymentRecord[];
  /** Instalments plus interest still to pay, after the repayments received. */
  outstandingCents: number;
}

/** The ordinary repayments, which pay the instalments oldest first (early ones reduce the principal). */
export function instalmentPayments(position: LoanPosition): { date: string; amount: number }[] {
  return position.repayments
    .filter((repayment) => repayment.mode === "instalment")
    .map((repayment) => ({ date: repayment.receivedOn, amount: repayment.amountCents }));
}

/** Refused unless the aid is a loan. */
export function checkLoan(aid: AidRow): void {
  if (aid.kind !== "loan") throw refused("NOT_A_LOAN", financeMessages.notALoan);
}

/** The loan's schedule (from the copied product terms, then each early repayment) and its repayments. */
export async function loanPosition(tx: Drizzle, aid: AidRow): Promise<LoanPosition> {
  checkLoan(aid);
  const payment = await findDisbursement(tx, aid.id);
  if (payment === undefined || payment.firstDueDate === null) {
    throw refused("NOT_DISBURSED", financeMessages.notDisbursed);
  }
  const built = buildSchedule({
    principal: aid.amountCents,
    annualRateBp: aid.rateBp,
    instalments: aid.durationMonths ?? 1,
    deferralMonths: aid.deferralMonths,
    firstDueDate: payment.firstDueDate,
  });
  if (!built.ok) throw refused(built.code, built.message);
  const repayments = await repaymentsOf(tx, aid.id);
  let schedule = built.schedule;
  for (const repayment of repayments) {
    if (repayment.mode !== "early") continue;
    schedule = recomputed(schedule, repayment);
  }
  const received = repayments.reduce((total, repayment) => total + repayment.amountCents, 0);
  return { schedule, repayments, outstandingCents: totalPaid(schedule) - received };
}

/** The schedule after an early repayment, through the core; its refusal is a 409. */
export function recomputed(
  schedule: Schedule,
  repayment: { amountCents: number; receivedOn: string; earlyOption: EarlyRepaymentOption | null },
): Schedule {
  const applied = applyEarlyRepayment(schedule, {
    date: repayment.receivedOn,
    amount: repayment.amountCents,
    mode: EARLY_REPAYMENT_MODE_OF[repayment.earlyOption ?? "shorten"],
  });
  if (!applied.ok) throw refused(applied.code, applied.message);
  return applied.schedule;
}
