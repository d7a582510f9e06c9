// /api/v1/finance/exports/:dataset: commitments, disbursements or repayments of a year for accounting, as
// CSV or XLSX (presenters.ts). IBANs are masked. Schema → use case (src/services/finance/exports.ts) → file.
import Type from "typebox";
import { EXPORT_DATASETS, EXPORT_FORMATS, exportLines } from "../../../services/finance/index.ts";
import { callerOf } from "../../http/caller.ts";
import { problemResponses } from "../../http/problems.ts";
import type { AppInstance } from "../../types.ts";
import { financeRouteMessages } from "./messages.fr.ts";
import { exportFile } from "./presenters.ts";

export async function exportRoutes(app: AppInstance): Promise<void> {
  app.get(
    "/api/v1/finance/exports/:dataset",
    {
      config: { permission: "aids.export" },
      schema: {
        tags: ["finance"],
        summary: financeRouteMessages.summaries.export,
        params: Type.Object({ dataset: Type.Enum(EXPORT_DATASETS) }),
        querystring: Type.Object(
          { year: Type.Integer({ minimum: 2000, maximum: 2999 }), format: Type.Enum(EXPORT_FORMATS) },
          { additionalProperties: false },
        ),
        response: problemResponses(400, 401, 403),
      },
    },
    async (request, reply) => {
      const { dataset } = request.params;
      const { year, format } = request.query;
      const lines = await exportLines(app.services, callerOf(request), { dataset, year, format });
      const file = await exportFile(dataset, year, format, lines);
      reply.header("content-disposition", `attachment; filename="${file.filename}"`);
      return reply.type(file.contentType).send(file.content);
    },
  );
}
