// A loan once paid: its schedule, the repayments received (ordinary and early, which recomputes the
// schedule), its arrears and its write-off. Each change runs in the money lane's transaction, on the aid row
// locked alone (these steps do not move the envelope's totals); early repayment honours an
// Idempotency-Key.
import type {
  AidView,
  EarlyRepayment,
  ReasonRequired,
  Repayment,
  ScheduleView,
} from "../../contracts/finance.ts";
import { arrearsOn } from "../../core/finance/index.ts";
import { todayInParis } from "../../core/time/index.ts";
import { insertRepayment } from "../../db/finance/aids.ts";
import { type Caller, staffOf } from "../caller.ts";
import type { ServiceContext } from "../context.ts";
import { inMoneyTransaction } from "../transactions.ts";
import { checkCalendarDate, refused } from "./errors.ts";
import { once } from "./idempotency.ts";
import { checkLoan, instalmentPayments, loanPosition, recomputed } from "./loans.ts";
import { financeMessages } from "./messages.fr.ts";
import {
  type AidTarget,
  aidInScope,
  answerOf,
  lockAidAlone,
  moverOf,
  recordFinanceAudit,
  takeStep,
  transitionOrThrow,
} from "./steps.ts";
import { scheduleView } from "./views.ts";

/** A loan's schedule, with what was received and what is overdue on `asOf` (today by default). */
export async function readSchedule(
  context: ServiceContext,
  caller: Caller,
  aidId: string,
  query: { asOf?: string | undefined },
): Promise<ScheduleView> {
  const actor = staffOf(caller);
  const asOf = query.asOf ?? todayInParis(context.now());
  checkCalendarDate("/asOf", asOf);
  const aid = await aidInScope(context, actor, aidId, "aids.read");
  const db = context.db.drizzle;
  const position = await loanPosition(db, aid);
  await recordFinanceAudit(db, moverOf(context, caller), {
    action: "aid.schedule_read",
    targetType: "aid",
    targetId: aid.id,
  });
  return scheduleView(aid, position, asOf);
}

/** Records an instalment received on a loan; the loan is repaid when nothing is left to pay. */
export async function recordRepayment(
  context: ServiceContext,
  caller: Caller,
  aidId: string,
  input: Repayment,
): Promise<AidView> {
  checkCalendarDate("/receivedOn", input.receivedOn);
  const aid = await inMoneyTransaction(context, async (tx) => {
    const mover = moverOf(context, caller);
    const aid = await lockAidAlone(tx, aidId);
    transitionOrThrow(aid, "repay");
    const before = await loanPosition(tx, aid);
    if (input.amountCents > before.outstandingCents) {
      throw refused("REPAYMENT_TOO_LARGE", financeMessages.repaymentTooLarge(before.outstandingCents));
    }
    await insertRepayment(tx, {
      aidId: aid.id,
      amountCents: input.amountCents,
      receivedOn: input.receivedOn,
      mode: "instalment",
      recordedByUserId: mover.userId,
    });
    const fullyRepaid = input.amountCents === before.outstandingCents;
    const received = [...instalmentPayments(before), { date: input.receivedOn, amount: input.amountCents }];
    const arrearsCleared = arrearsOn(before.schedule, received, input.receivedOn).arrears === 0;
    const next = transitionOrThrow(aid, "repay", { fullyRepaid, arrearsCleared });
    return takeStep(tx, aid, next, mover, {
      event: "repayment",
      action: "aid.repayment_recorded",
      details: { amountCents: input.amountCents, receivedOn: input.receivedOn },
    });
  });
  return answerOf(context.db.drizzle, aid);
}

/**
 * Records an early repayment (remboursement anticipé) on a loan being repaid or in arrears: the core
 * recomputes the schedule from that day (a shorter loan or a lower instalment), the repayment is kept with
 * mode `early` and its option, and a loan with nothing left to pay is repaid. Answers the schedule as read
 * today, as GET /schedule reads it by default.
 */
export async function recordEarlyRepayment(
  context: ServiceContext,
  caller: Caller,
  target: AidTarget,
  input: EarlyRepayment,
): Promise<ScheduleView> {
  const actor = staffOf(caller);
  checkCalendarDate("/receivedOn", input.receivedOn);
  return inMoneyTransaction(context, (tx) =>
    once(tx, actor.userId, target.retry, async () => {
      const mover = moverOf(context, caller);
      const aid = await lockAidAlone(tx, target.aidId);
      checkLoan(aid);
      transitionOrThrow(aid, "repay");
      const before = await loanPosition(tx, aid);
      // Refused here (amount above the principal still owed, date before an earlier early repayment)
      // before anything is written.
      recomputed(before.schedule, { ...input, earlyOption: input.option });
      await insertRepayment(tx, {
        aidId: aid.id,
        amountCents: input.amountCents,
        receivedOn: input.receivedOn,
        mode: "early",
        earlyOption: input.option,
        recordedByUserId: mover.userId,
      });
      const after = await loanPosition(tx, aid);
      const arrearsCleared =
        arrearsOn(after.schedule, instalmentPayments(after), input.receivedOn).arrears === 0;
      const next = transitionOrThrow(aid, "repay", {
        fullyRepaid: after.outstandingCents <= 0,
        arrearsCleared,
      });
      const updated = await takeStep(tx, aid, next, mover, {
        event: "early_repayment",
        action: "aid.early_repayment_recorded",
        details: { amountCents: input.amountCents, receivedOn: input.receivedOn, option: input.option },
      });
      return scheduleView(updated, after, todayInParis(mover.now));
    }),
  );
}

/** Flags a loan in arrears when an instalment due before `asOf` is not covered by the repayments. */
export async function flagArrears(
  context: ServiceContext,
  caller: Caller,
  aidId: string,
  input: { asOf: string },
): Promise<AidView> {
  checkCalendarDate("/asOf", input.asOf);
  const aid = await inMoneyTransaction(context, async (tx) => {
    const mover = moverOf(context, caller);
    const aid = await lockAidAlone(tx, aidId);
    const next = transitionOrThrow(aid, "flag_arrears");
    const position = await loanPosition(tx, aid);
    const report = arrearsOn(position.schedule, instalmentPayments(position), input.asOf);
    if (report.arrears === 0) throw refused("NO_ARREARS", financeMessages.noArrears(input.asOf));
    return takeStep(tx, aid, next, mover, {
      event: "arrears_flagged",
      action: "aid.arrears_flagged",
      details: { asOf: input.asOf, arrearsCents: report.arrears, overdue: report.overdue.length },
    });
  });
  return answerOf(context.db.drizzle, aid);
}

/** Writes off a loan in arrears: it stays committed and disbursed; nothing more is expected. */
export async function writeOffAid(
  context: ServiceContext,
  caller: Caller,
  aidId: string,
  input: ReasonRequired,
): Promise<AidView> {
  const reason = input.reason.trim();
  const aid = await inMoneyTransaction(context, async (tx) => {
    const mover = moverOf(context, caller);
    const aid = await lockAidAlone(tx, aidId);
    const next = transitionOrThrow(aid, "write_off");
    return takeStep(tx, aid, next, mover, {
      event: "written_off",
      action: "aid.written_off",
      details: { amountCents: aid.amountCents },
      decision: { reason },
    });
  });
  return answerOf(context.db.drizzle, aid);
}
