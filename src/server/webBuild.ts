// Builds the web application with Vite when dist/web is missing or older than its sources, so that
// `npm start` alone serves an up-to-date page.
import { spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const REPO_ROOT = fileURLToPath(new URL("../../", import.meta.url));
const VITE_CONFIG = join(REPO_ROOT, "web/vite.config.ts");
const SOURCE_DIRS = [join(REPO_ROOT, "web"), join(REPO_ROOT, "src/core"), join(REPO_ROOT, "src/contracts")];
const BUILT_INDEX = join(REPO_ROOT, "dist/web/index.html");

export type WebBuildOutcome = "built" | "up-to-date" | "no-web-app";

export async function buildWebIfStale(): Promise<WebBuildOutcome> {
  if (!existsSync(VITE_CONFIG)) return "no-web-app";
  if (existsSync(BUILT_INDEX)) {
    const builtAt = statSync(BUILT_INDEX).mtimeMs;
    if (SOURCE_DIRS.every((dir) => newestModification(dir) <= builtAt)) return "up-to-date";
  }
  await runViteBuild();
  return "built";
}

/**
 * Runs `vite build` in a child process: Vite takes its build mode from NODE_ENV, which here belongs to the
 * server (`test`, `development` for the demo) and would otherwise yield React's development bundle; and the
 * server does not keep Vite in memory once the page is built.
 */
function runViteBuild(): Promise<void> {
  const viteBin = join(dirname(createRequire(import.meta.url).resolve("vite/package.json")), "bin/vite.js");
  const child = spawn(process.execPath, [viteBin, "build", "--config", VITE_CONFIG, "--logLevel", "error"], {
    cwd: REPO_ROOT,
    env: { ...process.env, NODE_ENV: "production" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk) => {
    output += String(chunk);
  });
  child.stderr.on("data", (chunk) => {
    output += String(chunk);
  });
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => {
      if (code === 0) resolve();
      else reject(new Error(`vite build exited with code ${code}:\n${output}`));
    });
  });
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
