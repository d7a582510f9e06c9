// The case page with the keyboard only, in a real browser (Debian's chromium driven by playwright-core)
// against the real server with the demo data: a counsellor signs in, walks the whole page with Tab (every
// panel reached, the focus always visible), changes the diagnosis, adds an action and takes a step with
// Tab, Shift+Tab, arrows, Space and Enter, never a click; after each action the focus stays on something that
// says what happened, never dropped to the page's body.
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { CASE_STATUS_LABELS, COMMAND_LABELS } from "../src/core/cases/index.ts";
import { DEMO_PASSWORD } from "../src/demo/accounts.ts";
import { workspaceMessages } from "../web/src/workspace/messages.fr.ts";
import { type BrowserDemo, describeInChromium, newPerson, startBrowserDemo } from "./support/browserDemo.ts";
import { call, DEMO_USERS, ELIGIBLE_FACTS, signIn } from "./support/caseApi.ts";

interface Focus {
  /** Tag, id and text of the focused element, to say which one failed. */
  what: string;
  id: string;
  onBody: boolean;
  /** A ring the person can see: an outline or a box shadow. */
  visible: boolean;
  /** The heading of the case page's panel the element sits in. */
  panel: string | null;
}

async function focus(page: Page): Promise<Focus> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (element === null || element === document.body) {
      return { what: "body", id: "", onBody: true, visible: false, panel: null };
    }
    const style = getComputedStyle(element);
    const outline = style.outlineStyle !== "none" && Number.parseFloat(style.outlineWidth) > 0;
    const shadow = style.boxShadow !== "none" && style.boxShadow !== "";
    const section = element.closest("section[aria-labelledby]");
    const headingId = section?.getAttribute("aria-labelledby") ?? "";
    const text = (element.getAttribute("aria-label") ?? element.textContent ?? "").trim().slice(0, 40);
    return {
      what: `${element.tagName.toLowerCase()}#${element.id} « ${text} »`,
      id: element.id,
      onBody: false,
      visible: outline || shadow,
      panel: headingId === "" ? null : (document.getElementById(headingId)?.textContent ?? null),
    };
  });
}

/** Presses `key` until `reached` says so, checking at each press that the focus shows and is somewhere. */
async function pressUntil(
  page: Page,
  key: string,
  reached: (focus: Focus) => boolean,
  seen: Focus[] = [],
): Promise<Focus> {
  for (let presses = 0; presses < 400; presses++) {
    await page.keyboard.press(key);
    const now = await focus(page);
    seen.push(now);
    expect(now.onBody, `${key} dropped the focus to the body after ${seen.at(-2)?.what ?? "the start"}`).toBe(
      false,
    );
    expect(now.visible, `no visible focus on ${now.what}`).toBe(true);
    if (reached(now)) return now;
  }
  throw new Error(`not reached with ${key}`);
}

const tabTo = (page: Page, id: string) => pressUntil(page, "Tab", (now) => now.id === id);

/** After an action: once it is answered, the focus is on an element of the page, never the body. */
async function expectFocusKept(page: Page, where: string): Promise<Focus> {
  await expect
    .poll(async () => (await focus(page)).onBody, { message: `focus lost after ${where}` })
    .toBe(false);
  return focus(page);
}

describeInChromium("case page by keyboard in chromium", () => {
  let demo: BrowserDemo;
  let caseId = "";

  beforeAll(async () => {
    demo = await startBrowserDemo();

    // A Paris case brought through the API to its diagnosis, where the keyboard takes over.
    const paris = await signIn(demo.server.url, DEMO_USERS.parisCounsellor);
    const created = await call(demo.server.url, "POST", "/api/v1/cases", {
      session: paris,
      body: {
        person: { firstName: "Yanis", lastName: "Clavier", phone: "06 98 76 54 32" },
        channel: "phone",
        requestedOn: "2025-12-01",
        consent: { processing: true, noticeVersion: "2025-11" },
      },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    caseId = created.body.id as string;
    let etag = created.etag;
    for (const [path, body] of [
      ["eligibility", { situation: ELIGIBLE_FACTS, assessedOn: "2025-12-02" }],
      ["decision", { decision: "admit" }],
      ["diagnosis/start", {}],
    ] as const) {
      const moved = await call(demo.server.url, "POST", `/api/v1/cases/${caseId}/${path}`, {
        session: paris,
        body,
        ifMatch: etag,
      });
      expect(moved.status, `${path}: ${JSON.stringify(moved.body)}`).toBe(200);
      etag = moved.etag;
    }
  }, 180_000);

  afterAll(async () => {
    await demo?.stop();
  });

  /** Signs the Paris counsellor in with the keyboard, coming back to the case page. */
  async function signInToCase(context: BrowserContext): Promise<Page> {
    const page = await context.newPage();
    const caseUrl = `${demo.server.url}/espace/dossiers/${caseId}`;
    await page.goto(`${demo.server.url}/connexion?suite=${encodeURIComponent(`/espace/dossiers/${caseId}`)}`);
    await page.locator("#connexion-email").waitFor();
    await tabTo(page, "connexion-email");
    await page.keyboard.type(DEMO_USERS.parisCounsellor);
    await tabTo(page, "connexion-password");
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press("Enter");
    await page.waitForURL(caseUrl);
    return page;
  }

  it("a counsellor runs the case's main steps with the keyboard alone, the focus always visible and kept", {
    timeout: 200_000,
  }, async () => {
    const context = await newPerson(demo.browser, { timezoneId: "Europe/Paris" });
    try {
      const page = await signInToCase(context);
      const status = page.getByTestId("case-status");
      await expect.poll(() => status.textContent()).toBe(CASE_STATUS_LABELS.diagnosis);
      await page.locator("#diag-save").waitFor();

      // The whole page with Tab: every panel is reached, and the focus always shows.
      const panels = await page.evaluate(() =>
        [...document.querySelectorAll("main section[aria-labelledby]")]
          .filter((section) => section.querySelector("a, button, input, select, textarea, [tabindex='0']"))
          .map(
            (section) => document.getElementById(section.getAttribute("aria-labelledby") ?? "")?.textContent,
          ),
      );
      expect(panels.length).toBeGreaterThan(3);
      const seen: Focus[] = [];
      await pressUntil(page, "Tab", (now) => now.panel === null && seen.some((s) => s.panel !== null), seen);
      const reached = new Set(seen.map((s) => s.panel));
      expect(panels.filter((panel) => !reached.has(panel ?? null))).toEqual([]);
      // And back with Shift+Tab to the diagnosis.
      await pressUntil(page, "Shift+Tab", (now) => now.id === "diag-activity");

      // The diagnosis: arrows choose in the lists, typing fills the fields, leaving a field saves.
      const diagnosis = workspaceMessages.diagnosis;
      await page.keyboard.press("ArrowDown");
      await pressUntil(page, "Shift+Tab", (now) => now.id === "diag-occupancy");
      await page.keyboard.press("ArrowDown");
      await pressUntil(page, "Shift+Tab", (now) => now.id === "diag-member-0-age");
      await page.keyboard.type("44");
      await page.keyboard.press("Tab");
      await expect
        .poll(() => page.getByTestId("diagnosis-message").textContent(), { timeout: 10_000 })
        .toContain(diagnosis.savedAt("@").split("@")[0]);
      await expectFocusKept(page, "the diagnosis saved itself");
      expect(await page.locator("#diag-occupancy").inputValue()).not.toBe("");
      // A row added then removed with the keyboard: the focus goes back to the block's « Ajouter » button.
      await pressUntil(page, "Tab", (now) => now.what.includes(diagnosis.addIncome));
      await page.keyboard.press("Enter");
      // The new row sits above the button.
      await pressUntil(page, "Shift+Tab", (now) =>
        now.what.includes(diagnosis.remove(diagnosis.incomeLine(1))),
      );
      await page.keyboard.press("Enter");
      await expect.poll(async () => (await focus(page)).what).toContain(diagnosis.addIncome);
      expect(await page.locator("#diag-income-0-amount").count()).toBe(0);

      // « Enregistrer maintenant » with Space: nothing new to save, the focus stays on it.
      await tabTo(page, "diag-save");
      await page.keyboard.press("Space");
      await expectFocusKept(page, "« Enregistrer maintenant »");

      // An action: typed, then added with Enter on the button; the focus lands on what happened.
      await tabTo(page, "action-title");
      await page.keyboard.type("Appeler le bailleur pour un plan d'apurement");
      await tabTo(page, "action-due");
      await page.keyboard.type("31/12/2099");
      await pressUntil(page, "Tab", (now) => now.what.includes(workspaceMessages.actions.add));
      await page.keyboard.press("Enter");
      await expect
        .poll(() => page.getByTestId("actions").locator("tbody tr").first().textContent())
        .toContain("plan d'apurement");
      const afterAction = await expectFocusKept(page, "adding an action");
      expect(afterAction.panel).toBe(workspaceMessages.actions.title);

      // A step: the plan is proposed from the steps panel, with Enter.
      await pressUntil(page, "Shift+Tab", (now) => now.what.includes(COMMAND_LABELS.proposePlan));
      await page.keyboard.press("Enter");
      await expect.poll(() => status.textContent()).toBe(CASE_STATUS_LABELS.action_plan);
      await expectFocusKept(page, "taking a step");
    } finally {
      await context.close();
    }
  });

  it("someone else's change in between: the diagnosis says so, keeps what was typed, and saves it when asked", {
    timeout: 120_000,
  }, async () => {
    const context = await newPerson(demo.browser, { timezoneId: "Europe/Paris" });
    try {
      const diagnosis = workspaceMessages.diagnosis;
      const mine = await signInToCase(context);
      await mine.locator("#diag-health").waitFor();
      // Another tab on the same case (a colleague, or the same person elsewhere) saves first.
      const theirs = await context.newPage();
      await theirs.goto(mine.url());
      await theirs.locator("#diag-notes").focus();
      await theirs.keyboard.type("Rendez-vous pris avec le bailleur.");
      await theirs.keyboard.press("Tab");
      await expect
        .poll(() => theirs.getByTestId("diagnosis-message").textContent(), { timeout: 10_000 })
        .toContain(diagnosis.savedAt("@").split("@")[0]);

      // This tab still holds the case's previous version: its save is refused, what was typed stays.
      const typed = "Arrêt maladie de trois mois, reprise prévue en mars.";
      await mine.locator("#diag-health").focus();
      await mine.keyboard.type(typed);
      await mine.keyboard.press("Tab");
      await expect
        .poll(() => mine.getByTestId("diagnosis-message").textContent(), { timeout: 10_000 })
        .toBe(diagnosis.stale);
      expect(await mine.locator("#diag-health").inputValue()).toBe(typed);
      expect(
        await mine.evaluate(() => !window.dispatchEvent(new Event("beforeunload", { cancelable: true }))),
      ).toBe(true);

      // The person keeps their version: it is saved over the other one.
      await pressUntil(mine, "Tab", (now) => now.what.includes(diagnosis.keepMine));
      await mine.keyboard.press("Enter");
      await expect
        .poll(() => mine.getByTestId("diagnosis-message").textContent(), { timeout: 10_000 })
        .toContain(diagnosis.savedAt("@").split("@")[0]);
      await expectFocusKept(mine, "« Enregistrer ma version »");
      await theirs.reload();
      await expect.poll(() => theirs.locator("#diag-health").inputValue()).toBe(typed);
    } finally {
      await context.close();
    }
  });
});
