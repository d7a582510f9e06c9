// The manager's dashboard and the assignment of a new request, in a real browser (Debian's chromium driven
// by playwright-core) against the real server on a PGlite database with the demo seed and its living
// caseload: the demo manager opens the dashboard, sees its charts and the tables of the same figures
// (French numbers), gets a bad period refused on its field, then assigns a request from the public form to
// a counsellor from the caseload and sees it assigned, there and on the case page. axe on every page; the
// dashboard's screenshot.
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../src/config/config.ts";
import { CASE_STATUS_LABELS } from "../src/core/cases/index.ts";
import { seedDemoCases } from "../src/db/demoCases.ts";
import { migrate } from "../src/db/migrate.ts";
import { todayInParis } from "../src/db/ruleParameters.ts";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemoData } from "../src/db/seed.ts";
import { DEFAULT_WEB_ROOT } from "../src/server/app.ts";
import { buildWebIfStale } from "../src/server/webBuild.ts";
import { dashboardMessages } from "../web/src/workspace/dashboard/messages.fr.ts";
import { seriousViolations } from "./support/axe.ts";
import { call, signIn } from "./support/caseApi.ts";
import { CHROMIUM_ARGS, CHROMIUM_PATH } from "./support/chromium.ts";
import { DATABASE_KINDS, type TestDatabase } from "./support/databases.ts";
import { type RunningServer, startServer } from "./support/server.ts";

const IN_CI = process.env.CI === "true";
const SCREENSHOTS = fileURLToPath(new URL("../docs/screenshots/", import.meta.url));
const chromiumMissing = !existsSync(CHROMIUM_PATH);
const SKIP_REASON = `skipped: no chromium at ${CHROMIUM_PATH} (apt-get install chromium, or set CHROMIUM_PATH)`;
const PGLITE = DATABASE_KINDS.find((kind) => kind.kind === "pglite");
const KEY = loadConfig({ LOG_LEVEL: "silent" }).dataEncryptionKey;

const demo = (role: string, organisation: string) => {
  const found = DEMO_ACCOUNTS.find(
    (candidate) => candidate.role === role && candidate.organisation === organisation,
  );
  if (found === undefined) throw new Error(`no demo ${role}`);
  return found;
};
const MANAGER = demo("manager", "paris");
const COUNSELLOR = demo("counsellor", "paris");

describe.skipIf(chromiumMissing && !IN_CI)(
  chromiumMissing ? `manager dashboard in chromium (${SKIP_REASON})` : "manager dashboard in chromium",
  () => {
    let database: TestDatabase;
    let server: RunningServer;
    let browser: Browser;

    beforeAll(async () => {
      if (chromiumMissing) throw new Error(`CI=true and no chromium at ${CHROMIUM_PATH}`);
      expect(await buildWebIfStale()).not.toBe("no-web-app");
      if (PGLITE === undefined) throw new Error("no PGlite database kind");
      database = await PGLITE.open();
      await migrate(database.db);
      await seedDemoData(database.db);
      await seedDemoCases(database.db, KEY, todayInParis());
      server = await startServer(database.db, { webRoot: DEFAULT_WEB_ROOT });
      browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
      mkdirSync(SCREENSHOTS, { recursive: true });
    }, 240_000);

    afterAll(async () => {
      await browser?.close();
      await server?.close();
      await database?.dispose();
    });

    async function signInTo(path: string): Promise<Page> {
      const context = await browser.newContext({ locale: "fr-FR", viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${server.url}/connexion?suite=${encodeURIComponent(path)}`);
      await page.locator("#connexion-email").fill(MANAGER.email);
      await page.locator("#connexion-password").fill(DEMO_PASSWORD);
      await page.keyboard.press("Enter");
      await page.getByTestId("signed-in-as").waitFor();
      await page.waitForURL(`${server.url}${path}`);
      return page;
    }

    const rowsOf = (page: Page, testId: string) => page.getByTestId(testId).locator("tbody tr");

    it("shows the agency's figures as charts and tables, and refuses a bad period on its field", {
      timeout: 150_000,
    }, async () => {
      const page = await signInTo("/espace/tableau-de-bord");
      try {
        expect(await page.locator("h1").textContent()).toBe(dashboardMessages.title);
        await page.getByTestId("key-figures").waitFor();
        // Every chart has loaded (their own chunk), next to its table.
        for (const chart of ["chart-opened", "chart-status", "chart-counsellors", "chart-quality"]) {
          await page.getByTestId(chart).locator("svg").first().waitFor();
        }
        // Twelve months by default, one line each; the status table names every step in French.
        expect(await rowsOf(page, "table-opened").count()).toBe(12);
        const statusTable = (await page.getByTestId("table-status").textContent()) ?? "";
        for (const label of Object.values(CASE_STATUS_LABELS)) expect(statusTable).toContain(label);
        // The figures agree with the API's, formatted in French.
        const manager = await signIn(server.url, MANAGER.email);
        const statistics = await call<{
          opened: { total: number };
          current: { byStatus: { status: string; count: number }[] };
          counsellors: { displayName: string; openCases: number }[];
        }>(server.url, "GET", "/api/v1/statistics", { session: manager });
        const total = new Intl.NumberFormat("fr-FR").format(statistics.body.opened.total);
        expect(await page.getByTestId("key-figures").textContent()).toContain(
          `${dashboardMessages.keyFigures.opened}${total}`,
        );
        const closed = statistics.body.current.byStatus.find((row) => row.status === "closed")?.count ?? 0;
        expect(closed).toBeGreaterThan(0);
        const closedRow = rowsOf(page, "table-status").filter({ hasText: CASE_STATUS_LABELS.closed });
        expect(await closedRow.locator("td").textContent()).toBe(
          new Intl.NumberFormat("fr-FR").format(closed),
        );
        const counsellors = (await page.getByTestId("table-counsellors").textContent()) ?? "";
        for (const row of statistics.body.counsellors) expect(counsellors).toContain(row.displayName);
        expect(await seriousViolations(page)).toEqual([]);
        await page.screenshot({ path: join(SCREENSHOTS, "dashboard.png"), fullPage: true });

        // An end before the start: the API refuses it, and the page says so on the field.
        await page.locator("#periode-from").fill("31/12/2025");
        await page.locator("#periode-to").fill("01/01/2025");
        await page.getByRole("button", { name: dashboardMessages.period.apply }).click();
        await expect.poll(() => page.locator("#periode-to").getAttribute("aria-invalid")).toBe("true");
        // A valid period: the months follow.
        await page.locator("#periode-from").fill("01/01/2026");
        await page.locator("#periode-to").fill("31/03/2026");
        await page.getByRole("button", { name: dashboardMessages.period.apply }).click();
        await expect.poll(() => rowsOf(page, "table-opened").count()).toBe(3);
        expect(await page.getByTestId("dashboard-period").textContent()).toContain(
          "du 01/01/2026 au 31/03/2026",
        );
      } finally {
        await page.context().close();
      }
    });

    it("assigns a new request to a counsellor from the caseload", { timeout: 150_000 }, async () => {
      const filed = await call<{ reference: string }>(server.url, "POST", "/api/v1/requests", {
        body: {
          person: {
            firstName: "Test",
            lastName: "Attribution",
            email: "attribution@exemple-appui.test",
            postcode: "75011",
          },
          situationSummary: "Impayés de loyer.",
          consent: { processing: true, noticeVersion: "2025-11" },
        },
      });
      expect(filed.status).toBe(201);
      const reference = filed.body.reference;
      const counsellor = await signIn(server.url, COUNSELLOR.email);

      const page = await signInTo("/espace");
      try {
        const row = rowsOf(page, "new-requests").filter({ hasText: reference });
        await row.waitFor();
        const select = row.getByLabel(dashboardMessages.assign.labelFor(reference));
        await select.locator("option").nth(1).waitFor({ state: "attached" });
        expect(await seriousViolations(page)).toEqual([]);
        await select.selectOption(counsellor.userId);
        await row.getByRole("button", { name: dashboardMessages.assign.submitFor(reference) }).click();
        await row.getByText(/^Attribué à Claire Fontaine/).waitFor();

        // The case page says so too, where the manager may reassign it.
        await row.getByRole("link", { name: reference }).click();
        const assignment = page.getByTestId("assignment");
        await assignment.getByText(/^Attribué à Claire Fontaine/).waitFor();
        expect(await assignment.getByLabel(dashboardMessages.assign.labelFor(reference)).inputValue()).toBe(
          counsellor.userId,
        );
        expect(await seriousViolations(page)).toEqual([]);

        const manager = await signIn(server.url, MANAGER.email);
        const found = await call<{ items: { counsellor: { id: string } | null }[] }>(
          server.url,
          "GET",
          `/api/v1/cases?q=${encodeURIComponent(reference)}`,
          { session: manager },
        );
        expect(found.body.items.map((item) => item.counsellor?.id)).toEqual([counsellor.userId]);
      } finally {
        await page.context().close();
      }
    });
  },
);
