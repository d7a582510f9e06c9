// The aid use cases: propose a loan or a grant on a case, approve it (four-eyes above the threshold),
// refuse, cancel or withdraw it, disburse it, record its repayments (ordinary and early), flag its arrears
// and write it off; read one aid, a case's or a year's aids, and a loan's schedule. Every step that moves
// money runs in the money lane's transaction (steps.ts says in which lock order); approval, disbursement
// and early repayment honour an Idempotency-Key: a retried request gets the first answer and never pays
// twice.
import type {
  AidView,
  Decision,
  Disbursement,
  DisbursementView,
  EarlyRepayment,
  Proposal,
  ReasonRequired,
  Repayment,
  ScheduleView,
  Withdrawal,
} from "../../contracts/finance.ts";
import { type Action, isAllowed, isInScope, scopeOf } from "../../core/access/index.ts";
import {
  AID_STATUSES,
  type AidStatus,
  aidEligibility,
  approvalStep,
  approve as approveInEnvelope,
  arrearsOn,
  available,
  dueDateAfter,
  reserve,
  termsProblems,
} from "../../core/finance/index.ts";
import { directiveByReference } from "../../core/rules/index.ts";
import { todayInParis } from "../../core/time/index.ts";
import type { Drizzle } from "../../db/database.ts";
import {
  type AidRow,
  caseForAid,
  findAid,
  insertAid,
  insertAidEvent,
  insertDisbursement,
  insertRepayment,
  listAids as listAidRows,
  updateAid,
} from "../../db/finance/aids.ts";
import { raiseEnvelopeAlerts } from "../../db/finance/alerts.ts";
import { productInForce } from "../../db/finance/catalogue.ts";
import { envelopeState, lockEnvelope } from "../../db/finance/envelopes.ts";
import { staffNames } from "../../db/finance/staffNames.ts";
import { type Caller, type StaffActor, staffOf } from "../caller.ts";
import { loadCaseInScope } from "../cases/access.ts";
import type { ServiceContext } from "../context.ts";
import { DomainError } from "../errors.ts";
import { inMoneyTransaction } from "../transactions.ts";
import { thresholdOn } from "./envelopes.ts";
import { checkCalendarDate, notFound, refused } from "./errors.ts";
import { validIban } from "./iban.ts";
import { once, type RetryableRequest } from "./idempotency.ts";
import { checkLoan, instalmentPayments, loanPosition, recomputed } from "./loans.ts";
import { financeMessages } from "./messages.fr.ts";
import {
  allocationFor,
  lockAidAlone,
  lockAidAndEnvelope,
  moverOf,
  offerQueue,
  recordFinanceAudit,
  recordStep,
  takeStep,
  transitionOrThrow,
} from "./steps.ts";
import { aidView, disbursementView, peopleOf, scheduleView } from "./views.ts";

/** The aid a money move acts on, and the request it may be a retry of (Idempotency-Key). */
export interface AidTarget {
  aidId: string;
  retry: RetryableRequest | undefined;
}

/** One aid as answered, its people's names read in `db` (the change's transaction when there is one). */
async function answerOf(db: Drizzle, row: AidRow, message: string | null = null): Promise<AidView> {
  return aidView(row, await staffNames(db, peopleOf(row)), message);
}

/** An aid within the caller's scope for `action` (all for controllers, their agency's otherwise), else 404. */
async function aidInScope(context: ServiceContext, actor: StaffActor, id: string, action: Action) {
  const row = await findAid(context.db.drizzle, id);
  if (row === undefined || !isInScope(actor, action, { organisationId: row.organisationId })) {
    throw notFound("aid");
  }
  return row;
}

// --- Proposal -----------------------------------------------------------------------------------------------

/**
 * Proposes an aid on a case of the caller's (a case outside their agency is not found, a colleague's is
 * refused, as every case route does). Reserves the amount when the envelope holds it (the answer's status is
 * then `proposed`), queues it otherwise (`queued`, with a French explanation).
 */
export async function proposeAid(context: ServiceContext, caller: Caller, input: Proposal): Promise<AidView> {
  const actor = staffOf(caller);
  await loadCaseInScope(context, caller, input.caseId, "aids.propose");
  const { aid, message } = await inMoneyTransaction(context, async (tx) => {
    const mover = moverOf(context, caller);
    const today = todayInParis(mover.now);
    const found = await caseForAid(tx, input.caseId);
    if (
      found === undefined ||
      !isInScope(actor, "aids.propose", {
        organisationId: found.organisationId,
        ownerUserId: found.counsellorUserId,
      })
    ) {
      throw notFound("case");
    }
    const product = await productInForce(tx, input.productCode, today);
    if (product === undefined) {
      throw DomainError.invalidField(
        "/productCode",
        "UNKNOWN_PRODUCT",
        financeMessages.productUnknown(input.productCode),
      );
    }
    if (!product.active) {
      throw DomainError.invalidField(
        "/productCode",
        "PRODUCT_WITHDRAWN",
        financeMessages.productWithdrawn(product.code),
      );
    }
    const eligibility = aidEligibility({
      directive: directiveByReference(found.directive),
      caseStatus: found.status,
      productDirectives: product.directives,
    });
    if (!eligibility.ok) {
      throw refused(
        eligibility.code,
        eligibility.message,
        eligibility.clause ? { clause: eligibility.clause } : {},
      );
    }
    const [problem] = termsProblems(product, input);
    if (problem !== undefined) throw DomainError.invalidField(`/${problem.field}`, "TERMS", problem.message);

    const year = Number(today.slice(0, 4));
    const envelope = await lockEnvelope(tx, year);
    let status: AidStatus = "queued";
    let allocationCode: string | null = null;
    let message: string | null = financeMessages.queuedNoEnvelope(year);
    if (envelope !== undefined) {
      allocationCode = allocationFor(envelope, { id: found.organisationId, region: found.region });
      const reserved = reserve(
        await envelopeState(tx, envelope),
        input.amountCents,
        allocationCode ?? undefined,
      );
      if (reserved.ok) {
        status = "proposed";
        message = null;
      } else if (reserved.code === "ENVELOPE_EXHAUSTED") {
        message = financeMessages.queued(reserved.left ?? 0);
      } else {
        throw refused(reserved.code, reserved.message);
      }
    }
    const aid = await insertAid(tx, {
      caseId: found.id,
      organisationId: found.organisationId,
      year,
      allocationCode,
      productId: product.id,
      kind: product.kind,
      productName: product.name,
      rateBp: product.rateBp,
      durationMonths: product.kind === "loan" ? (input.durationMonths ?? product.maxDurationMonths) : null,
      deferralMonths: product.deferralMonths,
      amountCents: input.amountCents,
      status,
      proposedByUserId: mover.userId,
    });
    await insertAidEvent(tx, { aidId: aid.id, type: status, toStatus: status, actorUserId: mover.userId });
    // Same transaction, same envelope lock: the proposal that crosses a line raises its alert.
    if (status === "proposed" && envelope !== undefined) await raiseEnvelopeAlerts(tx, envelope);
    await recordFinanceAudit(tx, mover, {
      action: status === "queued" ? "aid.queued" : "aid.proposed",
      targetType: "aid",
      targetId: aid.id,
      details: {
        caseId: found.id,
        year,
        amountCents: aid.amountCents,
        product: product.code,
        version: product.version,
      },
    });
    return { aid, message };
  });
  return answerOf(context.db.drizzle, aid, message);
}

// --- Reads --------------------------------------------------------------------------------------------------

/** The statuses of `a,b`: every one must be known (400 on `/status` otherwise). */
function statusFilter(value: string): AidStatus[] {
  const statuses = value.split(",").map((part) => part.trim());
  const unknown = statuses.find((part) => !(AID_STATUSES as readonly string[]).includes(part));
  if (unknown !== undefined) {
    throw DomainError.invalidField("/status", "enum", financeMessages.statusUnknown(unknown, AID_STATUSES));
  }
  return statuses as AidStatus[];
}

export interface AidQuery {
  year?: number | undefined;
  /** Statuses separated by commas. */
  status?: string | undefined;
  caseId?: string | undefined;
}

/**
 * The aids of a year or of a case, in request order. A counsellor reads those of one case of their agency
 * (the case page), not a year's list; counsellors and managers read their agency's aids only.
 */
export async function listAids(context: ServiceContext, caller: Caller, query: AidQuery): Promise<AidView[]> {
  const actor = staffOf(caller);
  const { year, status, caseId } = query;
  if (year === undefined && caseId === undefined) {
    throw DomainError.invalidField("/year", "required", financeMessages.yearOrCaseRequired);
  }
  if (caseId === undefined && !isAllowed(actor.role, "envelope.read")) {
    throw new DomainError(
      "forbidden",
      "forbidden",
      financeMessages.refused.title,
      financeMessages.caseIdRequired,
    );
  }
  const statuses = status === undefined ? undefined : statusFilter(status);
  const db = context.db.drizzle;
  const rows = await listAidRows(db, {
    year,
    statuses,
    caseId,
    organisationId: scopeOf(actor.role, "aids.read") === "all" ? undefined : (actor.organisationId ?? ""),
  });
  await recordFinanceAudit(db, moverOf(context, caller), {
    action: "aid.list_read",
    targetType: "aid",
    details: { year: year ?? null, status: statuses ?? null, caseId: caseId ?? null, count: rows.length },
  });
  const names = await staffNames(db, rows.flatMap(peopleOf));
  return rows.map((row) => aidView(row, names));
}

export async function readAid(context: ServiceContext, caller: Caller, aidId: string): Promise<AidView> {
  const row = await aidInScope(context, staffOf(caller), aidId, "aids.read");
  const db = context.db.drizzle;
  await recordFinanceAudit(db, moverOf(context, caller), {
    action: "aid.read",
    targetType: "aid",
    targetId: row.id,
  });
  return answerOf(db, row);
}

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

// --- Decisions ----------------------------------------------------------------------------------------------

/**
 * Approves a proposal. Above the four-eyes threshold in force, a first approval is recorded and a second
 * budget controller commits; at or below it, the approval commits the reserved amount at once.
 */
export async function approveAid(
  context: ServiceContext,
  caller: Caller,
  target: AidTarget,
  input: Decision,
): Promise<AidView> {
  const actor = staffOf(caller);
  const reason = input.reason ?? null;
  return inMoneyTransaction(context, (tx) =>
    once(tx, actor.userId, target.retry, async () => {
      const mover = moverOf(context, caller);
      const { aid, envelope } = await lockAidAndEnvelope(tx, target.aidId);
      if (aid.status === "queued") {
        const left =
          envelope === undefined
            ? 0
            : available(await envelopeState(tx, envelope), aid.allocationCode ?? undefined);
        throw refused("ENVELOPE_EXHAUSTED", financeMessages.stillQueued, { left });
      }
      const next = transitionOrThrow(aid, "approve");
      const threshold = (await thresholdOn(tx, todayInParis(mover.now))).valueCents;
      const step = approvalStep({
        amountCents: aid.amountCents,
        thresholdCents: threshold,
        proposerUserId: aid.proposedByUserId,
        firstApproverUserId: aid.firstApprovedByUserId,
        actorUserId: mover.userId,
      });
      if (!step.ok) throw refused(step.code, step.message, { thresholdCents: threshold });
      if (step.step === "first_approval") {
        const updated = await updateAid(tx, aid.id, {
          firstApprovedByUserId: mover.userId,
          firstApprovedAt: mover.now,
          updatedAt: mover.now,
        });
        await recordStep(tx, aid, aid.status, mover, {
          event: "first_approval",
          action: "aid.first_approval",
          details: { amountCents: aid.amountCents, thresholdCents: threshold },
          decision: { reason },
        });
        return answerOf(tx, updated ?? aid, financeMessages.firstApprovalRecorded(threshold));
      }
      // The amount was reserved at proposal: approving moves it to committed, the core checks it was there.
      if (envelope === undefined) throw notFound("envelope");
      const moved = approveInEnvelope(
        await envelopeState(tx, envelope),
        aid.amountCents,
        aid.allocationCode ?? undefined,
      );
      if (!moved.ok) throw refused(moved.code, moved.message);
      const updated = await takeStep(tx, aid, next, mover, {
        event: "approved",
        action: "aid.approved",
        details: { amountCents: aid.amountCents, year: aid.year, firstApprover: aid.firstApprovedByUserId },
        decision: { reason },
      });
      await raiseEnvelopeAlerts(tx, envelope);
      return answerOf(tx, updated);
    }),
  );
}

// A withdrawal ends cancelled too; its event and audit entry say that the proposer took it back.
const RELEASE_RECORDS = {
  refuse: { event: "refused", action: "aid.refused" },
  cancel: { event: "cancelled", action: "aid.cancelled" },
  withdraw: { event: "withdrawn", action: "aid.withdrawn" },
} as const;

/** Closes an aid that held money (or waited for it), then offers what it held to the queue. */
async function releaseAid(
  context: ServiceContext,
  caller: Caller,
  aidId: string,
  command: keyof typeof RELEASE_RECORDS,
  reason: string,
): Promise<AidView> {
  const aid = await inMoneyTransaction(context, async (tx) => {
    const mover = moverOf(context, caller);
    const { aid, envelope } = await lockAidAndEnvelope(tx, aidId);
    const next = transitionOrThrow(aid, command);
    const updated = await takeStep(tx, aid, next, mover, {
      ...RELEASE_RECORDS[command],
      details: { amountCents: aid.amountCents, year: aid.year, from: aid.status },
      decision: { reason },
    });
    if (envelope !== undefined) await offerQueue(tx, envelope, mover, false);
    return updated;
  });
  return answerOf(context.db.drizzle, aid);
}

/** Refusal (by a budget controller) or cancellation: releases the amount, then offers the queue again. */
export async function closeAid(
  context: ServiceContext,
  caller: Caller,
  aidId: string,
  command: "refuse" | "cancel",
  input: ReasonRequired,
): Promise<AidView> {
  return releaseAid(context, caller, aidId, command, input.reason.trim());
}

/**
 * The proposer (or their agency's manager) takes back a proposal still waiting for a decision: it is
 * cancelled, keeps who, when and why, and what it reserved is offered to the queue. Another agency's aid is
 * not found; a colleague's proposal is visible but not theirs to withdraw.
 */
export async function withdrawAid(
  context: ServiceContext,
  caller: Caller,
  aidId: string,
  input: Withdrawal,
): Promise<AidView> {
  const actor = staffOf(caller);
  const found = await aidInScope(context, actor, aidId, "aids.read");
  if (
    !isInScope(actor, "aids.propose", {
      organisationId: found.organisationId,
      ownerUserId: found.proposedByUserId,
    })
  ) {
    const { title, detail } = financeMessages.notProposer;
    throw new DomainError("forbidden", "not_proposer", title, detail);
  }
  return releaseAid(context, caller, aidId, "withdraw", input.reason.trim());
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

// --- Payment and repayments ---------------------------------------------------------------------------------

/** Records the payment of an approved aid; a loan's first instalment falls one month later by default. */
export async function disburseAid(
  context: ServiceContext,
  caller: Caller,
  target: AidTarget,
  input: Disbursement,
): Promise<DisbursementView> {
  const actor = staffOf(caller);
  const iban = validIban(input.iban);
  if (iban === undefined) throw DomainError.invalidField("/iban", "iban", financeMessages.ibanInvalid);
  checkCalendarDate("/paidOn", input.paidOn);
  checkCalendarDate("/firstDueDate", input.firstDueDate);
  return inMoneyTransaction(context, (tx) =>
    once(tx, actor.userId, target.retry, async () => {
      const mover = moverOf(context, caller);
      const { aid } = await lockAidAndEnvelope(tx, target.aidId);
      const next = transitionOrThrow(aid, "disburse");
      const firstDueDate = aid.kind === "loan" ? (input.firstDueDate ?? dueDateAfter(input.paidOn, 1)) : null;
      const payment = await insertDisbursement(tx, {
        aidId: aid.id,
        amountCents: aid.amountCents,
        payeeKind: input.payeeKind,
        payeeIban: iban,
        paidOn: input.paidOn,
        firstDueDate,
        recordedByUserId: mover.userId,
      });
      // The IBAN is personal data: the trail keeps the fact and the payee's kind, not the account.
      const updated = await takeStep(tx, aid, next, mover, {
        event: "disbursed",
        action: "aid.disbursed",
        details: { amountCents: aid.amountCents, payeeKind: input.payeeKind, paidOn: input.paidOn },
      });
      return disbursementView(await answerOf(tx, updated), payment);
    }),
  );
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
