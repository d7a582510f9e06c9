// The steps of a case, one POST each: schema → service (src/services/cases/steps.ts) → the case as it now
// is, with its new ETag.
import type { IncomingHttpHeaders } from "node:http";
import Type from "typebox";
import {
  AssignStepSchema,
  CloseStepSchema,
  DecisionStepSchema,
  EmptyStepSchema,
  ReferralStepSchema,
  SignEngagementStepSchema,
  WaiveEngagementStepSchema,
} from "../../../contracts/cases.ts";
import {
  assessEligibility,
  assignCase,
  closeCase,
  decide,
  type PlainStep,
  referCase,
  type StepTarget,
  signEngagement,
  takePlainStep,
  waiveEngagement,
} from "../../../services/cases/index.ts";
import { callerOf } from "../../http/caller.ts";
import { ifMatch } from "../../http/preconditions.ts";
import { problemResponses } from "../../http/problems.ts";
import { named } from "../../http/schemas.ts";
import type { AppInstance } from "../../types.ts";
import { caseRouteMessages } from "./messages.fr.ts";
import { presentCase } from "./presenters.ts";
import { CaseIdParams } from "./reads.ts";

const stepSchema = <Body extends Type.TSchema>(summary: string, body: Body, description?: string) => ({
  tags: ["cases"],
  summary,
  description: description ?? caseRouteMessages.stepDescription,
  params: CaseIdParams,
  headers: Type.Object({
    "if-match": Type.Optional(Type.String({ description: caseRouteMessages.ifMatchDescription })),
  }),
  body,
  response: {
    200: Type.Ref("CaseDetail"),
    ...problemResponses(400, 401, 403, 404, 409, 412, 415, 422, 428),
  },
});

/** The case a step acts on, and the version its caller read (If-Match). */
export const target = (request: { params: { id: string }; headers: IncomingHttpHeaders }): StepTarget => ({
  caseId: request.params.id,
  expected: ifMatch(request),
});

const stepDescription = (description: string) => `${description} ${caseRouteMessages.stepDescription}`;

export async function caseStepRoutes(app: AppInstance): Promise<void> {
  app.post(
    "/api/v1/cases/:id/eligibility",
    {
      config: { permission: "cases.change" },
      schema: stepSchema(
        caseRouteMessages.eligibilitySummary,
        Type.Ref("EligibilityStep"),
        stepDescription(caseRouteMessages.eligibilityDescription),
      ),
      // Documented by the schema, checked by the service with the rules engine's own errors. The case id is
      // checked when the case is loaded (a malformed id is no case: 404).
      validatorCompiler: () => () => true,
    },
    async (request, reply) =>
      presentCase(
        reply,
        await assessEligibility(app.services, callerOf(request), target(request), request.body),
      ),
  );

  app.post(
    "/api/v1/cases/:id/decision",
    {
      config: { permission: "cases.change" },
      schema: stepSchema(
        caseRouteMessages.decisionSummary,
        named(DecisionStepSchema),
        stepDescription(caseRouteMessages.decisionDescription),
      ),
    },
    async (request, reply) =>
      presentCase(reply, await decide(app.services, callerOf(request), target(request), request.body)),
  );

  const plainSteps: { path: string; summary: string; command: PlainStep }[] = [
    { path: "diagnosis/start", summary: caseRouteMessages.diagnosisSummary, command: "startDiagnosis" },
    { path: "plan/propose", summary: caseRouteMessages.planSummary, command: "proposePlan" },
    { path: "follow-up/start", summary: caseRouteMessages.followUpSummary, command: "startFollowUp" },
  ];
  for (const plain of plainSteps) {
    app.post(
      `/api/v1/cases/:id/${plain.path}`,
      {
        config: { permission: "cases.change" },
        schema: stepSchema(plain.summary, named(EmptyStepSchema)),
        // Nothing to say: no body is as good as {}.
        preValidation: async (request) => {
          request.body ??= {};
        },
      },
      async (request, reply) =>
        presentCase(
          reply,
          await takePlainStep(app.services, callerOf(request), target(request), plain.command),
        ),
    );
  }

  app.post(
    "/api/v1/cases/:id/engagement/sign",
    {
      config: { permission: "cases.change" },
      schema: stepSchema(caseRouteMessages.signSummary, named(SignEngagementStepSchema)),
    },
    async (request, reply) =>
      presentCase(
        reply,
        await signEngagement(app.services, callerOf(request), target(request), request.body),
      ),
  );

  app.post(
    "/api/v1/cases/:id/engagement/waive",
    {
      config: { permission: "cases.change" },
      schema: stepSchema(caseRouteMessages.waiveSummary, named(WaiveEngagementStepSchema)),
    },
    async (request, reply) =>
      presentCase(
        reply,
        await waiveEngagement(app.services, callerOf(request), target(request), request.body),
      ),
  );

  app.post(
    "/api/v1/cases/:id/close",
    {
      config: { permission: "cases.change" },
      schema: stepSchema(caseRouteMessages.closeSummary, named(CloseStepSchema)),
    },
    async (request, reply) =>
      presentCase(reply, await closeCase(app.services, callerOf(request), target(request), request.body)),
  );

  app.post(
    "/api/v1/cases/:id/assign",
    {
      config: { permission: "cases.assign" },
      schema: stepSchema(caseRouteMessages.assignSummary, named(AssignStepSchema)),
    },
    async (request, reply) =>
      presentCase(reply, await assignCase(app.services, callerOf(request), target(request), request.body)),
  );

  app.post(
    "/api/v1/cases/:id/referrals",
    {
      config: { permission: "cases.change" },
      schema: stepSchema(caseRouteMessages.referSummary, named(ReferralStepSchema)),
    },
    async (request, reply) =>
      presentCase(reply, await referCase(app.services, callerOf(request), target(request), request.body)),
  );
}
