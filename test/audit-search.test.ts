// Auditors search the trail by case and by person (every case of the same person, found from one case's
// reference), by action, and export with the same filters; over real HTTP on both databases.
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordAudit } from "../src/db/audit/append.ts";
import { migrate } from "../src/db/migrate.ts";
import { organisations, users } from "../src/db/schema/index.ts";
import { DEMO_PASSWORD, seedDemoData } from "../src/demo/accounts.ts";
import { DATABASE_KINDS, suiteName, type TestDatabase } from "./support/databases.ts";
import { insertCase } from "./support/directCases.ts";
import { type RunningServer, startServer } from "./support/server.ts";

interface Page {
  items: {
    seq: number;
    action: string;
    actorUserId: string | null;
    targetId: string | null;
    details: Record<string, unknown>;
    actor: { account: string; displayName: string | null; role: string | null } | null;
  }[];
}

for (const kind of DATABASE_KINDS) {
  describe.skipIf(kind.skipReason !== undefined)(suiteName(kind, "Audit search by case and person"), () => {
    let database: TestDatabase;
    let server: RunningServer;
    let cookie: string;
    const ids: Record<"paris" | "lyon" | "namesake" | "other", { id: string; reference: string }> =
      {} as never;

    beforeAll(async () => {
      database = await kind.open();
      await migrate(database.db);
      await seedDemoData(database.db);
      server = await startServer(database.db, { auth: { loginRateLimitPerMinute: 10_000 } });
      const orgs = await database.db.drizzle.select().from(organisations);
      const orgId = (name: string) => orgs.find((org) => org.name === name)?.id as string;
      // The same person in two agencies (same email, name spelt differently), a namesake born another day,
      // and someone else.
      ids.paris = await insertCase(database.db, {
        organisationId: orgId("Agence de Paris"),
        firstName: "Léa",
        lastName: "Martin",
        birthDate: "1990-04-02",
        email: "lea.martin@exemple.fr",
      });
      ids.lyon = await insertCase(database.db, {
        organisationId: orgId("Agence de Lyon"),
        firstName: "Lea",
        lastName: "MARTIN",
        birthDate: "1990-04-02",
        email: "lea.martin@exemple.fr",
        closedOn: "2025-03-01",
      });
      ids.namesake = await insertCase(database.db, {
        organisationId: orgId("Agence de Paris"),
        firstName: "Léa",
        lastName: "Martin",
        birthDate: "1972-11-30",
      });
      ids.other = await insertCase(database.db, {
        organisationId: orgId("Agence de Paris"),
        firstName: "Paul",
        lastName: "Durand",
      });
      const db = database.db.drizzle;
      for (const key of ["paris", "lyon", "namesake", "other"] as const) {
        await recordAudit(db, { action: "case.read", targetType: "case", targetId: ids[key].id });
      }
      // A caseload list naming two cases, and one naming none of hers.
      await recordAudit(db, {
        action: "cases.listed",
        targetType: "case",
        details: { count: 2, caseIds: [ids.paris.id, ids.other.id] },
      });
      await recordAudit(db, {
        action: "cases.listed",
        targetType: "case",
        details: { count: 1, caseIds: [ids.other.id] },
      });
      const login = await fetch(`${server.url}/api/v1/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: "audit@demo.appui.fr", password: DEMO_PASSWORD }),
      });
      cookie = login.headers.get("set-cookie")?.split(";")[0] as string;
    });

    afterAll(async () => {
      await server?.close();
      await database?.dispose();
    });

    const search = async (query: string): Promise<Page> => {
      const response = await fetch(`${server.url}/api/v1/audit-events?limit=200&${query}`, {
        headers: { cookie },
      });
      expect(response.status, query).toBe(200);
      return (await response.json()) as Page;
    };

    it("finds a case's events: those aimed at it and the lists that showed it", async () => {
      const page = await search(`case=${ids.paris.id}`);
      expect(page.items.map((item) => item.action).sort()).toEqual(["case.read", "cases.listed"]);
      expect(page.items.find((item) => item.action === "case.read")?.targetId).toBe(ids.paris.id);
    });

    it("finds every case of a person from one reference, across agencies, and not a namesake's", async () => {
      const page = await search(`person=${ids.lyon.reference}`);
      const reads = page.items.filter((item) => item.action === "case.read").map((item) => item.targetId);
      expect(reads.sort()).toEqual([ids.paris.id, ids.lyon.id].sort());
      expect(page.items.filter((item) => item.action === "cases.listed")).toHaveLength(1);
      const narrowed = await search(`person=${ids.lyon.reference}&case=${ids.lyon.id}&action=case.read`);
      expect(narrowed.items.map((item) => item.targetId)).toEqual([ids.lyon.id]);
      // The search itself is traced, with the reference typed (no name, no email).
      const [traced] = (await search("action=audit.search")).items;
      expect(traced?.details.filters).toMatchObject({ person: ids.lyon.reference, case: ids.lyon.id });
      expect(JSON.stringify(traced)).not.toContain("Martin");

      const unknown = await fetch(`${server.url}/api/v1/audit-events?person=ASD-1999-000001`, {
        headers: { cookie },
      });
      expect(unknown.status).toBe(404);
      expect(await unknown.json()).toMatchObject({ code: "case_reference_unknown" });
      const byName = await fetch(`${server.url}/api/v1/audit-events?person=Martin`, { headers: { cookie } });
      expect(byName.status).toBe(400);
    });

    it("exports a person's events with the same filter, oldest first", async () => {
      const response = await fetch(`${server.url}/api/v1/audit-events/export?person=${ids.paris.reference}`, {
        headers: { cookie },
      });
      expect(response.status).toBe(200);
      const lines = (await response.text())
        .trim()
        .split("\n")
        .map((line) => JSON.parse(line));
      expect(lines.map((line) => line.action)).toEqual(["case.read", "case.read", "cases.listed"]);
      const seqs = lines.map((line) => line.seq as number);
      expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    });

    it("names each event's author and role, and withholds the name of a deactivated or removed account", async () => {
      const db = database.db.drizzle;
      const [lyon] = await db.select().from(users).where(eq(users.email, "conseiller.lyon@demo.appui.fr"));
      if (lyon === undefined) throw new Error("no Lyon counsellor");
      await db.update(users).set({ deactivatedAt: new Date() }).where(eq(users.id, lyon.id));
      const gone = randomUUID();
      await recordAudit(db, {
        action: "case.read",
        actorUserId: lyon.id,
        actorRole: "counsellor",
        targetType: "case",
        targetId: ids.lyon.id,
      });
      await recordAudit(db, {
        action: "case.read",
        actorUserId: gone,
        actorRole: "manager",
        targetType: "case",
        targetId: ids.lyon.id,
      });
      const [auditor] = await db.select().from(users).where(eq(users.email, "audit@demo.appui.fr"));
      // The search before this one, traced in the auditor's name.
      const [auditorSearch] = (await search("action=audit.search")).items;
      expect(auditorSearch?.actor).toEqual({
        account: "active",
        displayName: auditor?.displayName,
        role: "auditor",
      });

      const reads = (await search(`case=${ids.lyon.id}&action=case.read`)).items;
      const byActor = new Map(reads.map((item) => [item.actorUserId, item.actor]));
      expect(byActor.get(lyon.id)).toEqual({ account: "deactivated", displayName: null, role: "counsellor" });
      expect(byActor.get(gone)).toEqual({ account: "deleted", displayName: null, role: null });
      // Entries the system wrote have no author; the UUID stays in every entry for exports.
      expect(byActor.get(null)).toBeNull();
      expect(reads.map((item) => item.actorUserId)).toContain(gone);
      expect(JSON.stringify(reads)).not.toContain(lyon.displayName);
    });

    it("answers 403 to every other role", async () => {
      const login = await fetch(`${server.url}/api/v1/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: "manager.paris@demo.appui.fr", password: DEMO_PASSWORD }),
      });
      const manager = login.headers.get("set-cookie")?.split(";")[0] as string;
      const response = await fetch(`${server.url}/api/v1/audit-events?person=${ids.paris.reference}`, {
        headers: { cookie: manager },
      });
      expect(response.status).toBe(403);
    });
  });
}
