// The steps of a case, one use case each: the case within the caller's scope (404 outside it, 403 when the
// caller may read but not change it), the version the caller read, the pure state machine's decision, and
// the change with its timeline events and audit entry in one transaction. Each answers the case as it now is.

import type { AssignStep, CloseStep, DecisionStep, ReferralStep } from "../../contracts/cases.ts";
import { escapePointer } from "../../contracts/inputErrors.ts";
import { validateSituation } from "../../contracts/situation.ts";
import type { Action } from "../../core/access/index.ts";
import {
  type CaseCommand,
  caseErrorMessage,
  type EligibilitySummary,
  transition,
} from "../../core/cases/index.ts";
import { evaluate, isCalendarDate, type Situation } from "../../core/rules/index.ts";
import { todayInParis } from "../../core/time/index.ts";
import {
  type CaseRow,
  caseStateOf,
  findOrganisations,
  findUser,
  insertReferral,
  insertSnapshot,
} from "../../db/cases/repository.ts";
import { loadParameterTimeline } from "../../db/ruleParameters.ts";
import { type Caller, staffOf } from "../caller.ts";
import type { ServiceContext } from "../context.ts";
import { DomainError, type FieldIssue } from "../errors.ts";
import { checkVersion, type ExpectedVersion } from "../versions.ts";
import { loadCaseInScope } from "./access.ts";
import {
  type CaseChange,
  type ComputeChange,
  caseRefusal,
  changeCase,
  lifecycleChange,
  unprocessableStep,
} from "./change.ts";
import { caseMessages } from "./messages.fr.ts";
import { type CaseView, freshCaseView } from "./view.ts";

/** The case a step acts on, and the version its caller read. */
export interface StepTarget {
  caseId: string;
  expected: ExpectedVersion;
}

/**
 * Runs before the transaction, on the case as loaded: reads and checks that need the database (PGlite has
 * one connection, which the transaction holds), then returns the change.
 */
type PrepareChange = (row: CaseRow) => Promise<ComputeChange> | ComputeChange;

/** Every step of a case: scope, version, the prepared change in one transaction, the case as it now is. */
async function step(
  context: ServiceContext,
  caller: Caller,
  target: StepTarget,
  permission: Action,
  prepare: PrepareChange,
): Promise<CaseView> {
  const record = await loadCaseInScope(context, caller, target.caseId, permission);
  // Checked before the input too: a caller who read an old version learns that first.
  checkVersion(target.expected, record.row.version, caseMessages.stale);
  const compute = await prepare(record.row);
  await changeCase(context, caller, target, compute);
  return freshCaseView(context, record.row.id);
}

/** The change a lifecycle command makes, audited as `case.<command>` with the statuses before and after. */
function commandChange(
  row: CaseRow,
  command: CaseCommand,
  details: Record<string, unknown> = {},
  fieldPath?: (field: string) => string,
): CaseChange {
  const result = transition(caseStateOf(row), command);
  return lifecycleChange(
    result,
    {
      action: `case.${command.type}`,
      details: { from: row.status, to: result.ok ? result.state.status : row.status, ...details },
    },
    fieldPath,
  );
}

function notInFuture(context: ServiceContext, day: string, path: string): void {
  if (day > todayInParis(context.now())) {
    throw unprocessableStep(path, "DATE_IN_FUTURE", caseMessages.futureDate);
  }
}

function refuseWhenClosed(row: CaseRow): void {
  if (row.status === "closed") {
    throw caseRefusal({ code: "CASE_CLOSED", message: caseErrorMessage("CASE_CLOSED") });
  }
}

// --- Eligibility ----------------------------------------------------------------------------------------------

// The assessment's fields as the input names them.
function eligibilityFieldPath(field: string): string {
  if (field === "snapshot.assessedOn") return "/assessedOn";
  if (field === "snapshot.directive") return "/situation/requestDate";
  return "/";
}

/**
 * The input of an assessment, checked here rather than by a schema so that the situation's errors are the
 * rules engine's own (the same codes and French messages as the simulator and the command line).
 */
function eligibilityInput(
  context: ServiceContext,
  input: unknown,
  requestedOn: string,
): { situation: Situation; assessedOn: string } {
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    throw DomainError.invalid([{ path: "/", code: "type", message: caseMessages.notAnObject }]);
  }
  const issues: FieldIssue[] = Object.keys(input)
    .filter((key) => key !== "situation" && key !== "assessedOn")
    .map((key) => ({
      path: `/${escapePointer(key)}`,
      code: "UNKNOWN_FIELD",
      message: caseMessages.unknownField,
    }));
  const { situation, assessedOn } = input as { situation?: unknown; assessedOn?: unknown };
  if (assessedOn !== undefined && (typeof assessedOn !== "string" || !isCalendarDate(assessedOn))) {
    issues.push({ path: "/assessedOn", code: "INVALID_DATE", message: caseMessages.invalidDate });
  }
  if (typeof situation !== "object" || situation === null || Array.isArray(situation)) {
    issues.push({ path: "/situation", code: "required", message: caseMessages.required });
    throw DomainError.invalid(issues);
  }
  const given = (situation as { requestDate?: unknown }).requestDate;
  if (given !== undefined && given !== requestedOn) {
    issues.push({
      path: "/situation/requestDate",
      code: "REQUEST_DATE_MISMATCH",
      message: caseMessages.requestDateMismatch(requestedOn),
    });
  }
  const checked = validateSituation({ ...situation, requestDate: requestedOn });
  if (!checked.ok) {
    for (const error of checked.errors) {
      issues.push({ path: `/situation${error.path}`, code: error.code, message: error.message });
    }
  }
  if (issues.length > 0 || !checked.ok) throw DomainError.invalid(issues);
  const day = (assessedOn as string | undefined) ?? todayInParis(context.now());
  notInFuture(context, day, "/assessedOn");
  return { situation: checked.situation, assessedOn: day };
}

/**
 * Assesses (or re-assesses) the case's eligibility under its directive and the parameters in force on its
 * request date, and stores the result as evaluated: it is never recomputed.
 */
export function assessEligibility(
  context: ServiceContext,
  caller: Caller,
  target: StepTarget,
  input: unknown,
): Promise<CaseView> {
  return step(context, caller, target, "cases.change", async (row) => {
    const { situation, assessedOn } = eligibilityInput(context, input, row.requestedOn);
    const parameters = (await loadParameterTimeline(context.db)).inForce(row.requestedOn);
    const result = evaluate(situation, parameters);
    const assessedByUserId = staffOf(caller).userId;
    return async (current, tx) => {
      const stored = await insertSnapshot(tx, {
        caseId: current.id,
        directive: result.directive,
        facts: JSON.parse(JSON.stringify(situation)) as Record<string, unknown>,
        outcome: result.outcome,
        reasons: result.reasons.map((reason) => ({ ...reason })),
        missing: result.missing,
        parameters: { ...result.parameters },
        engineVersion: result.engineVersion,
        assessedOn,
        assessedByUserId,
      });
      const snapshot: EligibilitySummary = {
        snapshotId: stored.id,
        directive: result.directive,
        outcome: result.outcome,
        engineVersion: result.engineVersion,
        assessedOn,
      };
      const command: CaseCommand =
        current.status === "request_received"
          ? { type: "assessEligibility", snapshot }
          : { type: "reassess", snapshot };
      return commandChange(
        current,
        command,
        { outcome: result.outcome, snapshotId: stored.id },
        eligibilityFieldPath,
      );
    };
  });
}

// --- Decision and the steps of the plan ---------------------------------------------------------------------

/** Admits, refuses or redirects the case (« Droit ouvert : non » : the counsellor decides). */
export function decide(
  context: ServiceContext,
  caller: Caller,
  target: StepTarget,
  input: DecisionStep,
): Promise<CaseView> {
  const command: CaseCommand =
    input.decision === "redirect"
      ? { type: "redirect", motive: input.motive ?? "" }
      : { type: input.decision, ...(input.motive === undefined ? {} : { motive: input.motive }) };
  return step(context, caller, target, "cases.change", () => (row) => commandChange(row, command));
}

/** The steps that need nothing but the case: start the diagnosis, propose the plan, start the follow-up. */
export type PlainStep = "startDiagnosis" | "proposePlan" | "startFollowUp";

export function takePlainStep(
  context: ServiceContext,
  caller: Caller,
  target: StepTarget,
  command: PlainStep,
): Promise<CaseView> {
  return step(context, caller, target, "cases.change", () => (row) => commandChange(row, { type: command }));
}

/**
 * A step dated by the caller (signature, waiver, closure): the day is checked before the case is loaded, a
 * day to come being wrong whatever the case's state.
 */
function datedStep(
  context: ServiceContext,
  caller: Caller,
  target: StepTarget,
  on: string,
  command: CaseCommand,
  details?: Record<string, unknown>,
): Promise<CaseView> {
  notInFuture(context, on, "/on");
  return step(context, caller, target, "cases.change", () => (row) => commandChange(row, command, details));
}

export function signEngagement(
  context: ServiceContext,
  caller: Caller,
  target: StepTarget,
  input: { on: string },
): Promise<CaseView> {
  return datedStep(context, caller, target, input.on, { type: "signEngagement", on: input.on });
}

export function waiveEngagement(
  context: ServiceContext,
  caller: Caller,
  target: StepTarget,
  input: { on: string; reason: string },
): Promise<CaseView> {
  return datedStep(context, caller, target, input.on, {
    type: "waiveEngagement",
    reason: input.reason,
    on: input.on,
  });
}

export function closeCase(
  context: ServiceContext,
  caller: Caller,
  target: StepTarget,
  input: CloseStep,
): Promise<CaseView> {
  return datedStep(
    context,
    caller,
    target,
    input.on,
    { type: "close", reason: input.reason, on: input.on },
    { reason: input.reason },
  );
}

// --- Assignment and referral --------------------------------------------------------------------------------

/** Whether `userId` is a counsellor or manager of the agency `organisationId`; their record if so. */
export async function agencyCounsellor(context: ServiceContext, userId: string, organisationId: string) {
  const counsellor = await findUser(context.db.drizzle, userId);
  if (
    counsellor === undefined ||
    counsellor.organisationId !== organisationId ||
    (counsellor.role !== "counsellor" && counsellor.role !== "manager")
  ) {
    throw unprocessableStep("/counsellorUserId", "NOT_A_COUNSELLOR", caseMessages.notACounsellor);
  }
  return counsellor;
}

/** Entrusts the case to a counsellor of its agency (managers). */
export function assignCase(
  context: ServiceContext,
  caller: Caller,
  target: StepTarget,
  input: AssignStep,
): Promise<CaseView> {
  return step(context, caller, target, "cases.assign", async (row) => {
    const counsellor = await agencyCounsellor(context, input.counsellorUserId, row.organisationId);
    return (current) => {
      refuseWhenClosed(current);
      return {
        set: { counsellorUserId: counsellor.id },
        events: [
          {
            type: "case_assigned",
            data: { counsellorUserId: counsellor.id, previousCounsellorUserId: current.counsellorUserId },
          },
        ],
        audit: { action: "case.assigned", details: { counsellorUserId: counsellor.id } },
      };
    };
  });
}

/** Refers the case to a partner organisation, with a note that stays with the referral. */
export function referCase(
  context: ServiceContext,
  caller: Caller,
  target: StepTarget,
  input: ReferralStep,
): Promise<CaseView> {
  const referredByUserId = staffOf(caller).userId;
  return step(context, caller, target, "cases.change", async () => {
    const [partner] = await findOrganisations(context.db.drizzle, [input.partnerOrganisationId]);
    if (partner?.kind !== "partner") {
      throw unprocessableStep("/partnerOrganisationId", "NOT_A_PARTNER", caseMessages.notAPartner);
    }
    return async (current, tx) => {
      refuseWhenClosed(current);
      const inserted = await insertReferral(tx, {
        caseId: current.id,
        partnerOrganisationId: partner.id,
        note: input.note?.trim() ?? null,
        referredByUserId,
      });
      if (!inserted) {
        const { title, detail } = caseMessages.alreadyReferred;
        throw new DomainError("conflict", "already_referred", title, detail);
      }
      // The note stays with the referral: the timeline and the trail only say to whom.
      return {
        events: [{ type: "case_referred", data: { partnerOrganisationId: partner.id } }],
        audit: { action: "case.referred", details: { partnerOrganisationId: partner.id } },
      };
    };
  });
}
