// The workspace pages of the roles without a caseload, in a real browser (Debian's chromium driven by
// playwright-core) against the real server on a real PGlite database with the demo seed: the budget
// controller opens the year's envelope, the partner worker reads the cases referred to them and cannot open
// the diagnosis, the administrator lists and creates accounts, the auditor searches the trail. An axe scan of
// each page and its screenshot for the README.
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { passwordProblemMessages, ROLE_LABELS } from "../src/core/access/index.ts";
import { formatCents } from "../src/core/finance/money.ts";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../src/demo/accounts.ts";
import { frenchToday } from "../web/src/frenchDates.ts";
import { workspaceMessages } from "../web/src/workspace/messages.fr.ts";
import { roleMessages } from "../web/src/workspace/roles/messages.fr.ts";
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
import { DIRECTIVE_2025, insertCases } from "./support/financeFixtures.ts";

const BUDGET = demoAccount("budget_controller");
const PARTNER = demoAccount("partner_worker");
const ADMIN = demoAccount("admin");
const AUDITOR = demoAccount("auditor");
const PARIS_MANAGER = demoAccount("manager", "paris");
const PARIS = demoAccount("counsellor", "paris");

const SITUATION = "Trois loyers impayés depuis une baisse d'activité ; le bailleur a écrit.";

describeInChromium("role pages in chromium", () => {
  let demo: BrowserDemo;

  beforeAll(async () => {
    demo = await startBrowserDemo();
  }, 180_000);

  afterAll(async () => {
    await demo?.stop();
  });

  async function apiSession(email: string) {
    const response = await fetch(`${demo.server.url}/api/v1/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email, password: DEMO_PASSWORD }),
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { csrfToken: string; organisation: { id: string } | null };
    const cookie = (response.headers.get("set-cookie") ?? "").split(";")[0] as string;
    return { cookie, csrfToken: body.csrfToken, organisationId: body.organisation?.id ?? "" };
  }

  it("budget controller: opens the year envelope (a bad amount refused by its field), sees the gauge, gives the first of two approvals above the four-eyes threshold and refuses a proposal with its reason", {
    timeout: 150_000,
  }, async () => {
    const year = Number(frenchToday().slice(-4));
    const context = await newPerson(demo.browser);
    try {
      const page = await signInTo(context, demo.server.url, BUDGET.email, "/espace/enveloppe");
      expect(await page.locator("h1").textContent()).toBe(roleMessages.envelope.title(year));
      expect(
        await page.getByRole("link", { name: roleMessages.menu.envelope }).getAttribute("aria-current"),
      ).toBe("page");
      const amount = page.getByLabel(roleMessages.envelope.amount);
      await amount.waitFor();
      expect(await page.getByText(roleMessages.envelope.noEnvelope(year)).isVisible()).toBe(true);
      expect(await seriousViolations(page)).toEqual([]);

      await amount.fill("deux millions");
      await amount.press("Enter");
      await expect.poll(() => amount.getAttribute("aria-invalid")).toBe("true");

      await amount.fill("2 500 000");
      await amount.press("Enter");
      await expect
        .poll(() => page.getByTestId("envelope-announcement").textContent())
        .toBe(roleMessages.envelope.opened(year));
      const totals = page.getByTestId("envelope-totals");
      await totals.waitFor();
      const lines = await totals.textContent();
      expect(lines).toContain(`${roleMessages.envelope.national} :${formatCents(250_000_000)}`);
      expect(lines).toContain(`${roleMessages.envelope.available} :${formatCents(250_000_000)}`);
      expect(await page.getByText(roleMessages.envelope.queueEmpty).isVisible()).toBe(true);
      expect(await page.getByTestId("exhaustion").textContent()).toBe(roleMessages.envelope.noExhaustion);
      expect(await seriousViolations(page)).toEqual([]);

      // Two grants proposed by the Paris counsellor: one under the four-eyes threshold, one above it.
      const admin = await apiSession(ADMIN.email);
      const counsellor = await apiSession(PARIS.email);
      const post = (session: { cookie: string; csrfToken: string }, path: string, body: unknown) =>
        fetch(`${demo.server.url}${path}`, {
          method: "POST",
          headers: {
            cookie: session.cookie,
            "content-type": "application/json",
            "x-csrf-token": session.csrfToken,
          },
          body: JSON.stringify(body),
        });
      const product = await post(admin, "/api/v1/finance/catalogue", {
        code: "subvention",
        kind: "grant",
        name: "Subvention d'urgence",
        maxAmountCents: 1_000_000,
        directives: [DIRECTIVE_2025],
        appliesFrom: "2025-11-20",
        reason: "Catalogue initial",
      });
      expect(product.status).toBe(201);
      const [small, large] = await insertCases(demo.database.db, {
        count: 2,
        agency: "Agence de Paris",
        counsellorEmail: PARIS.email,
        directive: DIRECTIVE_2025,
      });
      for (const [caseId, amountCents] of [
        [small, 50_000],
        [large, 400_000],
      ] as const) {
        const proposed = await post(counsellor, "/api/v1/finance/aids", {
          caseId,
          productCode: "subvention",
          amountCents,
        });
        expect(proposed.status).toBe(201);
      }
      await page.reload();
      const queue = page.getByTestId("approval-queue");
      await queue.waitFor();
      expect(await queue.locator("tbody tr").count()).toBe(2);
      expect(await totals.textContent()).toContain(
        `${roleMessages.envelope.reserved} :${formatCents(450_000)}`,
      );

      // Above the threshold the first approval is recorded and a second person must approve.
      await page
        .getByRole("button", {
          name: `${roleMessages.envelope.approve} : Subvention d'urgence, ${formatCents(400_000)}`,
        })
        .click();
      const largeRow = queue.locator("tbody tr").filter({ hasText: formatCents(400_000) });
      await expect.poll(() => largeRow.textContent()).toContain(roleMessages.envelope.firstApproval);

      // A refusal needs its reason: refused empty (announced by the field), then recorded.
      await page
        .getByRole("button", {
          name: `${roleMessages.envelope.refuse} : Subvention d'urgence, ${formatCents(50_000)}`,
        })
        .click();
      const reason = page.getByLabel(roleMessages.envelope.refuseReason);
      await page.getByRole("button", { name: roleMessages.envelope.confirmRefusal }).click();
      await expect.poll(() => reason.getAttribute("aria-invalid")).toBe("true");
      await reason.fill("Dépense couverte par le fonds de solidarité logement.");
      await reason.press("Enter");
      await expect
        .poll(() => page.getByTestId("envelope-announcement").textContent())
        .toBe(roleMessages.envelope.refused("Subvention d'urgence", formatCents(50_000)));
      await expect.poll(() => queue.locator("tbody tr").count()).toBe(1);
      expect(await totals.textContent()).toContain(
        `${roleMessages.envelope.reserved} :${formatCents(400_000)}`,
      );
      // The envelope's screenshot is taken by test/finance.browser.test.ts, with a proposal approved and paid.
      expect(await seriousViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("partner worker: reads the case an agency referred, with its note, and cannot open the case itself nor its diagnosis", async () => {
    // A person asks for help; the Paris manager refers the new case to the demo partner.
    const filed = await fetch(`${demo.server.url}/api/v1/requests`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        person: {
          firstName: "Maëlle",
          lastName: "Orsini",
          birthDate: "1986-02-11",
          email: "maelle.orsini@exemple-appui.test",
          postcode: "75012",
        },
        situationSummary: SITUATION,
        preferredChannel: "email",
        consent: { processing: true, noticeVersion: "2025-11" },
      }),
    });
    expect(filed.status).toBe(201);
    const { reference } = (await filed.json()) as { reference: string };
    const manager = await apiSession(PARIS_MANAGER.email);
    const partner = await apiSession(PARTNER.email);
    const listed = await fetch(`${demo.server.url}/api/v1/cases?q=${reference}`, {
      headers: { cookie: manager.cookie },
    });
    const caseId = ((await listed.json()) as { items: { id: string }[] }).items[0]?.id as string;
    const current = await fetch(`${demo.server.url}/api/v1/cases/${caseId}`, {
      headers: { cookie: manager.cookie },
    });
    const note = "Accompagnement au relogement : contacter Mme Orsini par courriel.";
    const referred = await fetch(`${demo.server.url}/api/v1/cases/${caseId}/referrals`, {
      method: "POST",
      headers: {
        cookie: manager.cookie,
        "content-type": "application/json",
        "x-csrf-token": manager.csrfToken,
        "if-match": current.headers.get("etag") ?? "",
      },
      body: JSON.stringify({ partnerOrganisationId: partner.organisationId, note }),
    });
    expect(referred.status).toBe(200);

    const context = await newPerson(demo.browser);
    try {
      const page = await signInTo(context, demo.server.url, PARTNER.email, "/espace/orientations");
      expect(await page.locator("h1").textContent()).toBe(roleMessages.referrals.title);
      const table = page.getByTestId("referrals");
      await table.waitFor();
      const row = table.getByRole("row", { name: new RegExp(reference) });
      expect(await row.textContent()).toContain(note);
      expect(await row.textContent()).toContain("Orsini");
      expect(await seriousViolations(page)).toEqual([]);

      await page.getByRole("button", { name: roleMessages.referrals.showActions(reference) }).click();
      await page.getByText(roleMessages.referrals.actionsEmpty).waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: join(SCREENSHOTS, "partner.png"), fullPage: true });
      // Nothing the partner reads says what the person wrote about their situation.
      expect(await page.locator("main").textContent()).not.toContain(SITUATION);

      // The case itself, at its address: the API refuses it, and the page shows neither case nor diagnosis.
      await page.goto(`${demo.server.url}/espace/dossiers/${caseId}`);
      await page.getByTestId("signed-in-as").waitFor();
      await expect
        .poll(async () => (await page.locator("main").textContent()) ?? "")
        .not.toBe(workspaceMessages.case.loading);
      await page.waitForLoadState("networkidle");
      const main = (await page.locator("main").textContent()) ?? "";
      expect(main).not.toContain(SITUATION);
      expect(main).not.toContain(workspaceMessages.diagnosis.title);
      expect(main).not.toContain(reference);
      const direct = await fetch(`${demo.server.url}/api/v1/cases/${caseId}/diagnosis`, {
        headers: { cookie: partner.cookie },
      });
      expect([403, 404]).toContain(direct.status);
    } finally {
      await context.close();
    }
  });

  it("partner worker: updates the state of an action the agency entrusted to them, and the agency's plan shows it", async () => {
    const manager = await apiSession(PARIS_MANAGER.email);
    const counsellor = await apiSession(PARIS.email);
    const partner = await apiSession(PARTNER.email);
    const [caseId] = await insertCases(demo.database.db, {
      count: 1,
      agency: "Agence de Paris",
      counsellorEmail: PARIS.email,
      directive: DIRECTIVE_2025,
      status: "diagnosis",
    });
    const change = async (session: { cookie: string; csrfToken: string }, path: string, body: unknown) => {
      const current = await fetch(`${demo.server.url}/api/v1/cases/${caseId}`, {
        headers: { cookie: session.cookie },
      });
      return fetch(`${demo.server.url}/api/v1/cases/${caseId}${path}`, {
        method: "POST",
        headers: {
          cookie: session.cookie,
          "content-type": "application/json",
          "x-csrf-token": session.csrfToken,
          "if-match": current.headers.get("etag") ?? "",
        },
        body: JSON.stringify(body),
      });
    };
    expect(
      (await change(manager, "/referrals", { partnerOrganisationId: partner.organisationId })).status,
    ).toBe(200);
    const title = "Rechercher un logement adapté au budget";
    const added = await change(counsellor, "/actions", {
      kind: "partner_referral",
      title,
      owner: "partner",
      partnerOrganisationId: partner.organisationId,
      dueOn: "2030-06-30",
    });
    expect(added.status).toBe(201);

    const context = await newPerson(demo.browser);
    try {
      const page = await signInTo(context, demo.server.url, PARTNER.email, "/espace/orientations");
      const reference = (await (
        await fetch(`${demo.server.url}/api/v1/cases/${caseId}`, { headers: { cookie: manager.cookie } })
      ).json()) as { reference: string };
      await page
        .getByRole("button", { name: roleMessages.referrals.showActions(reference.reference) })
        .click();
      const actions = page.getByTestId("referred-actions");
      await actions.waitFor();
      await page.getByLabel(roleMessages.referrals.statusLabel(title)).selectOption("in_progress");
      await page.getByRole("button", { name: roleMessages.referrals.save }).click();
      await page.getByText(roleMessages.referrals.saved(title)).waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      const plan = (await (
        await fetch(`${demo.server.url}/api/v1/cases/${caseId}/actions`, {
          headers: { cookie: counsellor.cookie },
        })
      ).json()) as { items: { title: string; status: string }[] };
      expect(plan.items.find((item) => item.title === title)?.status).toBe("in_progress");
    } finally {
      await context.close();
    }
  });

  it("administrator: lists the accounts, creates one (the weak password refused by its field), and deactivates it", async () => {
    const context = await newPerson(demo.browser);
    try {
      const page = await signInTo(context, demo.server.url, ADMIN.email, "/espace/comptes");
      expect(await page.locator("h1").textContent()).toBe(roleMessages.accounts.title);
      const table = page.getByTestId("accounts");
      await table.waitFor();
      for (const account of DEMO_ACCOUNTS) {
        expect(await table.getByRole("row", { name: new RegExp(account.email) }).count()).toBe(1);
      }
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: join(SCREENSHOTS, "accounts.png"), fullPage: true });

      await page.getByRole("button", { name: roleMessages.accounts.create }).click();
      await expect.poll(() => page.locator("#compte-email").getAttribute("aria-invalid")).toBe("true");

      await page.locator("#compte-email").fill("nouvelle.conseillere@demo.appui.test");
      await page.locator("#compte-displayName").fill("Agathe Morel (démo)");
      await page.locator("#compte-organisationId").selectOption({ label: "Agence de Paris" });
      await page.locator("#compte-password").fill("court");
      await page.getByRole("button", { name: roleMessages.accounts.create }).click();
      await expect.poll(() => page.locator("#compte-password").getAttribute("aria-invalid")).toBe("true");
      expect(await page.locator("form").textContent()).toContain(passwordProblemMessages.too_short);
      expect(await seriousViolations(page)).toEqual([]);

      await page.locator("#compte-password").fill("Une phrase de passe bien longue 2026");
      await page.getByRole("button", { name: roleMessages.accounts.create }).click();
      const announcement = page.getByTestId("accounts-announcement");
      await expect
        .poll(() => announcement.textContent())
        .toBe(roleMessages.accounts.created("Agathe Morel (démo)"));
      const created = table.getByRole("row", { name: /nouvelle\.conseillere/ });
      await created.waitFor();
      expect(await created.textContent()).toContain(ROLE_LABELS.counsellor);

      await page
        .getByRole("button", { name: roleMessages.accounts.deactivate("Agathe Morel (démo)") })
        .click();
      await expect
        .poll(() => announcement.textContent())
        .toBe(roleMessages.accounts.deactivatedDone("Agathe Morel (démo)"));
      await expect.poll(() => table.getByRole("row", { name: /nouvelle\.conseillere/ }).count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  it("auditor: searches the trail by action and period, a bad date refused by its field, and gets the export link", async () => {
    const context = await newPerson(demo.browser);
    try {
      const page = await signInTo(context, demo.server.url, AUDITOR.email, "/espace/journal");
      expect(await page.locator("h1").textContent()).toBe(roleMessages.audit.title);
      await page.locator("#journal-action").waitFor();
      expect(await seriousViolations(page)).toEqual([]);

      await page.locator("#journal-from").fill("31/02/2026");
      await page.getByRole("button", { name: roleMessages.audit.search }).click();
      await expect.poll(() => page.locator("#journal-from").getAttribute("aria-invalid")).toBe("true");

      await page.locator("#journal-from").fill(frenchToday());
      await page.locator("#journal-to").fill(frenchToday());
      await page.locator("#journal-action").fill("user.list");
      await page.getByRole("button", { name: roleMessages.audit.search }).click();
      const results = page.getByTestId("audit-events");
      await results.waitFor();
      // The administrator's list of accounts, read in the test before, is in the trail.
      const rows = results.locator("tbody tr");
      expect(await rows.count()).toBeGreaterThan(0);
      for (const text of await rows.locator("td:first-of-type code").allTextContents()) {
        expect(text).toBe("user.list");
      }
      const exportLink = page.getByRole("link", { name: roleMessages.audit.export });
      expect(await exportLink.getAttribute("href")).toMatch(
        /^\/api\/v1\/audit-events\/export\?.*action=user\.list/,
      );
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: join(SCREENSHOTS, "audit.png"), fullPage: true });

      // On a phone the table scrolls sideways, inside a region named by its caption that Tab reaches and
      // the arrow keys scroll.
      await page.setViewportSize({ width: 390, height: 844 });
      const region = page.getByRole("region", { name: roleMessages.audit.caption });
      await expect
        .poll(() => region.evaluate((element) => element.scrollWidth > element.clientWidth))
        .toBe(true);
      expect(await seriousViolations(page)).toEqual([]);
      await page.getByRole("button", { name: roleMessages.audit.search }).focus();
      for (let presses = 0; presses < 20; presses++) {
        await page.keyboard.press("Tab");
        if (await region.evaluate((element) => element === document.activeElement)) break;
      }
      expect(await region.evaluate((element) => element === document.activeElement)).toBe(true);
      await page.keyboard.press("ArrowRight");
      await expect.poll(() => region.evaluate((element) => element.scrollLeft)).toBeGreaterThan(0);
    } finally {
      await context.close();
    }
  });
});
