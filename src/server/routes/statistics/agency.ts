// GET /api/v1/agency/counsellors: whom a manager may assign a case to (their agency's active counsellors,
// with their open cases), and the one place that reads the caller's agency for the statistics routes.
import type { FastifyRequest } from "fastify";
import { AgencyCounsellorsSchema } from "../../../contracts/statistics.ts";
import { activeCounsellors } from "../../../db/statistics.ts";
import { HttpProblem, problemResponses } from "../../http/problems.ts";
import type { AppInstance } from "../../types.ts";
import { sessionOf } from "../cases/caseAccess.ts";
import { statisticsRouteMessages } from "./messages.fr.ts";

/** The caller's agency. The permissions give these routes to managers, who always belong to one. */
export function agencyOf(request: FastifyRequest): string {
  const organisation = sessionOf(request).organisation;
  if (organisation?.kind !== "agency") throw HttpProblem.of(403, "forbidden");
  return organisation.id;
}

export async function agencyRoutes(app: AppInstance): Promise<void> {
  const db = app.db.drizzle;
  app.get(
    "/api/v1/agency/counsellors",
    {
      config: { permission: "cases.assign" },
      schema: {
        tags: ["statistics"],
        summary: statisticsRouteMessages.counsellorsSummary,
        description: statisticsRouteMessages.counsellorsDescription,
        response: { 200: AgencyCounsellorsSchema, ...problemResponses(401, 403) },
      },
    },
    async (request) => activeCounsellors(db, agencyOf(request)),
  );
}
