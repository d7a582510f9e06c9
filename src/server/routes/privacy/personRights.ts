// The person's rights over a case (GDPR): access (the export, JSON and PDF), rectification of identity and
// contact, and erasure where the law allows it (src/services/privacy). Each is scoped like any case route
// (another agency's case is a 404) and audited; the trail says what was done, never the values.
import Type from "typebox";
import { ErasureRequestSchema, PersonRectificationSchema } from "../../../contracts/privacy.ts";
import {
  eraseCase,
  exportPersonalData,
  exportPersonalDataPdf,
  rectifyPerson,
} from "../../../services/privacy/index.ts";
import { callerOf } from "../../http/caller.ts";
import { problemResponses } from "../../http/problems.ts";
import { named } from "../../http/schemas.ts";
import type { AppInstance } from "../../types.ts";
import { presentCase } from "../cases/presenters.ts";
import { CaseIdParams } from "../cases/reads.ts";
import { target } from "../cases/steps.ts";
import { emptyBodyWhenMissing } from "./emptyBody.ts";
import { privacyRouteMessages } from "./messages.fr.ts";
import { erasureResult } from "./presenters.ts";

export async function personRightsRoutes(app: AppInstance): Promise<void> {
  app.get(
    "/api/v1/cases/:id/personal-data",
    {
      config: { permission: "cases.sensitive.read" },
      schema: {
        tags: ["privacy"],
        summary: privacyRouteMessages.exportSummary,
        description: privacyRouteMessages.exportDescription,
        params: CaseIdParams,
        response: { 200: Type.Ref("PersonalDataExport"), ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const exported = await exportPersonalData(app.services, callerOf(request), request.params.id);
      reply.header("cache-control", "no-store");
      return exported;
    },
  );

  app.get(
    "/api/v1/cases/:id/personal-data.pdf",
    {
      config: { permission: "cases.sensitive.read" },
      schema: {
        tags: ["privacy"],
        summary: privacyRouteMessages.exportPdfSummary,
        description: privacyRouteMessages.exportDescription,
        params: CaseIdParams,
        produces: ["application/pdf"],
        response: {
          200: Type.String({ contentMediaType: "application/pdf", description: "Relevé en PDF." }),
          ...problemResponses(400, 401, 403, 404),
        },
      },
    },
    async (request, reply) => {
      const { reference, pdf } = await exportPersonalDataPdf(
        app.services,
        callerOf(request),
        request.params.id,
      );
      return reply
        .header("cache-control", "no-store")
        .header("content-disposition", `attachment; filename="donnees-personnelles-${reference}.pdf"`)
        .type("application/pdf")
        .send(pdf);
    },
  );

  app.patch(
    "/api/v1/cases/:id/person",
    {
      config: { permission: "cases.change" },
      schema: {
        tags: ["privacy"],
        summary: privacyRouteMessages.rectifySummary,
        description: privacyRouteMessages.rectifyDescription,
        params: CaseIdParams,
        headers: Type.Object({ "if-match": Type.Optional(Type.String()) }),
        body: named(PersonRectificationSchema),
        response: {
          200: Type.Ref("CaseDetail"),
          ...problemResponses(400, 401, 403, 404, 409, 412, 415, 428),
        },
      },
    },
    async (request, reply) =>
      presentCase(reply, await rectifyPerson(app.services, callerOf(request), target(request), request.body)),
  );

  app.post(
    "/api/v1/cases/:id/erasure",
    {
      config: { permission: "cases.change" },
      schema: {
        tags: ["privacy"],
        summary: privacyRouteMessages.eraseSummary,
        description: privacyRouteMessages.eraseDescription,
        params: CaseIdParams,
        body: named(ErasureRequestSchema),
        response: { 200: Type.Ref("ErasureResult"), ...problemResponses(400, 401, 403, 404, 409, 415) },
      },
      preValidation: emptyBodyWhenMissing,
    },
    async (request) =>
      erasureResult(await eraseCase(app.services, callerOf(request), request.params.id, request.body)),
  );
}
