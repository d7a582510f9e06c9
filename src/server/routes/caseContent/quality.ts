// The measure of the quality of the service (src/services/caseContent/quality.ts): the closure's outcome
// indicators (PUT /api/v1/cases/{id}/outcome), the durations and survey status (GET
// /api/v1/cases/{id}/quality), the one-time survey link (POST /api/v1/cases/{id}/survey) and the public
// survey itself (GET/POST /api/v1/surveys/{token}), answered once, after closure, without an account.
import Type from "typebox";
import { ClosureOutcomesSchema, SurveyAnswerSchema } from "../../../contracts/diagnosis.ts";
import {
  answerSurvey,
  readQuality,
  readSurvey,
  recordOutcomes,
  sendSurvey,
} from "../../../services/caseContent/index.ts";
import { callerOf } from "../../http/caller.ts";
import { setEtag } from "../../http/preconditions.ts";
import { problemResponses } from "../../http/problems.ts";
import { named } from "../../http/schemas.ts";
import type { AppInstance } from "../../types.ts";
import { CaseIdParams } from "../cases/reads.ts";
import { target } from "../cases/steps.ts";
import { contentRouteMessages } from "./messages.fr.ts";
import { qualityView, surveyForm } from "./presenters.ts";
import { CaseIfMatchHeaders } from "./schemas.ts";

const TokenParams = Type.Object(
  { token: Type.String({ pattern: "^[A-Za-z0-9_-]{20,100}$", description: "Jeton du lien reçu." }) },
  { additionalProperties: false },
);

export async function qualityRoutes(app: AppInstance): Promise<void> {
  app.put(
    "/api/v1/cases/:id/outcome",
    {
      config: { permission: "cases.change" },
      schema: {
        tags: ["cases"],
        summary: contentRouteMessages.outcomeSummary,
        description: contentRouteMessages.outcomeDescription,
        params: CaseIdParams,
        headers: CaseIfMatchHeaders,
        body: named(ClosureOutcomesSchema),
        response: {
          200: Type.Ref("ClosureOutcomes"),
          ...problemResponses(400, 401, 403, 404, 409, 412, 415, 428),
        },
      },
    },
    async (request, reply) => {
      const recorded = await recordOutcomes(app.services, callerOf(request), target(request), request.body);
      setEtag(reply, recorded.caseVersion);
      return recorded.outcomes;
    },
  );

  app.get(
    "/api/v1/cases/:id/quality",
    {
      config: { permission: "cases.read" },
      schema: {
        tags: ["cases"],
        summary: contentRouteMessages.qualitySummary,
        params: CaseIdParams,
        response: { 200: Type.Ref("QualityView"), ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => qualityView(await readQuality(app.services, callerOf(request), request.params.id)),
  );

  app.post(
    "/api/v1/cases/:id/survey",
    {
      config: { permission: "cases.change" },
      schema: {
        tags: ["cases"],
        summary: contentRouteMessages.surveyLinkSummary,
        description: contentRouteMessages.surveyLinkDescription,
        params: CaseIdParams,
        headers: CaseIfMatchHeaders,
        response: { 201: Type.Ref("SurveyLink"), ...problemResponses(400, 401, 403, 404, 409, 412, 428) },
      },
    },
    async (request, reply) => {
      const link = await sendSurvey(app.services, callerOf(request), target(request));
      setEtag(reply, link.caseVersion);
      return reply.code(201).send({ token: link.token, path: `/questionnaire/${link.token}` });
    },
  );

  app.get(
    "/api/v1/surveys/:token",
    {
      schema: {
        tags: ["surveys"],
        summary: contentRouteMessages.surveyReadSummary,
        params: TokenParams,
        response: { 200: Type.Ref("SurveyForm"), ...problemResponses(400, 404, 410) },
      },
    },
    async (request) => surveyForm(await readSurvey(app.services, request.params.token)),
  );

  app.post(
    "/api/v1/surveys/:token",
    {
      schema: {
        tags: ["surveys"],
        summary: contentRouteMessages.surveyAnswerSummary,
        params: TokenParams,
        body: named(SurveyAnswerSchema),
        response: { 204: Type.Null(), ...problemResponses(400, 404, 410, 415) },
      },
    },
    async (request, reply) => {
      await answerSurvey(app.services, callerOf(request), request.params.token, request.body);
      return reply.code(204).send(null);
    },
  );
}
