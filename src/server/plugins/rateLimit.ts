// Rate limiting is opt-in per route (`config: { rateLimit: { max, timeWindow } }`), e.g. for login.
import rateLimit from "@fastify/rate-limit";
import type { AppInstance } from "../types.ts";

export async function registerRateLimit(app: AppInstance): Promise<void> {
  await app.register(rateLimit, { global: false });
}
