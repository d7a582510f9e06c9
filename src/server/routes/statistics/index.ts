// The managers' routes over their whole agency: statistics and the counsellors they assign cases to.
import type { AppInstance } from "../../types.ts";
import { agencyRoutes } from "./agency.ts";
import { statisticsRoutes } from "./statistics.ts";

export async function managerRoutes(app: AppInstance): Promise<void> {
  await app.register(statisticsRoutes);
  await app.register(agencyRoutes);
}
