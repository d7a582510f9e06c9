// Builds the web application once, before any test file runs: the web tests and the `npm start` process
// test would otherwise build dist/web from two workers at the same time, each emptying the other's output.
import { buildWebIfStale } from "../../src/server/webBuild.ts";

export async function setup(): Promise<void> {
  await buildWebIfStale();
}
