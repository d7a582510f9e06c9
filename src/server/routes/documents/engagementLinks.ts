// The one-time acceptance link of the reciprocal engagement (src/services/documents/engagementLinks.ts): a
// counsellor creates it (If-Match, new ETag) and sends it; the person, without an account, reads the
// engagement and its PDF through it and accepts it once.
import Type from "typebox";
import { EngagementAcceptanceSchema } from "../../../contracts/documents.ts";
import {
  acceptEngagement,
  createAcceptanceLink,
  linkedEngagementPdf,
  readLinkedEngagement,
} from "../../../services/documents/index.ts";
import { callerOf } from "../../http/caller.ts";
import { setEtag } from "../../http/preconditions.ts";
import { problemResponses } from "../../http/problems.ts";
import { named } from "../../http/schemas.ts";
import type { AppInstance } from "../../types.ts";
import { caseRouteMessages } from "../cases/messages.fr.ts";
import { CaseIdParams } from "../cases/reads.ts";
import { target } from "../cases/steps.ts";
import { PDF_RESPONSE, sendPdf } from "./download.ts";
import { documentRouteMessages, engagementAccepted } from "./messages.fr.ts";

const TokenParams = Type.Object(
  {
    token: Type.String({
      minLength: 20,
      maxLength: 100,
      description: documentRouteMessages.tokenDescription,
    }),
  },
  { additionalProperties: false },
);

/**
 * Requests per client address and minute on the public link routes. A token cannot be guessed (256 bits);
 * the limit keeps anyone from making the server render PDFs or query the database in a loop.
 */
const PUBLIC_RATE_LIMIT = { max: 30, timeWindow: "1 minute" };

export async function engagementLinkRoutes(app: AppInstance): Promise<void> {
  app.post(
    "/api/v1/cases/:id/engagement/link",
    {
      config: { permission: "cases.change" },
      schema: {
        tags: ["documents"],
        summary: documentRouteMessages.linkSummary,
        description: documentRouteMessages.linkDescription,
        params: CaseIdParams,
        headers: Type.Object({
          "if-match": Type.Optional(Type.String({ description: caseRouteMessages.ifMatchDescription })),
        }),
        response: {
          201: Type.Ref("EngagementLink"),
          ...problemResponses(400, 401, 403, 404, 409, 412, 428),
        },
      },
    },
    async (request, reply) => {
      const { link, caseVersion } = await createAcceptanceLink(
        app.services,
        callerOf(request),
        target(request),
      );
      setEtag(reply, caseVersion);
      return reply.code(201).send({
        token: link.token,
        path: `/engagement/${link.token}`,
        expiresAt: link.expiresAt.toISOString(),
      });
    },
  );

  app.get(
    "/api/v1/engagements/:token",
    {
      config: { rateLimit: PUBLIC_RATE_LIMIT },
      schema: {
        tags: ["documents"],
        summary: documentRouteMessages.publicSummary,
        params: TokenParams,
        response: { 200: Type.Ref("EngagementSummary"), ...problemResponses(400, 404, 410, 429) },
      },
    },
    async (request) => ({
      ...(await readLinkedEngagement(app.services, callerOf(request), request.params.token)),
      pdfPath: `/api/v1/engagements/${request.params.token}/engagement.pdf`,
    }),
  );

  app.get(
    "/api/v1/engagements/:token/engagement.pdf",
    {
      config: { rateLimit: PUBLIC_RATE_LIMIT },
      schema: {
        tags: ["documents"],
        summary: documentRouteMessages.publicPdfSummary,
        params: TokenParams,
        response: { 200: PDF_RESPONSE, ...problemResponses(400, 404, 410, 429) },
      },
    },
    async (request, reply) =>
      sendPdf(
        reply,
        "engagement-reciproque",
        await linkedEngagementPdf(app.services, callerOf(request), request.params.token),
      ),
  );

  app.post(
    "/api/v1/engagements/:token",
    {
      // The token in the path is the credential: a page on another site cannot know it, so the CSRF
      // check (for sessions) adds nothing, and the person has no session anyway.
      config: { csrf: false, rateLimit: PUBLIC_RATE_LIMIT },
      schema: {
        tags: ["documents"],
        summary: documentRouteMessages.publicAcceptSummary,
        description: documentRouteMessages.publicAcceptDescription,
        params: TokenParams,
        body: named(EngagementAcceptanceSchema),
        response: { 200: Type.Ref("EngagementAccepted"), ...problemResponses(400, 404, 409, 410, 415, 429) },
      },
    },
    async (request) => ({
      ...(await acceptEngagement(app.services, callerOf(request), request.params.token)),
      message: engagementAccepted,
    }),
  );
}
