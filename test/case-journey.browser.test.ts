// A case carried by its counsellor in a real browser (Debian's chromium driven by playwright-core, the real
// server on a real PGlite database with the demo seed, the production build) from its action plan to the
// outcome indicators after closure: engagement PDF and acceptance link, a signed scan and a refused file,
// the signature, the follow-up with an appointment and an action done, the closure. Axe scans the page in
// its final state, and the run takes docs/screenshots/case-followup.png.
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { CASE_STATUS_LABELS, COMMAND_LABELS } from "../src/core/cases/index.ts";
import { APPOINTMENT_CHANNEL_LABELS, CLOSURE_OUTCOME_LABELS } from "../src/core/diagnosis/index.ts";
import { DEMO_PASSWORD } from "../src/demo/accounts.ts";
import { workspaceMessages } from "../web/src/workspace/messages.fr.ts";
import { seriousViolations } from "./support/axe.ts";
import {
  type BrowserDemo,
  describeInChromium,
  newPerson,
  SCREENSHOTS,
  startBrowserDemo,
} from "./support/browserDemo.ts";
import { call, DEMO_USERS, signIn } from "./support/caseApi.ts";
import { elfProgram, PNG_1PX } from "./support/files.ts";

const ELIGIBLE_SITUATION = {
  person: {
    activity: "employee",
    employer: { sector: "private_non_agricultural", headcount: 80 },
    contract: { type: "permanent", start: "2019-04-01", end: null },
  },
  housing: { postcode: "75013", occupancy: "tenant" },
  situations: ["rent_arrears"],
};

describeInChromium("case journey in chromium", () => {
  let demo: BrowserDemo;

  beforeAll(async () => {
    demo = await startBrowserDemo();
  }, 180_000);

  afterAll(async () => {
    await demo?.stop();
  });

  /**
   * A Paris case of the Paris counsellor, through the API: brought to its proposed plan with one action, or
   * refused after its assessment.
   */
  async function caseWithPlan(refused = false): Promise<string> {
    const paris = await signIn(demo.server.url, DEMO_USERS.parisCounsellor);
    const created = await call(demo.server.url, "POST", "/api/v1/cases", {
      session: paris,
      body: {
        person: { firstName: "Inès", lastName: "Ferrand-Böhm", phone: "06 12 34 56 78" },
        channel: "phone",
        requestedOn: "2025-12-01",
        consent: { processing: true, noticeVersion: "2025-11" },
      },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.id as string;
    let etag = created.etag;
    const move = async (path: string, body: unknown, expected = 200) => {
      const moved = await call(demo.server.url, "POST", `/api/v1/cases/${id}/${path}`, {
        session: paris,
        body,
        ifMatch: etag,
      });
      expect(moved.status, `${path}: ${JSON.stringify(moved.body)}`).toBe(expected);
      if (path === "actions") {
        const current = await call(demo.server.url, "GET", `/api/v1/cases/${id}`, { session: paris });
        etag = current.etag;
      } else {
        etag = moved.etag;
      }
    };
    await move("eligibility", { situation: ELIGIBLE_SITUATION, assessedOn: "2025-12-02" });
    if (refused) {
      await move("decision", {
        decision: "refuse",
        motive: "Votre situation relève déjà du FSL de Paris, saisi le 28 novembre.",
      });
      return id;
    }
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

  async function signedIn(email: string) {
    const context = await newPerson(demo.browser, { timezoneId: "Europe/Paris" });
    const page = await context.newPage();
    await page.goto(`${demo.server.url}/connexion`);
    await page.locator("#connexion-email").fill(email);
    await page.locator("#connexion-password").fill(DEMO_PASSWORD);
    await page.keyboard.press("Enter");
    await page.getByTestId("signed-in-as").waitFor();
    return { context, page };
  }

  it("the counsellor takes a case from its plan to the engagement, its signature, the follow-up, the closure and the outcome indicators", async () => {
    const caseId = await caseWithPlan();
    const { context, page } = await signedIn(DEMO_USERS.parisCounsellor);
    try {
      await page.goto(`${demo.server.url}/espace/dossiers/${caseId}`);
      const status = page.getByTestId("case-status");
      await status.waitFor();
      expect(await status.textContent()).toBe(CASE_STATUS_LABELS.action_plan);

      // The engagement: not signed yet, its PDF answers as a PDF for the signed-in counsellor.
      const engagement = workspaceMessages.engagement;
      expect(await page.getByTestId("engagement-status").textContent()).toContain(engagement.notYet);
      const pdfHref = (await page.getByTestId("engagement-pdf").getAttribute("href")) ?? "";
      expect(await page.getByTestId("engagement-pdf").getAttribute("target")).toBe("_blank");
      const pdf = await page.evaluate(async (href) => {
        const response = await fetch(href);
        const bytes = new Uint8Array(await response.arrayBuffer());
        return {
          status: response.status,
          type: response.headers.get("content-type"),
          magic: String.fromCharCode(...bytes.slice(0, 5)),
        };
      }, pdfHref);
      expect(pdf).toEqual({ status: 200, type: "application/pdf", magic: "%PDF-" });

      // The one-time acceptance link, shown once to be copied; the person's page answers with the case.
      await page.getByRole("button", { name: engagement.createLink }).click();
      await expect
        .poll(() => page.getByTestId("engagement-message").textContent())
        .toBe(engagement.linkCreated);
      const address = await page.getByLabel(engagement.linkLabel).inputValue();
      expect(address.startsWith(`${demo.server.url}/engagement/`)).toBe(true);
      const token = address.split("/").pop() as string;
      const summary = await fetch(`${demo.server.url}/api/v1/engagements/${token}`);
      expect(summary.status).toBe(200);

      // A file that is a program named .pdf, then one over 10 MiB: refused in French, nothing listed.
      const documents = workspaceMessages.documents;
      const scanMessage = page.getByTestId("engagement-scan-message");
      await page.locator("#engagement-scan").setInputFiles({
        name: "engagement.pdf",
        mimeType: "application/pdf",
        buffer: elfProgram(),
      });
      await expect.poll(() => scanMessage.textContent()).toBe(documents.unsupported);
      await page.locator("#document-file").setInputFiles({
        name: "avis-impot.pdf",
        mimeType: "application/pdf",
        buffer: Buffer.alloc(10 * 1024 * 1024 + 1, 0x25),
      });
      await expect
        .poll(() => page.getByTestId("document-file-message").textContent())
        .toBe(documents.tooLarge);
      expect(await page.getByText(documents.empty).isVisible()).toBe(true);

      // The file input is reached with the Tab key from the field before it.
      await page.getByLabel(engagement.linkLabel).focus();
      for (let presses = 0; presses < 10; presses++) {
        await page.keyboard.press("Tab");
        if ((await page.evaluate(() => document.activeElement?.id)) === "engagement-scan") break;
      }
      expect(await page.evaluate(() => document.activeElement?.id)).toBe("engagement-scan");

      // The scan signed on paper, through the file input; an attachment dropped on the drop zone.
      await page.locator("#engagement-scan").setInputFiles({
        name: "engagement-signé.png",
        mimeType: "image/png",
        buffer: PNG_1PX,
      });
      await expect.poll(() => scanMessage.textContent()).toBe(documents.uploaded("engagement-signé.png"));
      const dropped = await page.evaluateHandle((base64) => {
        const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
        const transfer = new DataTransfer();
        transfer.items.add(new File([bytes], "quittance-loyer.png", { type: "image/png" }));
        return transfer;
      }, PNG_1PX.toString("base64"));
      await page.getByTestId("document-file-drop").dispatchEvent("drop", { dataTransfer: dropped });
      await expect
        .poll(() => page.getByTestId("document-file-message").textContent())
        .toBe(documents.uploaded("quittance-loyer.png"));
      const rows = page.getByTestId("documents").locator("tbody tr");
      await expect.poll(() => rows.count()).toBe(2);
      expect(await rows.nth(0).textContent()).toContain(documents.kinds.signed_engagement);
      expect(await rows.nth(1).textContent()).toContain(documents.kinds.attachment);
      const download = await page.evaluate(
        async (href) => {
          const response = await fetch(href);
          return { status: response.status, type: response.headers.get("content-type") };
        },
        (await rows.nth(1).getByRole("link").getAttribute("href")) ?? "",
      );
      expect(download).toEqual({ status: 200, type: "image/png" });

      // The signature, dated today by default, then the follow-up.
      await page.getByRole("button", { name: COMMAND_LABELS.signEngagement }).click();
      await page
        .locator("#etape-signEngagement")
        .getByRole("button", { name: COMMAND_LABELS.signEngagement })
        .click();
      await expect.poll(() => status.textContent()).toBe(CASE_STATUS_LABELS.engagement);
      expect(await page.getByTestId("engagement-status").textContent()).toMatch(
        /signé le \d{2}\/\d{2}\/\d{4}/,
      );
      await page.getByRole("button", { name: COMMAND_LABELS.startFollowUp }).click();
      await expect.poll(() => status.textContent()).toBe(CASE_STATUS_LABELS.follow_up);

      // An appointment by phone, with its notes.
      const appointments = workspaceMessages.appointments;
      await page.getByRole("button", { name: appointments.add }).click();
      expect(await page.evaluate(() => document.activeElement?.id)).toBe("appointment-at");
      await page.getByLabel(appointments.at).fill("2026-11-20T10:30");
      await page.getByLabel(appointments.channel).selectOption("phone");
      await page.getByLabel(appointments.notes).fill("Point sur le dépôt du dossier FSL : pièces réunies.");
      await page.getByRole("button", { name: appointments.add }).click();
      const appointmentRows = page.getByTestId("appointments").locator("tbody tr");
      await expect.poll(() => appointmentRows.count()).toBe(1);
      expect(await appointmentRows.first().textContent()).toContain("20/11/2026 à 10:30");
      expect(await appointmentRows.first().textContent()).toContain(APPOINTMENT_CHANNEL_LABELS.phone);
      expect(await appointmentRows.first().textContent()).toContain("pièces réunies");

      // The action done: refused without its outcome, then recorded with it.
      const update = workspaceMessages.actionUpdate;
      await page.getByLabel(update.status).selectOption("done");
      await page.getByRole("button", { name: update.save }).click();
      expect(await page.evaluate(() => document.activeElement?.id)).toBe("action-update-outcome");
      await page.getByLabel(update.outcome).fill("Dossier FSL déposé le 18 novembre, accord de principe.");
      await page.getByRole("button", { name: update.save }).click();
      await expect
        .poll(() => page.getByTestId("actions").locator("tbody tr").first().textContent())
        .toContain("Réalisée");

      // The closure, then the outcome indicators.
      await page.getByRole("button", { name: COMMAND_LABELS.close }).click();
      await page.locator("#etape-close-reason").selectOption("resolved");
      await page.locator("#etape-close").getByRole("button", { name: COMMAND_LABELS.close }).click();
      await expect.poll(() => status.textContent()).toBe(CASE_STATUS_LABELS.closed);
      const outcome = workspaceMessages.outcome;
      await page.getByLabel(CLOSURE_OUTCOME_LABELS.housing_kept).check();
      await page.getByLabel(CLOSURE_OUTCOME_LABELS.arrears_cleared).check();
      await page.getByLabel(outcome.comment).fill("Maintien dans les lieux, plan d'apurement respecté.");
      await page.getByRole("button", { name: outcome.save }).click();
      await expect.poll(() => page.getByTestId("outcome-message").textContent()).toBe(outcome.saved);
      expect(await page.getByTestId("outcome-recorded").textContent()).toContain(
        `${CLOSURE_OUTCOME_LABELS.housing_kept}, ${CLOSURE_OUTCOME_LABELS.arrears_cleared}`,
      );

      // Stored for real: read back after a reload, and every step is in the timeline.
      await page.reload();
      await page.getByTestId("outcome-recorded").waitFor();
      expect(await page.getByTestId("outcome-recorded").textContent()).toContain(
        CLOSURE_OUTCOME_LABELS.arrears_cleared,
      );
      const events = workspaceMessages.case.timeline.events;
      await expect.poll(() => page.getByTestId("timeline").locator("li").count()).toBeGreaterThan(8);
      const timeline = (await page.getByTestId("timeline").locator("li").allTextContents()).join("\n");
      for (const event of [
        "engagement_link_created",
        "document_added",
        "engagement_signed",
        "follow_up_started",
        "appointment_recorded",
        "action_updated",
        "case_closed",
        "outcome_recorded",
      ]) {
        expect(timeline, event).toContain(events[event]);
      }
      await page.screenshot({ path: join(SCREENSHOTS, "case-followup.png"), fullPage: true });
      expect(await seriousViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  }, 240_000);

  it("a refused case offers its refusal letter, which answers as a PDF, and no engagement", async () => {
    const caseId = await caseWithPlan(true);
    const { context, page } = await signedIn(DEMO_USERS.parisCounsellor);
    try {
      await page.goto(`${demo.server.url}/espace/dossiers/${caseId}`);
      const letter = page.getByTestId("refusal-pdf");
      await letter.waitFor();
      expect(await page.getByTestId("case-status").textContent()).toBe(CASE_STATUS_LABELS.refused);
      expect(await page.getByTestId("engagement-pdf").count()).toBe(0);
      expect(await letter.getAttribute("target")).toBe("_blank");
      const pdf = await page.evaluate(
        async (href) => {
          const response = await fetch(href);
          return { status: response.status, type: response.headers.get("content-type") };
        },
        (await letter.getAttribute("href")) ?? "",
      );
      expect(pdf).toEqual({ status: 200, type: "application/pdf" });
      expect(await seriousViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);
});
