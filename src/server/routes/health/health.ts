// GET /api/v1/health: the service answers, and says whether its database does.
import Type from "typebox";
import { checkDatabase } from "../../../services/health/health.ts";
import { healthMessages } from "../../messages.fr.ts";
import type { AppInstance } from "../../types.ts";
import { VERSION } from "../../version.ts";

const HealthSchema = Type.Object({
  status: Type.Union([Type.Literal("ok"), Type.Literal("unavailable")]),
  database: Type.Union([Type.Literal("ok"), Type.Literal("unavailable")]),
  version: Type.String(),
});

export async function healthRoutes(app: AppInstance): Promise<void> {
  app.get(
    "/api/v1/health",
    {
      schema: {
        tags: ["service"],
        summary: healthMessages.summary,
        response: { 200: HealthSchema, 503: HealthSchema },
      },
    },
    async (request, reply) => {
      try {
        await checkDatabase(app.services);
        return { status: "ok" as const, database: "ok" as const, version: VERSION };
      } catch (error) {
        request.log.warn({ err: error }, "database unavailable");
        return reply.code(503).send({ status: "unavailable", database: "unavailable", version: VERSION });
      }
    },
  );
}
