// Starts the real HTTP server (real socket, random port) on a given database, for integration tests.
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import type { Logger } from "pino";
import { type Config, loadConfig } from "../../src/config/config.ts";
import type { Database } from "../../src/db/database.ts";
import { type BuildAppOptions, buildApp } from "../../src/server/app.ts";
import { createLogger } from "../../src/server/logger.ts";
import type { AuthOptions } from "../../src/server/plugins/auth.ts";
import type { AppInstance } from "../../src/server/types.ts";

export interface RunningServer {
  app: AppInstance;
  /** Base URL, e.g. http://127.0.0.1:41234 */
  url: string;
  close(): Promise<void>;
}

export interface StartServerOptions {
  env?: Record<string, string>;
  logger?: Logger;
  webRoot?: string;
  /** Adds routes (test-only ones) before the server starts listening. */
  routes?: (app: AppInstance) => void;
  /** Session timeouts, lockout policy, login rate and clock. */
  auth?: Partial<AuthOptions>;
  rateLimits?: BuildAppOptions["rateLimits"];
}

export async function startServer(db: Database, options: StartServerOptions = {}): Promise<RunningServer> {
  const config: Config = loadConfig({ LOG_LEVEL: "silent", ...options.env });
  const app = await buildApp({
    config,
    db,
    logger: options.logger ?? createLogger("silent"),
    // A directory without index.html: no web application unless a test provides one.
    webRoot: options.webRoot ?? join(tmpdir(), "appui-test-no-web-app"),
    ...(options.auth === undefined ? {} : { auth: options.auth }),
    ...(options.rateLimits === undefined ? {} : { rateLimits: options.rateLimits }),
  });
  options.routes?.(app);
  const url = await app.listen({ port: 0, host: "127.0.0.1" });
  return { app, url, close: () => app.close() };
}

/** A trace-level logger whose lines land in `lines`, for the tests that search the logs for personal data. */
export function capturingLogger(lines: string[]): ReturnType<typeof createLogger> {
  const capture = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return createLogger("trace", capture);
}
