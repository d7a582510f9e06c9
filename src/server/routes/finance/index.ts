// The finance API (issue 7): envelopes, catalogue, aids, accounting exports and envelope alerts.
import type { Database } from "../../../db/database.ts";
import type { AppInstance } from "../../types.ts";
import { aidRoutes } from "./aids.ts";
import { alertRoutes } from "./alerts.ts";
import { catalogueRoutes } from "./catalogue.ts";
import { envelopeRoutes } from "./envelopes.ts";
import { exportRoutes } from "./exports.ts";
import { createMoneyLane } from "./moneyLane.ts";

export async function financeRoutes(app: AppInstance, options: { db: Database }): Promise<void> {
  // One lane per server: every route that reserves, commits, releases or pays queues in it.
  const lane = createMoneyLane();
  await app.register(envelopeRoutes, { ...options, lane });
  await app.register(catalogueRoutes, options);
  await app.register(aidRoutes, { ...options, lane });
  await app.register(exportRoutes, options);
  await app.register(alertRoutes, options);
}
