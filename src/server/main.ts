// `npm start`: one process serving the API and the web application.
import closeWithGrace from "close-with-grace";
import { ConfigError, loadConfig } from "../config/config.ts";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../demo/accounts.ts";
import { buildApp } from "./app.ts";
import { createLogger } from "./logger.ts";
import { scheduleRetention } from "./privacy/retentionSchedule.ts";
import { openPreparedDatabase } from "./startup.ts";
import { startupMessages } from "./startupMessages.ts";
import { buildWebIfStale } from "./webBuild.ts";

const startedAt = performance.now();

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig(process.env);
} catch (error) {
  if (error instanceof ConfigError) fail(error.message);
  throw error;
}

const logger = createLogger(config.logLevel);

const webBuild = buildWebIfStale().catch((error: unknown) => {
  logger.error({ err: error }, "web build failed");
  return "failed" as const;
});

let prepared: Awaited<ReturnType<typeof openPreparedDatabase>>;
try {
  prepared = await openPreparedDatabase(config);
} catch (error) {
  // Refusals (newer schema, demo accounts in production) and unreachable servers: a message, not a stack.
  fail(startupMessages.databaseFailed(error instanceof Error ? error.message : String(error)));
}
const { db } = prepared;
logger.info(
  {
    kind: db.kind,
    appliedMigrations: prepared.appliedMigrations,
    createdDemoAccounts: prepared.createdDemoAccounts,
  },
  "database ready",
);

const webOutcome = await webBuild;
if (webOutcome === "no-web-app") logger.info("no web/vite.config.ts yet: web application not built");
else logger.info({ outcome: webOutcome }, "web application");

const app = await buildApp({ config, db, logger });
const stopRetention = config.nodeEnv === "test" ? () => {} : scheduleRetention(app.services, logger);

closeWithGrace(
  { delay: 10_000, logger: { error: (message) => logger.error(message) } },
  async ({ signal, err }) => {
    if (err) logger.error({ err }, "stopping after an unexpected error");
    else logger.info({ signal }, "stopping");
    stopRetention();
    await app.close(); // stops accepting, lets in-flight requests finish
    await db.close();
  },
);

try {
  await app.listen({ port: config.port, host: config.host });
} catch (error) {
  await db.close();
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "EADDRINUSE") fail(startupMessages.portInUse(config.port));
  if (code === "EACCES") fail(startupMessages.portForbidden(config.port));
  if (code === "EADDRNOTAVAIL") fail(startupMessages.hostUnavailable(config.host));
  throw error;
}

const address = app.server.address();
const port = typeof address === "object" && address !== null ? address.port : config.port;
const shownHost = config.host === "0.0.0.0" || config.host === "127.0.0.1" ? "localhost" : config.host;
process.stdout.write(
  startupMessages.ready({
    url: `http://${shownHost}:${port}`,
    seconds: (performance.now() - startedAt) / 1000,
    demoAccounts: config.demoMode ? DEMO_ACCOUNTS.map((account) => ({ ...account })) : [],
    demoPassword: DEMO_PASSWORD,
  }),
);
