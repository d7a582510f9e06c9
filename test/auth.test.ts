// Sign-in, sessions, CSRF, lockout and the permission matrix, over real HTTP on both databases.
import { readFileSync } from "node:fs";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GENERATED_END, GENERATED_START, renderPermissionsSection } from "../src/core/access/document.ts";
import { isAllowed, ROLES, type Role } from "../src/core/access/index.ts";
import { sessions, users } from "../src/db/schema/index.ts";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../src/demo/accounts.ts";
import { DEFAULT_AUTH_OPTIONS } from "../src/server/plugins/auth.ts";
import { createSession, hashToken } from "../src/services/auth/sessions.ts";
import { DEFAULT_LOCKOUT_POLICY } from "../src/services/auth/throttle.ts";
import { DATABASE_KINDS, suiteName, type TestDatabase } from "./support/databases.ts";
import { openDemoDatabase } from "./support/demoDatabase.ts";
import { capturingLogger, type RunningServer, startServer } from "./support/server.ts";

const PROBLEM_JSON = /^application\/problem\+json/;
const COUNSELLOR = "conseillere.paris@demo.appui.fr";
const MANAGER = "manager.paris@demo.appui.fr";
const AUDITOR = "audit@demo.appui.fr";
const MINUTE = 60_000;

interface LoginResult {
  response: Response;
  body: Record<string, unknown>;
  cookie: string | undefined;
  setCookie: string | null;
}

/** Markdown with table cells trimmed and separator cells shortened, so that padding does not count. */
function normaliseTables(markdown: string): string {
  return markdown
    .split("\n")
    .map((line) =>
      line.startsWith("|")
        ? line
            .split("|")
            .slice(1, -1)
            .map((cell) => cell.trim().replace(/^(:?)-+(:?)$/, "$1---$2"))
            .join("|")
        : line.trim(),
    )
    .join("\n");
}

for (const kind of DATABASE_KINDS) {
  describe.skipIf(kind.skipReason !== undefined)(suiteName(kind, "Authentication"), () => {
    let database: TestDatabase;
    let server: RunningServer;
    const logLines: string[] = [];
    // The server's clock: tests move it forward to reach timeouts and the end of locks.
    let clockOffsetMs = 0;

    beforeAll(async () => {
      database = await openDemoDatabase(kind);
      server = await startServer(database.db, {
        logger: capturingLogger(logLines),
        auth: {
          loginRateLimitPerMinute: 10_000,
          // Address locks are tested at the end, with their own low threshold.
          lockout: { ...DEFAULT_LOCKOUT_POLICY, addressThreshold: 10_000 },
          now: () => new Date(Date.now() + clockOffsetMs),
        },
      });
    });

    afterAll(async () => {
      await server?.close();
      await database?.dispose();
    });

    const login = async (
      email: string,
      password: string,
      headers: Record<string, string> = {},
      base = server.url,
    ): Promise<LoginResult> => {
      const response = await fetch(`${base}/api/v1/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify({ email, password }),
      });
      const setCookie = response.headers.get("set-cookie");
      const cookie = setCookie?.split(";")[0];
      return { response, body: await response.json(), cookie, setCookie };
    };

    const getSession = (cookie: string | undefined) =>
      fetch(`${server.url}/api/v1/auth/session`, { headers: cookie === undefined ? {} : { cookie } });

    const logout = (cookie: string, csrfToken: string | undefined) =>
      fetch(`${server.url}/api/v1/auth/logout`, {
        method: "POST",
        headers: { cookie, ...(csrfToken === undefined ? {} : { "x-csrf-token": csrfToken }) },
      });

    const clearThrottles = () => database.db.drizzle.execute(sql`delete from login_throttles`);

    it("signs in with a demo account, reads the session, signs out, then answers 401", async () => {
      const signedIn = await login(COUNSELLOR, DEMO_PASSWORD);
      expect(signedIn.response.status).toBe(200);
      expect(signedIn.body).toMatchObject({
        user: { email: COUNSELLOR, displayName: "Claire Fontaine (démo)" },
        role: "counsellor",
        organisation: { name: "Agence de Paris", kind: "agency" },
      });
      expect(signedIn.body.csrfToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
      // HttpOnly, SameSite=Lax, Path=/; no Secure in demo mode (plain http on this machine).
      expect(signedIn.setCookie).toMatch(/^appui_session=[A-Za-z0-9_-]{43}; /);
      expect(signedIn.setCookie).toContain("HttpOnly");
      expect(signedIn.setCookie).toContain("SameSite=Lax");
      expect(signedIn.setCookie).toContain("Path=/");
      expect(signedIn.setCookie).not.toContain("Secure");
      // The database holds the token's hash, never the token.
      const token = signedIn.cookie?.split("=")[1] ?? "";
      const rows = await database.db.drizzle
        .select()
        .from(sessions)
        .where(eq(sessions.id, hashToken(token)));
      expect(rows).toHaveLength(1);
      expect(await database.db.drizzle.select().from(sessions).where(eq(sessions.id, token))).toHaveLength(0);

      const session = await getSession(signedIn.cookie);
      expect(session.status).toBe(200);
      expect(await session.json()).toEqual(signedIn.body);

      const loggedOut = await logout(signedIn.cookie as string, signedIn.body.csrfToken as string);
      expect(loggedOut.status).toBe(204);
      expect(loggedOut.headers.get("set-cookie")).toMatch(/^appui_session=; .*Max-Age=0/);

      const after = await getSession(signedIn.cookie);
      expect(after.status).toBe(401);
      expect(after.headers.get("content-type")).toMatch(PROBLEM_JSON);
      expect(await after.json()).toMatchObject({ status: 401, code: "unauthenticated" });
      expect((await getSession(undefined)).status).toBe(401);
    });

    it("answers a wrong password and an unknown email identically, in comparable time", async () => {
      const strip = ({ requestId: _requestId, ...rest }: Record<string, unknown>) => rest;
      const timings = { wrong: [] as number[], unknown: [] as number[] };
      const bodies: Record<string, unknown>[] = [];
      for (let round = 0; round < 4; round++) {
        for (const [which, email] of [
          ["wrong", "conseiller.lyon@demo.appui.fr"],
          ["unknown", "personne.inconnue@demo.appui.fr"],
        ] as const) {
          const started = performance.now();
          const result = await login(email, "pas-le-bon-mot-de-passe");
          timings[which].push(performance.now() - started);
          expect(result.response.status).toBe(401);
          expect(result.setCookie).toBeNull();
          bodies.push(strip(result.body));
        }
      }
      for (const body of bodies) expect(body).toEqual(bodies[0]);
      expect(bodies[0]).toMatchObject({
        code: "invalid_credentials",
        title: "Identifiants incorrects",
        status: 401,
      });
      // Both paths verify one argon2 hash; the unknown one must not be the fast path. The fastest of four
      // tries (under the account lockout threshold) is compared, since a busy machine only ever adds time:
      // without the hash, an unknown email answers in a few milliseconds, far under half a verification.
      expect(Math.min(...timings.unknown)).toBeGreaterThan(Math.min(...timings.wrong) * 0.4);
      await clearThrottles();
    });

    it("accepts JSON only at login", async () => {
      for (const contentType of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data"]) {
        const response = await fetch(`${server.url}/api/v1/auth/login`, {
          method: "POST",
          headers: { "content-type": contentType },
          body: JSON.stringify({ email: COUNSELLOR, password: DEMO_PASSWORD }),
        });
        expect(response.status, contentType).toBe(415);
        expect(await response.json()).toMatchObject({ code: "unsupported_media_type" });
      }
      const missing = await fetch(`${server.url}/api/v1/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email: COUNSELLOR }),
      });
      expect(missing.status).toBe(400);
    });

    it("locks an account after 5 failures, even against the right password, then doubles the lock", async () => {
      for (let attempt = 1; attempt <= 5; attempt++) {
        expect((await login(MANAGER, `mauvais-${attempt}`)).response.status).toBe(401);
      }
      const locked = await login(MANAGER, DEMO_PASSWORD);
      expect(locked.response.status).toBe(429);
      expect(locked.body).toMatchObject({ code: "login_locked", status: 429 });
      expect(Number(locked.response.headers.get("retry-after"))).toBeGreaterThan(50);
      expect(Number(locked.response.headers.get("retry-after"))).toBeLessThanOrEqual(60);
      expect(locked.setCookie).toBeNull();

      // An unknown account locks the same way: a lock says nothing about which accounts exist.
      for (let attempt = 1; attempt <= 5; attempt++) {
        await login("inconnu.verrou@demo.appui.fr", `mauvais-${attempt}`);
      }
      const unknownLocked = await login("inconnu.verrou@demo.appui.fr", "x");
      expect(unknownLocked.response.status).toBe(429);
      expect({ ...unknownLocked.body, requestId: "" }).toEqual({ ...locked.body, requestId: "" });

      // After the minute, one more failure locks for two minutes.
      clockOffsetMs += MINUTE + 1_000;
      expect((await login(MANAGER, "encore-faux")).response.status).toBe(401);
      const relocked = await login(MANAGER, DEMO_PASSWORD);
      expect(relocked.response.status).toBe(429);
      expect(Number(relocked.response.headers.get("retry-after"))).toBeGreaterThan(110);

      clockOffsetMs += 2 * MINUTE + 1_000;
      const unlocked = await login(MANAGER, DEMO_PASSWORD);
      expect(unlocked.response.status).toBe(200);
      // Success clears the account's counter: a later single failure does not lock.
      expect((await login(MANAGER, "faux")).response.status).toBe(401);
      expect((await login(MANAGER, DEMO_PASSWORD)).response.status).toBe(200);
      clockOffsetMs = 0;
      await clearThrottles();
    });

    it("refuses a cookie-authenticated change without the right X-CSRF-Token", async () => {
      const signedIn = await login(COUNSELLOR, DEMO_PASSWORD);
      const cookie = signedIn.cookie as string;
      for (const token of [undefined, "", "x".repeat(43), `${signedIn.body.csrfToken}x`]) {
        const response = await logout(cookie, token);
        expect(response.status, String(token)).toBe(403);
        expect(response.headers.get("content-type")).toMatch(PROBLEM_JSON);
        expect(await response.json()).toMatchObject({ code: "csrf_failed", status: 403 });
      }
      // Another session's token is no better.
      const other = await login(MANAGER, DEMO_PASSWORD);
      expect((await logout(cookie, other.body.csrfToken as string)).status).toBe(403);
      // Nothing happened: the session is still open, and the right token works.
      expect((await getSession(cookie)).status).toBe(200);
      expect((await logout(cookie, signedIn.body.csrfToken as string)).status).toBe(204);
    });

    it("gives a new session id at every sign-in and ends the one the browser held (no fixation)", async () => {
      // A token planted by an attacker, never issued: ignored, replaced.
      const planted = `appui_session=${"A".repeat(43)}`;
      const first = await login(COUNSELLOR, DEMO_PASSWORD, { cookie: planted });
      expect(first.response.status).toBe(200);
      expect(first.cookie).not.toBe(planted);
      // A real session of the attacker's, planted in the victim's browser: the victim's sign-in replaces
      // it, and it stops working.
      const attacker = await login(MANAGER, DEMO_PASSWORD);
      const victim = await login(COUNSELLOR, DEMO_PASSWORD, { cookie: attacker.cookie as string });
      expect(victim.cookie).not.toBe(attacker.cookie);
      expect(victim.body.csrfToken).not.toBe(attacker.body.csrfToken);
      expect((await getSession(attacker.cookie)).status).toBe(401);
      expect((await getSession(victim.cookie)).status).toBe(200);
      // Signing in again while signed in also changes the id.
      const again = await login(COUNSELLOR, DEMO_PASSWORD, { cookie: victim.cookie as string });
      expect(again.cookie).not.toBe(victim.cookie);
      expect((await getSession(victim.cookie)).status).toBe(401);
    });

    it("ends a session after 30 minutes without activity", async () => {
      const signedIn = await login(COUNSELLOR, DEMO_PASSWORD);
      const id = hashToken(signedIn.cookie?.split("=")[1] ?? "");
      await database.db.drizzle
        .update(sessions)
        .set({ lastSeenAt: new Date(Date.now() - 29 * MINUTE) })
        .where(eq(sessions.id, id));
      // 29 minutes idle: still open, and the request counts as activity.
      expect((await getSession(signedIn.cookie)).status).toBe(200);
      const [touched] = await database.db.drizzle.select().from(sessions).where(eq(sessions.id, id));
      expect(Date.now() - (touched?.lastSeenAt.getTime() ?? 0)).toBeLessThan(MINUTE);
      await database.db.drizzle
        .update(sessions)
        .set({ lastSeenAt: new Date(Date.now() - 31 * MINUTE) })
        .where(eq(sessions.id, id));
      expect((await getSession(signedIn.cookie)).status).toBe(401);
    });

    it("leaves sessions alone on public reads: no lookup, no activity recorded", async () => {
      const signedIn = await login(COUNSELLOR, DEMO_PASSWORD);
      const id = hashToken(signedIn.cookie?.split("=")[1] ?? "");
      const tenMinutesAgo = new Date(Date.now() - 10 * MINUTE);
      await database.db.drizzle
        .update(sessions)
        .set({ lastSeenAt: tenMinutesAgo })
        .where(eq(sessions.id, id));
      const health = await fetch(`${server.url}/api/v1/health`, {
        headers: { cookie: signedIn.cookie as string },
      });
      expect(health.status).toBe(200);
      const [row] = await database.db.drizzle.select().from(sessions).where(eq(sessions.id, id));
      expect(row?.lastSeenAt.getTime()).toBe(tenMinutesAgo.getTime());
    });

    it("ends a session 12 hours after sign-in, however active", async () => {
      const signedIn = await login(COUNSELLOR, DEMO_PASSWORD);
      for (let elapsed = 20; elapsed < 12 * 60; elapsed += 20) {
        clockOffsetMs = elapsed * MINUTE;
        expect((await getSession(signedIn.cookie)).status, `${elapsed} min`).toBe(200);
      }
      clockOffsetMs = 12 * 60 * MINUTE + 1_000;
      expect((await getSession(signedIn.cookie)).status).toBe(401);
      clockOffsetMs = 0;
    });

    it("walks every route declaring a permission × every role, and anonymous callers", async () => {
      const routes = server.app.routeAccess;
      expect(routes.map((route) => `${route.method} ${route.url}`)).toEqual(
        expect.arrayContaining([
          "GET /api/v1/auth/session",
          "POST /api/v1/auth/logout",
          "GET /api/v1/audit-events",
          "POST /api/v1/auth/totp/setup",
          "POST /api/v1/auth/totp/confirm",
          "GET /api/v1/audit-events/export",
        ]),
      );
      const userIds = new Map<Role, string>();
      for (const account of DEMO_ACCOUNTS) {
        const [row] = await database.db.drizzle
          .select({ id: users.id })
          .from(users)
          .where(eq(users.email, account.email));
        if (!userIds.has(account.role)) userIds.set(account.role, row?.id as string);
      }
      expect([...userIds.keys()].sort()).toEqual([...ROLES].sort());
      const results: string[] = [];
      for (const route of routes) {
        const anonymous = await fetch(`${server.url}${route.url}`, { method: route.method });
        expect(anonymous.status, `anonymous ${route.method} ${route.url}`).toBe(401);
        for (const role of ROLES) {
          // A fresh session per call: logout ends it.
          const { token, csrfToken } = await createSession(
            database.db.drizzle,
            userIds.get(role) as string,
            new Date(),
            DEFAULT_AUTH_OPTIONS.sessions,
          );
          const response = await fetch(`${server.url}${route.url}`, {
            method: route.method,
            headers: { cookie: `appui_session=${token}`, "x-csrf-token": csrfToken },
          });
          const allowed = isAllowed(role, route.permission);
          results.push(`${route.method} ${route.url} ${role} ${response.status}`);
          if (allowed) {
            // Allowed: past the permission check (a route may still refuse the empty body with a 4xx).
            expect([401, 403], `${role} ${route.method} ${route.url}`).not.toContain(response.status);
            expect(response.status, `${role} ${route.method} ${route.url}`).toBeLessThan(500);
          } else {
            expect(response.status, `${role} ${route.method} ${route.url}`).toBe(403);
            expect(await response.json()).toMatchObject({ code: "forbidden" });
          }
        }
      }
      expect(results.length).toBe(routes.length * ROLES.length);
    });

    it("shows in docs/security.md the matrix and the routes exactly as the code has them", () => {
      const document = readFileSync(new URL("../docs/security.md", import.meta.url), "utf8");
      const expected = renderPermissionsSection(server.app.routeAccess);
      const start = document.indexOf(GENERATED_START);
      const end = document.indexOf(GENERATED_END);
      expect(start, "generated section markers").toBeGreaterThan(-1);
      // Biome pads the tables: compare cell by cell.
      expect(
        normaliseTables(document.slice(start, end + GENERATED_END.length)),
        "docs/security.md is stale: node --import tsx scripts/render-security-docs.ts",
      ).toBe(normaliseTables(expected));
    });

    it("lets auditors search the trail by actor, target and period, page by page", async () => {
      const auditor = await login(AUDITOR, DEMO_PASSWORD);
      const manager = await login(MANAGER, DEMO_PASSWORD);
      const managerId = (manager.body.user as { id: string }).id;
      const search = (query: string, cookie = auditor.cookie as string) =>
        fetch(`${server.url}/api/v1/audit-events${query}`, { headers: { cookie } });

      const all = await search("?limit=200");
      expect(all.status).toBe(200);
      const page = (await all.json()) as { items: Record<string, unknown>[]; nextCursor: number | null };
      const actions = new Set(page.items.map((item) => item.action));
      for (const action of ["auth.login.succeeded", "auth.login.failed", "auth.logout"]) {
        expect(actions).toContain(action);
      }
      const seqs = page.items.map((item) => item.seq as number);
      expect(seqs).toEqual([...seqs].sort((a, b) => b - a));
      // No email nor password anywhere in the trail.
      const text = JSON.stringify(page.items);
      expect(text).not.toContain("@demo.appui.fr");
      expect(text).not.toContain(DEMO_PASSWORD);
      expect(text).not.toContain("mauvais-");

      const byActor = (await (await search(`?actor=${managerId}`)).json()) as typeof page;
      expect(byActor.items.length).toBeGreaterThan(0);
      expect(byActor.items.every((item) => item.actorUserId === managerId)).toBe(true);
      const byTarget = (await (await search(`?target=${managerId}&limit=200`)).json()) as typeof page;
      expect(byTarget.items.every((item) => item.targetId === managerId)).toBe(true);
      expect(byTarget.items.some((item) => item.action === "auth.login.failed")).toBe(true);

      const future = new Date(Date.now() + 60 * MINUTE).toISOString();
      const empty = (await (await search(`?from=${encodeURIComponent(future)}`)).json()) as typeof page;
      expect(empty.items).toEqual([]);
      const past = new Date(Date.now() - 60 * MINUTE).toISOString();
      const period = (await (
        await search(`?from=${encodeURIComponent(past)}&to=${encodeURIComponent(future)}&limit=5`)
      ).json()) as typeof page;
      expect(period.items).toHaveLength(5);

      // Pages chain through nextCursor without overlap.
      const first = (await (await search("?limit=3")).json()) as typeof page;
      expect(first.items).toHaveLength(3);
      expect(first.nextCursor).toBe(first.items[2]?.seq);
      const second = (await (await search(`?limit=3&before=${first.nextCursor}`)).json()) as typeof page;
      expect(second.items[0]?.seq).toBe((first.items[2]?.seq as number) - 1);

      // Export: every matching entry, oldest first, one JSON object per line, with the chain's hashes.
      const exported = await fetch(`${server.url}/api/v1/audit-events/export?actor=${managerId}`, {
        headers: { cookie: auditor.cookie as string },
      });
      expect(exported.status).toBe(200);
      expect(exported.headers.get("content-type")).toMatch(/^application\/x-ndjson/);
      expect(exported.headers.get("content-disposition")).toMatch(/attachment; filename="journal-audit-/);
      const lines = (await exported.text()).trim().split("\n");
      const exportedEvents = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
      const allByActor = (await (await search(`?actor=${managerId}&limit=200`)).json()) as typeof page;
      expect(exportedEvents.map((event) => event.seq)).toEqual(
        allByActor.items.map((item) => item.seq).reverse(),
      );
      expect(exportedEvents[0]).toHaveProperty("prevHash");
      expect(exportedEvents[0]).toHaveProperty("hash");
      const exportRecorded = (await (await search("?limit=1")).json()) as typeof page;
      expect(exportRecorded.items[0]?.action).toBe("audit.search");
      const exportEvents = (await (await search("?limit=200")).json()) as typeof page;
      expect(exportEvents.items.some((item) => item.action === "audit.export")).toBe(true);
      const forbiddenExport = await fetch(`${server.url}/api/v1/audit-events/export`, {
        headers: { cookie: manager.cookie as string },
      });
      expect(forbiddenExport.status).toBe(403);

      const invalid = await search("?target=someone%40exemple.fr");
      expect(invalid.status).toBe(400);
      const forbidden = await search("", manager.cookie as string);
      expect(forbidden.status).toBe(403);
    });

    it("writes no email, password, token or cookie to the logs during a sign-in journey", async () => {
      logLines.length = 0;
      const signedIn = await login(COUNSELLOR, DEMO_PASSWORD);
      await login(COUNSELLOR, "mauvais-secret-journal");
      await login("inconnu.journal@demo.appui.fr", "autre-secret-journal");
      await getSession(signedIn.cookie);
      await logout(signedIn.cookie as string, undefined);
      await logout(signedIn.cookie as string, signedIn.body.csrfToken as string);
      await server.app.ready();
      const logs = logLines.join("");
      expect(logs).toContain('"route":"/api/v1/auth/login"');
      const token = signedIn.cookie?.split("=")[1] as string;
      for (const secret of [
        "conseillere.paris",
        "inconnu.journal",
        "demo.appui.fr",
        DEMO_PASSWORD,
        "mauvais-secret-journal",
        "autre-secret-journal",
        token,
        hashToken(token),
        signedIn.body.csrfToken as string,
      ]) {
        expect(logs, secret).not.toContain(secret);
      }
      await clearThrottles();
    });

    it("locks a client address that fails on many accounts", async () => {
      await clearThrottles();
      const strict = await startServer(database.db, {
        auth: {
          loginRateLimitPerMinute: 10_000,
          lockout: { ...DEFAULT_LOCKOUT_POLICY, addressThreshold: 3 },
        },
      });
      try {
        for (const email of ["a.inconnu@exemple.fr", "b.inconnu@exemple.fr", "c.inconnu@exemple.fr"]) {
          expect((await login(email, "faux", {}, strict.url)).response.status).toBe(401);
        }
        // A fourth account, never tried, with the right password: the address is locked.
        const locked = await login(COUNSELLOR, DEMO_PASSWORD, {}, strict.url);
        expect(locked.response.status).toBe(429);
      } finally {
        await strict.close();
        await clearThrottles();
      }
    });

    it("limits the rate of login requests per address", async () => {
      const limited = await startServer(database.db, { auth: { loginRateLimitPerMinute: 2 } });
      try {
        const statuses: number[] = [];
        for (let attempt = 0; attempt < 3; attempt++) {
          statuses.push((await login(COUNSELLOR, DEMO_PASSWORD, {}, limited.url)).response.status);
        }
        expect(statuses).toEqual([200, 200, 429]);
      } finally {
        await limited.close();
      }
    });
  });
}
