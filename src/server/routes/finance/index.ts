// The finance API (issue 7): envelopes, catalogue, aids and accounting exports.
import type { Database } from "../../../db/database.ts";
import type { AppInstance } from "../../types.ts";
import { aidRoutes } from "./aids.ts";
import { catalogueRoutes } from "./catalogue.ts";
import { envelopeRoutes } from "./envelopes.ts";
import { exportRoutes } from "./exports.ts";

export async function financeRoutes(app: AppInstance, options: { db: Database }): Promise<void> {
  await app.register(envelopeRoutes, options);
  await app.register(catalogueRoutes, options);
  await app.register(aidRoutes, options);
  await app.register(exportRoutes, options);
}
