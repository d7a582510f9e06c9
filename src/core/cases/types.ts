// The vocabulary of a case's lifecycle: its states, the commands a counsellor gives, the events a legal
// command produces and the errors an illegal one returns. Plain data, so that the server can store it, the
// API can return it and the browser can run the same state machine.
import type { Outcome } from "../rules/types.ts";

export const CASE_STATUSES = [
  "request_received",
  "eligibility_assessed",
  "admitted",
  "refused",
  "redirected",
  "diagnosis",
  "action_plan",
  "engagement",
  "follow_up",
  "closed",
] as const;
export const DECISION_KINDS = ["admitted", "refused", "redirected"] as const;
export const ENGAGEMENT_KINDS = ["signed", "waived"] as const;
export const CLOSURE_REASONS = [
  "resolved",
  "partly_resolved",
  "abandoned",
  "redirected",
  "unreachable",
] as const;
export const COMMAND_TYPES = [
  "assessEligibility",
  "reassess",
  "admit",
  "refuse",
  "redirect",
  "startDiagnosis",
  "proposePlan",
  "signEngagement",
  "waiveEngagement",
  "startFollowUp",
  "close",
] as const;

export type CaseStatus = (typeof CASE_STATUSES)[number];
export type DecisionKind = (typeof DECISION_KINDS)[number];
export type EngagementKind = (typeof ENGAGEMENT_KINDS)[number];
export type ClosureReason = (typeof CLOSURE_REASONS)[number];
export type CommandType = (typeof COMMAND_TYPES)[number];

/** What the case keeps of a stored eligibility snapshot (the full snapshot lives with the facts). */
export interface EligibilitySummary {
  /** Id of the stored snapshot, when there is one. */
  readonly snapshotId?: string;
  readonly directive: string;
  readonly outcome: Outcome;
  readonly engineVersion: string;
  /** ISO calendar day of the assessment. */
  readonly assessedOn: string;
}

/** The counsellor's admission decision (« Droit ouvert : non »: the outcome informs it, never takes it). */
export interface Decision {
  readonly kind: DecisionKind;
  /** Written motive: required when the decision departs from the outcome, and for every redirection. */
  readonly motive?: string;
  /** The outcome of the assessment the decision was taken on (a later re-assessment does not change it). */
  readonly outcome: Outcome;
}

export interface Engagement {
  readonly kind: EngagementKind;
  /** ISO day of the signature, or of the decision to proceed without one. */
  readonly on: string;
  /** Why the counsellor proceeds without a signature (waived only). */
  readonly reason?: string;
}

export interface Closure {
  readonly reason: ClosureReason;
  readonly on: string;
}

/** The state of one case. Every transition returns a new value; none is ever mutated. */
export interface Case {
  readonly status: CaseStatus;
  /** Reference of the directive the case is judged under: the one in force on the request date. */
  readonly directive: string;
  /** ISO day the request was received. */
  readonly requestedOn: string;
  /** The latest assessment; null until the first one. */
  readonly eligibility: EligibilitySummary | null;
  readonly decision: Decision | null;
  readonly engagement: Engagement | null;
  readonly closure: Closure | null;
}

export type CaseCommand =
  | { readonly type: "assessEligibility"; readonly snapshot: EligibilitySummary }
  | { readonly type: "reassess"; readonly snapshot: EligibilitySummary }
  | { readonly type: "admit"; readonly motive?: string }
  | { readonly type: "refuse"; readonly motive?: string }
  | { readonly type: "redirect"; readonly motive: string }
  | { readonly type: "startDiagnosis" }
  | { readonly type: "proposePlan" }
  | { readonly type: "signEngagement"; readonly on: string }
  | { readonly type: "waiveEngagement"; readonly reason: string; readonly on: string }
  | { readonly type: "startFollowUp" }
  | { readonly type: "close"; readonly reason: ClosureReason; readonly on: string };

/** What happened, for the case's timeline (the adapter adds who and when). */
export type CaseEvent =
  | { readonly type: "request_received"; readonly directive: string; readonly requestedOn: string }
  | { readonly type: "eligibility_assessed"; readonly snapshot: EligibilitySummary }
  | {
      readonly type: "eligibility_reassessed";
      readonly previous: EligibilitySummary;
      readonly snapshot: EligibilitySummary;
      /** The decision stays as it was; these say whether the counsellor should look at it again. */
      readonly decision: DecisionKind | null;
      readonly outcomeChanged: boolean;
      readonly departsFromDecision: boolean;
    }
  | {
      readonly type: "decision_taken";
      readonly decision: Decision;
      /** True when the decision departs from the outcome (and so carries a motive). */
      readonly departsFromOutcome: boolean;
    }
  | { readonly type: "diagnosis_started" }
  | { readonly type: "action_plan_proposed" }
  | {
      readonly type: "engagement_signed";
      readonly on: string;
      readonly clause: string;
      /** When the person signs after the counsellor proceeded without a signature (2025): the waiver replaced. */
      readonly replacesWaiver?: Engagement;
    }
  | {
      readonly type: "engagement_waived";
      readonly on: string;
      readonly reason: string;
      readonly clause: string;
    }
  | { readonly type: "follow_up_started"; readonly clause: string }
  | {
      readonly type: "case_closed";
      readonly closure: Closure;
      /** The status the case was in when it was closed. */
      readonly from: Exclude<CaseStatus, "closed">;
    };

export const CASE_ERROR_CODES = [
  "UNKNOWN_COMMAND",
  "UNKNOWN_DIRECTIVE",
  "NO_DIRECTIVE_IN_FORCE",
  "CASE_CLOSED",
  "ILLEGAL_TRANSITION",
  "NOT_ASSESSED",
  "ALREADY_ASSESSED",
  "DECISION_ALREADY_TAKEN",
  "INVALID_DATE",
  "DATE_BEFORE_REQUEST",
  "DATE_BEFORE_PREVIOUS_STEP",
  "INVALID_SNAPSHOT",
  "SNAPSHOT_DIRECTIVE_MISMATCH",
  "MOTIVE_REQUIRED",
  "ENGAGEMENT_WAIVER_NOT_ALLOWED",
  "WAIVER_REASON_REQUIRED",
  "ENGAGEMENT_NOT_SIGNED",
  "ENGAGEMENT_NOT_RECORDED",
  "CLOSURE_REASON_REQUIRED",
  "CLOSURE_REASON_NOT_ALLOWED",
] as const;
export type CaseErrorCode = (typeof CASE_ERROR_CODES)[number];

/**
 * `conflict`: the command is well formed but the case's state forbids it (the API answers 409);
 * `invalid`: a field of the command is missing or wrong (422). Unknown commands and directives: `invalid`.
 */
export const CASE_ERROR_KINDS: Readonly<Record<CaseErrorCode, "conflict" | "invalid">> = {
  UNKNOWN_COMMAND: "invalid",
  UNKNOWN_DIRECTIVE: "invalid",
  NO_DIRECTIVE_IN_FORCE: "invalid",
  CASE_CLOSED: "conflict",
  ILLEGAL_TRANSITION: "conflict",
  NOT_ASSESSED: "conflict",
  ALREADY_ASSESSED: "conflict",
  DECISION_ALREADY_TAKEN: "conflict",
  INVALID_DATE: "invalid",
  DATE_BEFORE_REQUEST: "invalid",
  DATE_BEFORE_PREVIOUS_STEP: "invalid",
  INVALID_SNAPSHOT: "invalid",
  SNAPSHOT_DIRECTIVE_MISMATCH: "invalid",
  MOTIVE_REQUIRED: "invalid",
  ENGAGEMENT_WAIVER_NOT_ALLOWED: "conflict",
  WAIVER_REASON_REQUIRED: "invalid",
  ENGAGEMENT_NOT_SIGNED: "conflict",
  ENGAGEMENT_NOT_RECORDED: "conflict",
  CLOSURE_REASON_REQUIRED: "invalid",
  CLOSURE_REASON_NOT_ALLOWED: "conflict",
};

export interface CaseError {
  /** Stable, for programs (CASE_ERROR_KINDS says whether it is a conflict or an invalid field). */
  readonly code: CaseErrorCode;
  /** French, for people. */
  readonly message: string;
  /** The command field at fault, when there is one (`motive`, `reason`, `on`, `snapshot.outcome`…). */
  readonly field?: string;
  /** The directive clause the guard rests on, when it rests on one. */
  readonly clause?: string;
}

export type TransitionResult =
  | { readonly ok: true; readonly state: Case; readonly events: readonly CaseEvent[] }
  | { readonly ok: false; readonly error: CaseError };
