// The demo caseload, on both databases: about 200 cases per demo agency over every state, each one a value
// the state machine reaches, with diagnoses, plans (some overdue), appointments, closures and surveys;
// seeded once, quickly, and readable through the API like any case.
import { and, count, eq, isNotNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../src/config/config.ts";
import { CASE_STATUSES, caseProblems } from "../src/core/cases/index.ts";
import { todayInParis } from "../src/core/time/index.ts";
import { caseStateOf } from "../src/db/cases/repository.ts";
import { migrate } from "../src/db/migrate.ts";
import { caseActions, cases, diagnoses, organisations, surveys } from "../src/db/schema/index.ts";
import { seedDemoData } from "../src/demo/accounts.ts";
import { DEMO_CASES_PER_AGENCY, seedDemoCases } from "../src/demo/cases.ts";
import { createServiceContext } from "../src/services/context.ts";
import { call, DEMO_USERS, signIn } from "./support/caseApi.ts";
import { DATABASE_KINDS, suiteName, type TestDatabase } from "./support/databases.ts";
import { type RunningServer, startServer } from "./support/server.ts";

const CONFIG = loadConfig({ LOG_LEVEL: "silent" });

for (const kind of DATABASE_KINDS) {
  describe.skipIf(kind.skipReason !== undefined)(suiteName(kind, "The demo caseload"), () => {
    let database: TestDatabase;
    let server: RunningServer;
    let seconds = 0;

    beforeAll(async () => {
      database = await kind.open();
      await migrate(database.db);
      await seedDemoData(database.db);
      const started = performance.now();
      const result = await seedDemoCases(createServiceContext(CONFIG, database.db));
      seconds = (performance.now() - started) / 1000;
      expect(result.createdCases).toBe(2 * DEMO_CASES_PER_AGENCY);
      server = await startServer(database.db, { auth: { loginRateLimitPerMinute: 10_000 } });
    }, 180_000);

    afterAll(async () => {
      await server?.close();
      await database?.dispose();
    });

    it("spreads about 200 cases per demo agency over every state, each a state the machine reaches", async () => {
      process.stdout.write(`demo caseload seeded on ${kind.kind} in ${seconds.toFixed(2)} s\n`);
      const rows = await database.db.drizzle
        .select({ row: cases, agency: organisations.name })
        .from(cases)
        .innerJoin(organisations, eq(organisations.id, cases.organisationId));
      for (const agency of ["Agence de Paris", "Agence de Lyon"]) {
        const own = rows.filter((entry) => entry.agency === agency);
        expect(own).toHaveLength(DEMO_CASES_PER_AGENCY);
        expect(new Set(own.map((entry) => entry.row.status))).toEqual(new Set(CASE_STATUSES));
      }
      for (const { row } of rows) expect(caseProblems(caseStateOf(row)), row.reference).toEqual([]);
      expect(new Set(rows.map(({ row }) => row.directive))).toEqual(
        new Set(["PP_EX_CPA_2_DIR", "PP_SERV_ASD_2_DIR"]),
      );
      expect(new Set(rows.map(({ row }) => row.reference)).size).toBe(rows.length);
    });

    it("gives the cases diagnoses, overdue actions, closures with answered surveys, and seeds only once", async () => {
      const [diagnosed] = await database.db.drizzle.select({ value: count() }).from(diagnoses);
      expect(diagnosed?.value).toBeGreaterThan(200);
      const [encrypted] = await database.db.drizzle
        .select({ value: count() })
        .from(diagnoses)
        .where(isNotNull(diagnoses.sensitive));
      expect(encrypted?.value).toBeGreaterThan(0);
      const [open] = await database.db.drizzle
        .select({ value: count() })
        .from(caseActions)
        .where(and(eq(caseActions.status, "planned")));
      expect(open?.value).toBeGreaterThan(0);
      const [answered] = await database.db.drizzle
        .select({ value: count() })
        .from(surveys)
        .where(isNotNull(surveys.answeredAt));
      expect(answered?.value).toBeGreaterThan(0);
      expect((await seedDemoCases(createServiceContext(CONFIG, database.db))).createdCases).toBe(0);
      const [total] = await database.db.drizzle.select({ value: count() }).from(cases);
      expect(total?.value).toBe(2 * DEMO_CASES_PER_AGENCY);
    });

    it("shows a living caseload through the API: overdue actions, next appointments, diagnoses with a budget", async () => {
      const session = await signIn(server.url, DEMO_USERS.parisCounsellor);
      const overdue = await call<{ items: { id: string; status: string; overdueActions: number }[] }>(
        server.url,
        "GET",
        "/api/v1/cases?overdue=true&limit=100",
        { session },
      );
      expect(overdue.status).toBe(200);
      expect(overdue.body.items.length).toBeGreaterThan(0);
      for (const item of overdue.body.items) expect(item.overdueActions).toBeGreaterThan(0);
      const soon = await call<{ items: { nextAppointmentAt: string | null }[] }>(
        server.url,
        "GET",
        `/api/v1/cases?nextAppointmentBefore=${todayInParis(new Date(Date.now() + 31 * 86_400_000))}`,
        { session },
      );
      expect(soon.body.items.length).toBeGreaterThan(0);
      const followUp = await call<{ items: { id: string }[] }>(
        server.url,
        "GET",
        "/api/v1/cases?status=follow_up",
        {
          session,
        },
      );
      const first = followUp.body.items[0];
      const diagnosis = await call<{ budget: { remainingIncomeCents: number } }>(
        server.url,
        "GET",
        `/api/v1/cases/${first?.id}/diagnosis`,
        { session },
      );
      expect(diagnosis.status).toBe(200);
      expect(Number.isSafeInteger(diagnosis.body.budget.remainingIncomeCents)).toBe(true);
    });
  });
}
