// Reading cases: the caseload (GET /api/v1/cases), one case (GET /api/v1/cases/{id}, with its ETag), its
// timeline, and a partner's referrals (GET /api/v1/referrals, the referral summary only). Every read of a
// person's data is written to the audit trail, without the data.
import Type from "typebox";
import type { CaseListQuery } from "../../../contracts/cases.ts";
import { CaseListQuerySchema } from "../../../contracts/cases.ts";
import { recordAudit } from "../../../db/audit/append.ts";
import { InvalidCursorError, listCaseload, listReferrals } from "../../../db/cases/list.ts";
import { caseTimeline } from "../../../db/cases/repository.ts";
import { HttpProblem, problemResponses } from "../../problem.ts";
import type { AppInstance } from "../../types.ts";
import { auditContext, loadCaseInScope, sessionOf, setEtag } from "./caseAccess.ts";
import { caseProblemMessages, caseRouteMessages } from "./messages.fr.ts";
import { caseDetail, caseSummary, referralSummary, timelineItem } from "./presenters.ts";

export const CaseIdParams = Type.Object(
  { id: Type.String({ format: "uuid", description: "Identifiant du dossier." }) },
  { additionalProperties: false },
);

const ReferralQuery = Type.Object(
  {
    cursor: CaseListQuerySchema.properties.cursor,
    limit: CaseListQuerySchema.properties.limit,
  },
  { additionalProperties: false },
);

function invalidCursor(): HttpProblem {
  return HttpProblem.of(400, "validation_failed", {
    errors: [{ path: "/cursor", code: "INVALID_CURSOR", message: caseProblemMessages.invalidCursor }],
  });
}

async function withCursor<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof InvalidCursorError) throw invalidCursor();
    throw error;
  }
}

export async function caseReadRoutes(app: AppInstance): Promise<void> {
  const db = app.db.drizzle;

  app.get(
    "/api/v1/cases",
    {
      config: { permission: "cases.list" },
      schema: {
        tags: ["cases"],
        summary: caseRouteMessages.listSummary,
        description: caseRouteMessages.listDescription,
        querystring: CaseListQuerySchema,
        response: { 200: Type.Ref("CaseList"), ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const session = sessionOf(request);
      const organisationId = session.organisation?.id;
      if (organisationId === undefined) throw HttpProblem.of(403, "forbidden");
      const query = request.query as CaseListQuery;
      const page = await withCursor(() =>
        listCaseload(db, {
          organisationId,
          ...(query.status === undefined ? {} : { statuses: query.status }),
          ...(query.counsellor === undefined
            ? {}
            : { counsellorUserId: query.counsellor === "none" ? null : query.counsellor }),
          ...(query.overdue === undefined ? {} : { overdue: query.overdue }),
          ...(query.nextAppointmentBefore === undefined
            ? {}
            : { nextAppointmentBefore: query.nextAppointmentBefore }),
          ...(query.q === undefined ? {} : { search: query.q }),
          ...(query.cursor === undefined ? {} : { cursor: query.cursor }),
          limit: query.limit,
        }),
      );
      // Names of people are read: the trail says who listed which cases, not what was searched.
      await recordAudit(db, {
        ...auditContext(request),
        action: "cases.listed",
        targetType: "case",
        details: { count: page.items.length, caseIds: page.items.map((item) => item.id) },
      });
      return { items: page.items.map(caseSummary), nextCursor: page.nextCursor };
    },
  );

  app.get(
    "/api/v1/cases/:id",
    {
      config: { permission: "cases.read" },
      schema: {
        tags: ["cases"],
        summary: caseRouteMessages.detailSummary,
        description: caseRouteMessages.detailDescription,
        params: CaseIdParams,
        response: { 200: Type.Ref("CaseDetail"), ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const record = await loadCaseInScope(db, request, request.params.id);
      await recordAudit(db, {
        ...auditContext(request),
        action: "case.read",
        targetType: "case",
        targetId: record.row.id,
        details: { version: record.row.version },
      });
      setEtag(reply, record.row.version);
      return caseDetail(db, record, app.config.dataDecryptionKeys);
    },
  );

  app.get(
    "/api/v1/cases/:id/timeline",
    {
      config: { permission: "cases.read" },
      schema: {
        tags: ["cases"],
        summary: caseRouteMessages.timelineSummary,
        params: CaseIdParams,
        response: { 200: Type.Ref("CaseTimeline"), ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const record = await loadCaseInScope(db, request, request.params.id);
      await recordAudit(db, {
        ...auditContext(request),
        action: "case.timeline_read",
        targetType: "case",
        targetId: record.row.id,
      });
      return { items: (await caseTimeline(db, record.row.id)).map(timelineItem) };
    },
  );

  app.get(
    "/api/v1/referrals",
    {
      config: { permission: "referrals.read" },
      schema: {
        tags: ["cases"],
        summary: caseRouteMessages.referralsSummary,
        description: caseRouteMessages.referralsDescription,
        querystring: ReferralQuery,
        response: { 200: Type.Ref("ReferralList"), ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const session = sessionOf(request);
      const organisationId = session.organisation?.id;
      if (organisationId === undefined) throw HttpProblem.of(403, "forbidden");
      const query = request.query;
      const page = await withCursor(() =>
        listReferrals(db, {
          partnerOrganisationId: organisationId,
          ...(query.cursor === undefined ? {} : { cursor: query.cursor }),
          limit: query.limit,
        }),
      );
      await recordAudit(db, {
        ...auditContext(request),
        action: "referrals.listed",
        targetType: "case",
        details: { count: page.items.length, caseIds: page.items.map((item) => item.caseId) },
      });
      return { items: page.items.map(referralSummary), nextCursor: page.nextCursor };
    },
  );
}
