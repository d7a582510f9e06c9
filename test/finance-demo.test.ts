// The demo envelope on each database, read through the API as a budget controller would at `npm start`:
// this year's and last year's envelopes, aids at every status on the demo agencies' 2025-directive cases,
// schedules that add up, an early repayment, alerts, a seasonal forecast; seeded once, quickly.
import { count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../src/config/config.ts";
import { AID_STATUSES } from "../src/core/finance/index.ts";
import { todayInParis } from "../src/core/time/index.ts";
import { aidRepayments, aids, cases } from "../src/db/schema/index.ts";
import { seedDemoCases } from "../src/demo/cases.ts";
import { seedDemoFinance } from "../src/demo/finance.ts";
import { createServiceContext } from "../src/services/context.ts";
import { DATABASE_KINDS, suiteName, type TestDatabase } from "./support/databases.ts";
import { openDemoDatabase } from "./support/demoDatabase.ts";
import {
  FINANCE_STAFF,
  type FinanceClient,
  type Session,
  startFinanceServer,
} from "./support/financeFixtures.ts";
import type { RunningServer } from "./support/server.ts";

const CONFIG = loadConfig({ LOG_LEVEL: "silent" });

interface Aid {
  id: string;
  caseId: string;
  kind: string;
  status: string;
  amountCents: number;
}

for (const kind of DATABASE_KINDS) {
  describe.skipIf(kind.skipReason !== undefined)(suiteName(kind, "The demo envelope"), () => {
    let database: TestDatabase;
    let server: RunningServer;
    let client: FinanceClient;
    let controller: Session;
    let seconds = 0;
    const today = todayInParis();
    const year = Number(today.slice(0, 4));

    beforeAll(async () => {
      database = await openDemoDatabase(kind);
      await seedDemoCases(createServiceContext(CONFIG, database.db));
      const started = performance.now();
      const result = await seedDemoFinance(createServiceContext(CONFIG, database.db));
      seconds = (performance.now() - started) / 1000;
      expect(result.createdAids).toBeGreaterThan(50);
      ({ server, client } = await startFinanceServer(database.db));
      controller = await client.signIn(FINANCE_STAFF.controller);
    }, 240_000);

    afterAll(async () => {
      await server?.close();
      await database?.dispose();
    });

    it("opens this year's envelope with aids at every status, within the envelope and its allocations", async () => {
      process.stdout.write(`demo envelope seeded on ${kind.kind} in ${seconds.toFixed(2)} s\n`);
      expect(seconds).toBeLessThan(5);
      const envelope = await client.call<{
        nationalCents: number;
        reservedCents: number;
        committedCents: number;
        disbursedCents: number;
        queuedCount: number;
        level: string;
        allocations: { code: string; amountCents: number; reservedCents: number; committedCents: number }[];
      }>(controller, "GET", `/api/v1/finance/envelopes/${year}`);
      expect(envelope.status).toBe(200);
      const body = envelope.body;
      expect(body.reservedCents + body.committedCents).toBeLessThanOrEqual(body.nationalCents);
      for (const allocation of body.allocations) {
        expect(allocation.reservedCents + allocation.committedCents).toBeLessThanOrEqual(
          allocation.amountCents,
        );
      }
      expect(body.queuedCount).toBe(2);
      expect(body.level).toBe("alert_80");

      const listed = await client.call<{ aids: Aid[] }>(
        controller,
        "GET",
        `/api/v1/finance/aids?year=${year}`,
      );
      expect(new Set(listed.body.aids.map((aid) => aid.status))).toEqual(new Set(AID_STATUSES));
      // Every aid sits on a case of the 2025 directive.
      const directives = await database.db.drizzle
        .select({ directive: cases.directive })
        .from(aids)
        .innerJoin(cases, eq(cases.id, aids.caseId));
      expect(new Set(directives.map((row) => row.directive))).toEqual(new Set(["PP_SERV_ASD_2_DIR"]));

      // Every paid loan's schedule reads back, its principal whole, its status matching what was received.
      const loans = listed.body.aids.filter(
        (aid) =>
          aid.kind === "loan" && ["repaying", "repaid", "in_arrears", "written_off"].includes(aid.status),
      );
      for (const loan of loans) {
        const schedule = await client.call<{
          rows: { principalCents: number }[];
          outstandingCents: number;
          arrearsCents: number;
        }>(controller, "GET", `/api/v1/finance/aids/${loan.id}/schedule`);
        expect(schedule.status).toBe(200);
        const early = await database.db.drizzle
          .select({ amountCents: aidRepayments.amountCents, mode: aidRepayments.mode })
          .from(aidRepayments)
          .where(eq(aidRepayments.aidId, loan.id));
        const earlyCents = early
          .filter((row) => row.mode === "early")
          .reduce((sum, row) => sum + row.amountCents, 0);
        const principal = schedule.body.rows.reduce((sum, row) => sum + row.principalCents, 0);
        expect(principal + earlyCents, loan.id).toBe(loan.amountCents);
        if (loan.status === "repaid") expect(schedule.body.outstandingCents).toBe(0);
        if (loan.status === "repaying") expect(schedule.body.arrearsCents).toBe(0);
        if (loan.status === "in_arrears") expect(schedule.body.arrearsCents).toBeGreaterThan(0);
      }
      const modes = await database.db.drizzle
        .select({ mode: aidRepayments.mode, count: count() })
        .from(aidRepayments)
        .groupBy(aidRepayments.mode);
      expect(modes.find((row) => row.mode === "early")?.count).toBe(2);
    });

    it("has alerts to show, and a forecast that follows last year's season", async () => {
      const alerts = await client.call<{
        items: { level: string; scope: string; scopeCode: string | null }[];
      }>(controller, "GET", `/api/v1/finance/alerts?year=${year}&open=true`);
      expect(alerts.body.items.map((item) => `${item.scope}:${item.scopeCode}:${item.level}`).sort()).toEqual(
        [
          "allocation:Auvergne-Rhône-Alpes:alert_95",
          "allocation:Île-de-France:alert_80",
          "national:null:alert_80",
        ],
      );
      const forecast = await client.call<{ method: string; projectedMonthlyCents: (number | null)[] }>(
        controller,
        "GET",
        `/api/v1/finance/envelopes/${year}/forecast`,
      );
      expect(forecast.status).toBe(200);
      // From March on, three complete months compare with last year's same months.
      if (Number(today.slice(5, 7)) >= 4) expect(forecast.body.method).toBe("seasonal");
      const last = await client.call<{ committedCents: number }>(
        controller,
        "GET",
        `/api/v1/finance/envelopes/${year - 1}`,
      );
      expect(last.body.committedCents).toBe(5_600_000);
    });

    it("seeds only once", async () => {
      const before = await database.db.drizzle.select({ value: count() }).from(aids);
      expect((await seedDemoFinance(createServiceContext(CONFIG, database.db))).createdAids).toBe(0);
      const after = await database.db.drizzle.select({ value: count() }).from(aids);
      expect(after).toEqual(before);
    });
  });
}
