// The person's two one-time link pages in a real browser (Debian's chromium driven by playwright-core, the
// real server on a real PGlite database with the demo seed, the production build): the counsellor's link
// opens the engagement, the person accepts it by keyboard and the case is signed; once closed, the survey
// link takes a rating and a comment once. Both links refuse a second use in French; axe scans both pages.
import { afterAll, beforeAll, expect, it } from "vitest";
import { todayInParis } from "../src/core/time/index.ts";
import { linkMessages } from "../web/src/links/messages.fr.ts";
import { linkPageTitles } from "../web/src/links/pageTitles.fr.ts";
import { seriousViolations } from "./support/axe.ts";
import { type BrowserDemo, describeInChromium, newPerson, startBrowserDemo } from "./support/browserDemo.ts";
import { call, DEMO_USERS, type Session, signIn } from "./support/caseApi.ts";

const ELIGIBLE_SITUATION = {
  person: {
    activity: "employee",
    employer: { sector: "private_non_agricultural", headcount: 80 },
    contract: { type: "permanent", start: "2019-04-01", end: null },
  },
  housing: { postcode: "75013", occupancy: "tenant" },
  situations: ["rent_arrears"],
};

describeInChromium("public link pages in chromium", () => {
  let demo: BrowserDemo;
  let paris: Session;

  beforeAll(async () => {
    demo = await startBrowserDemo();
    paris = await signIn(demo.server.url, DEMO_USERS.parisCounsellor);
  }, 180_000);

  afterAll(async () => {
    await demo?.stop();
  });

  async function currentEtag(id: string): Promise<string> {
    return (await call(demo.server.url, "GET", `/api/v1/cases/${id}`, { session: paris })).etag ?? "";
  }

  /** A Paris case brought through the API to its proposed plan, with one action due on 20/12/2099. */
  async function caseWithPlan(): Promise<string> {
    const created = await call(demo.server.url, "POST", "/api/v1/cases", {
      session: paris,
      body: {
        person: { firstName: "Maëlle", lastName: "Ondo-Lefèvre", phone: "06 98 76 54 32" },
        channel: "phone",
        requestedOn: "2025-12-01",
        consent: { processing: true, noticeVersion: "2025-11" },
      },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.id as string;
    const move = async (path: string, body: unknown, expected = 200) => {
      const moved = await call(demo.server.url, "POST", `/api/v1/cases/${id}/${path}`, {
        session: paris,
        body,
        ifMatch: await currentEtag(id),
      });
      expect(moved.status, `${path}: ${JSON.stringify(moved.body)}`).toBe(expected);
    };
    await move("eligibility", { situation: ELIGIBLE_SITUATION, assessedOn: "2025-12-02" });
    await move("decision", { decision: "admit" });
    await move("diagnosis/start", {});
    await move(
      "actions",
      {
        kind: "external_aid",
        externalAid: "fsl",
        title: "Déposer le dossier FSL maintien",
        owner: "beneficiary",
        dueOn: "2099-12-20",
      },
      201,
    );
    await move("plan/propose", {});
    return id;
  }

  async function personPage() {
    const context = await newPerson(demo.browser, {
      timezoneId: "Europe/Paris",
      viewport: { width: 1024, height: 900 },
    });
    return { context, page: await context.newPage() };
  }

  it("the person opens the engagement link, accepts it by keyboard, and the link then says it was used", async () => {
    const id = await caseWithPlan();
    const link = await call<{ token: string; path: string }>(
      demo.server.url,
      "POST",
      `/api/v1/cases/${id}/engagement/link`,
      { session: paris, ifMatch: await currentEtag(id) },
    );
    expect(link.status, JSON.stringify(link.body)).toBe(201);
    expect(link.body.path).toBe(`/engagement/${link.body.token}`);

    const { context, page } = await personPage();
    try {
      await page.goto(`${demo.server.url}${link.body.path}`);
      await page.getByRole("heading", { level: 1, name: linkPageTitles.engagement.title }).waitFor();
      const actions = page.getByTestId("engagement-actions");
      await actions.waitFor();
      expect(await actions.textContent()).toContain("Déposer le dossier FSL maintien");
      expect(await actions.textContent()).toContain("Échéance : 20/12/2099");
      const body = (await page.locator("main").textContent()) ?? "";
      expect(body).toContain("Maëlle Ondo-Lefèvre");
      expect(body).toContain("vis-à-vis de votre employeur");
      expect(body).toContain("le service est gratuit");
      const pdf = await fetch(
        `${demo.server.url}${await page.getByTestId("engagement-link-pdf").getAttribute("href")}`,
      );
      expect(pdf.headers.get("content-type")).toContain("application/pdf");
      expect(await seriousViolations(page)).toEqual([]);

      // By keyboard only: Tab until the accept button has the focus, then Enter.
      const accept = page.getByRole("button", { name: linkMessages.engagement.accept });
      for (let press = 0; press < 40; press++) {
        if (await accept.evaluate((element) => element === document.activeElement)) break;
        await page.keyboard.press("Tab");
      }
      expect(await accept.evaluate((element) => element === document.activeElement)).toBe(true);
      await page.keyboard.press("Enter");
      const status = page.getByTestId("engagement-link-status");
      await expect.poll(() => status.textContent()).toContain(linkMessages.engagement.acceptedTitle);
      expect(await accept.count()).toBe(0);

      const signed = await call(demo.server.url, "GET", `/api/v1/cases/${id}`, { session: paris });
      expect(signed.body.status).toBe("engagement");

      await page.reload();
      await expect.poll(() => status.textContent()).toBe(linkMessages.problems.engagementUsed);
      expect(await page.getByRole("button", { name: linkMessages.engagement.accept }).count()).toBe(0);

      await page.goto(`${demo.server.url}/engagement/${"z".repeat(43)}`);
      await expect.poll(() => status.textContent()).toBe(linkMessages.problems.notFound);
    } finally {
      await context.close();
    }
  });

  it("after closure the person rates the service 4 with a comment, once", async () => {
    const id = await caseWithPlan();
    const closed = await call(demo.server.url, "POST", `/api/v1/cases/${id}/close`, {
      session: paris,
      body: { reason: "abandoned", on: todayInParis(new Date()) },
      ifMatch: await currentEtag(id),
    });
    expect(closed.status, JSON.stringify(closed.body)).toBe(200);
    const link = await call<{ token: string; path: string }>(
      demo.server.url,
      "POST",
      `/api/v1/cases/${id}/survey`,
      {
        session: paris,
        ifMatch: await currentEtag(id),
      },
    );
    expect(link.status, JSON.stringify(link.body)).toBe(201);
    expect(link.body.path).toBe(`/questionnaire/${link.body.token}`);

    const { context, page } = await personPage();
    try {
      await page.goto(`${demo.server.url}${link.body.path}`);
      const submit = page.getByRole("button", { name: linkMessages.survey.submit });
      await submit.waitFor();
      // The rating is a group named by its legend.
      const group = page.getByRole("group", { name: /note|satisf/i });
      expect(await group.count()).toBe(1);
      expect(await seriousViolations(page)).toEqual([]);

      // Sent without a rating: refused in the page, next to the group.
      await submit.click();
      await expect.poll(() => group.textContent()).toContain(linkMessages.survey.ratingRequired);

      await page.getByLabel(/^4 — /).check();
      await page.getByLabel(linkMessages.survey.comment).fill("Une écoute attentive, merci.");
      await submit.click();
      const status = page.getByTestId("survey-link-status");
      await expect.poll(() => status.textContent()).toContain(linkMessages.survey.thanks);

      const quality = await call<{ survey: { sent: boolean; answered: boolean; rating: number | null } }>(
        demo.server.url,
        "GET",
        `/api/v1/cases/${id}/quality`,
        { session: paris },
      );
      expect(quality.body.survey).toEqual({ sent: true, answered: true, rating: 4 });

      await page.reload();
      await expect.poll(() => status.textContent()).toBe(linkMessages.problems.surveyClosed);
      expect(await submit.count()).toBe(0);
      const again = await fetch(`${demo.server.url}/api/v1/surveys/${link.body.token}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ rating: 1 }),
      });
      expect(again.status).toBe(410);
    } finally {
      await context.close();
    }
  });
});
