// The web application in a real browser: Debian's chromium driven by playwright-core, against the real
// server on a real (PGlite) database serving the production build. Keyboard-only paths through the
// simulator, the directive comparison, and an axe accessibility scan of every page. Screenshots of the
// pages go to docs/screenshots/ for the README.
import { join } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { INPUT_MESSAGES } from "../src/contracts/messages.fr.ts";
import { DIRECTIVES } from "../src/core/rules/index.ts";
import { SYSTEM_CALLER } from "../src/services/caller.ts";
import { recordParameterValue } from "../src/services/parameters/index.ts";
import { messages } from "../web/src/messages.fr.ts";
import { seriousViolations } from "./support/axe.ts";
import {
  type BrowserDemo,
  browserSuitesSkipped,
  describeInChromium,
  newPerson,
  SCREENSHOTS,
  SKIP_REASON,
  startBrowserDemo,
  tabTo,
} from "./support/browserDemo.ts";

const territoryClause = (reference: string) =>
  DIRECTIVES.find((directive) => directive.reference === reference)?.clauses.find(
    (clause) => clause.topic === "territory",
  )?.id as string;

if (browserSuitesSkipped) process.stderr.write(`Browser tests ${SKIP_REASON}\n`);

/** Tabs to a text field, clears it and types. */
async function typeInto(page: Page, id: string, value: string): Promise<void> {
  await tabTo(page, id);
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Backspace");
  await page.keyboard.type(value);
}

/** Tabs into a radio group (lands on its first radio when none is checked), then arrows down `steps` times. */
async function choose(page: Page, firstId: string, steps = 0): Promise<void> {
  await tabTo(page, firstId);
  if (steps === 0) await page.keyboard.press("Space");
  for (let step = 0; step < steps; step++) await page.keyboard.press("ArrowDown");
}

async function check(page: Page, id: string): Promise<void> {
  await tabTo(page, id);
  await page.keyboard.press("Space");
}

describeInChromium("web application in chromium", () => {
  let demo: BrowserDemo;
  let context: BrowserContext;

  beforeAll(async () => {
    // The public pages need no account: no demo data.
    demo = await startBrowserDemo({ demoData: false });
    // A fresh context per run; axe needs pages from browser.newContext(), not browser.newPage().
    context = await newPerson(demo.browser);
  }, 180_000);

  afterAll(async () => {
    await context?.close();
    await demo?.stop();
  });

  async function open(path: string): Promise<Page> {
    const page = await context.newPage();
    await page.goto(`${demo.server.url}${path}`);
    await page.locator("h1").first().waitFor();
    return page;
  }

  /** Opens the simulator and waits for its chunk: the form's first field is there. */
  async function openSimulator(): Promise<Page> {
    const page = await open("/simulateur");
    await page.locator("#champ-requestDate").waitFor();
    return page;
  }

  const outcome = (page: Page) => page.getByTestId("outcome");

  it("home page: French h1, header navigation to the simulator and the directives, no serious axe violation", async () => {
    const page = await open("/");
    expect(await page.locator("h1").textContent()).toBe(messages.home.title);
    expect(await page.title()).toBe(messages.documentTitle.home);
    const nav = page.getByRole("navigation", { name: messages.header.navigationLabel });
    expect(await nav.getByRole("link", { name: messages.header.simulator }).getAttribute("href")).toBe(
      "/simulateur",
    );
    expect(await nav.getByRole("link", { name: messages.header.directives }).getAttribute("href")).toBe(
      "/directives",
    );
    await page.screenshot({ path: join(SCREENSHOTS, "home.png") });
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it("request form and simulator: every control reached with Tab shows a visible focus ring", async () => {
    for (const [path, firstField] of [
      ["/demande", "form input"],
      ["/simulateur", "#champ-requestDate"],
    ] as const) {
      const page = await open(path);
      await page.locator(firstField).first().waitFor();
      const seen: string[] = [];
      for (let press = 0; press < 40; press += 1) {
        await page.keyboard.press("Tab");
        const focused = await page.evaluate(() => {
          const element = document.activeElement as HTMLElement | null;
          if (element === null || element === document.body) return null;
          const style = getComputedStyle(element);
          const outline = style.outlineStyle !== "none" && Number.parseFloat(style.outlineWidth) > 0;
          const shadow = style.boxShadow !== "none" && style.boxShadow !== "";
          return { name: `${element.tagName.toLowerCase()}#${element.id}`, visible: outline || shadow };
        });
        if (focused === null) continue;
        expect(focused.visible, `${path}: ${focused.name}`).toBe(true);
        seen.push(focused.name);
      }
      // The walk did reach the form's fields, not only the header's links.
      expect(seen.filter((name) => name.startsWith("input")).length, path).toBeGreaterThan(2);
      await page.close();
    }
  });

  it("simulator, keyboard only: a 2025 employee on a permanent contract in Paris with rent arrears is éligible, computed in the browser without calling the API", async () => {
    const page = await openSimulator();
    expect(await page.title()).toBe(messages.documentTitle.page(messages.simulator.title));
    expect(await seriousViolations(page)).toEqual([]);

    // Only the public rule parameters may be read (a GET without data); no answer leaves the browser.
    const apiRequests: string[] = [];
    page.on("request", (request) => {
      const path = new URL(request.url()).pathname;
      const parametersRead = request.method() === "GET" && path === "/api/v1/rule-parameters";
      if (path.startsWith("/api") && !parametersRead) apiRequests.push(`${request.method()} ${path}`);
      if (request.postData() !== null) apiRequests.push(`${request.method()} ${path} with a body`);
    });

    await typeInto(page, "champ-requestDate", "01/12/2025");
    await choose(page, "champ-activity-employee");
    await choose(page, "champ-sector-private_non_agricultural");
    await typeInto(page, "champ-headcount", "50");
    await choose(page, "champ-contractType-permanent");
    await typeInto(page, "champ-contractStart", "01/01/2020");
    await choose(page, "champ-disaster-none");
    await typeInto(page, "champ-postcode", "75011");
    await choose(page, "champ-occupancy-tenant");
    await check(page, "champ-situations-rent_arrears");

    expect(await outcome(page).textContent()).toBe("éligible");
    expect(await page.getByTestId("directive").textContent()).toBe("PP_SERV_ASD_2_DIR");
    const clauses = await page.getByTestId("clause").allTextContents();
    expect(clauses).toContain("PP_SERV_ASD_2_DIR/beneficiaires/1");
    expect(clauses).toContain(territoryClause("PP_SERV_ASD_2_DIR"));
    const decision = page.getByRole("heading", { name: messages.simulator.result.decisionTitle });
    expect(await decision.isVisible()).toBe(true);
    expect(await page.getByText(messages.simulator.result.decision).isVisible()).toBe(true);

    // The quoted clause text opens on demand, by keyboard too.
    const summary = page.locator("summary").first();
    await summary.focus();
    await page.keyboard.press("Enter");
    await expect(page.locator("details").first().getAttribute("open")).resolves.not.toBeNull();
    expect(await page.locator("blockquote").first().textContent()).toContain("Salariés des entreprises");

    expect(apiRequests).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, "simulator.png"), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it("simulator: a 2021 jobseeker, former employee of a 200-person private company, is éligible under PP_EX_CPA_2_DIR", async () => {
    const page = await openSimulator();
    await typeInto(page, "champ-requestDate", "15/03/2023");
    await choose(page, "champ-activity-employee", 3); // employee → temp worker → ESAT → jobseeker
    expect(await page.locator("#champ-activity-jobseeker").isChecked()).toBe(true);
    await choose(page, "champ-sector-private_non_agricultural");
    await typeInto(page, "champ-headcount", "200");
    await typeInto(page, "champ-activityEndDate", "01/01/2023");
    await choose(page, "champ-visaleEvent-yes", 1);
    await typeInto(page, "champ-postcode", "69003");
    await choose(page, "champ-occupancy-tenant");
    await check(page, "champ-situations-job_loss");

    expect(await outcome(page).textContent()).toBe("éligible");
    expect(await page.getByTestId("directive").textContent()).toBe("PP_EX_CPA_2_DIR");
    expect(await page.getByTestId("clause").allTextContents()).toContain("PP_EX_CPA_2_DIR/beneficiaires/2");
    await page.close();
  });

  it("simulator: a home in Saint-Barthélemy (97133) is non éligible under the territory clause", async () => {
    const page = await openSimulator();
    await typeInto(page, "champ-requestDate", "01/12/2025");
    await choose(page, "champ-activity-employee");
    await choose(page, "champ-sector-private_non_agricultural");
    await typeInto(page, "champ-headcount", "50");
    await choose(page, "champ-contractType-permanent");
    await typeInto(page, "champ-contractStart", "01/01/2020");
    await typeInto(page, "champ-postcode", "97133");
    await check(page, "champ-situations-rent_arrears");

    expect(await outcome(page).textContent()).toBe("non éligible");
    const territory = page.locator("li.reason-not_met");
    expect(await territory.getByTestId("clause").textContent()).toBe(territoryClause("PP_SERV_ASD_2_DIR"));
    await page.close();
  });

  it("simulator: an unknown postcode shows the French error on the postcode field, announced with it", async () => {
    const page = await openSimulator();
    await typeInto(page, "champ-postcode", "99999");
    const field = page.locator("#champ-postcode");
    expect(await field.getAttribute("aria-invalid")).toBe("true");
    const describedBy = (await field.getAttribute("aria-describedby")) ?? "";
    const errorTexts = await Promise.all(
      describedBy
        .split(" ")
        .filter(Boolean)
        .map((id) => page.locator(`[id="${id}"]`).textContent()),
    );
    expect(errorTexts).toContain(INPUT_MESSAGES.unknownPostcode);
    expect(await page.getByTestId("errors-summary").textContent()).toBe(messages.simulator.result.errors(1));
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it("simulator on a phone-sized screen: result below the form, no serious axe violation", async () => {
    const phone = await demo.browser.newContext({ locale: "fr-FR", viewport: { width: 390, height: 844 } });
    try {
      const page = await phone.newPage();
      await page.goto(`${demo.server.url}/simulateur`);
      await page.locator("#champ-requestDate").waitFor();
      await page.locator("#champ-postcode").fill("75011");
      const form = await page.locator("form").boundingBox();
      const result = await page.locator(".simulator-result").boundingBox();
      expect(result?.y).toBeGreaterThan((form?.y ?? 0) + (form?.height ?? 0) - 1);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      expect(await seriousViolations(page)).toEqual([]);
    } finally {
      await phone.close();
    }
  });

  it("directives: both versions side by side with their dates and modes, differences marked with del and ins", async () => {
    const page = await open("/directives");
    await page.locator("del").first().waitFor();
    expect(await page.title()).toBe(messages.documentTitle.page(messages.directives.title));
    const body = (await page.locator("main").textContent()) ?? "";
    for (const directive of DIRECTIVES) {
      expect(body).toContain(directive.reference);
      expect(body).toContain(directive.mode);
    }
    expect(body).toContain("Prestation de services");
    expect(body).toContain("Prêt et Subvention");
    expect(body).toContain(`${messages.directives.openEntitlement}${messages.directives.openEntitlementNo}`);
    expect(await page.locator("main del").count()).toBeGreaterThan(5);
    expect(await page.locator("main ins").count()).toBeGreaterThan(5);
    // Tall enough to show both versions, the legend and the first clauses with their differences.
    await page.setViewportSize({ width: 1280, height: 1700 });
    await page.screenshot({ path: join(SCREENSHOTS, "directives.png") });
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  // Last, since it records a value for the whole server: only 2025 temp workers on short missions depend on it.
  it("simulator: applies the temp workers' threshold that administrators recorded, not the default", async () => {
    await recordParameterValue(demo.server.app.services, SYSTEM_CALLER, {
      key: "tempWorkerMinHours",
      value: 300,
      appliesFrom: "2025-11-20",
      reason: "Seuil fixé par Action Logement Services (test)",
    });
    const page = await openSimulator();
    await typeInto(page, "champ-requestDate", "01/12/2025");
    await choose(page, "champ-activity-employee", 1); // employee → temp worker
    expect(await page.locator("#champ-activity-temp_worker").isChecked()).toBe(true);
    await choose(page, "champ-sector-private_non_agricultural");
    await typeInto(page, "champ-headcount", "3000");
    await typeInto(page, "champ-contractStart", "01/11/2025");
    await typeInto(page, "champ-contractEnd", "31/12/2025");
    // 350 hours: short of the default 414, enough for the recorded 300.
    await typeInto(page, "champ-tempHours", "350");
    await choose(page, "champ-disaster-none");
    await typeInto(page, "champ-postcode", "13001");
    await check(page, "champ-situations-rent_arrears");

    expect(await outcome(page).textContent()).toBe("éligible");
    expect(await page.getByTestId("clause").allTextContents()).toContain("PP_SERV_ASD_2_DIR/beneficiaires/2");
    await page.close();
  });
});
