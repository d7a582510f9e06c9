// The finance API (issue 7): envelopes, catalogue, aids, accounting exports and envelope alerts.
import type { AppInstance } from "../../types.ts";
import { aidRoutes } from "./aids.ts";
import { alertRoutes } from "./alerts.ts";
import { catalogueRoutes } from "./catalogue.ts";
import { envelopeRoutes } from "./envelopes.ts";
import { exportRoutes } from "./exports.ts";

export async function financeRoutes(app: AppInstance): Promise<void> {
  await app.register(envelopeRoutes);
  await app.register(catalogueRoutes);
  await app.register(aidRoutes);
  await app.register(exportRoutes);
  await app.register(alertRoutes);
}
