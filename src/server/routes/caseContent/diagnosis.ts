// GET/PUT /api/v1/cases/{id}/diagnosis: the structured social diagnosis with its budget, and the case's
// version as ETag (src/services/caseContent/diagnosis.ts).
import Type from "typebox";
import { DiagnosisSchema } from "../../../contracts/diagnosis.ts";
import { readCaseDiagnosis, recordDiagnosis } from "../../../services/caseContent/index.ts";
import { callerOf } from "../../http/caller.ts";
import { problemResponses } from "../../http/problems.ts";
import { named } from "../../http/schemas.ts";
import type { AppInstance } from "../../types.ts";
import { CaseIdParams } from "../cases/reads.ts";
import { target } from "../cases/steps.ts";
import { contentRouteMessages } from "./messages.fr.ts";
import { presentDiagnosis } from "./presenters.ts";
import { CaseIfMatchHeaders } from "./schemas.ts";

export async function diagnosisRoutes(app: AppInstance): Promise<void> {
  app.get(
    "/api/v1/cases/:id/diagnosis",
    {
      config: { permission: "cases.read" },
      schema: {
        tags: ["cases"],
        summary: contentRouteMessages.diagnosisReadSummary,
        description: contentRouteMessages.diagnosisReadDescription,
        params: CaseIdParams,
        response: { 200: Type.Ref("DiagnosisView"), ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) =>
      presentDiagnosis(reply, await readCaseDiagnosis(app.services, callerOf(request), request.params.id)),
  );

  app.put(
    "/api/v1/cases/:id/diagnosis",
    {
      config: { permission: "cases.change" },
      schema: {
        tags: ["cases"],
        summary: contentRouteMessages.diagnosisWriteSummary,
        description: contentRouteMessages.diagnosisWriteDescription,
        params: CaseIdParams,
        headers: CaseIfMatchHeaders,
        body: named(DiagnosisSchema),
        response: {
          200: Type.Ref("DiagnosisView"),
          ...problemResponses(400, 401, 403, 404, 409, 412, 415, 428),
        },
      },
    },
    async (request, reply) =>
      presentDiagnosis(
        reply,
        await recordDiagnosis(app.services, callerOf(request), target(request), request.body),
      ),
  );
}
