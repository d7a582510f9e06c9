// Loans and grants in a real browser (Debian's chromium driven by playwright-core) against the real server on
// a real PGlite database with the demo seed: a counsellor proposes a loan on a 2025 case and withdraws
// another proposal, and reads why a 2021 case gets no aid; the agency's manager reads the envelope page
// without any decision button; a budget controller sees the proposal in the queue, approves it (a retry with
// the same Idempotency-Key is answered without a second approval), reads the burn-down as a chart and as a
// table, acknowledges the alert the proposal raised and pays the loan, whose schedule then shows on the case
// page of the agency's manager and of the counsellor; the budget controller has a bad repayment amount
// refused on its field, records an early repayment that shortens the loan and sees the shorter schedule,
// which the manager reads without any button; an early repayment that lowers the instalment shows the
// instalments the server stored, and an ordinary repayment the server's totals; a loan never repaid is
// flagged in arrears, then written off with its reason, which the manager reads on the case page. What the
// page shows is checked against the API, read in the page's own session. Axe on the envelope page and on
// the case page; screenshots for the README.
import { join } from "node:path";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { DEFAULT_FOUR_EYES_THRESHOLD_CENTS } from "../src/core/finance/aids.ts";
import { AID_MESSAGES, AID_STATUS_LABELS } from "../src/core/finance/messages.fr.ts";
import { formatCents } from "../src/core/finance/money.ts";
import { DIRECTIVES } from "../src/core/rules/index.ts";
import { frenchToday, isoDay } from "../web/src/frenchDates.ts";
import { aidMessages, repaymentMessages } from "../web/src/workspace/finance/messages.fr.ts";
import { roleMessages } from "../web/src/workspace/roles/messages.fr.ts";
import { seriousViolations } from "./support/axe.ts";
import {
  type BrowserDemo,
  demoAccount,
  describeInChromium,
  newPerson,
  SCREENSHOTS,
  signInTo as signInOn,
  startBrowserDemo,
} from "./support/browserDemo.ts";
import type { TestDatabase } from "./support/databases.ts";
import { DIRECTIVE_2021, DIRECTIVE_2025, financeClient, insertCases } from "./support/financeFixtures.ts";
import type { RunningServer } from "./support/server.ts";

const BUDGET = demoAccount("budget_controller");
const ADMIN = demoAccount("admin");
const PARIS_MANAGER = demoAccount("manager", "paris");
const PARIS = demoAccount("counsellor", "paris");

const IBAN = "FR76 3000 6000 0112 3456 7890 189";
const LOAN = "Prêt d'accès au logement";
const GRANT = "Subvention d'urgence";
/** 1 500 €: the 1 234,56 € loan alone passes 80 % of it, so its proposal raises an alert. */
const NATIONAL_CENTS = 150_000;
const LOAN_CENTS = 123_456;
/** The loan left unpaid, then written off: it fits in what the first loan leaves of the envelope. */
const LATE_CENTS = 20_000;
const text = roleMessages.envelope;

/** An aid and a loan schedule as the API stores them, read back to check what the page shows. */
interface StoredAid {
  id: string;
  kind: string;
  status: string;
  decisionReason: string | null;
}
interface StoredSchedule {
  rows: { dueDate: string; instalmentCents: number }[];
  receivedCents: number;
  outstandingCents: number;
  arrearsCents: number;
}

/** GET through the page's own session: what the server stored, not what the page computed. */
function readApi<T>(page: Page, path: string): Promise<T> {
  return page.evaluate(async (url) => {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`GET ${url} answered ${response.status}`);
    return response.json();
  }, path) as Promise<T>;
}

/** The received / outstanding / overdue line above a loan's schedule, as the server's figures say it. */
const totalsOf = (schedule: StoredSchedule) =>
  aidMessages.scheduleTotals(
    formatCents(schedule.receivedCents),
    formatCents(schedule.outstandingCents),
    formatCents(schedule.arrearsCents),
  );
/** Fewer than the 24 instalments, but some: while a schedule is read again its table is briefly empty. */
const shortened = async (rows: Locator) => {
  const count = await rows.count();
  return count > 0 && count < 24;
};
const shownTotals = (loan: Locator) => loan.getByTestId("schedule-totals").textContent();

describeInChromium("loans and grants in chromium", () => {
  let demo: BrowserDemo;
  let database: TestDatabase;
  let server: RunningServer;
  let browser: Browser;
  const year = Number(frenchToday().slice(-4));
  let loanCase: string;
  let grantCase: string;
  let oldCase: string;

  beforeAll(async () => {
    demo = await startBrowserDemo();
    ({ database, server, browser } = demo);

    // The catalogue (a loan and a grant for the 2025 directive) and a small envelope for this year.
    const api = financeClient(server.url);
    const admin = await api.signIn(ADMIN.email);
    for (const product of [
      { code: "pret-acces", kind: "loan", name: LOAN, maxAmountCents: 500_000, maxDurationMonths: 36 },
      { code: "subvention", kind: "grant", name: GRANT, maxAmountCents: 100_000 },
    ]) {
      const recorded = await api.call(admin, "POST", "/api/v1/finance/catalogue", {
        ...product,
        directives: [DIRECTIVE_2025],
        appliesFrom: "2025-11-20",
        reason: "Catalogue initial",
      });
      expect(recorded.status).toBe(201);
    }
    const controller = await api.signIn(BUDGET.email);
    const opened = await api.call(controller, "POST", "/api/v1/finance/envelopes", {
      year,
      nationalCents: NATIONAL_CENTS,
    });
    expect(opened.status).toBe(201);
    [loanCase, grantCase] = (await insertCases(database.db, {
      count: 2,
      agency: "Agence de Paris",
      counsellorEmail: PARIS.email,
      directive: DIRECTIVE_2025,
    })) as [string, string];
    [oldCase] = (await insertCases(database.db, {
      count: 1,
      agency: "Agence de Paris",
      counsellorEmail: PARIS.email,
      directive: DIRECTIVE_2021,
    })) as [string];
  }, 180_000);

  afterAll(async () => {
    await demo?.stop();
  });

  const person = (): Promise<BrowserContext> => newPerson(browser);
  const signInTo = (context: BrowserContext, email: string, path: string): Promise<Page> =>
    signInOn(context, server.url, email, path);

  const aidRow = (page: Page, product: string) =>
    page.getByTestId("aids-table").locator("tbody tr").filter({ hasText: product });

  it("counsellor: proposes a loan on a 2025 case (bad amount and duration refused on their fields), has a grant above the product's new maximum refused by the API on the amount, withdraws the grant she proposed, and reads why a 2021 case gets no aid", {
    timeout: 150_000,
  }, async () => {
    const context = await person();
    try {
      const page = await signInTo(context, PARIS.email, `/espace/dossiers/${loanCase}`);
      const panel = page.getByTestId("aids-panel");
      await panel.getByText(aidMessages.none).waitFor();

      await page.getByLabel(aidMessages.product).selectOption("pret-acces");
      const amount = page.getByLabel(aidMessages.amount, { exact: false });
      const duration = page.getByLabel(aidMessages.duration, { exact: false });
      // The duration starts at the product's maximum; both fields are checked before anything is sent.
      expect(await duration.inputValue()).toBe("36");
      await amount.fill("1 234,567");
      await duration.fill("48");
      await page.getByRole("button", { name: aidMessages.propose }).click();
      await expect.poll(() => amount.getAttribute("aria-invalid")).toBe("true");
      expect(await duration.getAttribute("aria-invalid")).toBe("true");
      expect(await panel.textContent()).toContain(aidMessages.durationInvalid(36));

      // "1 234,56" is read as 123 456 cents, exactly.
      await amount.fill("1 234,56");
      await duration.fill("24");
      await page.getByRole("button", { name: aidMessages.propose }).click();
      const loan = aidRow(page, LOAN);
      await loan.waitFor();
      expect(await loan.textContent()).toContain(formatCents(LOAN_CENTS));
      expect(await loan.getByTestId("aid-status").textContent()).toContain(AID_STATUS_LABELS.proposed);
      expect(await loan.textContent()).toContain(aidMessages.byYou);
      expect(await page.getByTestId("aids-announcement").textContent()).not.toBe("");

      // A grant proposed on the second case, then withdrawn with its reason.
      await page.goto(`${server.url}/espace/dossiers/${grantCase}`);
      await page.getByText(aidMessages.none).waitFor();
      await page.getByLabel(aidMessages.product).selectOption("subvention");
      expect(await page.getByLabel(aidMessages.duration, { exact: false }).count()).toBe(0);
      // Meanwhile the catalogue lowers the grant's maximum to 100 €: the API's refusal lands on the amount.
      const api = financeClient(server.url);
      const lowered = await api.call(await api.signIn(ADMIN.email), "POST", "/api/v1/finance/catalogue", {
        code: "subvention",
        kind: "grant",
        name: GRANT,
        maxAmountCents: 10_000,
        directives: [DIRECTIVE_2025],
        appliesFrom: isoDay(frenchToday()),
        reason: "Plafond abaissé",
      });
      expect(lowered.status).toBe(201);
      const grantAmount = page.getByLabel(aidMessages.amount, { exact: false });
      await grantAmount.fill("150");
      await page.getByRole("button", { name: aidMessages.propose }).click();
      await expect.poll(() => grantAmount.getAttribute("aria-invalid")).toBe("true");
      expect(await page.getByTestId("aids-table").count()).toBe(0);
      await grantAmount.fill("80");
      await page.getByRole("button", { name: aidMessages.propose }).click();
      const grant = aidRow(page, GRANT);
      await grant.waitFor();
      await page.getByRole("button", { name: aidMessages.withdrawLabel(GRANT, formatCents(8_000)) }).click();
      const reason = page.getByLabel(aidMessages.withdrawReason, { exact: false });
      await page.getByRole("button", { name: aidMessages.confirmWithdraw }).click();
      await expect.poll(() => reason.getAttribute("aria-invalid")).toBe("true");
      await reason.fill("La famille a obtenu une aide du FSL entre-temps.");
      await reason.press("Enter");
      await expect
        .poll(() => page.getByTestId("aids-announcement").textContent())
        .toBe(aidMessages.withdrawn(GRANT, formatCents(8_000)));
      await expect
        .poll(() => grant.getByTestId("aid-status").textContent())
        .toContain(AID_STATUS_LABELS.cancelled);
      expect(await grant.getByRole("button").count()).toBe(0);
      expect(await seriousViolations(page)).toEqual([]);

      // The 2021 directive is a service only: its reason, and no proposal form.
      await page.goto(`${server.url}/espace/dossiers/${oldCase}`);
      const serviceOnly = page.getByTestId("service-only");
      await serviceOnly.waitFor();
      const directive = DIRECTIVES.find((candidate) => candidate.reference === DIRECTIVE_2021);
      expect(await serviceOnly.textContent()).toContain(
        AID_MESSAGES.serviceOnly(DIRECTIVE_2021, directive?.mode ?? ""),
      );
      expect(await page.getByRole("button", { name: aidMessages.propose }).count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  it("manager: reads the agency's envelope page, its alert and its queue, with no button to decide, acknowledge or pay", {
    timeout: 120_000,
  }, async () => {
    const context = await person();
    try {
      const page = await signInTo(context, PARIS_MANAGER.email, "/espace/enveloppe");
      expect(await page.locator("h1").textContent()).toBe(text.title(year));
      const queue = page.getByTestId("approval-queue");
      await queue.waitFor();
      expect(await queue.locator("tbody tr").count()).toBe(1);
      expect(await queue.textContent()).toContain(formatCents(LOAN_CENTS));
      expect(await page.getByText(text.managerScope).isVisible()).toBe(true);
      // The four-eyes threshold in force (the default here) is said next to the queue.
      expect(await page.getByTestId("four-eyes-threshold").textContent()).toBe(
        `${repaymentMessages.threshold(formatCents(DEFAULT_FOUR_EYES_THRESHOLD_CENTS))} ${repaymentMessages.thresholdDefault}`,
      );
      await page.getByTestId("envelope-alerts").waitFor();
      await page.getByTestId("burndown-table").waitFor();
      for (const name of [text.approve, text.refuse, text.alerts.acknowledge, text.disbursements.pay]) {
        expect(await page.getByRole("button", { name }).count()).toBe(0);
      }
      expect(await page.getByTestId("disbursement-queue").count()).toBe(0);
      expect(await seriousViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("budget controller: sees the alert and the proposal, approves it once even when the request is retried with its key, reads the burn-down chart and table, acknowledges the alert and pays the loan", {
    timeout: 150_000,
  }, async () => {
    const context = await person();
    try {
      const page = await signInTo(context, BUDGET.email, "/espace/enveloppe");
      const alerts = page.getByTestId("envelope-alerts");
      await alerts.waitFor();
      // Never shown in this browser before: announced.
      expect(await alerts.getByRole("alert").count()).toBeGreaterThan(0);
      expect(await alerts.textContent()).toContain(text.alerts.levels.alert_80);

      const queue = page.getByTestId("approval-queue");
      await queue.waitFor();
      expect(await queue.locator("tbody tr").count()).toBe(1);
      const sent: { url: string; key: string | undefined }[] = [];
      page.on("request", (request) => {
        if (request.method() === "POST" && request.url().endsWith("/approve")) {
          sent.push({ url: request.url(), key: request.headers()["idempotency-key"] });
        }
      });
      await page
        .getByRole("button", { name: `${text.approve} : ${LOAN}, ${formatCents(LOAN_CENTS)}` })
        .click();
      await expect.poll(() => page.getByTestId("envelope-announcement").textContent()).not.toBe("");
      await expect.poll(() => queue.count()).toBe(0);
      expect(sent).toHaveLength(1);
      const [{ url, key }] = sent as [{ url: string; key: string | undefined }];
      expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);

      // The same click retried (same key, same body) gets the first answer; nothing is approved twice.
      const replay = await page.evaluate(
        async ({ url, key }) => {
          const session = (await (await fetch("/api/v1/auth/session")).json()) as { csrfToken: string };
          const first = await fetch(url, {
            method: "POST",
            headers: {
              "content-type": "application/json",
              "x-csrf-token": session.csrfToken,
              "idempotency-key": key,
            },
            body: "{}",
          });
          const again = await fetch(url, {
            method: "POST",
            headers: { "content-type": "application/json", "x-csrf-token": session.csrfToken },
            body: "{}",
          });
          return {
            status: first.status,
            body: (await first.json()) as { status: string; decidedAt: string },
            withoutKey: again.status,
          };
        },
        { url, key: key as string },
      );
      expect(replay.status).toBe(200);
      expect(replay.body.status).toBe("approved");
      expect(replay.withoutKey).toBe(409);
      const totals = page.getByTestId("envelope-totals");
      expect(await totals.textContent()).toContain(`${text.committed} :${formatCents(LOAN_CENTS)}`);
      expect(await totals.textContent()).toContain(
        `${text.available} :${formatCents(NATIONAL_CENTS - LOAN_CENTS)}`,
      );

      // The burn-down: a drawing, and the same figures in a table (this month: what is left now).
      await page.getByTestId("burndown-chart").locator("svg.recharts-surface").first().waitFor();
      const table = page.getByTestId("burndown-table");
      expect(await table.locator("tbody tr").count()).toBe(12);
      const month = Number(frenchToday().slice(3, 5)) - 1;
      const thisMonth = table.locator("tbody tr").nth(month);
      expect(await thisMonth.locator("th").textContent()).toBe(text.burndown.months[month]);
      await expect
        .poll(() => thisMonth.locator("td").first().textContent())
        .toBe(formatCents(NATIONAL_CENTS - LOAN_CENTS));
      expect(await seriousViolations(page)).toEqual([]);

      // Seen once, the alert is listed again without being announced again.
      await page.reload();
      await alerts.waitFor();
      expect(await alerts.getByRole("note").count()).toBeGreaterThan(0);
      expect(await alerts.getByRole("alert").count()).toBe(0);

      // The alert acknowledged leaves the open list.
      const acknowledge = alerts.getByRole("button", { name: text.alerts.acknowledge, exact: false });
      const open = await acknowledge.count();
      await acknowledge.first().click();
      await expect
        .poll(async () =>
          (await page.getByTestId("envelope-alerts").count()) === 0
            ? 0
            : page.getByRole("button", { name: text.alerts.acknowledge, exact: false }).count(),
        )
        .toBe(open - 1);

      // Paying the approved loan, with a key too.
      const pay = page.getByRole("button", {
        name: text.disbursements.payLabel(LOAN, formatCents(LOAN_CENTS)),
      });
      await pay.click();
      await page.getByLabel(text.disbursements.iban, { exact: false }).fill(IBAN);
      const paid = page.waitForRequest(
        (request) => request.method() === "POST" && request.url().endsWith("/disburse"),
      );
      await page.getByRole("button", { name: text.disbursements.confirm }).click();
      expect((await paid).headers()["idempotency-key"]).toMatch(/^[0-9a-f-]{36}$/);
      await expect
        .poll(() => page.getByTestId("envelope-announcement").textContent())
        .toBe(text.disbursements.paid(LOAN, formatCents(LOAN_CENTS)));
      await page.getByText(text.disbursements.empty).waitFor();
    } finally {
      await context.close();
    }
  });

  it("manager: the paid loan shows its schedule on the case page (24 instalments closing at 0 €), and the page passes axe", {
    timeout: 120_000,
  }, async () => {
    const context = await person();
    try {
      const page = await signInTo(context, PARIS_MANAGER.email, `/espace/dossiers/${loanCase}`);
      const loan = aidRow(page, LOAN);
      await loan.waitFor();
      expect(await loan.getByTestId("aid-status").textContent()).toContain(AID_STATUS_LABELS.repaying);
      expect(await loan.textContent()).toContain(aidMessages.byName(PARIS.displayName));
      const schedule = page.getByTestId("loan-schedule");
      await schedule.waitFor();
      const rows = schedule.locator("tbody tr");
      expect(await rows.count()).toBe(24);
      expect(await rows.last().locator("td").last().textContent()).toBe(formatCents(0));
      expect(await page.getByRole("button", { name: aidMessages.propose }).isVisible()).toBe(true);
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByTestId("aids-panel").scrollIntoViewIfNeeded();
      await page.getByTestId("aids-panel").screenshot({ path: join(SCREENSHOTS, "case-aids.png") });
    } finally {
      await context.close();
    }
  });

  it("counsellor: reads the schedule of the loan she proposed on her agency's case", {
    timeout: 120_000,
  }, async () => {
    const context = await person();
    try {
      const page = await signInTo(context, PARIS.email, `/espace/dossiers/${loanCase}`);
      const schedule = page.getByTestId("loan-schedule");
      await schedule.waitFor();
      expect(await schedule.locator("tbody tr").count()).toBe(24);
    } finally {
      await context.close();
    }
  });

  it("budget controller: a repayment with a bad amount is refused on its field; an early repayment that shortens the loan (sent with its key) shows the shorter schedule; the manager reads it without any button", {
    timeout: 150_000,
  }, async () => {
    const context = await person();
    try {
      const page = await signInTo(context, BUDGET.email, "/espace/enveloppe");
      const section = page.getByTestId("repaying-loans");
      const loan = section.getByTestId("repaying-loan").filter({ hasText: LOAN });
      await loan.waitFor();
      expect(await loan.getByTestId("repaying-status").textContent()).toBe(AID_STATUS_LABELS.repaying);
      const amount = formatCents(LOAN_CENTS);
      const command = (name: string) =>
        loan.getByRole("button", { name: repaymentMessages.commandLabel(name, LOAN, amount) });

      // The schedule on demand: the 24 instalments of the loan as paid.
      await loan.getByRole("button", { name: repaymentMessages.scheduleLabel(LOAN, amount, false) }).click();
      const rows = loan.getByTestId("loan-schedule").locator("tbody tr");
      await expect.poll(() => rows.count()).toBe(24);

      // An ordinary repayment with an amount in thousandths of a euro: refused on the field, nothing sent.
      const posted: string[] = [];
      page.on("request", (request) => {
        if (request.method() === "POST") posted.push(request.url());
      });
      await command(repaymentMessages.commands.repayment).click();
      const form = loan.getByTestId("loan-command-form");
      const received = form.getByLabel(repaymentMessages.amount, { exact: false });
      await received.fill("51,445");
      await form.getByRole("button", { name: repaymentMessages.confirm }).click();
      await expect.poll(() => received.getAttribute("aria-invalid")).toBe("true");
      expect(posted.filter((url) => url.includes("/repayments"))).toEqual([]);
      await form.getByRole("button", { name: repaymentMessages.cancel }).click();

      // 500 € paid early, « shorten »: same instalment, fewer rows, still closing at 0 €.
      await command(repaymentMessages.commands.early).click();
      await form.getByLabel(repaymentMessages.amount, { exact: false }).fill("500");
      await form.getByLabel(repaymentMessages.option).selectOption("shorten");
      const early = page.waitForRequest(
        (request) => request.method() === "POST" && request.url().endsWith("/early-repayments"),
      );
      await form.getByRole("button", { name: repaymentMessages.confirm }).click();
      const sent = await early;
      expect(sent.headers()["idempotency-key"]).toMatch(/^[0-9a-f-]{36}$/);
      expect(sent.postDataJSON()).toMatchObject({ amountCents: 50_000, option: "shorten" });
      await expect
        .poll(() => page.getByTestId("envelope-announcement").textContent())
        .toBe(repaymentMessages.done.early(LOAN, formatCents(50_000)));
      const shorter = page
        .getByTestId("repaying-loan")
        .filter({ hasText: LOAN })
        .getByTestId("loan-schedule")
        .locator("tbody tr");
      await expect.poll(() => shortened(shorter)).toBe(true);
      expect(await shorter.last().locator("td").last().textContent()).toBe(formatCents(0));
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: join(SCREENSHOTS, "envelope.png"), fullPage: true });
    } finally {
      await context.close();
    }

    const manager = await person();
    try {
      const page = await signInTo(manager, PARIS_MANAGER.email, "/espace/enveloppe");
      const loan = page.getByTestId("repaying-loan").filter({ hasText: LOAN });
      await loan.waitFor();
      expect(await page.getByText(repaymentMessages.readOnly).isVisible()).toBe(true);
      await loan.getByRole("button", { name: repaymentMessages.showSchedule, exact: false }).click();
      await expect.poll(() => shortened(loan.getByTestId("loan-schedule").locator("tbody tr"))).toBe(true);
      for (const name of Object.values(repaymentMessages.commands)) {
        expect(await page.getByRole("button", { name, exact: false }).count()).toBe(0);
      }
      expect(await seriousViolations(page)).toEqual([]);
    } finally {
      await manager.close();
    }
  });

  it("budget controller: an early repayment that lowers the instalment keeps the end date and shows the lower instalment the server stored; an ordinary repayment shows in what was received", {
    timeout: 150_000,
  }, async () => {
    const context = await person();
    try {
      const page = await signInTo(context, BUDGET.email, "/espace/enveloppe");
      const amount = formatCents(LOAN_CENTS);
      const loan = page
        .getByTestId("repaying-loan")
        .filter({ hasText: repaymentMessages.loanTitle(LOAN, amount) });
      await loan.waitFor();
      const { aids } = await readApi<{ aids: StoredAid[] }>(page, `/api/v1/finance/aids?caseId=${loanCase}`);
      const id = aids.find((aid) => aid.kind === "loan")?.id as string;
      const before = await readApi<StoredSchedule>(page, `/api/v1/finance/aids/${id}/schedule`);

      // 200 € paid early, « lower_instalment »: as many rows, ending on the same day, each one lower.
      await loan
        .getByRole("button", {
          name: repaymentMessages.commandLabel(repaymentMessages.commands.early, LOAN, amount),
        })
        .click();
      const form = loan.getByTestId("loan-command-form");
      await form.getByLabel(repaymentMessages.amount, { exact: false }).fill("200");
      await form.getByLabel(repaymentMessages.option).selectOption("lower_instalment");
      const early = page.waitForRequest(
        (request) => request.method() === "POST" && request.url().endsWith("/early-repayments"),
      );
      await form.getByRole("button", { name: repaymentMessages.confirm }).click();
      expect((await early).postDataJSON()).toMatchObject({ amountCents: 20_000, option: "lower_instalment" });
      await expect
        .poll(() => page.getByTestId("envelope-announcement").textContent())
        .toBe(repaymentMessages.done.early(LOAN, formatCents(20_000)));

      const after = await readApi<StoredSchedule>(page, `/api/v1/finance/aids/${id}/schedule`);
      expect(after.rows).toHaveLength(before.rows.length);
      expect(after.rows.at(-1)?.dueDate).toBe(before.rows.at(-1)?.dueDate);
      const [first] = after.rows;
      expect(first?.instalmentCents).toBeLessThan(before.rows[0]?.instalmentCents ?? 0);
      // The schedule on the page is read again: every instalment it shows is the one the server stored.
      const instalments = loan.getByTestId("loan-schedule").locator("tbody tr td:nth-of-type(2)");
      await expect
        .poll(() => instalments.allTextContents())
        .toEqual(after.rows.map((row) => formatCents(row.instalmentCents)));

      // An ordinary repayment of 51,44 € received today: the totals above the schedule are the server's.
      await loan
        .getByRole("button", {
          name: repaymentMessages.commandLabel(repaymentMessages.commands.repayment, LOAN, amount),
        })
        .click();
      await form.getByLabel(repaymentMessages.amount, { exact: false }).fill("51,44");
      await form.getByRole("button", { name: repaymentMessages.confirm }).click();
      await expect
        .poll(() => page.getByTestId("envelope-announcement").textContent())
        .toBe(repaymentMessages.done.repayment(LOAN, formatCents(5_144)));
      const repaid = await readApi<StoredSchedule>(page, `/api/v1/finance/aids/${id}/schedule`);
      expect(repaid.receivedCents - after.receivedCents).toBe(5_144);
      await expect.poll(() => shownTotals(loan)).toBe(totalsOf(repaid));
    } finally {
      await context.close();
    }
  });

  it("budget controller: flags arrears on a loan paid three months ago and never repaid, then writes it off; the manager reads it passed as a loss on the case page", {
    timeout: 150_000,
  }, async () => {
    // A 200 € loan over 12 months, paid 100 days ago: three instalments are overdue today.
    const api = financeClient(server.url);
    const [lateCase] = (await insertCases(database.db, {
      count: 1,
      agency: "Agence de Paris",
      counsellorEmail: PARIS.email,
      directive: DIRECTIVE_2025,
    })) as [string];
    const proposed = await api.call<StoredAid>(
      await api.signIn(PARIS.email),
      "POST",
      "/api/v1/finance/aids",
      {
        caseId: lateCase,
        productCode: "pret-acces",
        amountCents: LATE_CENTS,
        durationMonths: 12,
      },
    );
    expect(proposed.status).toBe(201);
    const id = proposed.body.id;
    const controller = await api.signIn(BUDGET.email);
    expect((await api.call(controller, "POST", `/api/v1/finance/aids/${id}/approve`, {})).status).toBe(200);
    const today = isoDay(frenchToday()) as string;
    const paidOn = new Date(Date.parse(`${today}T12:00:00Z`) - 100 * 86_400_000).toISOString().slice(0, 10);
    const paid = await api.call(controller, "POST", `/api/v1/finance/aids/${id}/disburse`, {
      payeeKind: "person",
      iban: IBAN,
      paidOn,
    });
    expect(paid.status).toBe(201);

    const reason = "Plus aucune nouvelle de l'emprunteur malgré trois relances.";
    const context = await person();
    try {
      const page = await signInTo(context, BUDGET.email, "/espace/enveloppe");
      const amount = formatCents(LATE_CENTS);
      const loan = page
        .getByTestId("repaying-loan")
        .filter({ hasText: repaymentMessages.loanTitle(LOAN, amount) });
      await loan.waitFor();
      expect(await loan.getByTestId("repaying-status").textContent()).toBe(AID_STATUS_LABELS.repaying);
      const command = (name: string) =>
        loan.getByRole("button", { name: repaymentMessages.commandLabel(name, LOAN, amount) });
      expect(await command(repaymentMessages.commands.writeOff).count()).toBe(0);

      // Arrears noted as of today (the date the form proposes).
      await command(repaymentMessages.commands.arrears).click();
      const form = loan.getByTestId("loan-command-form");
      expect(await form.getByLabel(repaymentMessages.asOf, { exact: false }).inputValue()).toBe(
        frenchToday(),
      );
      const flagged = page.waitForRequest(
        (request) => request.method() === "POST" && request.url().endsWith(`/aids/${id}/arrears`),
      );
      await form.getByRole("button", { name: repaymentMessages.confirm }).click();
      expect((await flagged).postDataJSON()).toEqual({ asOf: today });
      await expect
        .poll(() => page.getByTestId("envelope-announcement").textContent())
        .toBe(repaymentMessages.done.arrears(LOAN));
      expect((await readApi<StoredAid>(page, `/api/v1/finance/aids/${id}`)).status).toBe("in_arrears");
      await expect
        .poll(() => loan.getByTestId("repaying-status").textContent())
        .toBe(AID_STATUS_LABELS.in_arrears);
      // The schedule opens on what is overdue, as the server counts it.
      const late = await readApi<StoredSchedule>(page, `/api/v1/finance/aids/${id}/schedule`);
      expect(late.arrearsCents).toBeGreaterThan(0);
      expect(late.receivedCents).toBe(0);
      await expect.poll(() => shownTotals(loan)).toBe(totalsOf(late));
      // In arrears the loan may be written off, and arrears are not noted twice.
      expect(await command(repaymentMessages.commands.arrears).count()).toBe(0);

      // Written off: a reason is required first, then the loan leaves the loans being repaid.
      const written: string[] = [];
      page.on("request", (request) => {
        if (request.method() === "POST" && request.url().endsWith("/write-off")) written.push(request.url());
      });
      await command(repaymentMessages.commands.writeOff).click();
      const motive = form.getByLabel(repaymentMessages.reason, { exact: false });
      await form.getByRole("button", { name: repaymentMessages.confirm }).click();
      await expect.poll(() => motive.getAttribute("aria-invalid")).toBe("true");
      expect(written).toEqual([]);
      await motive.fill(reason);
      await form.getByRole("button", { name: repaymentMessages.confirm }).click();
      await expect
        .poll(() => page.getByTestId("envelope-announcement").textContent())
        .toBe(repaymentMessages.done.writeOff(LOAN));
      await expect.poll(() => loan.count()).toBe(0);
      const stored = await readApi<StoredAid>(page, `/api/v1/finance/aids/${id}`);
      expect(stored).toMatchObject({ status: "written_off", decisionReason: reason });
      expect(await seriousViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }

    const manager = await person();
    try {
      const page = await signInTo(manager, PARIS_MANAGER.email, `/espace/dossiers/${lateCase}`);
      const row = aidRow(page, LOAN);
      await row.waitFor();
      expect(await row.getByTestId("aid-status").textContent()).toContain(AID_STATUS_LABELS.written_off);
      expect(await row.textContent()).toContain(aidMessages.reason(reason));
      expect(await row.textContent()).toContain(aidMessages.byName(BUDGET.displayName));
    } finally {
      await manager.close();
    }
  });
});
