// Administrators record a dated rule parameter over HTTP: only they may, with their session's CSRF token;
// the value applies from its date in the eligibility API, and the audit trail records who did it, in the
// same transaction. Their list of recorded values names staff members, so each reading of it is audited.
// Real HTTP, real database, once per kind.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate } from "../src/db/migrate.ts";
import { auditEvents } from "../src/db/schema/index.ts";
import { DEMO_PASSWORD, seedDemoData } from "../src/demo/accounts.ts";
import { DATABASE_KINDS, suiteName, type TestDatabase } from "./support/databases.ts";
import { type RunningServer, startServer } from "./support/server.ts";

const PROBLEM_JSON = /^application\/problem\+json/;

// A temp worker on a two-month mission with 450 hours: enough for the default 414 hours, not for 500.
const TEMP_WORKER = {
  requestDate: "2026-12-15",
  person: {
    activity: "temp_worker",
    employer: { sector: "private_non_agricultural", headcount: 80 },
    contract: { type: "temp_mission", start: "2026-12-01", end: "2027-01-31" },
    tempHoursLast12Months: 450,
  },
  housing: { postcode: "69003", occupancy: "tenant" },
  situations: ["rent_arrears"],
};

for (const kind of DATABASE_KINDS) {
  describe.skipIf(kind.skipReason !== undefined)(suiteName(kind, "Recording rule parameters"), () => {
    let database: TestDatabase;
    let server: RunningServer;

    beforeAll(async () => {
      database = await kind.open();
      await migrate(database.db);
      await seedDemoData(database.db);
      server = await startServer(database.db, { auth: { loginRateLimitPerMinute: 10_000 } });
    });

    afterAll(async () => {
      await server?.close();
      await database?.dispose();
    });

    async function signIn(email: string): Promise<{ cookie: string; csrfToken: string; userId: string }> {
      const response = await fetch(`${server.url}/api/v1/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email, password: DEMO_PASSWORD }),
      });
      expect(response.status).toBe(200);
      const body = (await response.json()) as { csrfToken: string; user: { id: string } };
      const cookie = response.headers.get("set-cookie")?.split(";")[0] ?? "";
      return { cookie, csrfToken: body.csrfToken, userId: body.user.id };
    }

    const record = (body: unknown, session?: { cookie: string; csrfToken?: string }) =>
      fetch(`${server.url}/api/v1/rule-parameters`, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          ...(session === undefined ? {} : { cookie: session.cookie }),
          ...(session?.csrfToken === undefined ? {} : { "x-csrf-token": session.csrfToken }),
        },
        body: JSON.stringify(body),
      });

    const outcome = async () => {
      const response = await fetch(`${server.url}/api/v1/eligibility`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(TEMP_WORKER),
      });
      return (await response.json()) as { outcome: string; parameters: { tempWorkerMinHours: number } };
    };

    const change = {
      key: "tempWorkerMinHours",
      value: 500,
      appliesFrom: "2026-12-01",
      reason: "Seuil fixé par Action Logement Services",
    };

    it("refuses anyone but an administrator, and an administrator without the CSRF token", async () => {
      const anonymous = await record(change);
      expect(anonymous.status).toBe(401);
      expect(anonymous.headers.get("content-type")).toMatch(PROBLEM_JSON);
      for (const email of [
        "conseillere.paris@demo.appui.fr",
        "budget@demo.appui.fr",
        "audit@demo.appui.fr",
      ]) {
        const response = await record(change, await signIn(email));
        expect(response.status).toBe(403);
      }
      const admin = await signIn("admin@demo.appui.fr");
      expect((await record(change, { cookie: admin.cookie })).status).toBe(403);
      // Nothing was recorded by the refused attempts.
      expect((await outcome()).parameters.tempWorkerMinHours).toBe(414);
    });

    it("records an administrator's value, which then applies from its date, and audits it", async () => {
      expect((await outcome()).outcome).toBe("eligible");
      const admin = await signIn("admin@demo.appui.fr");
      const response = await record(change, admin);
      expect(response.status).toBe(201);
      expect(await response.json()).toMatchObject({
        key: "tempWorkerMinHours",
        value: 500,
        appliesFrom: "2026-12-01",
        reason: change.reason,
      });
      const after = await outcome();
      expect(after.outcome).toBe("ineligible");
      expect(after.parameters.tempWorkerMinHours).toBe(500);

      const listed = (await (await fetch(`${server.url}/api/v1/rule-parameters?date=2026-12-15`)).json()) as {
        values: { tempWorkerMinHours: number };
        history: unknown[];
      };
      expect(listed.values.tempWorkerMinHours).toBe(500);
      expect(listed.history).toHaveLength(1);

      const audited = await database.db.drizzle
        .select()
        .from(auditEvents)
        .where(eq(auditEvents.action, "rule_parameter.recorded"));
      expect(audited).toHaveLength(1);
      expect(audited[0]).toMatchObject({
        actorRole: "admin",
        targetType: "rule_parameter",
        details: { key: "tempWorkerMinHours", value: 500, appliesFrom: "2026-12-01" },
      });
    });

    it("refuses bad values with the field at fault, and records nothing", async () => {
      const admin = await signIn("admin@demo.appui.fr");
      const cases: [Record<string, unknown>, string][] = [
        [{ ...change, value: -1 }, "/value"],
        [{ ...change, value: 1.5 }, "/value"],
        [{ ...change, value: 99_999 }, "/value"],
        [{ ...change, key: "maxLoan" }, "/key"],
        [{ ...change, appliesFrom: "2026-02-30" }, "/appliesFrom"],
        [{ ...change, reason: "" }, "/reason"],
        [{ ...change, reason: "   " }, "/reason"],
      ];
      for (const [body, path] of cases) {
        const response = await record(body, admin);
        expect(response.status).toBe(400);
        expect(response.headers.get("content-type")).toMatch(PROBLEM_JSON);
        const problem = (await response.json()) as { errors: { path: string }[] };
        expect(problem.errors.map((error) => error.path)).toContain(path);
      }
      const history = (await (await fetch(`${server.url}/api/v1/rule-parameters`)).json()) as {
        history: unknown[];
      };
      expect(history.history).toHaveLength(1);
    });

    it("audits each administrator's reading of who recorded what, and no refused one; no cache keeps it", async () => {
      const readRecords = (session: { cookie: string }) =>
        fetch(`${server.url}/api/v1/rule-parameters/records`, { headers: { cookie: session.cookie } });
      const listed = () =>
        database.db.drizzle
          .select()
          .from(auditEvents)
          .where(eq(auditEvents.action, "rule_parameter.records_listed"));

      expect((await readRecords(await signIn("conseillere.paris@demo.appui.fr"))).status).toBe(403);
      expect(await listed()).toHaveLength(0);

      const admin = await signIn("admin@demo.appui.fr");
      const response = await readRecords(admin);
      expect(response.status).toBe(200);
      // Staff names: no shared cache keeps them.
      expect(response.headers.get("cache-control")).toBe("no-store");
      const { items } = (await response.json()) as {
        items: { recordedBy: { displayName: string } | null }[];
      };
      expect(items[0]?.recordedBy?.displayName).toMatch(/Nadia Roussel/);

      const audited = await listed();
      expect(audited).toHaveLength(1);
      expect(audited[0]).toMatchObject({
        actorUserId: admin.userId,
        actorRole: "admin",
        targetType: "rule_parameter",
        details: { returned: items.length },
      });
      // The trail keeps the fact and the count, never the names it showed.
      expect(JSON.stringify(audited[0])).not.toMatch(/Nadia/);
    });
  });
}
