// GET /api/v1/agency/counsellors: whom a manager may assign a case to (their agency's active counsellors,
// with their open cases).
import { AgencyCounsellorsSchema } from "../../../contracts/statistics.ts";
import { assignableCounsellors } from "../../../services/statistics/index.ts";
import { callerOf } from "../../http/caller.ts";
import { problemResponses } from "../../http/problems.ts";
import type { AppInstance } from "../../types.ts";
import { statisticsRouteMessages } from "./messages.fr.ts";

export async function agencyRoutes(app: AppInstance): Promise<void> {
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
    async (request) => assignableCounsellors(app.services, callerOf(request)),
  );
}
