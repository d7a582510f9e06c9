// The staff workspace and the public request form in a real browser: Debian's chromium driven by
// playwright-core, against the real server on a real PGlite database with the demo seed, serving the
// production build. Sign-in (with its refusals), the request form, the caseload and a case page, an axe scan
// of each, and screenshots of the new pages for the README.
import { join } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { CASE_STATUS_LABELS, COMMAND_LABELS } from "../src/core/cases/index.ts";
import { formatCents } from "../src/core/finance/money.ts";
import { totpCode } from "../src/crypto/totp.ts";
import { DEMO_PASSWORD } from "../src/demo/accounts.ts";
import { messages } from "../web/src/messages.fr.ts";
import { requestMessages } from "../web/src/request/messages.fr.ts";
import { workspaceMessages } from "../web/src/workspace/messages.fr.ts";
import { seriousViolations } from "./support/axe.ts";
import {
  type BrowserDemo,
  demoAccount,
  describeInChromium,
  newPerson,
  SCREENSHOTS,
  startBrowserDemo,
  tabTo,
} from "./support/browserDemo.ts";

const PARIS = demoAccount("counsellor", "paris");
const PARIS_MANAGER = demoAccount("manager", "paris");
const LYON = demoAccount("counsellor", "lyon");
const AUDITOR = demoAccount("auditor");

/** The texts of the elements that describe a field (its error among them), as a screen reader reads them. */
async function descriptionOf(page: Page, selector: string): Promise<string[]> {
  const describedBy = (await page.locator(selector).getAttribute("aria-describedby")) ?? "";
  return Promise.all(
    describedBy
      .split(" ")
      .filter(Boolean)
      .map(async (id) => (await page.locator(`[id="${id}"]`).textContent()) ?? ""),
  );
}

describeInChromium("workspace and request form in chromium", () => {
  let demo: BrowserDemo;

  beforeAll(async () => {
    demo = await startBrowserDemo();
  }, 180_000);

  afterAll(async () => {
    await demo?.stop();
  });

  async function open(context: BrowserContext, path: string): Promise<Page> {
    const page = await context.newPage();
    await page.goto(`${demo.server.url}${path}`);
    await page.locator("h1").first().waitFor();
    return page;
  }

  /** Signs in with the keyboard only and waits for the workspace home. */
  async function signIn(context: BrowserContext, email: string, then = "/connexion"): Promise<Page> {
    const page = await open(context, then);
    await page.locator("#connexion-email").waitFor();
    await tabTo(page, "connexion-email");
    await page.keyboard.type(email);
    await tabTo(page, "connexion-password");
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press("Enter");
    await page.getByTestId("signed-in-as").waitFor();
    return page;
  }

  /** The reference of the request filed by the person in the first test, that the counsellor then finds. */
  let reference = "";
  const REQUESTER = { firstName: "Camille", lastName: "Navarro" };

  it("request form: refused empty with each error by its field, then filed by keyboard and answered with a reference", async () => {
    const context = await newPerson(demo.browser);
    try {
      const home = await open(context, "/");
      await home.getByRole("link", { name: messages.home.makeRequest }).first().click();
      await home.waitForURL(`${demo.server.url}/demande`);
      const page = home;
      expect(await page.locator("h1").textContent()).toBe(messages.request.title);
      await page.locator("#demande-firstName").waitFor();
      expect(await page.title()).toBe(messages.documentTitle.page(messages.request.title));
      expect(await page.getByText(requestMessages.notice.items[6]?.text ?? "").isVisible()).toBe(true);
      expect(await seriousViolations(page)).toEqual([]);

      const submit = page.getByRole("button", { name: requestMessages.submit });
      await submit.click();
      const summary = page.getByTestId("error-summary");
      await summary.waitFor();
      expect(await page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe(
        "error-summary",
      );
      expect(await summary.locator("li").allTextContents()).toEqual([
        requestMessages.errors.required,
        requestMessages.errors.required,
        requestMessages.errors.required,
        requestMessages.errors.contactRequired,
        requestMessages.errors.required,
        requestMessages.errors.consent,
      ]);
      expect(await descriptionOf(page, "#demande-email")).toContain(requestMessages.errors.contactRequired);
      expect(await seriousViolations(page)).toEqual([]);

      // A postcode with no commune is refused by the API: its message lands by the postcode field.
      await tabTo(page, "demande-firstName");
      await page.keyboard.type(REQUESTER.firstName);
      await tabTo(page, "demande-lastName");
      await page.keyboard.type(REQUESTER.lastName);
      await tabTo(page, "demande-postcode");
      await page.keyboard.type("75999");
      await tabTo(page, "demande-phone");
      await page.keyboard.type("06 12 34 56 78");
      await tabTo(page, "demande-preferredChannel-phone");
      await page.keyboard.press("Space");
      await tabTo(page, "demande-preferredTimes");
      await page.keyboard.type("En semaine après 17 h");
      await tabTo(page, "demande-situationSummary");
      await page.keyboard.type(
        "Deux mois de loyer impayés depuis ma séparation ; le bailleur a envoyé une mise en demeure.",
      );
      await tabTo(page, "demande-consent");
      await page.keyboard.press("Space");
      await page.keyboard.press("Enter");
      await expect.poll(() => descriptionOf(page, "#demande-postcode")).toHaveLength(2);
      const postcodeError = (await descriptionOf(page, "#demande-postcode")).join(" ");
      expect(postcodeError).toMatch(/code postal/i);
      expect(await page.getByTestId("error-summary").locator("li").count()).toBe(1);

      await page.locator("#demande-postcode").fill("75011");
      await page.screenshot({ path: join(SCREENSHOTS, "request.png"), fullPage: true });
      await page.locator("#demande-postcode").press("Enter");
      const receipt = page.getByTestId("request-reference");
      await receipt.waitFor();
      reference = (await receipt.textContent()) ?? "";
      expect(reference).toMatch(/^ASD-\d{4}-\d{6}$/);
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(requestMessages.sent.title);
      expect(await seriousViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("sign-in: a wrong password is refused in French, announced, and the page passes axe", async () => {
    const context = await newPerson(demo.browser);
    try {
      const page = await open(context, "/connexion");
      expect(await page.locator("h1").textContent()).toBe(messages.login.title);
      await page.locator("#connexion-email").waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: join(SCREENSHOTS, "login.png") });

      // Submitting empty: each field says it is required, next to itself.
      await page.getByRole("button", { name: workspaceMessages.login.submit }).click();
      expect(await descriptionOf(page, "#connexion-email")).toContain(workspaceMessages.login.required);
      expect(await page.evaluate(() => document.activeElement?.id)).toBe("connexion-email");

      await page.locator("#connexion-email").fill(PARIS.email);
      await page.locator("#connexion-password").fill("not-the-password");
      await page.keyboard.press("Enter");
      const live = page.locator("[aria-live=assertive]");
      await expect.poll(() => live.textContent()).toBe(workspaceMessages.login.invalidCredentials);
      expect(page.url()).toBe(`${demo.server.url}/connexion`);
      expect(await seriousViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("sign-in by keyboard: the Paris counsellor reaches her workspace, named in the header, and signs out", async () => {
    const context = await newPerson(demo.browser);
    try {
      const page = await signIn(context, PARIS.email);
      expect(new URL(page.url()).pathname).toBe("/espace");
      expect(await page.getByTestId("signed-in-as").textContent()).toBe(
        workspaceMessages.account.signedInAs(PARIS.displayName, "Agence de Paris"),
      );
      await page.getByRole("button", { name: workspaceMessages.account.signOut }).click();
      await page.waitForURL(`${demo.server.url}/connexion`);
      // Signed out for real: the workspace sends back to the login page, remembering where to return.
      await page.goto(`${demo.server.url}/espace`);
      await page.waitForURL(/\/connexion\?suite=%2Fespace$/);
    } finally {
      await context.close();
    }
  });

  /** Signs in through the API (no browser), for the one step the workspace has no screen for yet. */
  async function apiSession(email: string): Promise<{ cookie: string; csrfToken: string; userId: string }> {
    const response = await fetch(`${demo.server.url}/api/v1/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email, password: DEMO_PASSWORD }),
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { csrfToken: string; user: { id: string } };
    const cookie = (response.headers.get("set-cookie") ?? "").split(";")[0] as string;
    return { cookie, csrfToken: body.csrfToken, userId: body.user.id };
  }

  let caseUrl = "";

  it("workspace: the Paris counsellor finds the new request of her agency, then, once it is hers, assesses it, admits the person, writes the diagnosis with its reste à vivre and starts the plan", async () => {
    expect(reference).not.toBe("");
    const context = await newPerson(demo.browser);
    try {
      const page = await signIn(context, PARIS.email);
      expect(await page.locator("h1").textContent()).toBe(workspaceMessages.caseload.titleCounsellor);
      const newRequests = page.getByTestId("new-requests");
      await newRequests.waitFor();
      const link = newRequests.getByRole("link", { name: reference });
      caseUrl = `${demo.server.url}${await link.getAttribute("href")}`;
      expect(await newRequests.getByRole("row", { name: new RegExp(reference) }).textContent()).toMatch(
        new RegExp(REQUESTER.lastName, "i"),
      );
      await page.getByTestId("caseload-count").waitFor();
      expect(await seriousViolations(page)).toEqual([]);

      // Not hers yet: she may read the case, not move it.
      await link.click();
      await page.getByTestId("case-status").waitFor();
      expect(await page.getByTestId("case-status").textContent()).toBe(CASE_STATUS_LABELS.request_received);
      expect(await page.getByText(workspaceMessages.case.steps.notYours).isVisible()).toBe(true);

      // The Paris manager assigns it to her (through the API: the assignment screen is still to come).
      const manager = await apiSession(PARIS_MANAGER.email);
      const counsellor = await apiSession(PARIS.email);
      const caseId = caseUrl.split("/").pop() as string;
      const current = await fetch(`${demo.server.url}/api/v1/cases/${caseId}`, {
        headers: { cookie: manager.cookie },
      });
      const assigned = await fetch(`${demo.server.url}/api/v1/cases/${caseId}/assign`, {
        method: "POST",
        headers: {
          cookie: manager.cookie,
          "content-type": "application/json",
          "x-csrf-token": manager.csrfToken,
          "if-match": current.headers.get("etag") ?? "",
        },
        body: JSON.stringify({ counsellorUserId: counsellor.userId }),
      });
      expect(assigned.status).toBe(200);

      // Her caseload now lists it; the search by reference finds it.
      await page.goto(`${demo.server.url}/espace`);
      await page.locator("#filtre-recherche").fill(reference);
      await page.locator("#filtre-recherche").press("Enter");
      await expect.poll(() => page.getByTestId("caseload").locator("tbody tr").count()).toBe(1);
      const row = page.getByTestId("caseload").locator("tbody tr");
      expect(await row.textContent()).toContain(CASE_STATUS_LABELS.request_received);
      expect(await row.textContent()).toContain(workspaceMessages.caseload.nextStep.request_received);
      await page.getByRole("button", { name: workspaceMessages.caseload.reset }).click();
      await expect.poll(() => page.getByTestId("caseload").locator("tbody tr").count()).toBeGreaterThan(0);
      await page.screenshot({ path: join(SCREENSHOTS, "workspace.png") });
      expect(await seriousViolations(page)).toEqual([]);

      await page.goto(caseUrl);
      await page.getByTestId("case-status").waitFor();
      expect(await page.getByTestId("case-directive").textContent()).toMatch(/^PP_/);
      expect(await page.getByTestId("case-next-step").textContent()).toBe(COMMAND_LABELS.assessEligibility);
      expect(await seriousViolations(page)).toEqual([]);

      // Eligibility, with the same form as the simulator: the request date is the case's.
      await page.getByRole("button", { name: COMMAND_LABELS.assessEligibility }).click();
      await page.locator("#champ-activity-employee").waitFor();
      expect(await page.locator("#champ-requestDate").getAttribute("readonly")).not.toBeNull();
      await page.locator("#champ-activity-employee").check();
      await page.locator("#champ-sector-private_non_agricultural").check();
      await page.locator("#champ-headcount").fill("50");
      await page.locator("#champ-contractType-permanent").check();
      await page.locator("#champ-contractStart").fill("01/01/2020");
      await page.locator("#champ-disaster-none").check();
      expect(await page.locator("#champ-postcode").inputValue()).toBe("75011");
      await page.locator("#champ-occupancy-tenant").check();
      await page.locator("#champ-situations-rent_arrears").check();
      await page.getByRole("button", { name: COMMAND_LABELS.assessEligibility }).last().click();
      const status = page.getByTestId("case-status");
      await expect.poll(() => status.textContent()).toBe(CASE_STATUS_LABELS.eligibility_assessed);
      expect(await page.getByTestId("case-outcome").textContent()).toBe("éligible");
      expect(await page.getByTestId("eligibility-panel").textContent()).toContain("beneficiaires/1");
      expect(await page.getByTestId("step-message").textContent()).toBe(
        workspaceMessages.case.steps.done(
          COMMAND_LABELS.assessEligibility,
          CASE_STATUS_LABELS.eligibility_assessed,
        ),
      );

      // Admission of an eligible person needs no motive.
      await page.getByRole("button", { name: COMMAND_LABELS.admit }).click();
      await page.locator("form").getByRole("button", { name: COMMAND_LABELS.admit }).click();
      await expect.poll(() => status.textContent()).toBe(CASE_STATUS_LABELS.admitted);

      // A second tab left open on the admitted case is now stale: its change is refused, in French.
      const stale = await context.newPage();
      await stale.goto(caseUrl);
      await stale.getByTestId("case-status").waitFor();

      await page.getByRole("button", { name: COMMAND_LABELS.startDiagnosis }).click();
      await expect.poll(() => status.textContent()).toBe(CASE_STATUS_LABELS.diagnosis);
      expect(await page.getByTestId("case-next-step").textContent()).toBe(COMMAND_LABELS.proposePlan);

      // The diagnosis: the reste à vivre follows the amounts as they are typed, and changes save themselves.
      const diagnosis = workspaceMessages.diagnosis;
      const diagnosisStatus = page.getByTestId("diagnosis-message");
      await page.locator("#diag-member-0-age").fill("38");
      await page.getByRole("button", { name: diagnosis.addIncome }).click();
      await page.locator("#diag-income-0-amount").fill("1 850,00");
      await page.getByRole("button", { name: diagnosis.addExpense }).click();
      await page.locator("#diag-expense-0-kind").selectOption("rent");
      await page.locator("#diag-expense-0-amount").fill("720");
      expect(await page.getByTestId("remaining-income").textContent()).toBe(
        diagnosis.perMonth(formatCents(113_000)),
      );
      // Nothing can be saved yet: the status names the fields to complete; « Enregistrer maintenant » takes
      // the person to the first one.
      await page.getByRole("button", { name: diagnosis.save }).click();
      await expect
        .poll(() => diagnosisStatus.textContent())
        .toBe(diagnosis.invalid([diagnosis.occupancy, diagnosis.activity]));
      expect(await page.evaluate(() => document.activeElement?.id)).toBe("diag-occupancy");
      // Leaving the page with unsaved changes asks first.
      expect(
        await page.evaluate(() => !window.dispatchEvent(new Event("beforeunload", { cancelable: true }))),
      ).toBe(true);
      await page.locator("#diag-occupancy").selectOption("tenant");
      await page.locator("#diag-activity").selectOption("employee");
      // No button: the diagnosis saves itself once typing pauses, and says when.
      await expect
        .poll(() => diagnosisStatus.textContent(), { timeout: 10_000 })
        .toMatch(/^Enregistré à \d{2} h \d{2}\.$/);
      expect(
        await page.evaluate(() => !window.dispatchEvent(new Event("beforeunload", { cancelable: true }))),
      ).toBe(false);

      // The plan, and a first action in it.
      await page.getByRole("button", { name: COMMAND_LABELS.proposePlan }).click();
      await expect.poll(() => status.textContent()).toBe(CASE_STATUS_LABELS.action_plan);
      await page.locator("#action-externalAid").selectOption("fsl");
      await page.locator("#action-title").fill("Déposer une demande d'aide au FSL pour la dette de loyer");
      await page.locator("#action-due").fill("31/12/2099");
      await page.getByRole("button", { name: workspaceMessages.actions.add }).click();
      await expect
        .poll(() => page.getByTestId("actions").locator("tbody tr").first().textContent())
        .toContain("FSL");
      const events = workspaceMessages.case.timeline.events;
      const expected = [
        events.request_received,
        events.case_assigned,
        events.eligibility_assessed,
        events.decision_taken,
        events.diagnosis_started,
        events.diagnosis_recorded,
        events.action_plan_proposed,
        events.action_added,
      ];
      // The timeline is read again after each change, a moment after the panel that changed: the events it
      // still lacks, until there are none.
      await expect
        .poll(async () => {
          const timeline = await page.getByTestId("timeline").locator("li").allTextContents();
          return expected.filter((event) => !timeline.some((line) => line.includes(event as string)));
        })
        .toEqual([]);
      await page.screenshot({ path: join(SCREENSHOTS, "case.png"), fullPage: true });
      expect(await seriousViolations(page)).toEqual([]);

      await stale.getByRole("button", { name: COMMAND_LABELS.startDiagnosis }).click();
      await expect
        .poll(() => stale.getByTestId("step-message").textContent())
        .toContain(workspaceMessages.case.steps.stale);
      await stale.getByRole("button", { name: workspaceMessages.case.steps.reload }).click();
      await expect
        .poll(() => stale.getByTestId("case-status").textContent())
        .toBe(CASE_STATUS_LABELS.action_plan);
    } finally {
      await context.close();
    }
  }, 240_000);

  it("workspace: a Lyon counsellor opening the Paris case's address reads « dossier introuvable »", async () => {
    expect(caseUrl).not.toBe("");
    const context = await newPerson(demo.browser);
    try {
      const page = await signIn(context, LYON.email);
      await page.goto(caseUrl);
      await page.getByRole("heading", { level: 1, name: workspaceMessages.case.notFoundTitle }).waitFor();
      expect(await page.getByText(REQUESTER.lastName).count()).toBe(0);
      expect(await page.title()).toBe(messages.documentTitle.page(workspaceMessages.case.notFoundTitle));
    } finally {
      await context.close();
    }
  });

  it("sign-in with a second factor: the code is asked for after the password, a wrong one is refused, the right one opens the workspace", async () => {
    // The auditor enrols an authenticator through the API, as the enrolment screen would.
    const auditor = await apiSession(AUDITOR.email);
    const call = (path: string, body?: unknown) =>
      fetch(`${demo.server.url}${path}`, {
        method: "POST",
        headers: {
          cookie: auditor.cookie,
          "x-csrf-token": auditor.csrfToken,
          ...(body === undefined ? {} : { "content-type": "application/json" }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    const { secret } = (await (await call("/api/v1/auth/totp/setup")).json()) as { secret: string };
    expect((await call("/api/v1/auth/totp/confirm", { code: totpCode(secret, new Date()) })).status).toBe(
      200,
    );

    const context = await newPerson(demo.browser);
    try {
      const page = await open(context, "/connexion");
      await page.locator("#connexion-email").fill(AUDITOR.email);
      await page.locator("#connexion-password").fill(DEMO_PASSWORD);
      await page.keyboard.press("Enter");
      await page.locator("#connexion-code").waitFor();
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("connexion-code");
      const live = page.locator("[aria-live=assertive]");
      expect(await live.textContent()).toBe(workspaceMessages.login.secondFactorIntro);
      expect(await seriousViolations(page)).toEqual([]);

      const current = totpCode(secret, new Date());
      await page.keyboard.type(current === "000000" ? "111111" : "000000");
      await page.keyboard.press("Enter");
      await expect.poll(() => live.textContent()).toBe(workspaceMessages.login.invalidCode);
      expect(page.url()).toBe(`${demo.server.url}/connexion`);

      // The next period's code: the one used to confirm the enrolment cannot be replayed.
      await page.locator("#connexion-code").fill(totpCode(secret, new Date(Date.now() + 30_000)));
      await page.keyboard.press("Enter");
      await page.getByTestId("signed-in-as").waitFor();
      expect(new URL(page.url()).pathname).toBe("/espace");
      // An auditor has no caseload: the workspace says so instead of an empty list.
      await expect
        .poll(() => page.getByText(workspaceMessages.caseload.forbidden).count())
        .toBeGreaterThan(0);
    } finally {
      await context.close();
    }
  });
});
