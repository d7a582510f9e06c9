// /api/v1/finance/alerts: the envelope's consumption alerts (80 %, 95 %, exhausted), read by budget
// controllers and managers (each their own audience), acknowledged by budget controllers. Schema → use case
// (src/services/finance/alerts.ts).
import Type from "typebox";
import { AlertListSchema, AlertViewSchema } from "../../../contracts/finance.ts";
import { acknowledgeAlert, listAlerts } from "../../../services/finance/index.ts";
import { callerOf } from "../../http/caller.ts";
import { problemResponses } from "../../http/problems.ts";
import type { AppInstance } from "../../types.ts";
import { financeRouteMessages } from "./messages.fr.ts";

export async function alertRoutes(app: AppInstance): Promise<void> {
  app.get(
    "/api/v1/finance/alerts",
    {
      config: { permission: "envelope.read" },
      schema: {
        tags: ["finance"],
        summary: financeRouteMessages.summaries.listAlerts,
        querystring: Type.Object(
          {
            year: Type.Integer({ minimum: 2000, maximum: 2999 }),
            open: Type.Optional(Type.Boolean({ description: "true : seulement celles non encore lues." })),
          },
          { additionalProperties: false },
        ),
        response: { 200: AlertListSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => listAlerts(app.services, callerOf(request), request.query),
  );

  app.post(
    "/api/v1/finance/alerts/:id/acknowledge",
    {
      config: { permission: "alerts.acknowledge" },
      schema: {
        tags: ["finance"],
        summary: financeRouteMessages.summaries.acknowledgeAlert,
        params: Type.Object({ id: Type.String({ format: "uuid" }) }),
        response: { 200: AlertViewSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => acknowledgeAlert(app.services, callerOf(request), request.params.id),
  );
}
