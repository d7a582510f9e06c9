// GET /api/v1/health: the service answers, and says whether its database does.
import Type from "typebox";
import type { Database } from "../../../db/database.ts";
import { healthMessages } from "../../messages.fr.ts";
import type { AppInstance } from "../../types.ts";
import { VERSION } from "../../version.ts";

const PING_TIMEOUT_MS = 2_000;

const HealthSchema = Type.Object({
  status: Type.Union([Type.Literal("ok"), Type.Literal("unavailable")]),
  database: Type.Union([Type.Literal("ok"), Type.Literal("unavailable")]),
  version: Type.String(),
});

export async function healthRoutes(app: AppInstance, options: { db: Database }): Promise<void> {
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
        await withTimeout(options.db.ping(), PING_TIMEOUT_MS);
        return { status: "ok" as const, database: "ok" as const, version: VERSION };
      } catch (error) {
        request.log.warn({ err: error }, "database unavailable");
        return reply.code(503).send({ status: "unavailable", database: "unavailable", version: VERSION });
      }
    },
  );
}

function withTimeout<T>(promise: Promise<T>, milliseconds: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${milliseconds} ms`)), milliseconds);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
