// /api/v1/finance/catalogue: the aid products in force on a date and their full history (read by staff who
// propose or decide), and recording a dated new version (administrators). Schema → use case
// (src/services/finance/catalogue.ts).
import Type from "typebox";
import { ProductInputSchema, ProductViewSchema } from "../../../contracts/finance.ts";
import { readCatalogue, recordProduct } from "../../../services/finance/index.ts";
import { callerOf } from "../../http/caller.ts";
import { problemResponses } from "../../http/problems.ts";
import type { AppInstance } from "../../types.ts";
import { financeRouteMessages } from "./messages.fr.ts";

export async function catalogueRoutes(app: AppInstance): Promise<void> {
  app.get(
    "/api/v1/finance/catalogue",
    {
      config: { permission: "catalogue.read" },
      schema: {
        tags: ["finance"],
        summary: financeRouteMessages.summaries.catalogue,
        querystring: Type.Object(
          { date: Type.Optional(Type.String({ description: "Date (AAAA-MM-JJ), aujourd'hui par défaut." })) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            date: Type.String({ format: "date" }),
            products: Type.Array(ProductViewSchema, {
              description: "Versions en vigueur, produits retirés exclus.",
            }),
            history: Type.Array(ProductViewSchema),
          }),
          ...problemResponses(400, 401, 403),
        },
      },
    },
    async (request) => readCatalogue(app.services, callerOf(request), request.query),
  );

  app.post(
    "/api/v1/finance/catalogue",
    {
      config: { permission: "catalogue.manage" },
      schema: {
        tags: ["finance"],
        summary: financeRouteMessages.summaries.recordProduct,
        body: ProductInputSchema,
        response: { 201: ProductViewSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await recordProduct(app.services, callerOf(request), request.body)),
  );
}
