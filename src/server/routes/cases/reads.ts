// Reading cases: the caseload (GET /api/v1/cases), one case (GET /api/v1/cases/{id}, with its ETag), its
// timeline, and a partner's referrals (GET /api/v1/referrals, the referral summary only).
import Type from "typebox";
import { CaseListQuerySchema } from "../../../contracts/cases.ts";
import {
  listAgencyCases,
  listPartnerReferrals,
  readCase,
  readTimeline,
} from "../../../services/cases/index.ts";
import { callerOf } from "../../http/caller.ts";
import { problemResponses } from "../../http/problems.ts";
import type { AppInstance } from "../../types.ts";
import { caseRouteMessages } from "./messages.fr.ts";
import { caseSummary, presentCase, referralSummary, timelineItem } from "./presenters.ts";

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

export async function caseReadRoutes(app: AppInstance): Promise<void> {
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
      const page = await listAgencyCases(app.services, callerOf(request), request.query);
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
    async (request, reply) =>
      presentCase(reply, await readCase(app.services, callerOf(request), request.params.id)),
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
    async (request) => ({
      items: (await readTimeline(app.services, callerOf(request), request.params.id)).map(timelineItem),
    }),
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
      const page = await listPartnerReferrals(app.services, callerOf(request), request.query);
      return { items: page.items.map(referralSummary), nextCursor: page.nextCursor };
    },
  );
}
