// One demo aid and what its lifecycle wrote: the proposal (or the queue), the first and final approvals or
// the refusal, the payment, a loan's repayments with an early one when planned, arrears and write-off; and
// the alerts an envelope's totals call for. Every amount follows from the core's schedule, so the aids add
// up like any other.
import { randomUUID } from "node:crypto";
import {
  type AidStatus,
  alertToRaise,
  applyEarlyRepayment,
  arrearsOn,
  buildSchedule,
  COMMITTING_STATUSES,
  DEFAULT_FOUR_EYES_THRESHOLD_CENTS,
  dueDateAfter,
  EARLY_REPAYMENT_MODE_OF,
  type EarlyRepaymentOption,
  RESERVING_STATUSES,
  type Schedule,
  totalPaid,
} from "../core/finance/index.ts";
import { epochDay } from "../core/time/index.ts";
import type {
  AidCandidate,
  AidHistory,
  DemoAidRow,
  DemoAlertRow,
  DemoAllocationRow,
  DemoProduct,
} from "../db/demo/finance.ts";
import { at, dayOf } from "./calendar.ts";

/** A valid French IBAN of a test account (ISO 13616 key), the same for every demo payee. */
const DEMO_IBAN = "FR7630006000011234567890189";

const REASONS = {
  refused: "Dette déjà couverte par le FSL : aucune aide de l'enveloppe n'est nécessaire.",
  cancelled: "La personne a trouvé une autre solution avec son bailleur.",
  writtenOff: "Irrécouvrable après trois relances et un plan amiable refusé.",
} as const;

export interface PlannedAid {
  product: string;
  euros: number;
  /** What the aid has been through; a loan's final status follows from its repayments. */
  status: AidStatus;
  /** When it was proposed, as a share of the days elapsed since 1 January. */
  at: number;
  durationMonths?: number;
  early?: { share: "all" | number; option: EarlyRepaymentOption };
}

export interface AidInput {
  plan: PlannedAid;
  product: DemoProduct;
  caseRow: AidCandidate;
  year: number;
  allocationCode: string | null;
  proposedOn: string;
  approvedOn: string;
  paidOn: string;
  today: string;
  controllerId: string;
}

/** The rows are dated at noon in Paris: a moment that stays on its calendar day. */
const noon = (day: string) => at(day, 12);

/** One aid with its events, payment and repayments, as the lifecycle would have written them. */
export function buildAid(input: AidInput): AidHistory {
  const { plan, product, caseRow, controllerId } = input;
  const id = randomUUID();
  const amountCents = Math.round(plan.euros * 100);
  const kind = product.kind;
  const proposer = caseRow.counsellorUserId ?? controllerId;
  const history: Omit<AidHistory, "aid"> = { events: [], disbursements: [], repayments: [] };
  const event = (
    type: string,
    from: AidStatus | null,
    to: AidStatus,
    on: string,
    actor: string,
    reason?: string,
  ) =>
    history.events.push({
      aidId: id,
      type,
      fromStatus: from,
      toStatus: to,
      actorUserId: actor,
      occurredAt: noon(on),
      reason: reason ?? null,
    });
  const committed = !["queued", "proposed", "cancelled", "refused"].includes(plan.status);
  const paid = committed && plan.status !== "approved";
  let status: AidStatus = plan.status;
  const firstStatus: AidStatus = plan.status === "queued" ? "queued" : "proposed";
  event(firstStatus, null, firstStatus, input.proposedOn, proposer);
  let decision: { by: string; on: string; reason: string | null } | null = null;
  let firstApprovedByUserId: string | null = null;
  if (plan.status === "proposed" && amountCents > DEFAULT_FOUR_EYES_THRESHOLD_CENTS) {
    firstApprovedByUserId = controllerId;
    event("first_approval", "proposed", "proposed", input.approvedOn, controllerId);
  }
  if (plan.status === "refused" || plan.status === "cancelled") {
    const reason = REASONS[plan.status];
    decision = { by: controllerId, on: input.approvedOn, reason };
    event(plan.status, "proposed", plan.status, input.approvedOn, controllerId, reason);
  }
  if (committed) {
    decision = { by: controllerId, on: input.approvedOn, reason: null };
    event("approved", "proposed", "approved", input.approvedOn, controllerId);
  }
  if (paid) {
    const firstDueDate = kind === "loan" ? dueDateAfter(input.paidOn, 1) : null;
    history.disbursements.push({
      aidId: id,
      amountCents,
      payeeKind: kind === "loan" ? "person" : "landlord",
      payeeIban: DEMO_IBAN,
      paidOn: input.paidOn,
      firstDueDate,
      recordedByUserId: controllerId,
      recordedAt: noon(input.paidOn),
    });
    const afterPayment: AidStatus = kind === "loan" ? "repaying" : "disbursed";
    event("disbursed", "approved", afterPayment, input.paidOn, controllerId);
    status = afterPayment;
    if (kind === "loan" && firstDueDate !== null) {
      const loan = loanHistory(history, id, input, amountCents, firstDueDate);
      status = loan.status;
      if (status === "written_off") {
        decision = { by: controllerId, on: loan.lastDay, reason: REASONS.writtenOff };
      }
    }
  }
  const aid: DemoAidRow = {
    id,
    caseId: caseRow.id,
    organisationId: caseRow.organisationId,
    year: input.year,
    allocationCode: input.allocationCode,
    productId: product.id,
    kind,
    productName: product.name,
    rateBp: product.rateBp,
    durationMonths: kind === "loan" ? (plan.durationMonths ?? product.maxDurationMonths) : null,
    deferralMonths: product.deferralMonths,
    amountCents,
    status,
    requestedAt: noon(input.proposedOn),
    proposedByUserId: proposer,
    firstApprovedByUserId,
    firstApprovedAt: firstApprovedByUserId === null ? null : noon(input.approvedOn),
    decidedByUserId: decision?.by ?? null,
    decidedAt: decision === null ? null : noon(decision.on),
    decisionReason: decision?.reason ?? null,
    updatedAt: noon(input.today),
  };
  return { aid, ...history };
}

/**
 * A paid loan's repayments up to today: every instalment due is received on its due date, except the last
 * two due for a loan in arrears (and all but the first for one written off); an early repayment, when
 * planned, comes halfway between payment and today. Its status follows from what was received.
 */
function loanHistory(
  history: Omit<AidHistory, "aid">,
  aidId: string,
  input: AidInput,
  amountCents: number,
  firstDueDate: string,
): { status: AidStatus; lastDay: string } {
  const { plan, product, today, controllerId } = input;
  const built = buildSchedule({
    principal: amountCents,
    annualRateBp: product.rateBp,
    instalments: plan.durationMonths ?? product.maxDurationMonths ?? 12,
    deferralMonths: product.deferralMonths,
    firstDueDate,
  });
  if (!built.ok) throw new Error(built.message);
  let schedule: Schedule = built.schedule;
  const early = plan.early;
  const earlyOn = dayOf(Math.floor((epochDay(input.paidOn) + epochDay(today)) / 2));
  let earlyAmount = 0;
  if (early !== undefined) {
    const balance = schedule.rows.filter((row) => row.dueDate <= earlyOn).at(-1)?.remaining ?? amountCents;
    earlyAmount = early.share === "all" ? balance : Math.min(balance, early.share * 100);
    const applied = applyEarlyRepayment(schedule, {
      date: earlyOn,
      amount: earlyAmount,
      mode: EARLY_REPAYMENT_MODE_OF[early.option],
    });
    if (applied.ok) schedule = applied.schedule;
    else earlyAmount = 0;
  }
  const due = schedule.rows.filter((row) => row.dueDate <= today);
  const unpaid = plan.status === "in_arrears" ? 2 : plan.status === "written_off" ? due.length - 1 : 0;
  const paidRows = due.slice(0, Math.max(0, due.length - unpaid));
  const received: { date: string; amount: number }[] = [];
  let state: AidStatus = "repaying";
  const repay = (on: string, cents: number, mode: "instalment" | "early") => {
    history.repayments.push({
      aidId,
      amountCents: cents,
      receivedOn: on,
      mode,
      earlyOption: mode === "early" ? (early?.option ?? null) : null,
      recordedByUserId: controllerId,
      recordedAt: noon(on),
    });
    if (mode === "instalment") received.push({ date: on, amount: cents });
  };
  const repayments = [
    ...paidRows.map((row) => ({ on: row.dueDate, cents: row.instalment, mode: "instalment" as const })),
    ...(earlyAmount > 0 ? [{ on: earlyOn, cents: earlyAmount, mode: "early" as const }] : []),
  ].sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
  let receivedTotal = 0;
  for (const item of repayments) {
    repay(item.on, item.cents, item.mode);
    receivedTotal += item.cents;
    const next: AidStatus = receivedTotal >= totalPaid(schedule) ? "repaid" : state;
    history.events.push({
      aidId,
      type: item.mode === "early" ? "early_repayment" : "repayment",
      fromStatus: state,
      toStatus: next,
      actorUserId: controllerId,
      occurredAt: noon(item.on),
      reason: null,
    });
    state = next;
  }
  let lastDay = repayments.at(-1)?.on ?? input.paidOn;
  const overdue = arrearsOn(schedule, received, today);
  if (state === "repaying" && unpaid > 0 && overdue.arrears > 0) {
    const flaggedOn = dayOf(epochDay(overdue.overdue.at(-1)?.dueDate ?? today) + 1);
    history.events.push({
      aidId,
      type: "arrears_flagged",
      fromStatus: "repaying",
      toStatus: "in_arrears",
      actorUserId: controllerId,
      occurredAt: noon(flaggedOn),
      reason: null,
    });
    state = "in_arrears";
    lastDay = flaggedOn;
    if (plan.status === "written_off") {
      history.events.push({
        aidId,
        type: "written_off",
        fromStatus: "in_arrears",
        toStatus: "written_off",
        actorUserId: controllerId,
        occurredAt: noon(flaggedOn),
        reason: REASONS.writtenOff,
      });
      state = "written_off";
    }
  }
  return { status: state, lastDay };
}

/**
 * The alerts a newly opened envelope's totals call for, as the proposals and approvals would have raised
 * them (none of its year exists yet): the national pot's, then each allocation's in code order.
 */
export function envelopeAlerts(
  envelope: {
    year: number;
    nationalCents: number;
    allocations: readonly Pick<DemoAllocationRow, "code" | "label" | "amountCents">[];
  },
  aids: readonly DemoAidRow[],
): DemoAlertRow[] {
  const weighing = aids.filter(
    (aid) =>
      aid.year === envelope.year &&
      (RESERVING_STATUSES.includes(aid.status) || COMMITTING_STATUSES.includes(aid.status)),
  );
  const used = (code: string | null) =>
    weighing
      .filter((aid) => code === null || aid.allocationCode === code)
      .reduce((sum, aid) => sum + aid.amountCents, 0);
  const pots = [
    { scope: "national" as const, scopeCode: null, scopeLabel: null, limitCents: envelope.nationalCents },
    ...[...envelope.allocations]
      .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
      .map((allocation) => ({
        scope: "allocation" as const,
        scopeCode: allocation.code,
        scopeLabel: allocation.label,
        limitCents: allocation.amountCents,
      })),
  ];
  return pots.flatMap((pot) => {
    const usedCents = used(pot.scopeCode);
    const level = alertToRaise(pot.limitCents, usedCents, []);
    return level === undefined ? [] : [{ year: envelope.year, level, ...pot, usedCents }];
  });
}
