// The manager's dashboard and the assignment of a new request, in a real browser (Debian's chromium driven
// by playwright-core) against the real server on a PGlite database with the demo seed and its living
// caseload: the demo manager opens the dashboard, sees its charts and the tables of the same figures
// (French numbers), gets a bad period refused on its field, then assigns a request from the public form to
// a counsellor from the caseload and sees it assigned, there and on the case page. axe on every page; the
// dashboard's screenshot.
import { join } from "node:path";
import { and, count, eq, gte, inArray, lt, sql } from "drizzle-orm";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { loadConfig } from "../src/config/config.ts";
import { CASE_STATUS_LABELS } from "../src/core/cases/index.ts";
import { todayInParis } from "../src/core/time/index.ts";
import { appointments, caseActions, cases, users } from "../src/db/schema/index.ts";
import { seedDemoCases } from "../src/demo/cases.ts";
import { createServiceContext } from "../src/services/context.ts";
import { dashboardMessages } from "../web/src/workspace/dashboard/messages.fr.ts";
import { workspaceMessages } from "../web/src/workspace/messages.fr.ts";
import { seriousViolations } from "./support/axe.ts";
import {
  type BrowserDemo,
  demoAccount,
  describeInChromium,
  newPerson,
  SCREENSHOTS,
  signInTo,
  startBrowserDemo,
} from "./support/browserDemo.ts";
import { call, signIn } from "./support/caseApi.ts";

const CONFIG = loadConfig({ LOG_LEVEL: "silent" });

const MANAGER = demoAccount("manager", "paris");
const COUNSELLOR = demoAccount("counsellor", "paris");

describeInChromium("manager dashboard in chromium", () => {
  let demo: BrowserDemo;

  beforeAll(async () => {
    demo = await startBrowserDemo({
      // The living caseload: the charts and tables have months and counsellors to show.
      seed: (db) => seedDemoCases(createServiceContext(CONFIG, db)),
    });
  }, 240_000);

  afterAll(async () => {
    await demo?.stop();
  });

  /** The demo manager, signed in in a browser of their own, on `path`. */
  async function managerOn(path: string): Promise<Page> {
    return signInTo(await newPerson(demo.browser), demo.server.url, MANAGER.email, path);
  }

  const rowsOf = (page: Page, testId: string) => page.getByTestId(testId).locator("tbody tr");

  it("shows the agency's figures as charts and tables, and refuses a bad period on its field", {
    timeout: 150_000,
  }, async () => {
    const page = await managerOn("/espace/tableau-de-bord");
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
      const manager = await signIn(demo.server.url, MANAGER.email);
      const statistics = await call<{
        opened: { total: number };
        current: { byStatus: { status: string; count: number }[] };
        counsellors: { displayName: string; openCases: number }[];
      }>(demo.server.url, "GET", "/api/v1/statistics", { session: manager });
      const total = new Intl.NumberFormat("fr-FR").format(statistics.body.opened.total);
      expect(await page.getByTestId("key-figures").textContent()).toContain(
        `${dashboardMessages.keyFigures.opened}${total}`,
      );
      const closed = statistics.body.current.byStatus.find((row) => row.status === "closed")?.count ?? 0;
      expect(closed).toBeGreaterThan(0);
      const closedRow = rowsOf(page, "table-status").filter({ hasText: CASE_STATUS_LABELS.closed });
      expect(await closedRow.locator("td").textContent()).toBe(new Intl.NumberFormat("fr-FR").format(closed));
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

  it("opens the caseload on the day: appointments still to come today and overdue actions, as stored", {
    timeout: 150_000,
  }, async () => {
    const db = demo.database.db.drizzle;
    const [manager] = await db
      .select({ organisationId: users.organisationId })
      .from(users)
      .where(eq(users.email, MANAGER.email));
    const agency = manager?.organisationId ?? "";
    // One appointment of our own in ten minutes, unless that is already tomorrow in Paris.
    const soon = new Date(Date.now() + 10 * 60_000);
    const parisDay = (moment: Date) => moment.toLocaleDateString("sv-SE", { timeZone: "Europe/Paris" });
    const [open] = await db
      .select({ id: cases.id })
      .from(cases)
      .where(and(eq(cases.organisationId, agency), eq(cases.status, "follow_up")))
      .limit(1);
    if (parisDay(soon) === parisDay(new Date())) {
      await db.insert(appointments).values({ caseId: open?.id ?? "", at: soon, channel: "phone" });
    }
    const page = await managerOn("/espace");
    try {
      // What the database holds: each agency case's next appointment from now, when it falls today in Paris,
      // by time then reference.
      const upcoming = await db
        .select({
          reference: cases.reference,
          at: sql<Date>`min(${appointments.at})`.mapWith((v) => new Date(v)),
        })
        .from(appointments)
        .innerJoin(cases, eq(cases.id, appointments.caseId))
        .where(and(eq(cases.organisationId, agency), gte(appointments.at, sql`now()`)))
        .groupBy(cases.reference);
      const today = upcoming
        .filter((row) => parisDay(row.at) === parisDay(new Date()))
        .sort((a, b) => a.at.getTime() - b.at.getTime() || a.reference.localeCompare(b.reference))
        .map((row) => row.reference);
      const listed = page.getByTestId("today-appointments").locator("li");
      await expect.poll(() => listed.count()).toBe(today.length);
      const texts = await listed.allTextContents();
      expect(texts.map((line) => /\((ASD-[0-9-]+)\)/.exec(line)?.[1])).toEqual(today);
      if (today.length === 0) {
        expect(await page.getByTestId("today-appointments").textContent()).toContain(
          workspaceMessages.caseload.appointmentsEmpty,
        );
      }

      const overdue = await db
        .select({ reference: cases.reference, count: count() })
        .from(caseActions)
        .innerJoin(cases, eq(cases.id, caseActions.caseId))
        .where(
          and(
            eq(cases.organisationId, agency),
            inArray(caseActions.status, ["planned", "in_progress"]),
            lt(caseActions.dueOn, todayInParis()),
          ),
        )
        .groupBy(cases.reference);
      const counts = new Map(overdue.map((row) => [row.reference, row.count]));
      const shown = page.getByTestId("today-overdue").locator("li");
      await expect.poll(() => shown.count()).toBe(Math.min(10, counts.size));
      for (const line of await shown.allTextContents()) {
        const reference = /\((ASD-[0-9-]+)\)/.exec(line)?.[1] ?? "";
        expect(line, reference).toContain(
          workspaceMessages.caseload.overdueCount(counts.get(reference) ?? -1),
        );
      }
      expect(await seriousViolations(page)).toEqual([]);
    } finally {
      await page.context().close();
    }
  });

  it("assigns a new request to a counsellor from the caseload", { timeout: 150_000 }, async () => {
    const filed = await call<{ reference: string }>(demo.server.url, "POST", "/api/v1/requests", {
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
    const counsellor = await signIn(demo.server.url, COUNSELLOR.email);

    const page = await managerOn("/espace");
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

      const manager = await signIn(demo.server.url, MANAGER.email);
      const found = await call<{ items: { counsellor: { id: string } | null }[] }>(
        demo.server.url,
        "GET",
        `/api/v1/cases?q=${encodeURIComponent(reference)}`,
        { session: manager },
      );
      expect(found.body.items.map((item) => item.counsellor?.id)).toEqual([counsellor.userId]);
    } finally {
      await page.context().close();
    }
  });
});
