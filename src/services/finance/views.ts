// The finance records as the API shows them (src/contracts/finance.ts). The use cases answer these views
// rather than rows: an answer under an Idempotency-Key is stored as given and given again to a retry, and
// the names it shows are read in the transaction of the change.
import type {
  AidView,
  AlertView,
  DisbursementView,
  EnvelopeView,
  ProductView,
  ScheduleView,
  StaffMember,
} from "../../contracts/finance.ts";
import {
  ALERT_LABELS,
  alertLevel,
  alertMessage,
  arrearsOn,
  available,
  type EnvelopeState,
  totalPaid,
} from "../../core/finance/index.ts";
import type { AidRow, DisbursementRow } from "../../db/finance/aids.ts";
import type { AlertRecord } from "../../db/finance/alerts.ts";
import type { ProductRow } from "../../db/finance/catalogue.ts";
import type { EnvelopeRow } from "../../db/finance/envelopes.ts";
import { maskIban } from "./iban.ts";
import { instalmentPayments, type LoanPosition } from "./loans.ts";

/** Display names by user id, as `staffNames` reads them. */
export type StaffNames = ReadonlyMap<string, string>;

/** `{ id, displayName }` of a user id, or null when there is no id (an empty name if the account is gone). */
export function staffMember(names: StaffNames, id: string | null): StaffMember | null {
  return id === null ? null : { id, displayName: names.get(id) ?? "" };
}

/** Who an aid names: who proposed it, who approved it first, who decided. */
export const peopleOf = (row: AidRow) => [
  row.proposedByUserId,
  row.firstApprovedByUserId,
  row.decidedByUserId,
];

export function aidView(row: AidRow, names: StaffNames, message: string | null = null): AidView {
  return {
    id: row.id,
    caseId: row.caseId,
    organisationId: row.organisationId,
    year: row.year,
    allocationCode: row.allocationCode,
    productId: row.productId,
    kind: row.kind,
    productName: row.productName,
    rateBp: row.rateBp,
    durationMonths: row.durationMonths,
    deferralMonths: row.deferralMonths,
    amountCents: row.amountCents,
    status: row.status,
    requestedAt: row.requestedAt.toISOString(),
    proposedByUserId: row.proposedByUserId,
    proposedBy: { id: row.proposedByUserId, displayName: names.get(row.proposedByUserId) ?? "" },
    firstApprovedByUserId: row.firstApprovedByUserId,
    firstApprovedBy: staffMember(names, row.firstApprovedByUserId),
    decidedByUserId: row.decidedByUserId,
    decidedBy: staffMember(names, row.decidedByUserId),
    decidedAt: row.decidedAt?.toISOString() ?? null,
    decisionReason: row.decisionReason,
    message,
  };
}

/** The payment of an aid; the IBAN masked, as personal data. */
export function disbursementView(aid: AidView, payment: DisbursementRow): DisbursementView {
  return {
    aid,
    disbursement: {
      id: payment.id,
      amountCents: payment.amountCents,
      payeeKind: payment.payeeKind,
      payeeIban: maskIban(payment.payeeIban),
      paidOn: payment.paidOn,
      firstDueDate: payment.firstDueDate,
    },
  };
}

/** A loan's schedule as read on `asOf`: rows, what was received, what is outstanding, what is overdue. */
export function scheduleView(aid: AidRow, position: LoanPosition, asOf: string): ScheduleView {
  const arrears = arrearsOn(position.schedule, instalmentPayments(position), asOf);
  const received = position.repayments
    .filter((repayment) => repayment.receivedOn <= asOf)
    .reduce((total, repayment) => total + repayment.amountCents, 0);
  return {
    aidId: aid.id,
    asOf,
    rows: position.schedule.rows.map((row) => ({
      number: row.number,
      dueDate: row.dueDate,
      instalmentCents: row.instalment,
      interestCents: row.interest,
      principalCents: row.principal,
      remainingCents: row.remaining,
    })),
    totalCents: totalPaid(position.schedule),
    receivedCents: received,
    outstandingCents: position.outstandingCents,
    arrearsCents: arrears.arrears,
    overdue: arrears.overdue.map((item) => ({
      number: item.number,
      dueDate: item.dueDate,
      outstandingCents: item.outstanding,
      daysLate: item.daysLate,
    })),
  };
}

/** A product version, naming who recorded it (`names` null: nobody named). */
export function productView(row: ProductRow, names: StaffNames | null): ProductView {
  return {
    id: row.id,
    code: row.code,
    version: row.version,
    kind: row.kind,
    name: row.name,
    maxAmountCents: row.maxAmountCents,
    rateBp: row.rateBp,
    maxDurationMonths: row.maxDurationMonths,
    deferralMonths: row.deferralMonths,
    directives: row.directives,
    active: row.active,
    appliesFrom: row.appliesFrom,
    recordedAt: row.recordedAt.toISOString(),
    recordedBy: names === null ? null : staffMember(names, row.recordedByUserId),
    reason: row.reason,
  };
}

/** The envelope as a budget controller reads it: every total, nationally and per allocation. */
export function envelopeView(
  envelope: EnvelopeRow,
  state: EnvelopeState,
  queued: { count: number; cents: number },
): EnvelopeView {
  const used = state.national.reserved + state.national.committed;
  const level = alertLevel(envelope.nationalCents, used);
  return {
    year: envelope.year,
    nationalCents: envelope.nationalCents,
    reservedCents: state.national.reserved,
    committedCents: state.national.committed,
    disbursedCents: state.national.disbursed,
    availableCents: available(state),
    queuedCount: queued.count,
    queuedCents: queued.cents,
    level,
    label: ALERT_LABELS[level],
    allocations: envelope.allocations.map((allocation) => {
      const amounts = state.byAllocation[allocation.code] ?? { reserved: 0, committed: 0, disbursed: 0 };
      return {
        ...allocation,
        reservedCents: amounts.reserved,
        committedCents: amounts.committed,
        disbursedCents: amounts.disbursed,
        availableCents: available(state, allocation.code),
      };
    }),
  };
}

export function alertView({ alert, acknowledgedByName }: AlertRecord): AlertView {
  return {
    id: alert.id,
    year: alert.year,
    level: alert.level,
    scope: alert.scope,
    scopeCode: alert.scopeCode,
    scopeLabel: alert.scopeLabel,
    message: alertMessage(alert.year, alert.level, { kind: alert.scope, label: alert.scopeLabel }),
    raisedAt: alert.raisedAt.toISOString(),
    usedCents: alert.usedCents,
    limitCents: alert.limitCents,
    acknowledgedAt: alert.acknowledgedAt?.toISOString() ?? null,
    acknowledgedBy:
      alert.acknowledgedByUserId === null
        ? null
        : { id: alert.acknowledgedByUserId, displayName: acknowledgedByName ?? "" },
  };
}
