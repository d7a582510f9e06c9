// Hardening over real HTTP, on both databases: security headers and a strict Content-Security-Policy on
// the web pages, CORS closed, oversized bodies refused, no session fixation, expired sessions refused, and
// SQL-injection strings in every query-string filter of the audit and account endpoints answered 200 or
// 400, never 500, with the tables intact.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rowsOf } from "../src/db/database.ts";
import { migrate } from "../src/db/migrate.ts";
import { DEMO_PASSWORD, seedDemoData } from "../src/demo/accounts.ts";
import { DATABASE_KINDS, suiteName, type TestDatabase } from "./support/databases.ts";
import { type RunningServer, startServer } from "./support/server.ts";

const PROBLEM_JSON = /^application\/problem\+json/;
const MINUTE = 60_000;
const INJECTIONS = [
  "' OR '1'='1",
  "1; DROP TABLE users; --",
  "' UNION SELECT password_hash, email FROM users --",
  "00000000-0000-4000-8000-000000000000' OR '1'='1",
  "ASD-2026-000001' OR 1=1 --",
  "a:b'); DELETE FROM audit_events; --",
  "%27%20OR%201%3D1",
  "\\'; SELECT pg_sleep(5); --",
  "case.read' OR 'x'='x",
  "2026-01-01T00:00:00Z' OR '1'='1",
  "-1",
  "99999999999999999999",
];

for (const kind of DATABASE_KINDS) {
  describe.skipIf(kind.skipReason !== undefined)(suiteName(kind, "Hardening"), () => {
    let database: TestDatabase;
    let server: RunningServer;
    const webRoot = mkdtempSync(join(tmpdir(), "appui-hardening-web-"));
    let clockOffsetMs = 0;

    beforeAll(async () => {
      writeFileSync(
        join(webRoot, "index.html"),
        '<!doctype html><html lang="fr"><head><script type="module" src="/assets/app.js"></script></head>' +
          '<body><div id="root"></div></body></html>',
      );
      database = await kind.open();
      await migrate(database.db);
      await seedDemoData(database.db);
      server = await startServer(database.db, {
        webRoot,
        auth: { loginRateLimitPerMinute: 10_000, now: () => new Date(Date.now() + clockOffsetMs) },
      });
    });

    afterAll(async () => {
      await server?.close();
      await database?.dispose();
      rmSync(webRoot, { recursive: true, force: true });
    });

    const login = async (email: string, headers: Record<string, string> = {}) => {
      const response = await fetch(`${server.url}/api/v1/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body: JSON.stringify({ email, password: DEMO_PASSWORD }),
      });
      expect(response.status).toBe(200);
      const body = (await response.json()) as { csrfToken: string; user: { id: string } };
      return { cookie: response.headers.get("set-cookie")?.split(";")[0] as string, csrf: body.csrfToken };
    };

    it("serves web pages with security headers and a CSP that forbids inline and foreign scripts", async () => {
      for (const path of ["/", "/dossiers/123", "/api/v1/health"]) {
        const response = await fetch(`${server.url}${path}`);
        expect(response.status, path).toBe(200);
        const csp = response.headers.get("content-security-policy") ?? "";
        const directives = new Map(
          csp.split(";").map((part) => {
            const [name, ...values] = part.trim().split(/\s+/);
            return [name, values] as const;
          }),
        );
        expect(directives.get("default-src"), path).toEqual(["'self'"]);
        expect(directives.get("script-src"), path).toEqual(["'self'"]);
        expect(directives.get("script-src-attr"), path).toEqual(["'none'"]);
        expect(directives.get("object-src"), path).toEqual(["'none'"]);
        expect(directives.get("frame-ancestors"), path).toEqual(["'none'"]);
        expect(directives.get("base-uri"), path).toEqual(["'self'"]);
        expect(directives.get("connect-src"), path).toEqual(["'self'"]);
        expect(csp, path).not.toContain("unsafe-eval");
        expect(directives.get("script-src")?.join(" "), path).not.toContain("unsafe-inline");
        expect(response.headers.get("x-content-type-options"), path).toBe("nosniff");
        expect(response.headers.get("x-frame-options"), path).toBe("SAMEORIGIN");
        expect(response.headers.get("referrer-policy"), path).toBe("no-referrer");
        expect(response.headers.get("cross-origin-resource-policy"), path).toBe("same-origin");
        expect(response.headers.get("cross-origin-opener-policy"), path).toBe("same-origin");
        expect(response.headers.get("permissions-policy"), path).toContain("camera=()");
        expect(response.headers.get("x-powered-by"), path).toBeNull();
      }
      const page = await (await fetch(`${server.url}/`)).text();
      expect(page).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    });

    it("keeps CORS closed: a cross-origin request gets no Access-Control-Allow-Origin", async () => {
      const evil = "https://attaquant.example";
      const { cookie, csrf } = await login("audit@demo.appui.fr");
      const simple = await fetch(`${server.url}/api/v1/audit-events`, { headers: { origin: evil, cookie } });
      expect(simple.headers.get("access-control-allow-origin")).toBeNull();
      expect(simple.headers.get("access-control-allow-credentials")).toBeNull();
      const preflight = await fetch(`${server.url}/api/v1/auth/logout`, {
        method: "OPTIONS",
        headers: {
          origin: evil,
          "access-control-request-method": "POST",
          "access-control-request-headers": "x-csrf-token",
        },
      });
      expect(preflight.headers.get("access-control-allow-origin")).toBeNull();
      expect(preflight.headers.get("access-control-allow-methods")).toBeNull();
      expect(preflight.status).toBeGreaterThanOrEqual(400);
      // Without the preflight, a forged cross-site change carries the cookie but not the CSRF token.
      const forged = await fetch(`${server.url}/api/v1/auth/logout`, {
        method: "POST",
        headers: { origin: evil, cookie },
      });
      expect(forged.status).toBe(403);
      expect(
        (await fetch(`${server.url}/api/v1/auth/session`, { headers: { cookie } })).status,
        "still signed in",
      ).toBe(200);
      expect(csrf).toMatch(/^[A-Za-z0-9_-]{43}$/);
    });

    it("refuses an oversized JSON body with 413 problem+json, signed in or not", async () => {
      const big = JSON.stringify({ email: "x@exemple.fr", password: "p".repeat(2 * 1024 * 1024) });
      const anonymous = await fetch(`${server.url}/api/v1/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: big,
      });
      expect(anonymous.status).toBe(413);
      expect(anonymous.headers.get("content-type")).toMatch(PROBLEM_JSON);
      expect(await anonymous.json()).toMatchObject({ status: 413, code: "body_too_large" });
      const admin = await login("admin@demo.appui.fr");
      const signedIn = await fetch(`${server.url}/api/v1/users`, {
        method: "POST",
        headers: { "content-type": "application/json", cookie: admin.cookie, "x-csrf-token": admin.csrf },
        body: big,
      });
      expect(signedIn.status).toBe(413);
      expect(await signedIn.json()).toMatchObject({ code: "body_too_large" });
    });

    it("never keeps a session cookie planted before sign-in (no fixation)", async () => {
      // The attacker's own valid session, planted in the victim's browser...
      const planted = await login("partenaire@demo.appui.fr");
      const victim = await fetch(`${server.url}/api/v1/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json", cookie: planted.cookie },
        body: JSON.stringify({ email: "manager.paris@demo.appui.fr", password: DEMO_PASSWORD }),
      });
      expect(victim.status).toBe(200);
      const issued = victim.headers.get("set-cookie")?.split(";")[0] as string;
      expect(issued).not.toBe(planted.cookie);
      // ...is ended, and does not become the victim's session.
      const withPlanted = await fetch(`${server.url}/api/v1/auth/session`, {
        headers: { cookie: planted.cookie },
      });
      expect(withPlanted.status).toBe(401);
      const withIssued = await fetch(`${server.url}/api/v1/auth/session`, { headers: { cookie: issued } });
      expect(((await withIssued.json()) as { role: string }).role).toBe("manager");
      // A made-up token is not adopted either.
      const invented = `appui_session=${"A".repeat(43)}`;
      const again = await fetch(`${server.url}/api/v1/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json", cookie: invented },
        body: JSON.stringify({ email: "manager.paris@demo.appui.fr", password: DEMO_PASSWORD }),
      });
      expect(again.headers.get("set-cookie")?.split(";")[0]).not.toBe(invented);
    });

    it("answers 401 problem+json once a session is idle 30 minutes or 12 hours old", async () => {
      const idle = await login("conseillere.paris@demo.appui.fr");
      const session = (cookie: string) => fetch(`${server.url}/api/v1/auth/session`, { headers: { cookie } });
      clockOffsetMs = 31 * MINUTE;
      const expiredIdle = await session(idle.cookie);
      expect(expiredIdle.status).toBe(401);
      expect(expiredIdle.headers.get("content-type")).toMatch(PROBLEM_JSON);
      expect(await expiredIdle.json()).toMatchObject({ status: 401, code: "unauthenticated" });

      clockOffsetMs = 0;
      const busy = await login("conseillere.paris@demo.appui.fr");
      for (let minutes = 20; minutes < 12 * 60; minutes += 20) {
        clockOffsetMs = minutes * MINUTE;
        expect((await session(busy.cookie)).status, `${minutes} min`).toBe(200);
      }
      clockOffsetMs = 12 * 60 * MINUTE + 1_000;
      const expiredOld = await session(busy.cookie);
      expect(expiredOld.status).toBe(401);
      expect(await expiredOld.json()).toMatchObject({ code: "unauthenticated" });
      clockOffsetMs = 0;
    });

    it("answers 200 or 400, never 500, to SQL-injection strings in every audit and account filter", async () => {
      const auditor = await login("audit@demo.appui.fr");
      const admin = await login("admin@demo.appui.fr");
      const endpoints: { path: string; params: string[]; cookie: string }[] = [
        {
          path: "/api/v1/audit-events",
          params: ["actor", "target", "case", "person", "action", "from", "to", "before", "limit"],
          cookie: auditor.cookie,
        },
        {
          path: "/api/v1/audit-events/export",
          params: ["actor", "target", "case", "person", "action", "from", "to"],
          cookie: auditor.cookie,
        },
        {
          path: "/api/v1/users",
          params: ["organisation", "role", "includeDeactivated"],
          cookie: admin.cookie,
        },
      ];
      const countRows = async () => {
        const [counts] = rowsOf<{ users: number; events: number; first: number }>(
          await database.db.drizzle.execute(
            sql`select (select count(*)::int from users) as users, (select count(*)::int from audit_events) as events, (select min(seq)::int from audit_events) as first`,
          ),
        );
        return counts;
      };
      const before = await countRows();
      const statuses = new Set<number>();
      let answered = 0;
      for (const { path, params, cookie } of endpoints) {
        for (const param of params) {
          for (const value of INJECTIONS) {
            const response = await fetch(`${server.url}${path}?${param}=${encodeURIComponent(value)}`, {
              headers: { cookie },
            });
            statuses.add(response.status);
            if (response.status === 200) answered++;
            expect([200, 400], `${path}?${param}=${value}`).toContain(response.status);
            if (response.status === 400) {
              expect(response.headers.get("content-type")).toMatch(PROBLEM_JSON);
            }
            await response.arrayBuffer();
          }
        }
      }
      expect(statuses).toContain(400);
      expect(statuses).toContain(200);
      // Nothing dropped, nothing deleted: every answered search added its one audit event, and no other.
      const after = await countRows();
      expect(after?.users).toBe(before?.users);
      expect(after?.first).toBe(1);
      expect((after?.events ?? 0) - (before?.events ?? 0)).toBe(answered);
    });
  });
}
