// A test that reads "today" and then asks the server (which reads its own clock) must not straddle midnight in
// Paris: both would be right, a day apart. Tests that compare the two wait out the last moments of the day.
import { setTimeout as sleep } from "node:timers/promises";
import { todayInParis } from "../../src/core/time/index.ts";

/**
 * Returns once the Paris day will not change within the next `seconds` (waiting for midnight to pass when
 * it is that close), so that a test lasting at most that long sees one calendar day from start to end.
 */
export async function awayFromParisMidnight(seconds: number): Promise<void> {
  const today = todayInParis();
  if (todayInParis(new Date(Date.now() + seconds * 1000)) === today) return;
  while (todayInParis() === today) await sleep(1000);
}
