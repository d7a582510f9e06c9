// Alerts to budget controllers, over real HTTP on each database: the proposal that makes reserved +
// committed cross 80 %, then 95 %, of the national envelope (or of an allocation) raises one alert each,
// exactly once; budget controllers list and acknowledge them; a manager reads the national ones and their
// own region's, never another agency's. The forecast gives the burn-down chart its projected months.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { envelopeAlerts } from "../src/db/schema/index.ts";
import { DATABASE_KINDS, suiteName, type TestDatabase } from "./support/databases.ts";
import { addDemoAccount, openDemoDatabase, organisationIdNamed } from "./support/demoDatabase.ts";
import {
  type FinanceClient,
  GRANT,
  insertAgencyCases,
  openCatalogueAndEnvelope,
  type Session,
  signInFinanceStaff,
  startFinanceServer,
} from "./support/financeFixtures.ts";
import type { RunningServer } from "./support/server.ts";

interface Alert {
  id: string;
  year: number;
  level: string;
  scope: string;
  scopeCode: string | null;
  scopeLabel: string | null;
  message: string;
  raisedAt: string;
  usedCents: number;
  limitCents: number;
  acknowledgedAt: string | null;
  acknowledgedBy: { id: string; displayName: string } | null;
}

for (const kind of DATABASE_KINDS) {
  describe.skipIf(kind.skipReason !== undefined)(suiteName(kind, "Envelope alerts"), () => {
    let database: TestDatabase;
    let server: RunningServer;
    let client: FinanceClient;
    let paris: Session;
    let lyon: Session;
    let parisManager: Session;
    let lyonManager: Session;
    let controller: Session;
    let parisCases: string[];
    let lyonCases: string[];
    const year = Number(new Date().toISOString().slice(0, 4));

    beforeAll(async () => {
      database = await openDemoDatabase(kind);
      await addDemoAccount(database.db, {
        email: "manager.lyon@demo.appui.fr",
        role: "manager",
        organisationId: await organisationIdNamed(database.db, "Agence de Lyon"),
      });
      ({ server, client } = await startFinanceServer(database.db));
      const staff = await signInFinanceStaff(client);
      ({ paris, lyon, parisManager, controller } = staff);
      lyonManager = await client.signIn("manager.lyon@demo.appui.fr");
      // 20 000 € nationally, of which 2 000 € for the Lyon agency's region.
      await openCatalogueAndEnvelope(client, staff, [GRANT], {
        year,
        nationalCents: 2_000_000,
        allocations: [{ code: "Auvergne-Rhône-Alpes", label: "Région AURA", amountCents: 200_000 }],
      });
      parisCases = await insertAgencyCases(database.db, "paris", 5);
      lyonCases = await insertAgencyCases(database.db, "lyon", 1);
    }, 120_000);

    afterAll(async () => {
      await server?.close();
      await database?.dispose();
    });

    const propose = async (session: Session, caseId: string, amountCents: number) => {
      const answer = await client.call<{ id: string; status: string }>(
        session,
        "POST",
        "/api/v1/finance/aids",
        {
          caseId,
          productCode: "subvention",
          amountCents,
        },
      );
      expect(answer.status).toBe(201);
      return answer.body.id;
    };
    const alerts = async (session: Session, query = "") =>
      client.call<{ items: Alert[] }>(session, "GET", `/api/v1/finance/alerts?year=${year}${query}`);
    const stored = () =>
      database.db.drizzle.select().from(envelopeAlerts).where(eq(envelopeAlerts.year, year));

    it("raises each level once, in the proposal's transaction, for the national envelope and an allocation", async () => {
      // 1 700 € of the region's 2 000 €: 85 % of the allocation, 8,5 % nationally.
      await propose(lyon, lyonCases[0] as string, 170_000);
      expect((await stored()).map((row) => [row.scope, row.scopeCode, row.level])).toEqual([
        ["allocation", "Auvergne-Rhône-Alpes", "alert_80"],
      ]);
      await propose(paris, parisCases[0] as string, 900_000);
      expect(await stored()).toHaveLength(1);
      // 16 000 € of 20 000 €: exactly 80 %.
      await propose(paris, parisCases[1] as string, 530_000);
      const small = await propose(paris, parisCases[2] as string, 50_000);
      const approved = await client.call(controller, "POST", `/api/v1/finance/aids/${small}/approve`, {});
      expect(approved.status).toBe(200);
      expect((await stored()).filter((row) => row.scope === "national").map((row) => row.level)).toEqual([
        "alert_80",
      ]);
      // 19 000 €: 95 %.
      await propose(paris, parisCases[3] as string, 250_000);
      const rows = await stored();
      expect(rows.map((row) => `${row.scope}:${row.level}`).sort()).toEqual([
        "allocation:alert_80",
        "national:alert_80",
        "national:alert_95",
      ]);
      expect(rows.find((row) => row.level === "alert_95")).toMatchObject({
        usedCents: 1_900_000,
        limitCents: 2_000_000,
      });
    });

    it("lists the alerts in French to budget controllers, and lets them acknowledge one", async () => {
      const listed = await alerts(controller, "&open=true");
      expect(listed.status).toBe(200);
      expect(listed.body.items.map((item) => item.level)).toEqual(["alert_95", "alert_80", "alert_80"]);
      const national95 = listed.body.items[0] as Alert;
      expect(national95).toMatchObject({
        year,
        scope: "national",
        scopeCode: null,
        scopeLabel: null,
        usedCents: 1_900_000,
        acknowledgedAt: null,
        acknowledgedBy: null,
      });
      expect(national95.message).toBe(
        `Enveloppe nationale ${year} : réservé et engagé dépassent 95 % du montant.`,
      );
      expect(listed.body.items.find((item) => item.scope === "allocation")?.message).toBe(
        `Dotation « Région AURA » ${year} : réservé et engagé dépassent 80 % de la dotation.`,
      );

      const path = `/api/v1/finance/alerts/${national95.id}/acknowledge`;
      expect((await client.call(parisManager, "POST", path)).status).toBe(403);
      const acknowledged = await client.call<Alert>(controller, "POST", path);
      expect(acknowledged.status).toBe(200);
      expect(acknowledged.body.acknowledgedBy).toEqual({
        id: controller.userId,
        displayName: "Luc Perrin (démo)",
      });
      expect(acknowledged.body.acknowledgedAt).not.toBeNull();
      expect((await alerts(controller, "&open=true")).body.items).toHaveLength(2);
      expect((await alerts(controller)).body.items).toHaveLength(3);
      const unknown = await client.call(
        controller,
        "POST",
        "/api/v1/finance/alerts/00000000-0000-4000-8000-000000000000/acknowledge",
      );
      expect(unknown.status).toBe(404);
      expect((await alerts(paris)).status).toBe(403);
    });

    it("shows a manager the national alerts and their region's, never another region's", async () => {
      const parisView = await alerts(parisManager);
      expect(parisView.status).toBe(200);
      expect(parisView.body.items.map((item) => item.scope)).toEqual(["national", "national"]);
      const lyonView = await alerts(lyonManager);
      expect(lyonView.body.items.map((item) => `${item.scope}:${item.scopeCode}`).sort()).toEqual([
        "allocation:Auvergne-Rhône-Alpes",
        "national:null",
        "national:null",
      ]);
    });

    it("projects the rest of the year for the burn-down chart", async () => {
      const asOf = `${year}-06-15`;
      const forecast = await client.call<{
        projectedMonthlyCents: (number | null)[];
        pacePerMonthCents: number;
      }>(controller, "GET", `/api/v1/finance/envelopes/${year}/forecast?asOf=${asOf}`);
      expect(forecast.status).toBe(200);
      const projected = forecast.body.projectedMonthlyCents;
      expect(projected).toHaveLength(12);
      expect(projected.slice(0, 5)).toEqual([null, null, null, null, null]);
      for (const month of projected.slice(5)) expect(month).toEqual(expect.any(Number));
      // A past year has nothing left to project.
      const past = await client.call<{ projectedMonthlyCents: (number | null)[] }>(
        controller,
        "GET",
        `/api/v1/finance/envelopes/${year}/forecast?asOf=${year + 1}-02-01`,
      );
      expect(past.body.projectedMonthlyCents).toEqual(Array.from({ length: 12 }, () => null));
    });
  });
}
