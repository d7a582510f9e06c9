// The lifecycle of one aid (a loan or a grant from the annual envelope) and the checks that do not need the
// database: which cases may receive one, whether an amount fits the catalogue product, four-eyes approval.
// The envelope arithmetic lives in envelope.ts; the database applies both in the transaction that writes.
import { AID_MESSAGES } from "./messages.fr.ts";
import { type Cents, isCents } from "./money.ts";
import type { EarlyRepaymentMode } from "./schedule.ts";

export const AID_KINDS = ["loan", "grant"] as const;
export type AidKind = (typeof AID_KINDS)[number];

/**
 * - `queued`: the envelope could not hold it on the request date; waits, in request order, for money to be
 *   released or for the next year's envelope (then back to `proposed`);
 * - `proposed`: reserves its amount; `approved`: committed; `disbursed`: a grant paid; `repaying`: a loan
 *   paid, being repaid; `repaid`, `in_arrears`, `written_off`; `cancelled` and `refused` release.
 */
export const AID_STATUSES = [
  "queued",
  "proposed",
  "approved",
  "disbursed",
  "repaying",
  "repaid",
  "in_arrears",
  "written_off",
  "cancelled",
  "refused",
] as const;
export type AidStatus = (typeof AID_STATUSES)[number];

export const PAYEE_KINDS = ["person", "landlord", "creditor"] as const;
export type PayeeKind = (typeof PAYEE_KINDS)[number];

/** How a repayment was received: an ordinary one pays the instalments oldest first, an early one
 *  reduces the principal and recomputes the schedule (`applyEarlyRepayment`). */
export const REPAYMENT_MODES = ["instalment", "early"] as const;
export type RepaymentMode = (typeof REPAYMENT_MODES)[number];

/** What the borrower chooses for an early repayment: a shorter loan or a lower instalment. */
export const EARLY_REPAYMENT_OPTIONS = ["shorten", "lower_instalment"] as const;
export type EarlyRepaymentOption = (typeof EARLY_REPAYMENT_OPTIONS)[number];

/** The schedule's recomputation for each option (`applyEarlyRepayment`). */
export const EARLY_REPAYMENT_MODE_OF: Record<EarlyRepaymentOption, EarlyRepaymentMode> = {
  shorten: "reduce_duration",
  lower_instalment: "reduce_instalment",
};

/** Statuses whose amount weighs on the envelope, and how. */
export const RESERVING_STATUSES: readonly AidStatus[] = ["proposed"];
export const COMMITTING_STATUSES: readonly AidStatus[] = [
  "approved",
  "disbursed",
  "repaying",
  "repaid",
  "in_arrears",
  "written_off",
];
export const DISBURSED_STATUSES: readonly AidStatus[] = [
  "disbursed",
  "repaying",
  "repaid",
  "in_arrears",
  "written_off",
];

export type AidCommand =
  | "offer"
  | "approve"
  | "refuse"
  | "cancel"
  | "withdraw"
  | "disburse"
  | "repay"
  | "flag_arrears"
  | "write_off";

/** Case statuses from which an aid may be proposed: admitted, and every later step before closure. */
export const CASE_STATUSES_OPEN_FOR_AID: readonly string[] = [
  "admitted",
  "diagnosis",
  "action_plan",
  "engagement",
  "follow_up",
];

export interface AidRefusal {
  readonly ok: false;
  readonly code:
    | "ILLEGAL_TRANSITION"
    | "SERVICE_ONLY_DIRECTIVE"
    | "UNKNOWN_DIRECTIVE"
    | "PRODUCT_NOT_FOR_DIRECTIVE"
    | "CASE_NOT_ADMITTED"
    | "FOUR_EYES"
    | "ALREADY_FIRST_APPROVED";
  readonly message: string;
  readonly clause?: string;
}

const refusal = (code: AidRefusal["code"], message: string, clause?: string): AidRefusal => ({
  ok: false,
  code,
  message,
  ...(clause === undefined ? {} : { clause }),
});

/** The status a command leads to from `status`, or why it cannot apply. */
export function aidTransition(
  status: AidStatus,
  command: AidCommand,
  kind: AidKind,
  options: { fullyRepaid?: boolean; arrearsCleared?: boolean } = {},
): { readonly ok: true; readonly status: AidStatus } | AidRefusal {
  const next = nextStatus(
    status,
    command,
    kind,
    options.fullyRepaid ?? false,
    options.arrearsCleared ?? false,
  );
  if (next !== undefined) return { ok: true, status: next };
  return refusal(
    "ILLEGAL_TRANSITION",
    command === "withdraw"
      ? AID_MESSAGES.withdrawTooLate(status)
      : AID_MESSAGES.illegalTransition(command, status),
  );
}

function nextStatus(
  status: AidStatus,
  command: AidCommand,
  kind: AidKind,
  fullyRepaid: boolean,
  arrearsCleared: boolean,
): AidStatus | undefined {
  switch (command) {
    case "offer":
      return status === "queued" ? "proposed" : undefined;
    case "approve":
      return status === "proposed" ? "approved" : undefined;
    case "refuse":
      return status === "proposed" || status === "queued" ? "refused" : undefined;
    case "cancel":
      return status === "proposed" || status === "queued" || status === "approved" ? "cancelled" : undefined;
    // The proposer takes back their own proposal before any decision: once approved, only a budget
    // controller may cancel it.
    case "withdraw":
      return status === "proposed" || status === "queued" ? "cancelled" : undefined;
    case "disburse":
      if (status !== "approved") return undefined;
      return kind === "loan" ? "repaying" : "disbursed";
    case "repay":
      if (kind !== "loan" || (status !== "repaying" && status !== "in_arrears")) return undefined;
      if (fullyRepaid) return "repaid";
      // A repayment that covers every overdue instalment takes the loan out of arrears.
      return status === "in_arrears" && arrearsCleared ? "repaying" : status;
    case "flag_arrears":
      return status === "repaying" ? "in_arrears" : undefined;
    case "write_off":
      return status === "in_arrears" ? "written_off" : undefined;
  }
}

/** What the finance core reads of a directive version (given by the rules core's `directiveByReference`). */
export interface DirectiveFacts {
  readonly reference: string;
  /** « Mode d'intervention », as the directive words it. */
  readonly mode: string;
  /** « Distribuée dans la limite de l'enveloppe nationale annuelle ». */
  readonly withinAnnualEnvelope: boolean;
}

/**
 * May a case judged under `directive`, in `caseStatus`, receive an aid of a product meant for
 * `productDirectives`? A directive that is a pure service (2021, « Prestation de services ») never draws on
 * the envelope, whatever the catalogue says.
 */
export function aidEligibility(input: {
  readonly directive: DirectiveFacts | undefined;
  readonly caseStatus: string;
  readonly productDirectives: readonly string[];
}): { readonly ok: true } | AidRefusal {
  const directive = input.directive;
  if (directive === undefined) return refusal("UNKNOWN_DIRECTIVE", AID_MESSAGES.unknownDirective);
  if (!directive.withinAnnualEnvelope) {
    return refusal(
      "SERVICE_ONLY_DIRECTIVE",
      AID_MESSAGES.serviceOnly(directive.reference, directive.mode),
      `${directive.reference}/mode`,
    );
  }
  if (!CASE_STATUSES_OPEN_FOR_AID.includes(input.caseStatus)) {
    return refusal("CASE_NOT_ADMITTED", AID_MESSAGES.caseNotAdmitted);
  }
  if (!input.productDirectives.includes(directive.reference)) {
    return refusal("PRODUCT_NOT_FOR_DIRECTIVE", AID_MESSAGES.productNotForDirective(directive.reference));
  }
  return { ok: true };
}

/** Directives a catalogue product may name: those whose aids draw on the annual envelope. */
export function envelopeDirectiveProblem(
  reference: string,
  directive: DirectiveFacts | undefined,
): string | undefined {
  if (directive === undefined) return AID_MESSAGES.unknownDirectiveNamed(reference);
  if (!directive.withinAnnualEnvelope) return AID_MESSAGES.serviceOnly(directive.reference, directive.mode);
  return undefined;
}

/** The terms a product version offers; an aid copies them when it is proposed. */
export interface ProductTerms {
  readonly kind: AidKind;
  readonly maxAmountCents: Cents;
  readonly rateBp: number;
  /** Loans: longest repayment, in monthly instalments. Grants: null. */
  readonly maxDurationMonths: number | null;
  readonly deferralMonths: number;
}

export interface AidRequest {
  readonly amountCents: number;
  /** Loans only: number of monthly instalments, at most the product's maximum (defaults to it). */
  readonly durationMonths?: number | undefined;
}

/** What is wrong with the request against the product, field by field (empty when it fits). */
export function termsProblems(
  terms: ProductTerms,
  request: AidRequest,
): { readonly field: "amountCents" | "durationMonths"; readonly message: string }[] {
  const problems: { field: "amountCents" | "durationMonths"; message: string }[] = [];
  if (!isCents(request.amountCents) || request.amountCents <= 0) {
    problems.push({ field: "amountCents", message: AID_MESSAGES.amountPositive });
  } else if (request.amountCents > terms.maxAmountCents) {
    problems.push({ field: "amountCents", message: AID_MESSAGES.amountAboveMax(terms.maxAmountCents) });
  }
  if (terms.kind === "grant" && request.durationMonths !== undefined) {
    problems.push({ field: "durationMonths", message: AID_MESSAGES.durationForGrant });
  }
  if (terms.kind === "loan" && request.durationMonths !== undefined) {
    const max = terms.maxDurationMonths ?? 0;
    if (!Number.isInteger(request.durationMonths) || request.durationMonths < 1) {
      problems.push({ field: "durationMonths", message: AID_MESSAGES.durationPositive });
    } else if (request.durationMonths > max) {
      problems.push({ field: "durationMonths", message: AID_MESSAGES.durationAboveMax(max) });
    }
  }
  return problems;
}

/**
 * Four-eyes approval. Up to `threshold` cents, one budget controller's approval commits the aid. Above it,
 * two different budget controllers must approve: the first approval is recorded and the aid stays proposed
 * (still reserved), the second commits it. Nobody approves an aid they proposed.
 */
export function approvalStep(input: {
  readonly amountCents: Cents;
  readonly thresholdCents: Cents;
  readonly proposerUserId: string;
  readonly firstApproverUserId: string | null;
  readonly actorUserId: string;
}): { readonly ok: true; readonly step: "commit" | "first_approval" } | AidRefusal {
  const aboveThreshold = input.amountCents > input.thresholdCents;
  if (input.actorUserId === input.proposerUserId) {
    return refusal("FOUR_EYES", AID_MESSAGES.ownProposal);
  }
  if (!aboveThreshold) return { ok: true, step: "commit" };
  if (input.firstApproverUserId === null) return { ok: true, step: "first_approval" };
  if (input.firstApproverUserId === input.actorUserId) {
    return refusal("ALREADY_FIRST_APPROVED", AID_MESSAGES.secondApproverNeeded(input.thresholdCents));
  }
  return { ok: true, step: "commit" };
}

/** Four-eyes threshold when no dated value is recorded: 3 000 €. */
export const DEFAULT_FOUR_EYES_THRESHOLD_CENTS: Cents = 300_000;
/** Parameter key of the dated threshold (stored with the other dated parameters). */
export const FOUR_EYES_THRESHOLD_KEY = "aids.fourEyesThresholdCents";
/** The threshold may be set between 0 (every aid needs two controllers) and 1 000 000 €. */
export const MAX_FOUR_EYES_THRESHOLD_CENTS: Cents = 100_000_000;
