// GET /api/v1/statistics (and .csv): a manager's figures for their own agency. Aggregates only, so a read
// is not a read of anyone's personal data: no per-person audit entry, and nothing personal in the logs.
import { StatisticsQuerySchema, StatisticsSchema } from "../../../contracts/statistics.ts";
import { agencyStatistics } from "../../../services/statistics/index.ts";
import { callerOf } from "../../http/caller.ts";
import { problemResponses } from "../../http/problems.ts";
import type { AppInstance } from "../../types.ts";
import { statisticsRouteMessages } from "./messages.fr.ts";
import { statisticsCsv } from "./presenters.ts";

export async function statisticsRoutes(app: AppInstance): Promise<void> {
  const schema = {
    tags: ["statistics"],
    querystring: StatisticsQuerySchema,
  };

  app.get(
    "/api/v1/statistics",
    {
      config: { permission: "statistics.read" },
      schema: {
        ...schema,
        summary: statisticsRouteMessages.statisticsSummary,
        description: statisticsRouteMessages.statisticsDescription,
        response: { 200: StatisticsSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => agencyStatistics(app.services, callerOf(request), request.query),
  );

  app.get(
    "/api/v1/statistics.csv",
    {
      config: { permission: "statistics.read" },
      schema: {
        ...schema,
        summary: statisticsRouteMessages.statisticsCsvSummary,
        response: problemResponses(400, 401, 403),
      },
    },
    async (request, reply) => {
      const statistics = await agencyStatistics(app.services, callerOf(request), request.query);
      const { from, to } = statistics.period;
      return reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="statistiques-${from}-${to}.csv"`)
        .send(statisticsCsv(statistics));
    },
  );
}
