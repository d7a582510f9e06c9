// The administrator's catalogue and rule parameter pages in a real browser (Debian's chromium driven by
// playwright-core) against the real server on a real PGlite database with the demo seed: the administrator
// creates an aid product, records its next dated version and still finds the first one in the history;
// records a rule parameter value with its reason, which the public simulator then applies from its date;
// sets the four-eyes threshold, whose value in force then shows; each catalogue version and each recorded
// value names who recorded it; bad values are refused on their field in French. A counsellor is turned
// away. An axe scan of each page and their screenshots for the README.
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { DEFAULT_FOUR_EYES_THRESHOLD_CENTS } from "../src/core/finance/aids.ts";
import { AID_MESSAGES, MONEY_MESSAGES } from "../src/core/finance/messages.fr.ts";
import { formatCents } from "../src/core/finance/money.ts";
import { directiveByReference } from "../src/core/rules/index.ts";
import { RULE_ERRORS } from "../src/core/rules/messages.fr.ts";
import { frenchDay, frenchToday, isoDay } from "../web/src/frenchDates.ts";
import { adminMessages } from "../web/src/workspace/admin/messages.fr.ts";
import { dayBefore } from "../web/src/workspace/admin/typedNumbers.ts";
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
import { awayFromParisMidnight } from "./support/parisMidnight.ts";
import type { RunningServer } from "./support/server.ts";

const ADMIN = demoAccount("admin");
const COUNSELLOR = demoAccount("counsellor");

const catalogue = adminMessages.catalogue;
const parameters = adminMessages.parameters;
const threshold = adminMessages.threshold;

describeInChromium("administrator pages in chromium", () => {
  let demo: BrowserDemo;
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    demo = await startBrowserDemo();
    ({ server, browser } = demo);
  }, 180_000);

  afterAll(async () => {
    await demo?.stop();
  });

  const person = (): Promise<BrowserContext> => newPerson(browser);
  const signInTo = (context: BrowserContext, email: string, path: string): Promise<Page> =>
    signInOn(context, server.url, email, path);

  const invalid = (page: Page, id: string) => page.locator(`#${id}`).getAttribute("aria-invalid");
  /** The message Mantine writes under a field, which the field names in its aria-describedby. */
  async function fieldError(page: Page, id: string): Promise<string> {
    const described = (await page.locator(`#${id}`).getAttribute("aria-describedby")) ?? "";
    const errorId = described.split(" ").find((candidate) => candidate.endsWith("-error"));
    return errorId === undefined ? "" : ((await page.locator(`#${errorId}`).textContent()) ?? "");
  }

  it("administrator: creates a loan (a bad amount and a service-only directive refused on their fields), records its next dated version in exact cents, and the first version stays in the history", {
    timeout: 240_000,
  }, async () => {
    await awayFromParisMidnight(90);
    const today = frenchToday();
    const year = Number(today.slice(-4));
    const context = await person();
    try {
      const page = await signInTo(context, ADMIN.email, "/espace/catalogue");
      expect(await page.locator("h1").textContent()).toBe(catalogue.title);
      expect(
        await page.getByRole("link", { name: roleMessages.menu.catalogue }).getAttribute("aria-current"),
      ).toBe("page");
      await page.getByText(catalogue.historyEmpty).waitFor();
      expect(await page.getByTestId("keep-terms").textContent()).toBe(catalogue.keepTerms);
      expect(await seriousViolations(page)).toEqual([]);

      // Version 1, applying since the first of January of last year.
      await page.locator("#produit-code").fill("pret-loyers");
      await page.locator("#produit-nom").fill("Prêt pour impayés de loyer");
      await page.locator("#produit-montant").fill("cinq mille");
      await page.locator("#produit-taux").fill("1,5");
      await page.locator("#produit-duree").fill("36");
      await page.locator("#produit-differe").fill("3");
      await page.locator("#produit-date").fill(`01/01/${year - 1}`);
      await page.locator("#produit-motif").fill("Création du produit");
      await page.getByRole("button", { name: catalogue.submit }).click();
      await expect.poll(() => invalid(page, "produit-montant")).toBe("true");
      expect(await fieldError(page, "produit-montant")).toBe(MONEY_MESSAGES.invalid("cinq mille"));

      // The 2021 directive is a pure service: the API refuses it, and says so under the directives.
      await page.locator("#produit-montant").fill("5 000");
      await page.getByLabel(/^PP_EX_CPA_2_DIR/).check();
      await page.getByRole("button", { name: catalogue.submit }).click();
      const service = directiveByReference("PP_EX_CPA_2_DIR");
      const refusal = AID_MESSAGES.serviceOnly("PP_EX_CPA_2_DIR", service?.mode ?? "");
      await page.getByText(refusal).waitFor();
      expect(await invalid(page, "produit-montant")).not.toBe("true");

      await page.getByLabel(/^PP_EX_CPA_2_DIR/).uncheck();
      await page.getByRole("button", { name: catalogue.submit }).click();
      await expect
        .poll(() => page.getByTestId("catalogue-announcement").textContent())
        .toBe(catalogue.recorded("Prêt pour impayés de loyer", 1, `01/01/${year - 1}`));
      const products = page.getByTestId("products");
      await products.waitFor();
      const first = await products.locator("tbody tr").first().textContent();
      expect(first).toContain(formatCents(500_000));
      expect(first).toContain("1,50 %");
      expect(first).toContain("36 mois");

      // Version 2 from today, prepared from the row: the terms come prefilled, the amount changes.
      await page.getByRole("button", { name: catalogue.newVersionOf("Prêt pour impayés de loyer") }).click();
      await expect.poll(() => page.locator("#produit-code").inputValue()).toBe("pret-loyers");
      expect(await page.locator("#produit-taux").inputValue()).toBe("1,50");
      await page.locator("#produit-montant").fill("6 000,50");
      await page.locator("#produit-date").fill(today);
      await page.locator("#produit-motif").fill("Revalorisation du plafond");
      await page.getByRole("button", { name: catalogue.submit }).click();
      await expect
        .poll(() => page.getByTestId("catalogue-announcement").textContent())
        .toBe(catalogue.recorded("Prêt pour impayés de loyer", 2, today));

      await expect.poll(() => products.locator("tbody tr").count()).toBe(1);
      const inForce = (await products.locator("tbody tr").first().textContent()) ?? "";
      expect(inForce).toContain(formatCents(600_050));
      expect(inForce).toContain(catalogue.from(today));

      const history = page.getByTestId("catalogue-history").locator("tbody tr");
      await expect.poll(() => history.count()).toBe(2);
      const [previous, next] = await history.allTextContents();
      expect(previous).toContain(formatCents(500_000));
      expect(previous).toContain("Création du produit");
      expect(previous).toContain(
        catalogue.between(`01/01/${year - 1}`, frenchDay(dayBefore(isoDay(today) as string))),
      );
      expect(next).toContain(formatCents(600_050));
      expect(next).toContain("Revalorisation du plafond");
      // Who recorded each version: the administrator, by name.
      expect(previous).toContain(ADMIN.displayName);
      expect(next).toContain(ADMIN.displayName);

      // Exact cents on the server too: 6 000,50 € is 600 050 cents, never a float.
      const stored = await page.evaluate(() =>
        fetch("/api/v1/finance/catalogue").then(
          (response) =>
            response.json() as Promise<{ history: { version: number; maxAmountCents: number }[] }>,
        ),
      );
      expect(stored.history.map((product) => [product.version, product.maxAmountCents])).toEqual([
        [1, 500_000],
        [2, 600_050],
      ]);
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: join(SCREENSHOTS, "catalogue.png"), fullPage: true });
    } finally {
      await context.close();
    }
  });

  it("administrator: a value out of bounds is refused on its field, a value with its reason is recorded and listed, the simulator applies it from its date on; the four-eyes threshold is set", {
    timeout: 240_000,
  }, async () => {
    await awayFromParisMidnight(90);
    const today = frenchToday();
    const context = await person();
    try {
      const page = await signInTo(context, ADMIN.email, "/espace/parametres");
      expect(await page.locator("h1").textContent()).toBe(parameters.title);
      const current = page.getByTestId("current-tempWorkerMinHours");
      await current.waitFor();
      expect(await current.textContent()).toBe(parameters.current(parameters.value(414, "heures"), today));
      expect(await page.getByText(parameters.clause("PP_SERV_ASD_2_DIR/beneficiaires/2")).isVisible()).toBe(
        true,
      );
      expect(await page.getByText(parameters.historyEmpty).isVisible()).toBe(true);
      expect(await seriousViolations(page)).toEqual([]);

      // Out of bounds: the API's French refusal, on the value's field. Then no reason: refused too.
      await page.locator("#parametre-valeur").fill("9000");
      await page.locator("#parametre-date").fill("01/12/2025");
      await page.locator("#parametre-motif").fill("Alignement sur la pratique des agences");
      await page.getByRole("button", { name: parameters.submit }).click();
      await expect.poll(() => invalid(page, "parametre-valeur")).toBe("true");
      expect(await fieldError(page, "parametre-valeur")).toBe(
        RULE_ERRORS.parameterOutOfRange(0, 8784, "heures"),
      );

      await page.locator("#parametre-valeur").fill("300");
      await page.locator("#parametre-motif").fill("");
      await page.getByRole("button", { name: parameters.submit }).click();
      await expect.poll(() => invalid(page, "parametre-motif")).toBe("true");
      expect(await fieldError(page, "parametre-motif")).toBe(adminMessages.required);
      expect(await invalid(page, "parametre-valeur")).not.toBe("true");

      await page.locator("#parametre-motif").fill("Alignement sur la pratique des agences");
      await page.getByRole("button", { name: parameters.submit }).click();
      const label = "Nombre minimal d'heures de mission des intérimaires sur les 12 derniers mois";
      await expect
        .poll(() => page.getByTestId("parameters-announcement").textContent())
        .toBe(parameters.recorded(label, parameters.value(300, "heures"), "01/12/2025"));
      await expect
        .poll(() => current.textContent())
        .toBe(parameters.current(parameters.value(300, "heures"), today));
      const row = await page.getByTestId("history-tempWorkerMinHours").locator("tbody tr").textContent();
      expect(row).toContain("01/12/2025");
      expect(row).toContain(parameters.value(300, "heures"));
      expect(row).toContain("Alignement sur la pratique des agences");
      expect(row).toContain(ADMIN.displayName);

      // The four-eyes threshold: the default in force, a bad amount on its field, then 5 000 € from today.
      const inForce = page.getByTestId("threshold-in-force");
      expect(await inForce.textContent()).toBe(
        `${threshold.current(formatCents(DEFAULT_FOUR_EYES_THRESHOLD_CENTS), today)} ${threshold.currentIsDefault}`,
      );
      await page.locator("#seuil-montant").fill("5.000.0");
      await page.locator("#seuil-date").fill(today);
      await page.locator("#seuil-motif").fill("Volume d'aides en hausse");
      await page.getByRole("button", { name: threshold.submit }).click();
      await expect.poll(() => invalid(page, "seuil-montant")).toBe("true");
      await page.locator("#seuil-montant").fill("5 000");
      await page.getByRole("button", { name: threshold.submit }).click();
      await expect
        .poll(() => page.getByTestId("parameters-announcement").textContent())
        .toBe(threshold.recorded(formatCents(500_000), today));
      await expect.poll(() => inForce.textContent()).toBe(threshold.current(formatCents(500_000), today));
      const thresholdRow = await page.getByTestId("threshold-history").locator("tbody tr").textContent();
      expect(thresholdRow).toContain(formatCents(500_000));
      expect(thresholdRow).toContain(ADMIN.displayName);
      expect(thresholdRow).toContain("Volume d'aides en hausse");
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: join(SCREENSHOTS, "parameters.png"), fullPage: true });

      // The public simulator: 350 hours of missions suffice from 01/12/2025 (300), not the day before (414).
      const simulator = await context.newPage();
      await simulator.goto(`${server.url}/simulateur`);
      const outcome = async (requestDate: string) => {
        await simulator.locator("#champ-requestDate").fill(requestDate);
        await simulator.locator("#champ-requestDate").press("Tab");
        return simulator.getByTestId("outcome").textContent();
      };
      await simulator.locator("#champ-requestDate").waitFor();
      await simulator.locator("#champ-requestDate").fill("01/12/2025");
      await simulator.locator("#champ-activity-temp_worker").check();
      await simulator.locator("#champ-sector-private_non_agricultural").check();
      await simulator.locator("#champ-headcount").fill("3000");
      await simulator.locator("#champ-contractStart").fill("01/11/2025");
      await simulator.locator("#champ-contractEnd").fill("31/12/2025");
      await simulator.locator("#champ-tempHours").fill("350");
      await simulator.locator("#champ-disaster-none").check();
      await simulator.locator("#champ-postcode").fill("13001");
      await simulator.locator("#champ-situations-rent_arrears").check();
      await expect.poll(() => outcome("01/12/2025")).toBe("éligible");
      await expect.poll(() => outcome("30/11/2025")).toBe("non éligible");
      await simulator.close();
    } finally {
      await context.close();
    }
  });

  it("counsellor: the catalogue and parameter pages say the role gives no access, and the menu offers neither", {
    timeout: 60_000,
  }, async () => {
    const context = await person();
    try {
      const page = await signInTo(context, COUNSELLOR.email, "/espace/catalogue");
      expect(await page.getByRole("alert").textContent()).toBe(roleMessages.forbidden);
      expect(await page.getByTestId("product-form").count()).toBe(0);
      expect(await page.getByRole("link", { name: roleMessages.menu.catalogue }).count()).toBe(0);
      expect(await seriousViolations(page)).toEqual([]);
      await page.goto(`${server.url}/espace/parametres`);
      await page.getByRole("alert").waitFor();
      expect(await page.getByRole("alert").textContent()).toBe(roleMessages.forbidden);
      expect(await page.getByTestId("parameter-form").count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});
