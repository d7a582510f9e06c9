// The measure of the quality of the service: the closure's outcome indicators (PUT
// /api/v1/cases/{id}/outcome), the durations and survey status (GET /api/v1/cases/{id}/quality), the
// one-time survey link (POST /api/v1/cases/{id}/survey) and the public survey itself (GET/POST
// /api/v1/surveys/{token}), answered once, after closure, without an account.
import Type from "typebox";
import type { QualityView } from "../../../contracts/diagnosis.ts";
import {
  type ClosureOutcomes,
  closureOutcomesProblems,
  qualityDurations,
  SURVEY_RATING_LABELS,
  type SurveyAnswer,
} from "../../../core/diagnosis/index.ts";
import { recordAudit } from "../../../db/audit/append.ts";
import {
  answerSurvey,
  createSurvey,
  findDiagnosisRow,
  findSurvey,
  firstContactOn,
  readOutcomes,
  surveyStatus,
  writeOutcomes,
} from "../../../db/caseContent/repository.ts";
import { caseStateOf } from "../../../db/cases/repository.ts";
import { HttpProblem, problemResponses } from "../../http/problems.ts";
import type { AppInstance } from "../../types.ts";
import { auditContext, loadCaseInScope, sessionOf, setEtag } from "../cases/caseAccess.ts";
import { CaseIdParams } from "../cases/reads.ts";
import { changeAtCurrentVersion, changeAtReadVersion, contentProblem } from "./access.ts";
import { contentProblemMessages, contentRouteMessages } from "./messages.fr.ts";

const TokenParams = Type.Object(
  { token: Type.String({ pattern: "^[A-Za-z0-9_-]{20,100}$", description: "Jeton du lien reçu." }) },
  { additionalProperties: false },
);

function notClosed(): HttpProblem {
  const { title, detail } = contentProblemMessages.caseNotClosed;
  return new HttpProblem(409, "CASE_NOT_CLOSED", title, detail);
}

function surveyNotFound(): HttpProblem {
  const { title, detail } = contentProblemMessages.surveyNotFound;
  return new HttpProblem(404, "survey_not_found", title, detail);
}

function surveyClosed(): HttpProblem {
  const { title, detail } = contentProblemMessages.surveyClosed;
  return new HttpProblem(410, "survey_closed", title, detail);
}

export async function qualityRoutes(app: AppInstance): Promise<void> {
  const db = app.db;
  const ifMatch = Type.Object({
    "if-match": Type.Optional(Type.String({ description: contentRouteMessages.ifMatchCase })),
  });

  app.put(
    "/api/v1/cases/:id/outcome",
    {
      config: { permission: "cases.change" },
      schema: {
        tags: ["cases"],
        summary: contentRouteMessages.outcomeSummary,
        description: contentRouteMessages.outcomeDescription,
        params: CaseIdParams,
        headers: ifMatch,
        body: Type.Ref("ClosureOutcomes"),
        response: {
          200: Type.Ref("ClosureOutcomes"),
          ...problemResponses(400, 401, 403, 404, 409, 412, 415, 428),
        },
      },
    },
    async (request, reply) => {
      const record = await loadCaseInScope(db.drizzle, request, request.params.id, "cases.change");
      const body = request.body as ClosureOutcomes;
      const problems = closureOutcomesProblems(body);
      if (problems.length > 0) throw contentProblem(problems);
      const comment = body.comment?.trim();
      const outcomes: ClosureOutcomes = { indicators: body.indicators, ...(comment ? { comment } : {}) };
      const userId = sessionOf(request).user.id;
      const updated = await changeAtReadVersion(db, request, record, async (row, tx) => {
        if (row.status !== "closed") throw notClosed();
        await writeOutcomes(tx, { caseId: row.id, outcomes, userId });
        const data = { indicators: [...outcomes.indicators] };
        return {
          events: [{ type: "outcome_recorded", data }],
          audit: { action: "case.outcome_recorded", details: data },
        };
      });
      setEtag(reply, updated.version);
      return outcomes;
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
    async (request): Promise<QualityView> => {
      const record = await loadCaseInScope(db.drizzle, request, request.params.id);
      const { row } = record;
      const firstContact = await firstContactOn(db.drizzle, row.id, new Date());
      const diagnosis = await findDiagnosisRow(db.drizzle, row.id);
      const closedOn = caseStateOf(row).closure?.on;
      await recordAudit(db.drizzle, {
        ...auditContext(request),
        action: "case.quality_read",
        targetType: "case",
        targetId: row.id,
      });
      return {
        caseId: row.id,
        outcomes: (await readOutcomes(db.drizzle, row.id)) ?? null,
        durations: qualityDurations({
          requestedOn: row.requestedOn,
          ...(firstContact === undefined ? {} : { firstContactOn: firstContact }),
          ...(diagnosis === undefined ? {} : { diagnosedOn: diagnosis.diagnosedOn }),
          ...(closedOn === undefined ? {} : { closedOn }),
        }),
        survey: await surveyStatus(db.drizzle, row.id),
      };
    },
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
        headers: ifMatch,
        response: { 201: Type.Ref("SurveyLink"), ...problemResponses(400, 401, 403, 404, 409, 412, 428) },
      },
    },
    async (request, reply) => {
      const record = await loadCaseInScope(db.drizzle, request, request.params.id, "cases.change");
      const userId = sessionOf(request).user.id;
      let token = "";
      const updated = await changeAtReadVersion(db, request, record, async (row, tx) => {
        if (row.status !== "closed") throw notClosed();
        if ((await surveyStatus(tx, row.id)).answered) {
          const { title, detail } = contentProblemMessages.surveyAlreadyAnswered;
          throw new HttpProblem(409, "SURVEY_ALREADY_ANSWERED", title, detail);
        }
        token = await createSurvey(tx, { caseId: row.id, userId, now: new Date() });
        return {
          events: [{ type: "survey_sent", data: {} }],
          audit: { action: "case.survey_sent", details: {} },
        };
      });
      setEtag(reply, updated.version);
      return reply.code(201).send({ token, path: `/questionnaire/${token}` });
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
    async (request) => {
      const found = await findSurvey(db.drizzle, request.params.token);
      if (found === undefined) throw surveyNotFound();
      const { survey } = found;
      if (survey.answeredAt !== null || survey.revokedAt !== null || survey.expiresAt <= new Date()) {
        throw surveyClosed();
      }
      return {
        question: contentRouteMessages.surveyQuestion,
        ratings: Object.entries(SURVEY_RATING_LABELS).map(([value, label]) => ({
          value: Number(value),
          label,
        })),
        agency: found.agencyName,
      };
    },
  );

  app.post(
    "/api/v1/surveys/:token",
    {
      schema: {
        tags: ["surveys"],
        summary: contentRouteMessages.surveyAnswerSummary,
        params: TokenParams,
        body: Type.Ref("SurveyAnswer"),
        response: { 204: Type.Null(), ...problemResponses(400, 404, 410, 415) },
      },
    },
    async (request, reply) => {
      const found = await findSurvey(db.drizzle, request.params.token);
      if (found === undefined) throw surveyNotFound();
      const { survey } = found;
      const now = new Date();
      if (survey.answeredAt !== null || survey.revokedAt !== null || survey.expiresAt <= now)
        throw surveyClosed();
      const body = request.body as SurveyAnswer;
      const comment = body.comment?.trim();
      const answer: SurveyAnswer = { rating: body.rating, ...(comment ? { comment } : {}) };
      const context = { ...auditContext(request), actorUserId: null, actorRole: null, organisationId: null };
      await changeAtCurrentVersion(db, survey.caseId, context, async (_row, tx) => {
        // The token works once: a concurrent answer that landed first makes this one match no row.
        if (!(await answerSurvey(tx, { id: survey.id, answer, now }))) throw surveyClosed();
        const data = { rating: answer.rating };
        return {
          events: [{ type: "survey_answered", data }],
          audit: { action: "survey.answered", details: data },
        };
      });
      return reply.code(204).send(null);
    },
  );
}
