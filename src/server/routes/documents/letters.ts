// The two French PDFs of a case, generated on request (src/services/documents/letters.ts): the refusal
// letter of a refused case and the reciprocal engagement, each sent as a file to be saved.
import { engagementDocument, refusalLetter } from "../../../services/documents/index.ts";
import { callerOf } from "../../http/caller.ts";
import { problemResponses } from "../../http/problems.ts";
import type { AppInstance } from "../../types.ts";
import { CaseIdParams } from "../cases/reads.ts";
import { PDF_RESPONSE, sendPdf } from "./download.ts";
import { documentRouteMessages } from "./messages.fr.ts";

export async function letterRoutes(app: AppInstance): Promise<void> {
  app.get(
    "/api/v1/cases/:id/letters/refusal.pdf",
    {
      config: { permission: "documents.read" },
      schema: {
        tags: ["documents"],
        summary: documentRouteMessages.refusalSummary,
        params: CaseIdParams,
        response: { 200: PDF_RESPONSE, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) =>
      sendPdf(
        reply,
        "lettre-de-refus",
        await refusalLetter(app.services, callerOf(request), request.params.id),
      ),
  );

  app.get(
    "/api/v1/cases/:id/engagement.pdf",
    {
      config: { permission: "documents.read" },
      schema: {
        tags: ["documents"],
        summary: documentRouteMessages.engagementSummary,
        params: CaseIdParams,
        response: { 200: PDF_RESPONSE, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) =>
      sendPdf(
        reply,
        "engagement-reciproque",
        await engagementDocument(app.services, callerOf(request), request.params.id),
      ),
  );
}
