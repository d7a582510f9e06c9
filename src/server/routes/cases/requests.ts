// Opening a case: POST /api/v1/requests (the public form, no account, rate limited) and POST /api/v1/cases
// (a request taken by the agency).
import Type from "typebox";
import { CounsellorRequestSchema, PublicRequestSchema } from "../../../contracts/cases.ts";
import { filePublicRequest, recordAgencyRequest } from "../../../services/cases/index.ts";
import { callerOf } from "../../http/caller.ts";
import { problemResponses } from "../../http/problems.ts";
import { named } from "../../http/schemas.ts";
import type { AppInstance } from "../../types.ts";
import type { RateLimitSetting } from "../eligibility/eligibility.ts";
import { caseRouteMessages } from "./messages.fr.ts";
import { presentCase } from "./presenters.ts";

/** Per client address: a person files one request, perhaps corrects it; not a bulk channel. */
export const DEFAULT_REQUEST_RATE_LIMIT: RateLimitSetting = { max: 10, timeWindow: "1 minute" };

export async function caseRequestRoutes(
  app: AppInstance,
  options: { rateLimit?: RateLimitSetting | undefined },
): Promise<void> {
  const rateLimit = options.rateLimit ?? DEFAULT_REQUEST_RATE_LIMIT;

  app.post(
    "/api/v1/requests",
    {
      config: { rateLimit: { max: rateLimit.max, timeWindow: rateLimit.timeWindow } },
      schema: {
        tags: ["cases"],
        summary: caseRouteMessages.publicRequestSummary,
        description: caseRouteMessages.publicRequestDescription,
        body: named(PublicRequestSchema),
        response: { 201: Type.Ref("PublicRequestReceipt"), ...problemResponses(400, 413, 415, 429, 503) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await filePublicRequest(app.services, callerOf(request), request.body)),
  );

  app.post(
    "/api/v1/cases",
    {
      config: { permission: "cases.create" },
      schema: {
        tags: ["cases"],
        summary: caseRouteMessages.counsellorRequestSummary,
        description: caseRouteMessages.counsellorRequestDescription,
        body: named(CounsellorRequestSchema),
        response: { 201: Type.Ref("CaseDetail"), ...problemResponses(400, 401, 403, 415, 422) },
      },
    },
    async (request, reply) => {
      const view = await recordAgencyRequest(app.services, callerOf(request), request.body);
      reply.header("location", `/api/v1/cases/${view.record.row.id}`);
      return reply.code(201).send(presentCase(reply, view));
    },
  );
}
