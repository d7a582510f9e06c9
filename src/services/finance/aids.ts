// The aid use cases up to payment: propose a loan or a grant on a case, approve it (four-eyes above the
// threshold), refuse, cancel or withdraw it, disburse it; read one aid, a case's or a year's aids. What
// follows the payment of a loan is in repayments.ts. Every step that moves money runs in the money lane's
// transaction (steps.ts says in which lock order); approval and disbursement honour an Idempotency-Key: a
// retried request gets the first answer and never pays twice.
import type {
  AidView,
  Decision,
  Disbursement,
  DisbursementView,
  Proposal,
  ReasonRequired,
  Withdrawal,
} from "../../contracts/finance.ts";
import { isAllowed, isInScope, scopeOf } from "../../core/access/index.ts";
import {
  AID_STATUSES,
  type AidStatus,
  aidEligibility,
  approvalStep,
  approve as approveInEnvelope,
  available,
  dueDateAfter,
  reserve,
  termsProblems,
} from "../../core/finance/index.ts";
import { directiveByReference } from "../../core/rules/index.ts";
import { todayInParis } from "../../core/time/index.ts";
import {
  caseForAid,
  insertAid,
  insertAidEvent,
  insertDisbursement,
  listAids as listAidRows,
  updateAid,
} from "../../db/finance/aids.ts";
import { raiseEnvelopeAlerts } from "../../db/finance/alerts.ts";
import { productInForce } from "../../db/finance/catalogue.ts";
import { envelopeState, lockEnvelope } from "../../db/finance/envelopes.ts";
import { staffNames } from "../../db/finance/staffNames.ts";
import { type Caller, staffOf } from "../caller.ts";
import { loadCaseInScope } from "../cases/access.ts";
import type { ServiceContext } from "../context.ts";
import { DomainError } from "../errors.ts";
import { inMoneyTransaction } from "../transactions.ts";
import { thresholdOn } from "./envelopes.ts";
import { checkCalendarDate, notFound, refused } from "./errors.ts";
import { validIban } from "./iban.ts";
import { once } from "./idempotency.ts";
import { financeMessages } from "./messages.fr.ts";
import {
  type AidTarget,
  aidInScope,
  allocationFor,
  answerOf,
  lockAidAndEnvelope,
  moverOf,
  offerQueue,
  recordFinanceAudit,
  recordStep,
  takeStep,
  transitionOrThrow,
} from "./steps.ts";
import { aidView, disbursementView, peopleOf } from "./views.ts";

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

// --- Payment ------------------------------------------------------------------------------------------------

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
