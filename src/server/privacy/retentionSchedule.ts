// Runs the retention job (src/services/privacy/retention.ts) once a day inside the server (and a minute
// after start), as the system, with timers that do not keep the process alive. Each run writes one log line
// with counts only.
import type { Logger } from "pino";
import { SYSTEM_CALLER } from "../../services/caller.ts";
import type { ServiceContext } from "../../services/context.ts";
import { runRetention } from "../../services/privacy/index.ts";

const DAY_MS = 24 * 60 * 60_000;
const FIRST_RUN_DELAY_MS = 60_000;

/** Starts the daily runs; returns the function that stops them. */
export function scheduleRetention(context: ServiceContext, logger: Logger): () => void {
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      const report = await runRetention(context, SYSTEM_CALLER, { dryRun: false });
      logger.info({ ...report, retentionYears: context.retentionYears }, "retention run");
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
