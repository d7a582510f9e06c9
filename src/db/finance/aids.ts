// Aids in the database: propose, approve (four-eyes), refuse, cancel, disburse, record repayments, and offer
// the queue again. Every function runs inside the caller's transaction and, when it moves money, first
// locks the year's envelope row (`lockEnvelope`), then the aid row: one lock order everywhere, so two
// requests never wait on each other in a cycle. Under that lock the totals are summed from the aids and the
// core's guard (`reserve`) decides; the write, the aid's event and the audit entry land in the same
// transaction. On PostgreSQL concurrent reservations on one year queue on that row lock; PGlite runs one
// transaction at a time anyway.
import { and, asc, eq, lte, sql } from "drizzle-orm";
import {
  type AidCommand,
  type AidStatus,
  aidEligibility,
  aidTransition,
  applyEarlyRepayment,
  approvalStep,
  approve as approveInEnvelope,
  arrearsOn,
  available,
  buildSchedule,
  DEFAULT_FOUR_EYES_THRESHOLD_CENTS,
  dueDateAfter,
  EARLY_REPAYMENT_MODE_OF,
  type EarlyRepaymentOption,
  FOUR_EYES_THRESHOLD_KEY,
  type PayeeKind,
  type RepaymentMode,
  reserve,
  type Schedule,
  termsProblems,
  totalPaid,
} from "../../core/finance/index.ts";
import { directiveByReference } from "../../core/rules/index.ts";
import { type AuditEventInput, recordAudit } from "../audit/append.ts";
import type { Drizzle } from "../database.ts";
import {
  aidDisbursements,
  aidEvents,
  aidRepayments,
  aids,
  cases,
  organisations,
  ruleParameterValues,
} from "../schema/index.ts";
import { raiseEnvelopeAlerts } from "./alerts.ts";
import { productInForce } from "./catalogue.ts";
import { allocationFor, type EnvelopeRow, envelopeState, lockEnvelope } from "./envelopes.ts";
import { FinanceConflictError, FinanceInputError, FinanceNotFoundError } from "./errors.ts";
import { FINANCE_MESSAGES } from "./messages.fr.ts";

export type AidRow = typeof aids.$inferSelect;

/** Who acts, from which request: for the aid's events and the audit trail. */
export interface FinanceActor {
  userId: string;
  role: string;
  organisationId: string | null;
  requestId: string;
  clientAddress: string;
}

/** An audit entry in the actor's name, in the transaction of the change (or read) it records. */
export async function recordFinanceAudit(
  tx: Drizzle,
  actor: FinanceActor,
  input: Pick<AuditEventInput, "action" | "targetType" | "targetId" | "details">,
): Promise<void> {
  await recordAudit(tx, {
    ...input,
    actorUserId: actor.userId,
    actorRole: actor.role,
    organisationId: actor.organisationId,
    requestId: actor.requestId,
    clientAddress: actor.clientAddress,
  });
}

async function recordEvent(
  tx: Drizzle,
  aid: AidRow,
  type: string,
  toStatus: AidStatus,
  actorUserId: string | null,
  reason: string | null = null,
): Promise<void> {
  await tx
    .insert(aidEvents)
    .values({ aidId: aid.id, type, fromStatus: aid.status, toStatus, actorUserId, reason });
}

/** The four-eyes threshold in force on `date`: the last dated value recorded, else 3 000 €. */
export async function fourEyesThreshold(tx: Drizzle, date: string): Promise<number> {
  return (await fourEyesThresholdInForce(tx, date)).valueCents;
}

/** The threshold in force on `date` and the first day of the value it comes from (null: the default). */
export async function fourEyesThresholdInForce(
  tx: Drizzle,
  date: string,
): Promise<{ valueCents: number; appliesFrom: string | null }> {
  const [row] = await tx
    .select({ value: ruleParameterValues.value, appliesFrom: ruleParameterValues.appliesFrom })
    .from(ruleParameterValues)
    .where(
      and(eq(ruleParameterValues.key, FOUR_EYES_THRESHOLD_KEY), lte(ruleParameterValues.appliesFrom, date)),
    )
    .orderBy(sql`${ruleParameterValues.appliesFrom} desc, ${ruleParameterValues.recordedAt} desc`)
    .limit(1);
  return row === undefined
    ? { valueCents: DEFAULT_FOUR_EYES_THRESHOLD_CENTS, appliesFrom: null }
    : { valueCents: row.value, appliesFrom: row.appliesFrom };
}

// --- Proposal -----------------------------------------------------------------------------------------------

export interface Proposal {
  caseId: string;
  productCode: string;
  amountCents: number;
  durationMonths?: number | undefined;
}

export interface ProposalResult {
  aid: AidRow;
  /** French explanation when the aid waits in the queue. */
  message: string | null;
}

/**
 * Proposes an aid on a case the actor may act on (`ownsCase` says whether the actor's scope covers it; a
 * case outside it is "not found"). Reserves the amount when the envelope holds it, queues it otherwise.
 */
export async function proposeAid(
  tx: Drizzle,
  proposal: Proposal,
  actor: FinanceActor,
  today: string,
  ownsCase: (resource: { organisationId: string; ownerUserId: string | null }) => boolean,
): Promise<ProposalResult> {
  const [found] = await tx
    .select({
      id: cases.id,
      organisationId: cases.organisationId,
      counsellorUserId: cases.counsellorUserId,
      status: cases.status,
      directive: cases.directive,
      region: organisations.region,
    })
    .from(cases)
    .innerJoin(organisations, eq(organisations.id, cases.organisationId))
    .where(eq(cases.id, proposal.caseId));
  if (
    found === undefined ||
    !ownsCase({ organisationId: found.organisationId, ownerUserId: found.counsellorUserId })
  ) {
    throw new FinanceNotFoundError("case");
  }
  const product = await productInForce(tx, proposal.productCode, today);
  if (product === undefined) {
    throw new FinanceInputError(
      "/productCode",
      "UNKNOWN_PRODUCT",
      FINANCE_MESSAGES.productUnknown(proposal.productCode),
    );
  }
  if (!product.active) {
    throw new FinanceInputError(
      "/productCode",
      "PRODUCT_WITHDRAWN",
      FINANCE_MESSAGES.productWithdrawn(product.code),
    );
  }
  const eligibility = aidEligibility({
    directive: directiveByReference(found.directive),
    caseStatus: found.status,
    productDirectives: product.directives,
  });
  if (!eligibility.ok) {
    throw new FinanceConflictError(
      eligibility.code,
      eligibility.message,
      eligibility.clause ? { clause: eligibility.clause } : {},
    );
  }
  const [problem] = termsProblems(product, proposal);
  if (problem !== undefined) throw new FinanceInputError(`/${problem.field}`, "TERMS", problem.message);

  const year = Number(today.slice(0, 4));
  const envelope = await lockEnvelope(tx, year);
  let status: AidStatus = "queued";
  let allocationCode: string | null = null;
  let message: string | null = FINANCE_MESSAGES.queuedNoEnvelope(year);
  if (envelope !== undefined) {
    allocationCode = allocationFor(envelope, { id: found.organisationId, region: found.region });
    const state = await envelopeState(tx, envelope);
    const reserved = reserve(state, proposal.amountCents, allocationCode ?? undefined);
    if (reserved.ok) {
      status = "proposed";
      message = null;
    } else if (reserved.code === "ENVELOPE_EXHAUSTED") {
      message = FINANCE_MESSAGES.queued(reserved.left ?? 0);
    } else {
      throw new FinanceConflictError(reserved.code, reserved.message);
    }
  }
  const [aid] = await tx
    .insert(aids)
    .values({
      caseId: found.id,
      organisationId: found.organisationId,
      year,
      allocationCode,
      productId: product.id,
      kind: product.kind,
      productName: product.name,
      rateBp: product.rateBp,
      durationMonths: product.kind === "loan" ? (proposal.durationMonths ?? product.maxDurationMonths) : null,
      deferralMonths: product.deferralMonths,
      amountCents: proposal.amountCents,
      status,
      proposedByUserId: actor.userId,
    })
    .returning();
  if (aid === undefined) throw new Error("insert returned no row");
  await tx
    .insert(aidEvents)
    .values({ aidId: aid.id, type: status, toStatus: status, actorUserId: actor.userId });
  // Same transaction, same envelope lock: the proposal that crosses a line raises its alert.
  if (status === "proposed" && envelope !== undefined) await raiseEnvelopeAlerts(tx, envelope);
  await recordFinanceAudit(tx, actor, {
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
}

// --- Decisions ----------------------------------------------------------------------------------------------

/** Locks the aid's year envelope, then the aid; refuses an unknown aid. */
async function lockAid(
  tx: Drizzle,
  aidId: string,
): Promise<{ aid: AidRow; envelope: EnvelopeRow | undefined }> {
  const [peek] = await tx.select({ year: aids.year }).from(aids).where(eq(aids.id, aidId));
  if (peek === undefined) throw new FinanceNotFoundError("aid");
  const envelope = await lockEnvelope(tx, peek.year);
  const [aid] = await tx.select().from(aids).where(eq(aids.id, aidId)).for("update");
  if (aid === undefined) throw new FinanceNotFoundError("aid");
  // Opening next year's envelope may have moved a queued aid meanwhile: lock that year instead.
  if (aid.year !== peek.year) return lockAid(tx, aidId);
  return { aid, envelope };
}

/** The aid alone, locked until the transaction ends (steps that do not touch the envelope). */
async function lockAidRow(tx: Drizzle, aidId: string): Promise<AidRow> {
  const [aid] = await tx.select().from(aids).where(eq(aids.id, aidId)).for("update");
  if (aid === undefined) throw new FinanceNotFoundError("aid");
  return aid;
}

/** Moves the aid to `next`; a decision (approval, refusal, cancellation, write-off) also keeps who and why. */
async function moveTo(
  tx: Drizzle,
  aid: AidRow,
  next: AidStatus,
  decision?: { actor: FinanceActor; reason: string | null },
): Promise<AidRow> {
  const [updated] = await tx
    .update(aids)
    .set({
      status: next,
      ...(decision === undefined
        ? {}
        : { decidedByUserId: decision.actor.userId, decidedAt: new Date(), decisionReason: decision.reason }),
      updatedAt: new Date(),
    })
    .where(eq(aids.id, aid.id))
    .returning();
  return updated ?? aid;
}

/** What a step leaves behind: the aid's event and, in the same transaction, its audit entry. */
interface AidStep {
  /** The aid event's type. */
  event: string;
  action: string;
  details: Record<string, unknown>;
  /** A decision (approval, refusal, cancellation, write-off) keeps who and why, on the aid and its event. */
  decision?: { reason: string | null };
}

async function recordStep(
  tx: Drizzle,
  aid: AidRow,
  toStatus: AidStatus,
  actor: FinanceActor,
  step: AidStep,
): Promise<void> {
  await recordEvent(tx, aid, step.event, toStatus, actor.userId, step.decision?.reason ?? null);
  await recordFinanceAudit(tx, actor, {
    action: step.action,
    targetType: "aid",
    targetId: aid.id,
    details: step.details,
  });
}

/** Moves the aid to `next` and records the step; answers the aid as it now is. */
async function takeStep(
  tx: Drizzle,
  aid: AidRow,
  next: AidStatus,
  actor: FinanceActor,
  step: AidStep,
): Promise<AidRow> {
  const updated = await moveTo(
    tx,
    aid,
    next,
    step.decision === undefined ? undefined : { actor, reason: step.decision.reason },
  );
  await recordStep(tx, aid, next, actor, step);
  return updated;
}

function transitionOrThrow(
  aid: AidRow,
  command: AidCommand,
  options: { fullyRepaid?: boolean; arrearsCleared?: boolean } = {},
): AidStatus {
  const next = aidTransition(aid.status, command, aid.kind, options);
  if (!next.ok) throw new FinanceConflictError(next.code, next.message, { aidStatus: aid.status });
  return next.status;
}

export interface ApprovalResult {
  aid: AidRow;
  step: "commit" | "first_approval";
  message: string | null;
}

export async function approveAid(
  tx: Drizzle,
  aidId: string,
  actor: FinanceActor,
  today: string,
  reason: string | null,
): Promise<ApprovalResult> {
  const { aid, envelope } = await lockAid(tx, aidId);
  if (aid.status === "queued") {
    const left =
      envelope === undefined
        ? 0
        : available(await envelopeState(tx, envelope), aid.allocationCode ?? undefined);
    throw new FinanceConflictError("ENVELOPE_EXHAUSTED", FINANCE_MESSAGES.stillQueued, { left });
  }
  const next = transitionOrThrow(aid, "approve");
  const threshold = await fourEyesThreshold(tx, today);
  const step = approvalStep({
    amountCents: aid.amountCents,
    thresholdCents: threshold,
    proposerUserId: aid.proposedByUserId,
    firstApproverUserId: aid.firstApprovedByUserId,
    actorUserId: actor.userId,
  });
  if (!step.ok) throw new FinanceConflictError(step.code, step.message, { thresholdCents: threshold });
  if (step.step === "first_approval") {
    const [updated] = await tx
      .update(aids)
      .set({ firstApprovedByUserId: actor.userId, firstApprovedAt: new Date(), updatedAt: new Date() })
      .where(eq(aids.id, aid.id))
      .returning();
    await recordStep(tx, aid, aid.status, actor, {
      event: "first_approval",
      action: "aid.first_approval",
      details: { amountCents: aid.amountCents, thresholdCents: threshold },
      decision: { reason },
    });
    return {
      aid: updated ?? aid,
      step: "first_approval",
      message: FINANCE_MESSAGES.firstApprovalRecorded(threshold),
    };
  }
  // The amount was reserved at proposal: approving moves it to committed, the core checks it was there.
  if (envelope === undefined) throw new FinanceNotFoundError("envelope");
  const moved = approveInEnvelope(
    await envelopeState(tx, envelope),
    aid.amountCents,
    aid.allocationCode ?? undefined,
  );
  if (!moved.ok) throw new FinanceConflictError(moved.code, moved.message);
  const updated = await takeStep(tx, aid, next, actor, {
    event: "approved",
    action: "aid.approved",
    details: { amountCents: aid.amountCents, year: aid.year, firstApprover: aid.firstApprovedByUserId },
    decision: { reason },
  });
  await raiseEnvelopeAlerts(tx, envelope);
  return { aid: updated, step: "commit", message: null };
}

/** Refusal (by a budget controller) or cancellation: releases the amount, then offers the queue again. */
export async function closeAid(
  tx: Drizzle,
  aidId: string,
  command: "refuse" | "cancel",
  actor: FinanceActor,
  reason: string,
): Promise<{ aid: AidRow; offered: AidRow[] }> {
  return releaseAid(tx, aidId, command, actor, reason);
}

/**
 * The proposer (or their agency's manager, which the caller checks) takes back a proposal still waiting
 * for a decision: it is cancelled, keeps who, when and why, and what it reserved is offered to the queue.
 */
export async function withdrawAid(
  tx: Drizzle,
  aidId: string,
  actor: FinanceActor,
  reason: string,
): Promise<{ aid: AidRow; offered: AidRow[] }> {
  return releaseAid(tx, aidId, "withdraw", actor, reason);
}

// A withdrawal ends cancelled too; its event and audit entry say that the proposer took it back.
const RELEASE_RECORDS = {
  refuse: { event: "refused", action: "aid.refused" },
  cancel: { event: "cancelled", action: "aid.cancelled" },
  withdraw: { event: "withdrawn", action: "aid.withdrawn" },
} as const;

/** Closes an aid that held money (or waited for it), then offers what it held to the queue. */
async function releaseAid(
  tx: Drizzle,
  aidId: string,
  command: keyof typeof RELEASE_RECORDS,
  actor: FinanceActor,
  reason: string,
): Promise<{ aid: AidRow; offered: AidRow[] }> {
  const { aid, envelope } = await lockAid(tx, aidId);
  const next = transitionOrThrow(aid, command);
  const updated = await takeStep(tx, aid, next, actor, {
    ...RELEASE_RECORDS[command],
    details: { amountCents: aid.amountCents, year: aid.year, from: aid.status },
    decision: { reason },
  });
  const offered = envelope === undefined ? [] : await offerQueue(tx, envelope, actor, false);
  return { aid: updated, offered };
}

/**
 * Offers the queued aids of the envelope's year (and, when `includeEarlierYears`, those still waiting from
 * earlier years, which move to this year) in request order: each one that fits is reserved and goes back
 * to proposed; one that does not fit waits and does not block smaller ones behind it. Runs under the
 * envelope's lock, taken by the caller.
 */
export async function offerQueue(
  tx: Drizzle,
  envelope: EnvelopeRow,
  actor: FinanceActor,
  includeEarlierYears: boolean,
): Promise<AidRow[]> {
  const yearFilter = includeEarlierYears ? lte(aids.year, envelope.year) : eq(aids.year, envelope.year);
  const waiting = await tx
    .select({ aid: aids, region: organisations.region })
    .from(aids)
    .innerJoin(organisations, eq(organisations.id, aids.organisationId))
    .where(and(eq(aids.status, "queued"), yearFilter))
    .orderBy(asc(aids.requestedAt), asc(aids.id))
    .for("update", { of: aids });
  let state = await envelopeState(tx, envelope);
  const offered: AidRow[] = [];
  for (const { aid, region } of waiting) {
    const allocationCode = allocationFor(envelope, { id: aid.organisationId, region });
    const reserved = reserve(state, aid.amountCents, allocationCode ?? undefined);
    if (!reserved.ok) {
      if (aid.year !== envelope.year) {
        await tx
          .update(aids)
          .set({ year: envelope.year, allocationCode, updatedAt: new Date() })
          .where(eq(aids.id, aid.id));
      }
      continue;
    }
    state = reserved.state;
    const next = transitionOrThrow(aid, "offer");
    const [updated] = await tx
      .update(aids)
      .set({ status: next, year: envelope.year, allocationCode, updatedAt: new Date() })
      .where(eq(aids.id, aid.id))
      .returning();
    await recordStep(tx, aid, next, actor, {
      event: "offered",
      action: "aid.offered",
      details: { amountCents: aid.amountCents, year: envelope.year },
    });
    if (updated !== undefined) offered.push(updated);
  }
  if (offered.length > 0) await raiseEnvelopeAlerts(tx, envelope);
  return offered;
}

// --- Payment and repayments ---------------------------------------------------------------------------------

export interface Disbursement {
  payeeKind: PayeeKind;
  /** Electronic format, already validated. */
  iban: string;
  paidOn: string;
  /** Loans: first instalment; defaults to one month after payment. */
  firstDueDate?: string | undefined;
}

export type DisbursementRow = typeof aidDisbursements.$inferSelect;

export async function disburseAid(
  tx: Drizzle,
  aidId: string,
  payment: Disbursement,
  actor: FinanceActor,
): Promise<{ aid: AidRow; disbursement: DisbursementRow }> {
  const { aid } = await lockAid(tx, aidId);
  const next = transitionOrThrow(aid, "disburse");
  const firstDueDate = aid.kind === "loan" ? (payment.firstDueDate ?? dueDateAfter(payment.paidOn, 1)) : null;
  const [disbursement] = await tx
    .insert(aidDisbursements)
    .values({
      aidId: aid.id,
      amountCents: aid.amountCents,
      payeeKind: payment.payeeKind,
      payeeIban: payment.iban,
      paidOn: payment.paidOn,
      firstDueDate,
      recordedByUserId: actor.userId,
    })
    .returning();
  if (disbursement === undefined) throw new Error("insert returned no row");
  // The IBAN is personal data: the trail keeps the fact and the payee's kind, not the account.
  const updated = await takeStep(tx, aid, next, actor, {
    event: "disbursed",
    action: "aid.disbursed",
    details: { amountCents: aid.amountCents, payeeKind: payment.payeeKind, paidOn: payment.paidOn },
  });
  return { aid: updated, disbursement };
}

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

/** The loan's schedule (from the copied product terms, then each early repayment) and its repayments. */
export async function loanPosition(tx: Drizzle, aid: AidRow): Promise<LoanPosition> {
  if (aid.kind !== "loan") throw new FinanceConflictError("NOT_A_LOAN", FINANCE_MESSAGES.notALoan);
  const [payment] = await tx.select().from(aidDisbursements).where(eq(aidDisbursements.aidId, aid.id));
  if (payment === undefined || payment.firstDueDate === null) {
    throw new FinanceConflictError("NOT_DISBURSED", FINANCE_MESSAGES.notDisbursed);
  }
  const built = buildSchedule({
    principal: aid.amountCents,
    annualRateBp: aid.rateBp,
    instalments: aid.durationMonths ?? 1,
    deferralMonths: aid.deferralMonths,
    firstDueDate: payment.firstDueDate,
  });
  if (!built.ok) throw new FinanceConflictError(built.code, built.message);
  const repayments = await tx
    .select({
      amountCents: aidRepayments.amountCents,
      receivedOn: aidRepayments.receivedOn,
      mode: aidRepayments.mode,
      earlyOption: aidRepayments.earlyOption,
    })
    .from(aidRepayments)
    .where(eq(aidRepayments.aidId, aid.id))
    .orderBy(asc(aidRepayments.receivedOn), asc(aidRepayments.recordedAt));
  let schedule = built.schedule;
  for (const repayment of repayments) {
    if (repayment.mode !== "early") continue;
    schedule = recomputed(schedule, repayment);
  }
  const received = repayments.reduce((total, repayment) => total + repayment.amountCents, 0);
  return { schedule, repayments, outstandingCents: totalPaid(schedule) - received };
}

/** The schedule after an early repayment, through the core; its refusal becomes a 409. */
function recomputed(
  schedule: Schedule,
  repayment: { amountCents: number; receivedOn: string; earlyOption: EarlyRepaymentOption | null },
): Schedule {
  const applied = applyEarlyRepayment(schedule, {
    date: repayment.receivedOn,
    amount: repayment.amountCents,
    mode: EARLY_REPAYMENT_MODE_OF[repayment.earlyOption ?? "shorten"],
  });
  if (!applied.ok) throw new FinanceConflictError(applied.code, applied.message);
  return applied.schedule;
}

export async function recordRepayment(
  tx: Drizzle,
  aidId: string,
  repayment: { amountCents: number; receivedOn: string },
  actor: FinanceActor,
): Promise<{ aid: AidRow; position: LoanPosition }> {
  const aid = await lockAidRow(tx, aidId);
  transitionOrThrow(aid, "repay");
  const before = await loanPosition(tx, aid);
  if (repayment.amountCents > before.outstandingCents) {
    throw new FinanceConflictError(
      "REPAYMENT_TOO_LARGE",
      FINANCE_MESSAGES.repaymentTooLarge(before.outstandingCents),
    );
  }
  await tx
    .insert(aidRepayments)
    .values({ aidId: aid.id, ...repayment, mode: "instalment", recordedByUserId: actor.userId });
  const fullyRepaid = repayment.amountCents === before.outstandingCents;
  const received = [
    ...instalmentPayments(before),
    { date: repayment.receivedOn, amount: repayment.amountCents },
  ];
  const arrearsCleared = arrearsOn(before.schedule, received, repayment.receivedOn).arrears === 0;
  const next = transitionOrThrow(aid, "repay", { fullyRepaid, arrearsCleared });
  const updated = await takeStep(tx, aid, next, actor, {
    event: "repayment",
    action: "aid.repayment_recorded",
    details: { amountCents: repayment.amountCents, receivedOn: repayment.receivedOn },
  });
  return { aid: updated, position: await loanPosition(tx, updated) };
}

export interface EarlyRepaymentInput {
  amountCents: number;
  receivedOn: string;
  option: EarlyRepaymentOption;
}

/**
 * Records an early repayment (remboursement anticipé) on a loan being repaid or in arrears: the core
 * recomputes the schedule from that day (`applyEarlyRepayment`: a shorter loan or a lower instalment), the
 * repayment is kept with mode `early` and its option, and a loan with nothing left to pay is repaid.
 */
export async function recordEarlyRepayment(
  tx: Drizzle,
  aidId: string,
  input: EarlyRepaymentInput,
  actor: FinanceActor,
): Promise<{ aid: AidRow; position: LoanPosition }> {
  const aid = await lockAidRow(tx, aidId);
  if (aid.kind !== "loan") throw new FinanceConflictError("NOT_A_LOAN", FINANCE_MESSAGES.notALoan);
  transitionOrThrow(aid, "repay");
  const before = await loanPosition(tx, aid);
  // Refused here (amount above the principal still owed, date before an earlier early repayment) before
  // anything is written.
  recomputed(before.schedule, { ...input, earlyOption: input.option });
  await tx.insert(aidRepayments).values({
    aidId: aid.id,
    amountCents: input.amountCents,
    receivedOn: input.receivedOn,
    mode: "early",
    earlyOption: input.option,
    recordedByUserId: actor.userId,
  });
  const after = await loanPosition(tx, aid);
  const arrearsCleared = arrearsOn(after.schedule, instalmentPayments(after), input.receivedOn).arrears === 0;
  const next = transitionOrThrow(aid, "repay", { fullyRepaid: after.outstandingCents <= 0, arrearsCleared });
  const updated = await takeStep(tx, aid, next, actor, {
    event: "early_repayment",
    action: "aid.early_repayment_recorded",
    details: { amountCents: input.amountCents, receivedOn: input.receivedOn, option: input.option },
  });
  return { aid: updated, position: after };
}

/** Flags a loan in arrears when an instalment due before `asOf` is not covered by the repayments. */
export async function flagArrears(
  tx: Drizzle,
  aidId: string,
  asOf: string,
  actor: FinanceActor,
): Promise<AidRow> {
  const aid = await lockAidRow(tx, aidId);
  const next = transitionOrThrow(aid, "flag_arrears");
  const position = await loanPosition(tx, aid);
  const report = arrearsOn(position.schedule, instalmentPayments(position), asOf);
  if (report.arrears === 0) throw new FinanceConflictError("NO_ARREARS", FINANCE_MESSAGES.noArrears(asOf));
  return takeStep(tx, aid, next, actor, {
    event: "arrears_flagged",
    action: "aid.arrears_flagged",
    details: { asOf, arrearsCents: report.arrears, overdue: report.overdue.length },
  });
}

/** Writes off a loan in arrears: it stays committed and disbursed; nothing more is expected. */
export async function writeOff(
  tx: Drizzle,
  aidId: string,
  reason: string,
  actor: FinanceActor,
): Promise<AidRow> {
  const aid = await lockAidRow(tx, aidId);
  const next = transitionOrThrow(aid, "write_off");
  return takeStep(tx, aid, next, actor, {
    event: "written_off",
    action: "aid.written_off",
    details: { amountCents: aid.amountCents },
    decision: { reason },
  });
}
