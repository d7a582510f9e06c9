// What every browser test file sets up the same way: Debian's chromium driven by playwright-core, against the
// real server on a PGlite database (migrated, usually with the demo seed), serving the production build.
// Kept in one place so that the skip rule, the French browser profile and the login steps cannot drift apart
// from one file to the next.
import { existsSync, mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import {
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  chromium,
  type Page,
} from "playwright-core";
import { describe, expect } from "vitest";
import type { Database } from "../../src/db/database.ts";
import { migrate } from "../../src/db/migrate.ts";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemoData } from "../../src/demo/accounts.ts";
import { DEFAULT_WEB_ROOT } from "../../src/server/app.ts";
import { buildWebIfStale } from "../../src/server/webBuild.ts";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "./chromium.ts";
import { DATABASE_KINDS, type TestDatabase } from "./databases.ts";
import { type RunningServer, type StartServerOptions, startServer } from "./server.ts";

const IN_CI = process.env.CI === "true";
const chromiumMissing = !existsSync(CHROMIUM_PATH);

/** Where the runs leave the screenshots the README shows. */
export const SCREENSHOTS = fileURLToPath(new URL("../../docs/screenshots/", import.meta.url));

export const SKIP_REASON = `skipped: no chromium at ${CHROMIUM_PATH} (apt-get install chromium, or set CHROMIUM_PATH)`;

/** True when the browser suites are skipped: no chromium on a developer's machine. */
export const browserSuitesSkipped = chromiumMissing && !IN_CI;

/**
 * A suite that needs chromium. Without it a developer sees the suite skipped with the reason in its name;
 * with CI=true it runs anyway, so that startBrowserDemo fails it: CI must never pass by skipping.
 */
export function describeInChromium(name: string, body: () => void): void {
  describe.skipIf(browserSuitesSkipped)(chromiumMissing ? `${name} (${SKIP_REASON})` : name, body);
}

/** The demo account of this role (in this organisation when given), that the demo seed creates. */
export function demoAccount(
  role: string,
  organisation: string | null = null,
): (typeof DEMO_ACCOUNTS)[number] {
  const found = DEMO_ACCOUNTS.find(
    (candidate) =>
      candidate.role === role && (organisation === null || candidate.organisation === organisation),
  );
  if (found === undefined)
    throw new Error(`no demo ${role}${organisation === null ? "" : ` in ${organisation}`}`);
  return found;
}

export interface BrowserDemoOptions {
  /** False for the public pages that need no account: the database is only migrated. */
  demoData?: boolean;
  /** More data, seeded after the demo data and before the server starts (the demo caseload, for one). */
  seed?: (db: Database) => Promise<unknown>;
  serverOptions?: Omit<StartServerOptions, "webRoot">;
}

export interface BrowserDemo {
  database: TestDatabase;
  server: RunningServer;
  browser: Browser;
  /** Closes the browser, the server and the database, whichever were opened. */
  stop(): Promise<void>;
}

/** Opens the database, seeds it, starts the server on the production build and launches chromium. */
export async function startBrowserDemo(options: BrowserDemoOptions = {}): Promise<BrowserDemo> {
  if (chromiumMissing) throw new Error(`CI=true and no chromium at ${CHROMIUM_PATH}`);
  expect(await buildWebIfStale()).not.toBe("no-web-app");
  const pglite = DATABASE_KINDS.find((kind) => kind.kind === "pglite");
  if (pglite === undefined) throw new Error("no PGlite database kind");
  const opened: Partial<BrowserDemo> = {};
  const stop = async () => {
    await opened.browser?.close();
    await opened.server?.close();
    await opened.database?.dispose();
  };
  try {
    const database = await pglite.open();
    opened.database = database;
    await migrate(database.db);
    if (options.demoData !== false) await seedDemoData(database.db);
    await options.seed?.(database.db);
    const server = await startServer(database.db, { ...options.serverOptions, webRoot: DEFAULT_WEB_ROOT });
    opened.server = server;
    const browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
      headless: true,
    });
    opened.browser = browser;
    mkdirSync(SCREENSHOTS, { recursive: true });
    return { database, server, browser, stop };
  } catch (error) {
    // A failed start leaves nothing running: the suite's afterAll has no demo to stop.
    await stop();
    throw error;
  }
}

/**
 * A fresh browser profile (its own cookies): one person, reading French on a desktop screen. A context from
 * browser.newContext(), not browser.newPage(), because axe needs one.
 */
export function newPerson(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  return browser.newContext({ locale: "fr-FR", viewport: { width: 1280, height: 900 }, ...options });
}

/** Signs in on the login page with the demo password and lands on `path`, the page asked for before. */
export async function signInTo(
  context: BrowserContext,
  serverUrl: string,
  email: string,
  path: string,
): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${serverUrl}/connexion?suite=${encodeURIComponent(path)}`);
  await page.locator("#connexion-email").fill(email);
  await page.locator("#connexion-password").fill(DEMO_PASSWORD);
  await page.keyboard.press("Enter");
  await page.getByTestId("signed-in-as").waitFor();
  await page.waitForURL(`${serverUrl}${path}`);
  return page;
}

/** Presses Tab until the element with this id has the focus: proves it is reachable by keyboard. */
export async function tabTo(page: Page, id: string): Promise<void> {
  for (let presses = 0; presses < 60; presses++) {
    await page.keyboard.press("Tab");
    if ((await page.evaluate(() => document.activeElement?.id)) === id) return;
  }
  throw new Error(`#${id} not reached with the Tab key`);
}
