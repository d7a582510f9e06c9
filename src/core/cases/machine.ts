// The lifecycle of a case as a pure state machine: `openCase` starts it from a request, `transition`
// applies one command and returns the new state with its events, or an error that leaves the state as it
// was. Guards that come from the directives cite their clause (see CASE_POLICIES and docs/cases.md).
import { isCalendarDate } from "../rules/dates.ts";
import { directiveInForce } from "../rules/directives/index.ts";
import { OUTCOMES, type Outcome } from "../rules/types.ts";
import { CASE_STATUS_LABELS, COMMAND_LABELS, caseErrorMessage, type MessageParams } from "./messages.fr.ts";
import { type CasePolicy, casePolicy } from "./policy.ts";
import {
  CASE_STATUSES,
  type Case,
  type CaseCommand,
  type CaseErrorCode,
  type CaseEvent,
  type CaseStatus,
  CLOSURE_REASONS,
  type ClosureReason,
  COMMAND_TYPES,
  type CommandType,
  type Decision,
  type DecisionKind,
  type EligibilitySummary,
  type TransitionResult,
} from "./types.ts";

// --- Results ----------------------------------------------------------------------------------------------

function fail(
  code: CaseErrorCode,
  params: MessageParams & { clause?: string | undefined } = {},
): TransitionResult & { ok: false } {
  const { clause, ...message } = params;
  return {
    ok: false,
    error: {
      code,
      message: caseErrorMessage(code, message),
      ...(params.field === undefined ? {} : { field: params.field }),
      ...(clause === undefined ? {} : { clause }),
    },
  };
}

function done(state: Case, ...events: CaseEvent[]): TransitionResult {
  return { ok: true, state, events };
}

/** A motive or reason written by a person: trimmed; blank is absent. */
function written(text: unknown): string | undefined {
  if (typeof text !== "string") return undefined;
  const trimmed = text.trim();
  return trimmed === "" ? undefined : trimmed;
}

function isDate(value: unknown): value is string {
  return typeof value === "string" && isCalendarDate(value);
}

/** Whether a decision departs from the outcome it was taken on (and so needs a written motive). */
export function departsFromOutcome(kind: DecisionKind, outcome: Outcome): boolean {
  if (kind === "admitted") return outcome !== "eligible";
  if (kind === "refused") return outcome === "eligible";
  return true;
}

// --- Opening ----------------------------------------------------------------------------------------------

/** A new case from a request: judged under the directive in force on the request date. */
export function openCase(request: { readonly requestedOn: string }): TransitionResult {
  const requestedOn = request?.requestedOn;
  if (!isDate(requestedOn)) return fail("INVALID_DATE", { field: "requestedOn" });
  const directive = directiveInForce(requestedOn);
  if (directive === undefined)
    return fail("NO_DIRECTIVE_IN_FORCE", { field: "requestedOn", date: requestedOn });
  if (casePolicy(directive.reference) === undefined) {
    return fail("UNKNOWN_DIRECTIVE", { directive: directive.reference });
  }
  const state: Case = {
    status: "request_received",
    directive: directive.reference,
    requestedOn,
    eligibility: null,
    decision: null,
    engagement: null,
    closure: null,
  };
  return done(state, { type: "request_received", directive: directive.reference, requestedOn });
}

// --- Where each command may be given ----------------------------------------------------------------------

const DECIDED: readonly CaseStatus[] = ["admitted", "refused", "redirected"];
const ADMITTED_PATH: readonly CaseStatus[] = [
  "admitted",
  "diagnosis",
  "action_plan",
  "engagement",
  "follow_up",
];
const REASSESSABLE: readonly CaseStatus[] = ["eligibility_assessed", ...DECIDED, ...ADMITTED_PATH.slice(1)];

/** The closure reasons that make sense at each step (docs/cases.md, « Clôture »). */
export function allowedClosureReasons(status: CaseStatus): readonly ClosureReason[] {
  switch (status) {
    case "closed":
      return [];
    case "request_received":
    case "eligibility_assessed":
      return ["abandoned", "unreachable"];
    case "follow_up":
      return CLOSURE_REASONS;
    default:
      return ["abandoned", "redirected", "unreachable"];
  }
}

// --- Guards -----------------------------------------------------------------------------------------------

function snapshotProblem(state: Case, snapshot: unknown): TransitionResult | undefined {
  if (typeof snapshot !== "object" || snapshot === null)
    return fail("INVALID_SNAPSHOT", { field: "snapshot" });
  const s = snapshot as Partial<EligibilitySummary>;
  if (typeof s.directive !== "string" || s.directive === "") {
    return fail("INVALID_SNAPSHOT", { field: "snapshot.directive" });
  }
  if (!(OUTCOMES as readonly unknown[]).includes(s.outcome)) {
    return fail("INVALID_SNAPSHOT", { field: "snapshot.outcome" });
  }
  if (typeof s.engineVersion !== "string" || s.engineVersion.trim() === "") {
    return fail("INVALID_SNAPSHOT", { field: "snapshot.engineVersion" });
  }
  if (s.snapshotId !== undefined && typeof s.snapshotId !== "string") {
    return fail("INVALID_SNAPSHOT", { field: "snapshot.snapshotId" });
  }
  if (!isDate(s.assessedOn)) return fail("INVALID_DATE", { field: "snapshot.assessedOn" });
  if (s.directive !== state.directive) {
    return fail("SNAPSHOT_DIRECTIVE_MISMATCH", {
      field: "snapshot.directive",
      directive: s.directive,
      expected: state.directive,
    });
  }
  if (s.assessedOn < state.requestedOn) {
    return fail("DATE_BEFORE_REQUEST", {
      field: "snapshot.assessedOn",
      date: s.assessedOn,
      limit: state.requestedOn,
    });
  }
  if (state.eligibility !== null && s.assessedOn < state.eligibility.assessedOn) {
    return fail("DATE_BEFORE_PREVIOUS_STEP", {
      field: "snapshot.assessedOn",
      date: s.assessedOn,
      limit: state.eligibility.assessedOn,
    });
  }
  return undefined;
}

function summary(snapshot: EligibilitySummary): EligibilitySummary {
  return {
    ...(snapshot.snapshotId === undefined ? {} : { snapshotId: snapshot.snapshotId }),
    directive: snapshot.directive,
    outcome: snapshot.outcome,
    engineVersion: snapshot.engineVersion,
    assessedOn: snapshot.assessedOn,
  };
}

function dateProblem(
  state: Case,
  on: unknown,
  field: string,
  previous?: string,
): TransitionResult | undefined {
  if (!isDate(on)) return fail("INVALID_DATE", { field });
  if (on < state.requestedOn)
    return fail("DATE_BEFORE_REQUEST", { field, date: on, limit: state.requestedOn });
  if (previous !== undefined && on < previous) {
    return fail("DATE_BEFORE_PREVIOUS_STEP", { field, date: on, limit: previous });
  }
  return undefined;
}

function illegal(state: Case, command: CommandType): TransitionResult {
  return fail("ILLEGAL_TRANSITION", { status: state.status, command });
}

function decide(state: Case, kind: DecisionKind, motiveText: unknown): TransitionResult {
  if (state.status === "request_received") return fail("NOT_ASSESSED");
  if (state.decision !== null) return fail("DECISION_ALREADY_TAKEN", { decision: state.decision.kind });
  if (state.status !== "eligibility_assessed" || state.eligibility === null) {
    return illegal(state, kind === "admitted" ? "admit" : kind === "refused" ? "refuse" : "redirect");
  }
  const outcome = state.eligibility.outcome;
  const motive = written(motiveText);
  const departs = departsFromOutcome(kind, outcome);
  if (departs && motive === undefined) {
    return fail("MOTIVE_REQUIRED", { field: "motive", decision: kind, outcome });
  }
  const decision: Decision = { kind, ...(motive === undefined ? {} : { motive }), outcome };
  return done(
    { ...state, status: kind, decision },
    { type: "decision_taken", decision, departsFromOutcome: departs },
  );
}

// --- The transition function ------------------------------------------------------------------------------

/** Applies one command. On error the given state is untouched and remains the case's state. */
export function transition(state: Case, command: CaseCommand): TransitionResult {
  const policy = casePolicy(state.directive);
  if (policy === undefined) return fail("UNKNOWN_DIRECTIVE", { directive: state.directive });
  const type = (command as { type?: unknown } | null)?.type;
  if (typeof type !== "string" || !(COMMAND_TYPES as readonly string[]).includes(type)) {
    return fail("UNKNOWN_COMMAND", { field: "type", command: typeof type === "string" ? type : "" });
  }
  if (state.status === "closed") return fail("CASE_CLOSED");
  return apply(state, policy, command);
}

function apply(state: Case, policy: CasePolicy, command: CaseCommand): TransitionResult {
  switch (command.type) {
    case "assessEligibility": {
      if (state.status !== "request_received") return fail("ALREADY_ASSESSED");
      const problem = snapshotProblem(state, command.snapshot);
      if (problem) return problem;
      const snapshot = summary(command.snapshot);
      return done(
        { ...state, status: "eligibility_assessed", eligibility: snapshot },
        { type: "eligibility_assessed", snapshot },
      );
    }
    case "reassess": {
      if (state.status === "request_received" || state.eligibility === null) return fail("NOT_ASSESSED");
      if (!REASSESSABLE.includes(state.status)) return illegal(state, "reassess");
      const problem = snapshotProblem(state, command.snapshot);
      if (problem) return problem;
      const snapshot = summary(command.snapshot);
      const previous = state.eligibility;
      return done(
        { ...state, eligibility: snapshot },
        {
          type: "eligibility_reassessed",
          previous,
          snapshot,
          decision: state.decision?.kind ?? null,
          outcomeChanged: previous.outcome !== snapshot.outcome,
          departsFromDecision:
            state.decision !== null && departsFromOutcome(state.decision.kind, snapshot.outcome),
        },
      );
    }
    case "admit":
      return decide(state, "admitted", command.motive);
    case "refuse":
      return decide(state, "refused", command.motive);
    case "redirect":
      return decide(state, "redirected", command.motive);
    case "startDiagnosis":
      if (state.status !== "admitted") return illegal(state, command.type);
      return done({ ...state, status: "diagnosis" }, { type: "diagnosis_started" });
    case "proposePlan":
      if (state.status !== "diagnosis") return illegal(state, command.type);
      return done({ ...state, status: "action_plan" }, { type: "action_plan_proposed" });
    case "signEngagement": {
      // After a waiver (2025), the person may still sign: the signature replaces the waiver, the status stays.
      const afterWaiver =
        (state.status === "engagement" || state.status === "follow_up") &&
        state.engagement?.kind === "waived";
      if (state.status !== "action_plan" && !afterWaiver) return illegal(state, command.type);
      const problem = dateProblem(state, command.on, "on", afterWaiver ? state.engagement?.on : undefined);
      if (problem) return problem;
      return done(
        {
          ...state,
          status: afterWaiver ? state.status : "engagement",
          engagement: { kind: "signed", on: command.on },
        },
        {
          type: "engagement_signed",
          on: command.on,
          clause: policy.engagementClause,
          ...(afterWaiver && state.engagement ? { replacesWaiver: state.engagement } : {}),
        },
      );
    }
    case "waiveEngagement": {
      if (state.status !== "action_plan") return illegal(state, command.type);
      if (policy.engagement === "always_signed") {
        return fail("ENGAGEMENT_WAIVER_NOT_ALLOWED", { clause: policy.engagementClause });
      }
      const reason = written(command.reason);
      if (reason === undefined) {
        return fail("WAIVER_REASON_REQUIRED", { field: "reason", clause: policy.engagementClause });
      }
      const problem = dateProblem(state, command.on, "on");
      if (problem) return problem;
      return done(
        { ...state, status: "engagement", engagement: { kind: "waived", on: command.on, reason } },
        { type: "engagement_waived", on: command.on, reason, clause: policy.engagementClause },
      );
    }
    case "startFollowUp": {
      if (state.status === "action_plan") {
        return policy.engagement === "always_signed"
          ? fail("ENGAGEMENT_NOT_SIGNED", { clause: policy.engagementClause })
          : fail("ENGAGEMENT_NOT_RECORDED", { clause: policy.engagementClause });
      }
      if (state.status !== "engagement" || state.engagement === null) return illegal(state, command.type);
      if (policy.engagement === "always_signed" && state.engagement.kind !== "signed") {
        return fail("ENGAGEMENT_NOT_SIGNED", { clause: policy.engagementClause });
      }
      return done(
        { ...state, status: "follow_up" },
        { type: "follow_up_started", clause: policy.followUpClause },
      );
    }
    case "close": {
      const reason = command.reason as unknown;
      if (typeof reason !== "string" || !(CLOSURE_REASONS as readonly string[]).includes(reason)) {
        return fail("CLOSURE_REASON_REQUIRED", { field: "reason" });
      }
      if (!allowedClosureReasons(state.status).includes(reason as ClosureReason)) {
        return fail("CLOSURE_REASON_NOT_ALLOWED", { field: "reason", reason, status: state.status });
      }
      const previous = [state.eligibility?.assessedOn, state.engagement?.on]
        .filter((day): day is string => day !== undefined)
        .sort()
        .at(-1);
      const problem = dateProblem(state, command.on, "on", previous);
      if (problem) return problem;
      const closure = { reason: reason as ClosureReason, on: command.on };
      return done(
        { ...state, status: "closed", closure },
        { type: "case_closed", closure, from: state.status as Exclude<CaseStatus, "closed"> },
      );
    }
  }
}

// --- What the counsellor can do now -----------------------------------------------------------------------

export type StepField = "snapshot" | "motive" | "reason" | "on";

export interface NextStep {
  readonly command: CommandType;
  /** French, for the button. */
  readonly label: string;
  /** The fields the command must carry to succeed (`motive` only when the decision needs one). */
  readonly needs: readonly StepField[];
  /** For `close`: the reasons possible now. */
  readonly reasons?: readonly ClosureReason[];
  /** The clause the step rests on, when it rests on one. */
  readonly clause?: string;
}

function step(
  command: CommandType,
  needs: readonly StepField[] = [],
  extra: Partial<NextStep> = {},
): NextStep {
  return { command, label: COMMAND_LABELS[command], needs, ...extra };
}

/** The commands that can succeed from this state, with what they need: the buttons of the case screen. */
export function nextSteps(state: Case): readonly NextStep[] {
  const policy = casePolicy(state.directive);
  if (policy === undefined || state.status === "closed") return [];
  const steps: NextStep[] = [];
  const outcome = state.eligibility?.outcome;
  switch (state.status) {
    case "request_received":
      steps.push(step("assessEligibility", ["snapshot"]));
      break;
    case "eligibility_assessed":
      if (outcome !== undefined) {
        steps.push(step("admit", departsFromOutcome("admitted", outcome) ? ["motive"] : []));
        steps.push(step("refuse", departsFromOutcome("refused", outcome) ? ["motive"] : []));
        steps.push(step("redirect", ["motive"]));
      }
      break;
    case "admitted":
      steps.push(step("startDiagnosis"));
      break;
    case "diagnosis":
      steps.push(step("proposePlan"));
      break;
    case "action_plan":
      steps.push(step("signEngagement", ["on"], { clause: policy.engagementClause }));
      if (policy.engagement === "when_appropriate") {
        steps.push(step("waiveEngagement", ["reason", "on"], { clause: policy.engagementClause }));
      }
      break;
    case "engagement":
      if (policy.engagement === "when_appropriate" || state.engagement?.kind === "signed") {
        steps.push(step("startFollowUp", [], { clause: policy.followUpClause }));
      }
      break;
    default:
      break;
  }
  if (
    (state.status === "engagement" || state.status === "follow_up") &&
    state.engagement?.kind === "waived"
  ) {
    steps.push(step("signEngagement", ["on"], { clause: policy.engagementClause }));
  }
  if (REASSESSABLE.includes(state.status)) steps.push(step("reassess", ["snapshot"]));
  steps.push(step("close", ["reason", "on"], { reasons: allowedClosureReasons(state.status) }));
  return steps;
}

// --- Consistency ------------------------------------------------------------------------------------------

/** The states in order, with their French labels. */
export const CASE_STATES: readonly { readonly status: CaseStatus; readonly label: string }[] =
  CASE_STATUSES.map((status) => ({ status, label: CASE_STATUS_LABELS[status] }));

// CASE_STATUSES is in lifecycle order: every status listed before the engagement.
const BEFORE_ENGAGEMENT: readonly CaseStatus[] = CASE_STATUSES.slice(0, CASE_STATUSES.indexOf("engagement"));

/**
 * What is wrong with a case value (empty when it is one the machine can reach). For a value read back
 * from storage, and for the property tests. The problems are for developers, in English.
 */
export function caseProblems(state: Case): string[] {
  const problems: string[] = [];
  if (!(CASE_STATUSES as readonly string[]).includes(state.status))
    problems.push(`unknown status ${state.status}`);
  const policy = casePolicy(state.directive);
  if (policy === undefined) problems.push(`no case policy for ${state.directive}`);
  if (!isDate(state.requestedOn)) problems.push("requestedOn is not a date");
  if (directiveInForce(state.requestedOn)?.reference !== state.directive) {
    problems.push("the directive is not the one in force on the request date");
  }
  const { eligibility, decision, engagement, closure } = state;
  if (eligibility !== null && eligibility.directive !== state.directive)
    problems.push("snapshot directive differs");
  if (decision !== null && eligibility === null) problems.push("a decision without an assessment");
  if (decision !== null && departsFromOutcome(decision.kind, decision.outcome) && !decision.motive) {
    problems.push("a decision departing from its outcome without a motive");
  }
  if (engagement !== null && decision?.kind !== "admitted") problems.push("an engagement without admission");
  if (engagement?.kind === "waived") {
    if (policy?.engagement !== "when_appropriate")
      problems.push("a waived engagement under a signed-only directive");
    if (!engagement.reason) problems.push("a waived engagement without a reason");
  }
  if (engagement !== null && engagement.on < state.requestedOn)
    problems.push("engagement before the request");
  if ((closure !== null) !== (state.status === "closed")) problems.push("closure and status disagree");
  if (closure !== null && closure.on < state.requestedOn) problems.push("closure before the request");
  switch (state.status) {
    case "request_received":
      if (eligibility !== null || decision !== null) problems.push("assessed or decided while just received");
      break;
    case "eligibility_assessed":
      if (eligibility === null || decision !== null) problems.push("assessed status inconsistent");
      break;
    case "admitted":
    case "refused":
    case "redirected":
      if (decision?.kind !== state.status) problems.push("decision and status disagree");
      break;
    case "diagnosis":
    case "action_plan":
    case "engagement":
    case "follow_up":
      if (decision?.kind !== "admitted") problems.push(`${state.status} without admission`);
      break;
    default:
      break;
  }
  if (BEFORE_ENGAGEMENT.includes(state.status) && engagement !== null)
    problems.push("engagement recorded too early");
  if ((state.status === "engagement" || state.status === "follow_up") && engagement === null) {
    problems.push(`${state.status} without an engagement`);
  }
  if (
    state.status === "follow_up" &&
    policy?.engagement === "always_signed" &&
    engagement?.kind !== "signed"
  ) {
    problems.push("follow-up without a signed engagement under a signed-only directive");
  }
  return problems;
}
