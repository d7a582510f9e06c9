// What the case page, the envelope page and the parameters page read beyond the aids' lifecycle, over real
// HTTP on each database: a counsellor reads their agency's loan schedule (not another agency's), aids name
// who proposed and decided them, the year's list filters on several statuses, the four-eyes threshold in
// force is read back, every recorded rule parameter names its author, and catalogue versions too.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATABASE_KINDS, suiteName, type TestDatabase } from "./support/databases.ts";
import { openDemoDatabase } from "./support/demoDatabase.ts";
import {
  type FinanceClient,
  GRANT,
  insertAgencyCases,
  loanProduct,
  openCatalogueAndEnvelope,
  type Session,
  signInFinanceStaff,
  startFinanceServer,
} from "./support/financeFixtures.ts";
import type { RunningServer } from "./support/server.ts";

const PROBLEM_JSON = /^application\/problem\+json/;
const IBAN = "FR76 3000 6000 0112 3456 7890 189";

interface Person {
  id: string;
  displayName: string;
}
interface Aid {
  id: string;
  status: string;
  proposedByUserId: string;
  proposedBy: Person;
  firstApprovedBy: Person | null;
  decidedBy: Person | null;
}
interface Problem {
  code: string;
  errors?: { path: string; message: string }[];
}

for (const kind of DATABASE_KINDS) {
  describe.skipIf(kind.skipReason !== undefined)(
    suiteName(kind, "Schedules, names and filters for the finance pages"),
    () => {
      let database: TestDatabase;
      let server: RunningServer;
      let client: FinanceClient;
      let admin: Session;
      let paris: Session;
      let lyon: Session;
      let manager: Session;
      let controller: Session;
      let parisCases: string[];
      const year = Number(new Date().toISOString().slice(0, 4));
      const today = new Date().toISOString().slice(0, 10);

      beforeAll(async () => {
        database = await openDemoDatabase(kind);
        ({ server, client } = await startFinanceServer(database.db));
        ({ admin, paris, lyon, parisManager: manager, controller } = await signInFinanceStaff(client));
        await openCatalogueAndEnvelope(client, { admin, controller }, [GRANT, loanProduct(24)], {
          year,
          nationalCents: 3_000_000,
        });
        parisCases = await insertAgencyCases(database.db, "paris", 4);
      }, 120_000);

      afterAll(async () => {
        await server?.close();
        await database?.dispose();
      });

      const propose = (caseId: string, productCode: string, amountCents: number, durationMonths?: number) =>
        client.call<Aid>(paris, "POST", "/api/v1/finance/aids", {
          caseId,
          productCode,
          amountCents,
          ...(durationMonths === undefined ? {} : { durationMonths }),
        });

      /** A 1 200 € loan over 12 months, approved and paid today: being repaid. */
      async function paidLoan(caseId: string): Promise<Aid> {
        const proposed = await propose(caseId, "pret", 120_000, 12);
        expect(proposed.status).toBe(201);
        const approved = await client.call(
          controller,
          "POST",
          `/api/v1/finance/aids/${proposed.body.id}/approve`,
          {},
        );
        expect(approved.status).toBe(200);
        const paid = await client.call<{ aid: Aid }>(
          controller,
          "POST",
          `/api/v1/finance/aids/${proposed.body.id}/disburse`,
          { payeeKind: "person", iban: IBAN, paidOn: today },
        );
        expect(paid.status).toBe(201);
        return paid.body.aid;
      }

      it("shows the counsellor the schedule of their agency's loan, and hides another agency's", async () => {
        const loan = await paidLoan(parisCases[0] as string);
        const read = await client.call<{ aidId: string; rows: unknown[]; outstandingCents: number }>(
          paris,
          "GET",
          `/api/v1/finance/aids/${loan.id}/schedule`,
        );
        expect(read.status).toBe(200);
        expect(read.body).toMatchObject({ aidId: loan.id, outstandingCents: 120_000 });
        expect(read.body.rows).toHaveLength(12);
        expect((await client.call(manager, "GET", `/api/v1/finance/aids/${loan.id}/schedule`)).status).toBe(
          200,
        );

        const elsewhere = await client.call<Problem>(lyon, "GET", `/api/v1/finance/aids/${loan.id}/schedule`);
        expect(elsewhere.status).toBe(404);
        expect(elsewhere.contentType).toMatch(PROBLEM_JSON);
      });

      it("names who proposed an aid and who decided it, on the aid, its list and the decision's answer", async () => {
        const proposed = await propose(parisCases[1] as string, "subvention", 50_000);
        expect(proposed.status).toBe(201);
        expect(proposed.body.proposedBy).toEqual({ id: paris.userId, displayName: "Claire Fontaine (démo)" });
        expect(proposed.body.decidedBy).toBeNull();

        const refused = await client.call<Aid>(
          controller,
          "POST",
          `/api/v1/finance/aids/${proposed.body.id}/refuse`,
          {
            reason: "Hors critères",
          },
        );
        expect(refused.status).toBe(200);
        expect(refused.body.decidedBy).toEqual({ id: controller.userId, displayName: "Luc Perrin (démo)" });

        const onCasePage = await client.call<{ aids: Aid[] }>(
          paris,
          "GET",
          `/api/v1/finance/aids?caseId=${parisCases[1]}`,
        );
        expect(
          onCasePage.body.aids.map((aid) => [aid.proposedBy.displayName, aid.decidedBy?.displayName]),
        ).toEqual([["Claire Fontaine (démo)", "Luc Perrin (démo)"]]);
      });

      it("lists only the statuses asked for, and refuses an unknown one on /status", async () => {
        const loan = await paidLoan(parisCases[2] as string);
        const pending = await propose(parisCases[3] as string, "subvention", 40_000);
        expect(pending.status).toBe(201);

        const repaid = await client.call<{ aids: Aid[] }>(
          controller,
          "GET",
          `/api/v1/finance/aids?year=${year}&status=repaying,in_arrears`,
        );
        expect(repaid.status).toBe(200);
        expect(repaid.body.aids.map((aid) => aid.status)).not.toContain("proposed");
        expect(repaid.body.aids.map((aid) => aid.id)).toContain(loan.id);
        expect(repaid.body.aids.every((aid) => ["repaying", "in_arrears"].includes(aid.status))).toBe(true);

        const proposedOnly = await client.call<{ aids: Aid[] }>(
          controller,
          "GET",
          `/api/v1/finance/aids?year=${year}&status=proposed`,
        );
        expect(proposedOnly.body.aids.map((aid) => aid.id)).toEqual([pending.body.id]);

        const unknown = await client.call<Problem>(
          controller,
          "GET",
          `/api/v1/finance/aids?year=${year}&status=repaying,lost`,
        );
        expect(unknown.status).toBe(400);
        expect(unknown.contentType).toMatch(PROBLEM_JSON);
        expect(unknown.body.errors?.[0]?.path).toBe("/status");
        expect(unknown.body.errors?.[0]?.message).toMatch(/lost/);
      });

      it("reads back the four-eyes threshold in force, following a dated change from its first day", async () => {
        const threshold = (session: Session, date?: string) =>
          client.call<{ valueCents: number; appliesFrom: string | null; defaultCents: number } & Problem>(
            session,
            "GET",
            `/api/v1/finance/four-eyes-threshold${date === undefined ? "" : `?date=${date}`}`,
          );
        expect((await threshold(controller)).body).toEqual({
          valueCents: 300_000,
          appliesFrom: null,
          defaultCents: 300_000,
        });
        const from = `${year + 1}-01-01`;
        const changed = await client.call(admin, "POST", "/api/v1/finance/four-eyes-threshold", {
          valueCents: 500_000,
          appliesFrom: from,
          reason: "Relèvement voté pour l'an prochain",
        });
        expect(changed.status).toBe(201);

        expect((await threshold(controller, `${year}-12-31`)).body.valueCents).toBe(300_000);
        expect((await threshold(manager, from)).body).toEqual({
          valueCents: 500_000,
          appliesFrom: from,
          defaultCents: 300_000,
        });
        expect((await threshold(controller)).body.appliesFrom).toBeNull();
        expect((await threshold(paris)).status).toBe(403);
        const badDate = await threshold(controller, `${year}-02-30`);
        expect(badDate.status).toBe(400);
        expect(badDate.body.errors?.[0]?.path).toBe("/date");
      });

      it("lists every recorded parameter value for administrators, newest first, with who recorded it", async () => {
        const recorded = await client.call(admin, "POST", "/api/v1/rule-parameters", {
          key: "tempWorkerMinHours",
          value: 500,
          appliesFrom: `${year + 1}-01-01`,
          reason: "Seuil fixé par Action Logement Services",
        });
        expect(recorded.status).toBe(201);

        type Item = { key: string; label: string; value: number; unit: string; recordedBy: Person | null };
        const records = await client.call<{ items: Item[] }>(admin, "GET", "/api/v1/rule-parameters/records");
        expect(records.status).toBe(200);
        const nadia = { id: admin.userId, displayName: "Nadia Roussel (démo)" };
        expect(records.body.items[0]).toMatchObject({
          key: "tempWorkerMinHours",
          value: 500,
          unit: "heures",
          recordedBy: nadia,
        });
        expect(records.body.items).toContainEqual(
          expect.objectContaining({
            key: "aids.fourEyesThresholdCents",
            value: 500_000,
            unit: "centimes",
            label: expect.stringMatching(/deux contrôleurs budgétaires/),
            recordedBy: nadia,
          }),
        );

        for (const session of [controller, manager, paris]) {
          expect((await client.call(session, "GET", "/api/v1/rule-parameters/records")).status).toBe(403);
        }
        // The public parameters (the simulator reads them) name no one.
        const publicAnswer = await fetch(`${server.url}/api/v1/rule-parameters`);
        expect(await publicAnswer.text()).not.toMatch(/Nadia|recordedBy/);
      });

      it("names who recorded each catalogue version to administrators only", async () => {
        type Catalogue = {
          products: { code: string; recordedBy: Person | null }[];
          history: { code: string; recordedBy: Person | null }[];
        };
        const catalogue = await client.call<Catalogue>(admin, "GET", "/api/v1/finance/catalogue");
        expect(catalogue.status).toBe(200);
        const nadia = { id: admin.userId, displayName: "Nadia Roussel (démo)" };
        expect(catalogue.body.products.map((product) => product.recordedBy)).toEqual([nadia, nadia]);
        expect(
          catalogue.body.history.every((version) => version.recordedBy?.displayName === nadia.displayName),
        ).toBe(true);

        // Those who read the catalogue to propose, decide or follow aids get the terms, not the author.
        for (const session of [paris, manager, controller]) {
          const read = await client.call<Catalogue>(session, "GET", "/api/v1/finance/catalogue");
          expect(read.status).toBe(200);
          expect(read.body.products.map((product) => product.code)).toEqual(
            catalogue.body.products.map((product) => product.code),
          );
          expect(
            [...read.body.products, ...read.body.history].every((version) => version.recordedBy === null),
          ).toBe(true);
          expect(JSON.stringify(read.body)).not.toContain("Nadia");
        }
      });
    },
  );
}
