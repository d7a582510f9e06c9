// Builds the web application with Vite when dist/web is missing or older than its sources, so that
// `npm start` alone serves an up-to-date page.
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));
const VITE_CONFIG = join(REPO_ROOT, "web/vite.config.ts");
const SOURCE_DIRS = [join(REPO_ROOT, "web"), join(REPO_ROOT, "src/core")];
const BUILT_INDEX = join(REPO_ROOT, "dist/web/index.html");

export type WebBuildOutcome = "built" | "up-to-date" | "no-web-app";

export async function buildWebIfStale(): Promise<WebBuildOutcome> {
  if (!existsSync(VITE_CONFIG)) return "no-web-app";
  if (existsSync(BUILT_INDEX)) {
    const builtAt = statSync(BUILT_INDEX).mtimeMs;
    if (SOURCE_DIRS.every((dir) => newestModification(dir) <= builtAt)) return "up-to-date";
  }
  // Loaded on demand: Vite is heavy and most starts do not need it.
  const { build } = await import("vite");
  await build({ configFile: VITE_CONFIG, logLevel: "warn" });
  return "built";
}

function newestModification(directory: string): number {
  if (!existsSync(directory)) return 0;
  let newest = 0;
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name.startsWith(".")) continue;
    const path = join(directory, entry.name);
    const time = entry.isDirectory() ? newestModification(path) : statSync(path).mtimeMs;
    if (time > newest) newest = time;
  }
  return newest;
}
