// Runs the retention job once a day inside the server (and a minute after start), with timers that do not
// keep the process alive. Each run writes one log line with counts only.
import type { Logger } from "pino";
import type { Drizzle } from "../../db/database.ts";
import { runRetention } from "./retention.ts";

const DAY_MS = 24 * 60 * 60_000;
const FIRST_RUN_DELAY_MS = 60_000;

/** Starts the daily runs; returns the function that stops them. */
export function scheduleRetention(db: Drizzle, retentionYears: number, logger: Logger): () => void {
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      const report = await runRetention(db, { retentionYears, now: new Date(), dryRun: false });
      logger.info({ ...report, retentionYears }, "retention run");
    } catch (error) {
      logger.error({ err: error }, "retention run failed");
    } finally {
      running = false;
    }
  };
  const first = setTimeout(run, FIRST_RUN_DELAY_MS);
  const daily = setInterval(run, DAY_MS);
  first.unref();
  daily.unref();
  return () => {
    clearTimeout(first);
    clearInterval(daily);
  };
}
