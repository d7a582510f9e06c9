// Auditors and case content: a written justification first (POST .../access-justifications), then the case
// and its timeline, read only, for a limited time (src/services/privacy/justifiedAccess.ts). Without a
// justification in force: 403, saying so. The sensitive topics are never shown.
import Type from "typebox";
import { AccessJustificationRequestSchema } from "../../../contracts/privacy.ts";
import { justifyAccess, readJustifiedCase, readJustifiedTimeline } from "../../../services/privacy/index.ts";
import { callerOf } from "../../http/caller.ts";
import { problemResponses } from "../../http/problems.ts";
import { named } from "../../http/schemas.ts";
import type { AppInstance } from "../../types.ts";
import { caseDetail, timelineItem } from "../cases/presenters.ts";
import { CaseIdParams } from "../cases/reads.ts";
import { emptyBodyWhenMissing } from "./emptyBody.ts";
import { privacyRouteMessages } from "./messages.fr.ts";
import { accessJustification } from "./presenters.ts";

export async function justifiedAccessRoutes(app: AppInstance): Promise<void> {
  app.post(
    "/api/v1/cases/:id/access-justifications",
    {
      config: { permission: "cases.read_justified" },
      schema: {
        tags: ["privacy"],
        summary: privacyRouteMessages.justifySummary,
        description: privacyRouteMessages.justifyDescription,
        params: CaseIdParams,
        body: named(AccessJustificationRequestSchema),
        response: { 201: Type.Ref("AccessJustification"), ...problemResponses(400, 401, 403, 404, 415) },
      },
      // The case id is checked when the case is loaded (a malformed id is no case: 404).
      preValidation: emptyBodyWhenMissing,
    },
    async (request, reply) => {
      const stored = await justifyAccess(app.services, callerOf(request), request.params.id, request.body);
      reply.code(201);
      return accessJustification(stored);
    },
  );

  app.get(
    "/api/v1/cases/:id/justified-read",
    {
      config: { permission: "cases.read_justified" },
      schema: {
        tags: ["privacy"],
        summary: privacyRouteMessages.justifiedReadSummary,
        description: privacyRouteMessages.justifiedReadDescription,
        params: CaseIdParams,
        response: { 200: Type.Ref("CaseDetail"), ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      caseDetail(await readJustifiedCase(app.services, callerOf(request), request.params.id)),
  );

  app.get(
    "/api/v1/cases/:id/justified-read/timeline",
    {
      config: { permission: "cases.read_justified" },
      schema: {
        tags: ["privacy"],
        summary: privacyRouteMessages.justifiedTimelineSummary,
        params: CaseIdParams,
        response: { 200: Type.Ref("CaseTimeline"), ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => ({
      items: (await readJustifiedTimeline(app.services, callerOf(request), request.params.id)).map(
        timelineItem,
      ),
    }),
  );
}
