// Account administration over real HTTP on both databases: only administrators, no secret in any answer,
// the password policy, role/organisation consistency, deactivation ending a live session, second-factor
// reset, and the audit trail of each change.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROLES } from "../src/core/access/index.ts";
import { auditEvents, organisations, users } from "../src/db/schema/index.ts";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../src/demo/accounts.ts";
import { DATABASE_KINDS, suiteName, type TestDatabase } from "./support/databases.ts";
import { openDemoDatabase } from "./support/demoDatabase.ts";
import { capturingLogger, type RunningServer, startServer } from "./support/server.ts";

const ADMIN = "admin@demo.appui.fr";
const COUNSELLOR = "conseillere.paris@demo.appui.fr";
const NEW_EMAIL = "awa.diallo@exemple.fr";
const NEW_PASSWORD = "tisane de verveine au jardin";
const PROBLEM_JSON = /^application\/problem\+json/;

interface Signed {
  cookie: string;
  csrf: string;
  id: string;
}

for (const kind of DATABASE_KINDS) {
  describe.skipIf(kind.skipReason !== undefined)(suiteName(kind, "Account administration"), () => {
    let database: TestDatabase;
    let server: RunningServer;
    const logLines: string[] = [];
    let paris: string;
    let partner: string;

    beforeAll(async () => {
      database = await openDemoDatabase(kind);
      server = await startServer(database.db, {
        logger: capturingLogger(logLines),
        auth: { loginRateLimitPerMinute: 10_000 },
      });
      const rows = await database.db.drizzle.select().from(organisations);
      paris = rows.find((row) => row.name === "Agence de Paris")?.id as string;
      partner = rows.find((row) => row.kind === "partner")?.id as string;
    });

    afterAll(async () => {
      await server?.close();
      await database?.dispose();
    });

    const signIn = async (email: string, password = DEMO_PASSWORD): Promise<Signed> => {
      const response = await fetch(`${server.url}/api/v1/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email, password }),
      });
      expect(response.status, `sign-in of ${email}`).toBe(200);
      const body = (await response.json()) as { csrfToken: string; user: { id: string } };
      return {
        cookie: response.headers.get("set-cookie")?.split(";")[0] as string,
        csrf: body.csrfToken,
        id: body.user.id,
      };
    };

    const call = (who: Signed, method: string, path: string, body?: unknown) =>
      fetch(`${server.url}${path}`, {
        method,
        headers: {
          cookie: who.cookie,
          "x-csrf-token": who.csrf,
          ...(body === undefined ? {} : { "content-type": "application/json" }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });

    it("lists accounts for administrators only, filtered, without any password hash or secret", async () => {
      const admin = await signIn(ADMIN);
      const all = await call(admin, "GET", "/api/v1/users");
      expect(all.status).toBe(200);
      const text = await all.text();
      const { items } = JSON.parse(text) as { items: Record<string, unknown>[] };
      expect(items.map((item) => item.email).sort()).toEqual(DEMO_ACCOUNTS.map((a) => a.email).sort());
      for (const secret of ["argon2", "passwordHash", "totpSecret", "password", "recovery"]) {
        expect(text, secret).not.toContain(secret);
      }
      const counsellor = items.find((item) => item.email === COUNSELLOR);
      expect(counsellor).toMatchObject({
        role: "counsellor",
        organisation: { id: paris, name: "Agence de Paris", kind: "agency" },
        mfaEnabled: false,
        deactivatedAt: null,
      });

      const inParis = (await (await call(admin, "GET", `/api/v1/users?organisation=${paris}`)).json()) as {
        items: { email: string }[];
      };
      expect(inParis.items.map((item) => item.email).sort()).toEqual([
        COUNSELLOR,
        "manager.paris@demo.appui.fr",
      ]);
      const auditors = (await (await call(admin, "GET", "/api/v1/users?role=auditor")).json()) as {
        items: { email: string }[];
      };
      expect(auditors.items.map((item) => item.email)).toEqual(["audit@demo.appui.fr"]);
      expect((await call(admin, "GET", "/api/v1/users?role=chef")).status).toBe(400);

      // Every other role is refused every route, with nothing done.
      const [target] = await database.db.drizzle
        .select({ id: users.id })
        .from(users)
        .where(eq(users.email, COUNSELLOR));
      for (const role of ROLES.filter((role) => role !== "admin")) {
        const account = DEMO_ACCOUNTS.find((candidate) => candidate.role === role);
        const other = await signIn(account?.email as string);
        const attempts = [
          call(other, "GET", "/api/v1/users"),
          call(other, "POST", "/api/v1/users", { email: "x@exemple.fr" }),
          call(other, "PATCH", `/api/v1/users/${target?.id}`, { displayName: "Piraté" }),
          call(other, "POST", `/api/v1/users/${target?.id}/deactivate`),
          call(other, "POST", `/api/v1/users/${target?.id}/mfa/reset`),
        ];
        for (const response of await Promise.all(attempts)) {
          expect(response.status, `${role} ${response.url}`).toBe(403);
          expect(response.headers.get("content-type")).toMatch(PROBLEM_JSON);
        }
      }
      const [unchanged] = await database.db.drizzle
        .select({ displayName: users.displayName, deactivatedAt: users.deactivatedAt })
        .from(users)
        .where(eq(users.email, COUNSELLOR));
      expect(unchanged).toEqual({ displayName: "Claire Fontaine (démo)", deactivatedAt: null });
    });

    it("never lets an administrator read case content", async () => {
      const admin = await signIn(ADMIN);
      for (const path of [
        "/api/v1/cases",
        "/api/v1/cases/00000000-0000-4000-8000-000000000000",
        "/api/v1/cases/00000000-0000-4000-8000-000000000000/timeline",
      ]) {
        const response = await call(admin, "GET", path);
        expect(response.status, path).toBe(403);
        expect(await response.json()).toMatchObject({ code: "forbidden" });
      }
    });

    it("creates an account under the password policy and role/organisation rules; it can sign in", async () => {
      const admin = await signIn(ADMIN);
      const body = {
        email: NEW_EMAIL,
        displayName: "Awa Diallo",
        role: "counsellor",
        organisationId: paris,
        password: NEW_PASSWORD,
      };
      const weak = await call(admin, "POST", "/api/v1/users", { ...body, password: "azertyuiop123" });
      expect(weak.status).toBe(400);
      expect(await weak.json()).toMatchObject({
        code: "password_rejected",
        errors: [{ path: "/password", code: "common" }],
      });
      const national = await call(admin, "POST", "/api/v1/users", { ...body, role: "auditor" });
      expect(national.status).toBe(400);
      expect(await national.json()).toMatchObject({ errors: [{ path: "/organisationId" }] });
      const wrongKind = await call(admin, "POST", "/api/v1/users", { ...body, organisationId: partner });
      expect(await wrongKind.json()).toMatchObject({ code: "organisation_kind_mismatch" });
      const missing = await call(admin, "POST", "/api/v1/users", { ...body, organisationId: null });
      expect(await missing.json()).toMatchObject({ code: "organisation_required" });
      const withoutCsrf = await fetch(`${server.url}/api/v1/users`, {
        method: "POST",
        headers: { cookie: admin.cookie, "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      expect(withoutCsrf.status).toBe(403);
      expect(await database.db.drizzle.select().from(users).where(eq(users.email, NEW_EMAIL))).toEqual([]);

      const created = await call(admin, "POST", "/api/v1/users", {
        ...body,
        email: "Awa.Diallo@Exemple.fr",
      });
      expect(created.status).toBe(201);
      const account = (await created.json()) as Record<string, unknown>;
      expect(account).toMatchObject({ email: NEW_EMAIL, role: "counsellor", organisation: { id: paris } });
      expect(created.headers.get("location")).toBe(`/api/v1/users/${account.id}`);
      expect(JSON.stringify(account)).not.toContain("argon2");
      const duplicate = await call(admin, "POST", "/api/v1/users", body);
      expect(duplicate.status).toBe(409);
      expect(await duplicate.json()).toMatchObject({ code: "email_taken" });

      const newcomer = await signIn(NEW_EMAIL, NEW_PASSWORD);
      expect(newcomer.id).toBe(account.id);
      const [event] = await database.db.drizzle
        .select()
        .from(auditEvents)
        .where(eq(auditEvents.action, "user.created"));
      expect(event).toMatchObject({
        actorUserId: admin.id,
        actorRole: "admin",
        targetType: "user",
        targetId: account.id,
        details: { via: "api", role: "counsellor", organisationId: paris },
      });
      expect(JSON.stringify(event)).not.toContain("exemple.fr");
      expect(JSON.stringify(event)).not.toContain("Diallo");
      expect(logLines.join("")).not.toContain(NEW_PASSWORD);
      expect(logLines.join("")).not.toContain("exemple.fr");
    });

    it("changes a name without touching sessions, and a role by closing them", async () => {
      const admin = await signIn(ADMIN);
      const [row] = await database.db.drizzle.select().from(users).where(eq(users.email, NEW_EMAIL));
      const id = row?.id as string;
      const user = await signIn(NEW_EMAIL, NEW_PASSWORD);
      const renamed = await call(admin, "PATCH", `/api/v1/users/${id}`, { displayName: "Awa Diallo-Sow" });
      expect(renamed.status).toBe(200);
      expect(await renamed.json()).toMatchObject({ displayName: "Awa Diallo-Sow", role: "counsellor" });
      expect((await call(user, "GET", "/api/v1/auth/session")).status).toBe(200);

      expect((await call(admin, "PATCH", `/api/v1/users/${id}`, {})).status).toBe(400);
      expect((await call(admin, "PATCH", `/api/v1/users/${id}`, { role: "partner_worker" })).status).toBe(
        400,
      );
      const promoted = await call(admin, "PATCH", `/api/v1/users/${id}`, { role: "manager" });
      expect(promoted.status).toBe(200);
      expect(await promoted.json()).toMatchObject({ role: "manager", organisation: { id: paris } });
      expect((await call(user, "GET", "/api/v1/auth/session")).status).toBe(401);
      const toNational = await call(admin, "PATCH", `/api/v1/users/${id}`, { role: "budget_controller" });
      expect(await toNational.json()).toMatchObject({ role: "budget_controller", organisation: null });
      const selfDemotion = await call(admin, "PATCH", `/api/v1/users/${admin.id}`, { role: "auditor" });
      expect(selfDemotion.status).toBe(409);
      const unknown = await call(admin, "PATCH", "/api/v1/users/00000000-0000-4000-8000-000000000000", {
        displayName: "Personne",
      });
      expect(unknown.status).toBe(404);
      expect((await call(admin, "PATCH", "/api/v1/users/pas-un-uuid", { displayName: "X" })).status).toBe(
        400,
      );
    });

    it("deactivates an account: its live session ends at once and it can no longer sign in", async () => {
      const admin = await signIn(ADMIN);
      const counsellor = await signIn(COUNSELLOR);
      const second = await signIn(COUNSELLOR);
      expect((await call(counsellor, "GET", "/api/v1/auth/session")).status).toBe(200);

      const deactivated = await call(admin, "POST", `/api/v1/users/${counsellor.id}/deactivate`);
      expect(deactivated.status).toBe(200);
      expect(
        ((await deactivated.json()) as { sessionsRevoked: number }).sessionsRevoked,
      ).toBeGreaterThanOrEqual(2);
      for (const session of [counsellor, second]) {
        const after = await call(session, "GET", "/api/v1/auth/session");
        expect(after.status).toBe(401);
        expect(after.headers.get("content-type")).toMatch(PROBLEM_JSON);
      }
      // Same answer as a wrong password: nothing says the account exists but is deactivated.
      const login = await fetch(`${server.url}/api/v1/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: COUNSELLOR, password: DEMO_PASSWORD }),
      });
      expect(login.status).toBe(401);
      expect(await login.json()).toMatchObject({ code: "invalid_credentials" });
      expect((await call(admin, "POST", `/api/v1/users/${counsellor.id}/deactivate`)).status).toBe(409);
      expect((await call(admin, "POST", `/api/v1/users/${admin.id}/deactivate`)).status).toBe(409);

      const listed = (await (await call(admin, "GET", "/api/v1/users")).json()) as {
        items: { id: string }[];
      };
      expect(listed.items.some((item) => item.id === counsellor.id)).toBe(false);
      const withDeactivated = (await (
        await call(admin, "GET", "/api/v1/users?includeDeactivated=true")
      ).json()) as { items: { id: string; deactivatedAt: string | null }[] };
      expect(withDeactivated.items.find((item) => item.id === counsellor.id)?.deactivatedAt).not.toBeNull();
      const [event] = await database.db.drizzle
        .select()
        .from(auditEvents)
        .where(eq(auditEvents.action, "user.deactivated"));
      expect(event).toMatchObject({ actorUserId: admin.id, targetId: counsellor.id });
    });

    it("resets a second factor: secret and recovery codes removed, sessions closed", async () => {
      const admin = await signIn(ADMIN);
      const auditor = await signIn("audit@demo.appui.fr");
      await database.db.drizzle
        .update(users)
        .set({ totpSecret: "v1.x.y.z.w", totpEnabledAt: new Date(), totpLastStep: 5 })
        .where(eq(users.id, auditor.id));
      const reset = await call(admin, "POST", `/api/v1/users/${auditor.id}/mfa/reset`);
      expect(reset.status).toBe(204);
      const [row] = await database.db.drizzle.select().from(users).where(eq(users.id, auditor.id));
      expect(row).toMatchObject({ totpSecret: null, totpEnabledAt: null, totpLastStep: null });
      expect((await call(auditor, "GET", "/api/v1/auth/session")).status).toBe(401);
      const [event] = await database.db.drizzle
        .select()
        .from(auditEvents)
        .where(eq(auditEvents.action, "user.mfa_reset"));
      expect(event).toMatchObject({ actorUserId: admin.id, targetId: auditor.id, details: { via: "api" } });
    });
  });
}
