// The steps of a case, one POST each, all through one handler: load the case within the caller's scope,
// check If-Match, apply the change in one transaction (state, timeline events, audit entry; for an
// assessment, the snapshot too), and answer the case as it now is with its new ETag.
import type { FastifyReply, FastifyRequest } from "fastify";
import Type from "typebox";
import type {
  AssignStep,
  CloseStep,
  DecisionStep,
  ReferralStep,
  SignEngagementStep,
  WaiveEngagementStep,
} from "../../../contracts/cases.ts";
import { escapePointer } from "../../../contracts/inputErrors.ts";
import { validateSituation } from "../../../contracts/situation.ts";
import type { Action } from "../../../core/access/index.ts";
import {
  type CaseCommand,
  caseErrorMessage,
  type EligibilitySummary,
  transition,
} from "../../../core/cases/index.ts";
import { evaluate, isCalendarDate, type Situation } from "../../../core/rules/index.ts";
import { todayInParis } from "../../../core/time/index.ts";
import {
  type CaseChange,
  CaseCommandError,
  type CaseRow,
  caseStateOf,
  findOrganisations,
  findUser,
  insertReferral,
  insertSnapshot,
  lifecycleChange,
} from "../../../db/cases/repository.ts";
import { loadParameterTimeline } from "../../../db/ruleParameters.ts";
import { HttpProblem, problemResponses, type ValidationIssue } from "../../problem.ts";
import type { AppInstance } from "../../types.ts";
import { type PrepareChange, runCaseStep, sessionOf } from "./caseAccess.ts";
import { caseProblemMessages, caseRouteMessages } from "./messages.fr.ts";
import { CaseIdParams } from "./reads.ts";

/** The change a lifecycle command makes, audited as `case.<command>` with the statuses before and after. */
function commandChange(
  row: CaseRow,
  command: CaseCommand,
  details: Record<string, unknown> = {},
): CaseChange {
  const result = transition(caseStateOf(row), command);
  return lifecycleChange(result, {
    action: `case.${command.type}`,
    details: { from: row.status, to: result.ok ? result.state.status : row.status, ...details },
  });
}

function unprocessable(path: string, code: string, message: string): HttpProblem {
  return new HttpProblem(422, code, caseProblemMessages.invalidStep.title, message, {
    errors: [{ path, code, message }],
  });
}

function invalid(errors: ValidationIssue[]): HttpProblem {
  return HttpProblem.of(400, "validation_failed", { errors });
}

function notInFuture(day: string, path: string): void {
  if (day > todayInParis()) throw unprocessable(path, "DATE_IN_FUTURE", caseProblemMessages.futureDate);
}

function refuseWhenClosed(row: CaseRow): void {
  if (row.status === "closed") {
    throw new CaseCommandError({ code: "CASE_CLOSED", message: caseErrorMessage("CASE_CLOSED") });
  }
}

// The assessment's fields as the body names them.
function eligibilityFieldPath(field: string): string {
  if (field === "snapshot.assessedOn") return "/assessedOn";
  if (field === "snapshot.directive") return "/situation/requestDate";
  return "/";
}

/** The body of an assessment, checked by hand so that the situation's errors are the rules engine's. */
function eligibilityInput(body: unknown, requestedOn: string): { situation: Situation; assessedOn: string } {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw invalid([{ path: "/", code: "type", message: caseProblemMessages.notAnObject }]);
  }
  const issues: ValidationIssue[] = Object.keys(body)
    .filter((key) => key !== "situation" && key !== "assessedOn")
    .map((key) => ({
      path: `/${escapePointer(key)}`,
      code: "UNKNOWN_FIELD",
      message: caseProblemMessages.unknownField,
    }));
  const { situation, assessedOn } = body as { situation?: unknown; assessedOn?: unknown };
  if (assessedOn !== undefined && (typeof assessedOn !== "string" || !isCalendarDate(assessedOn))) {
    issues.push({ path: "/assessedOn", code: "INVALID_DATE", message: caseProblemMessages.invalidDate });
  }
  if (typeof situation !== "object" || situation === null || Array.isArray(situation)) {
    issues.push({ path: "/situation", code: "required", message: caseProblemMessages.required });
    throw invalid(issues);
  }
  const given = (situation as { requestDate?: unknown }).requestDate;
  if (given !== undefined && given !== requestedOn) {
    issues.push({
      path: "/situation/requestDate",
      code: "REQUEST_DATE_MISMATCH",
      message: caseProblemMessages.requestDateMismatch(requestedOn),
    });
  }
  const checked = validateSituation({ ...situation, requestDate: requestedOn });
  if (!checked.ok) {
    for (const error of checked.errors) {
      issues.push({ path: `/situation${error.path}`, code: error.code, message: error.message });
    }
  }
  if (issues.length > 0 || !checked.ok) throw invalid(issues);
  const day = (assessedOn as string | undefined) ?? todayInParis();
  notInFuture(day, "/assessedOn");
  return { situation: checked.situation, assessedOn: day };
}

export async function caseStepRoutes(app: AppInstance): Promise<void> {
  const db = app.db;

  const step = (
    request: FastifyRequest,
    reply: FastifyReply,
    permission: Action,
    prepare: PrepareChange,
    fieldPath?: (field: string) => string,
  ) => runCaseStep(app, request, reply, permission, prepare, fieldPath);

  const routeSchema = (
    summary: string,
    body: string,
    description: string = caseRouteMessages.stepDescription,
  ) => ({
    tags: ["cases"],
    summary,
    description,
    params: CaseIdParams,
    headers: Type.Object({
      "if-match": Type.Optional(Type.String({ description: caseRouteMessages.ifMatchDescription })),
    }),
    body: Type.Ref(body),
    response: {
      200: Type.Ref("CaseDetail"),
      ...problemResponses(400, 401, 403, 404, 409, 412, 415, 422, 428),
    },
  });

  app.post(
    "/api/v1/cases/:id/eligibility",
    {
      config: { permission: "cases.change" },
      schema: routeSchema(
        caseRouteMessages.eligibilitySummary,
        "EligibilityStep",
        `${caseRouteMessages.eligibilityDescription} ${caseRouteMessages.stepDescription}`,
      ),
      // Documented by the schema, checked in the handler by validateSituation (the engine's own errors).
      // The case id is checked when the case is loaded (a malformed id is no case: 404).
      validatorCompiler: () => () => true,
    },
    async (request, reply) =>
      step(
        request,
        reply,
        "cases.change",
        async (row) => {
          const { situation, assessedOn } = eligibilityInput(request.body, row.requestedOn);
          // Read before the transaction: PGlite has one connection, which the transaction holds.
          const parameters = (await loadParameterTimeline(db)).inForce(row.requestedOn);
          const result = evaluate(situation, parameters);
          const actorUserId = sessionOf(request).user.id;
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
              assessedByUserId: actorUserId,
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
            return commandChange(current, command, { outcome: result.outcome, snapshotId: stored.id });
          };
        },
        eligibilityFieldPath,
      ),
  );

  app.post(
    "/api/v1/cases/:id/decision",
    {
      config: { permission: "cases.change" },
      schema: routeSchema(
        caseRouteMessages.decisionSummary,
        "DecisionStep",
        `${caseRouteMessages.decisionDescription} ${caseRouteMessages.stepDescription}`,
      ),
    },
    async (request, reply) => {
      const body = request.body as DecisionStep;
      const command: CaseCommand =
        body.decision === "redirect"
          ? { type: "redirect", motive: body.motive ?? "" }
          : { type: body.decision, ...(body.motive === undefined ? {} : { motive: body.motive }) };
      return step(request, reply, "cases.change", () => (row) => commandChange(row, command));
    },
  );

  const simpleSteps: { path: string; summary: string; command: CaseCommand }[] = [
    {
      path: "diagnosis/start",
      summary: caseRouteMessages.diagnosisSummary,
      command: { type: "startDiagnosis" },
    },
    { path: "plan/propose", summary: caseRouteMessages.planSummary, command: { type: "proposePlan" } },
    {
      path: "follow-up/start",
      summary: caseRouteMessages.followUpSummary,
      command: { type: "startFollowUp" },
    },
  ];
  for (const simple of simpleSteps) {
    app.post(
      `/api/v1/cases/:id/${simple.path}`,
      {
        config: { permission: "cases.change" },
        schema: routeSchema(simple.summary, "EmptyStep"),
        // Nothing to say: no body is as good as {}.
        preValidation: async (request) => {
          request.body ??= {};
        },
      },
      async (request, reply) =>
        step(request, reply, "cases.change", () => (row) => commandChange(row, simple.command)),
    );
  }

  // The date is checked before the case is loaded: a day to come is wrong whatever the case's state.
  const datedStep = <Body extends { on: string }>(
    path: string,
    summary: string,
    bodySchema: string,
    change: (body: Body) => { command: CaseCommand; details?: Record<string, unknown> },
  ) =>
    app.post(
      `/api/v1/cases/:id/${path}`,
      { config: { permission: "cases.change" }, schema: routeSchema(summary, bodySchema) },
      async (request, reply) => {
        const body = request.body as Body;
        notInFuture(body.on, "/on");
        const { command, details } = change(body);
        return step(request, reply, "cases.change", () => (row) => commandChange(row, command, details));
      },
    );

  datedStep(
    "engagement/sign",
    caseRouteMessages.signSummary,
    "SignEngagementStep",
    (body: SignEngagementStep) => ({
      command: { type: "signEngagement", on: body.on },
    }),
  );
  datedStep(
    "engagement/waive",
    caseRouteMessages.waiveSummary,
    "WaiveEngagementStep",
    (body: WaiveEngagementStep) => ({
      command: { type: "waiveEngagement", reason: body.reason, on: body.on },
    }),
  );
  datedStep("close", caseRouteMessages.closeSummary, "CloseStep", (body: CloseStep) => ({
    command: { type: "close", reason: body.reason, on: body.on },
    details: { reason: body.reason },
  }));

  app.post(
    "/api/v1/cases/:id/assign",
    {
      config: { permission: "cases.assign" },
      schema: routeSchema(caseRouteMessages.assignSummary, "AssignStep"),
    },
    async (request, reply) => {
      const body = request.body as AssignStep;
      return step(request, reply, "cases.assign", async (row) => {
        const counsellor = await findUser(db.drizzle, body.counsellorUserId);
        if (
          counsellor === undefined ||
          counsellor.organisationId !== row.organisationId ||
          (counsellor.role !== "counsellor" && counsellor.role !== "manager")
        ) {
          throw unprocessable("/counsellorUserId", "NOT_A_COUNSELLOR", caseProblemMessages.notACounsellor);
        }
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
    },
  );

  app.post(
    "/api/v1/cases/:id/referrals",
    {
      config: { permission: "cases.change" },
      schema: routeSchema(caseRouteMessages.referSummary, "ReferralStep"),
    },
    async (request, reply) => {
      const body = request.body as ReferralStep;
      const actorUserId = sessionOf(request).user.id;
      return step(request, reply, "cases.change", async () => {
        const [partner] = await findOrganisations(db.drizzle, [body.partnerOrganisationId]);
        if (partner?.kind !== "partner") {
          throw unprocessable("/partnerOrganisationId", "NOT_A_PARTNER", caseProblemMessages.notAPartner);
        }
        return async (current, tx) => {
          refuseWhenClosed(current);
          const inserted = await insertReferral(tx, {
            caseId: current.id,
            partnerOrganisationId: partner.id,
            note: body.note?.trim() ?? null,
            referredByUserId: actorUserId,
          });
          if (!inserted) {
            const { title, detail } = caseProblemMessages.alreadyReferred;
            throw new HttpProblem(409, "already_referred", title, detail);
          }
          // The note stays with the referral: the timeline and the trail only say to whom.
          return {
            events: [{ type: "case_referred", data: { partnerOrganisationId: partner.id } }],
            audit: { action: "case.referred", details: { partnerOrganisationId: partner.id } },
          };
        };
      });
    },
  );
}
