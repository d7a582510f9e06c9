// Single sign-on against a real OpenID Connect provider running in this process (oidc-provider, its
// development login screen), on both databases: directory groups map to roles, the account is provisioned,
// a session opens; an unmapped user, a forged or missing flow cookie and a deactivated account are refused.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { eq } from "drizzle-orm";
import Provider from "oidc-provider";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate } from "../src/db/migrate.ts";
import { auditEvents, users } from "../src/db/schema/index.ts";
import { seedDemoData } from "../src/demo/accounts.ts";
import { DATABASE_KINDS, suiteName, type TestDatabase } from "./support/databases.ts";
import { type RunningServer, startServer } from "./support/server.ts";

const DIRECTORY: Record<string, Record<string, unknown>> = {
  alice: { email: "alice.moreau@entreprise.example", name: "Alice Moreau", groups: ["tous", "asd-paris"] },
  bruno: { email: "bruno.petit@entreprise.example", name: "Bruno Petit", groups: ["tous"] },
  claire: { email: "conseillere.paris@demo.appui.fr", name: "Claire Fontaine", groups: ["asd-paris"] },
};

/** A browser reduced to what the flow needs: one cookie jar, redirects followed by hand. */
class Browser {
  readonly cookies = new Map<string, string>();

  async go(url: string, init: { method?: string; form?: Record<string, string> } = {}): Promise<Response> {
    let next = url;
    let method = init.method ?? "GET";
    let body: string | undefined =
      init.form === undefined ? undefined : new URLSearchParams(init.form).toString();
    for (let hops = 0; hops < 20; hops++) {
      const response = await fetch(next, {
        method,
        redirect: "manual",
        headers: {
          cookie: [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; "),
          ...(body === undefined ? {} : { "content-type": "application/x-www-form-urlencoded" }),
        },
        ...(body === undefined ? {} : { body }),
      });
      for (const line of response.headers.getSetCookie()) {
        const [pair] = line.split(";");
        const equals = pair?.indexOf("=") ?? -1;
        if (pair === undefined || equals < 0) continue;
        const name = pair.slice(0, equals);
        const value = pair.slice(equals + 1);
        if (value === "" || /max-age=0/i.test(line) || /expires=thu, 01 jan 1970/i.test(line))
          this.cookies.delete(name);
        else this.cookies.set(name, value);
      }
      const location = response.headers.get("location");
      // "/" is the application's home, where a signed-in browser lands: the flow ends there.
      if (response.status < 300 || response.status >= 400 || location === null || location === "/") {
        return response;
      }
      await response.arrayBuffer();
      next = new URL(location, next).href;
      method = "GET";
      body = undefined;
    }
    throw new Error("too many redirects");
  }

  /** From Appui's start to the provider's login and consent screens and back to Appui's callback. */
  async signIn(appUrl: string, account: string): Promise<Response> {
    const login = await this.go(`${appUrl}/api/v1/auth/oidc/start`);
    expect(login.url).toMatch(/\/interaction\//);
    await login.text();
    const consent = await this.go(login.url, { method: "POST", form: { prompt: "login", login: account } });
    if (!consent.url.includes("/interaction/")) return consent;
    await consent.text();
    return this.go(consent.url, { method: "POST", form: { prompt: "consent" } });
  }
}

for (const kind of DATABASE_KINDS) {
  describe.skipIf(kind.skipReason !== undefined)(suiteName(kind, "Single sign-on (OpenID Connect)"), () => {
    let database: TestDatabase;
    let server: RunningServer;
    let providerServer: Server;
    let handler: (request: IncomingMessage, response: ServerResponse) => void = (_request, response) => {
      response.statusCode = 503;
      response.end();
    };

    beforeAll(async () => {
      providerServer = createServer((request, response) => handler(request, response));
      await new Promise<void>((resolve) => providerServer.listen(0, "127.0.0.1", resolve));
      const issuer = `http://127.0.0.1:${(providerServer.address() as AddressInfo).port}`;
      database = await kind.open();
      await migrate(database.db);
      await seedDemoData(database.db);
      server = await startServer(database.db, {
        env: {
          OIDC_ISSUER: issuer,
          OIDC_CLIENT_ID: "appui",
          OIDC_CLIENT_SECRET: "secret-du-client-appui-pour-les-tests",
          OIDC_GROUP_ROLES: "asd-admins=admin; asd-paris=counsellor@Agence de Paris",
        },
      });
      const provider = new Provider(issuer, {
        clients: [
          {
            client_id: "appui",
            client_secret: "secret-du-client-appui-pour-les-tests",
            redirect_uris: [`${server.url}/api/v1/auth/oidc/callback`],
            token_endpoint_auth_method: "client_secret_basic",
          },
        ],
        claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name", "groups"] },
        findAccount: async (_context: unknown, id: string) => ({
          accountId: id,
          claims: async () => ({ sub: id, email_verified: true, ...DIRECTORY[id] }),
        }),
        cookies: { keys: ["clé-des-cookies-du-fournisseur-de-test"] },
      });
      handler = provider.callback();
    });

    afterAll(async () => {
      await server?.close();
      await new Promise((resolve) => providerServer?.close(resolve));
      await database?.dispose();
    });

    it("signs a directory user in with the role of their group, creating the account", async () => {
      const browser = new Browser();
      const back = await browser.signIn(server.url, "alice");
      expect(back.status).toBe(303);
      expect(back.headers.get("location")).toBe("/");
      const cookie = browser.cookies.get("appui_session");
      expect(cookie).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(browser.cookies.has("appui_oidc")).toBe(false);
      const session = await fetch(`${server.url}/api/v1/auth/session`, {
        headers: { cookie: `appui_session=${cookie}` },
      });
      expect(session.status).toBe(200);
      expect(await session.json()).toMatchObject({
        user: { email: "alice.moreau@entreprise.example", displayName: "Alice Moreau" },
        role: "counsellor",
        organisation: { name: "Agence de Paris" },
      });
      const [account] = await database.db.drizzle
        .select()
        .from(users)
        .where(eq(users.email, "alice.moreau@entreprise.example"));
      expect(account?.role).toBe("counsellor");
      const logins = await database.db.drizzle
        .select()
        .from(auditEvents)
        .where(eq(auditEvents.action, "auth.login.succeeded"));
      expect(logins.at(-1)).toMatchObject({ targetId: account?.id, details: { via: "sso" } });
      expect(JSON.stringify(logins)).not.toContain("alice.moreau");
    });

    it("refuses a directory user in no mapped group, and creates nothing", async () => {
      const back = await new Browser().signIn(server.url, "bruno");
      expect(back.status).toBe(403);
      expect(await back.json()).toMatchObject({ code: "sso_no_role" });
      expect(
        await database.db.drizzle
          .select()
          .from(users)
          .where(eq(users.email, "bruno.petit@entreprise.example")),
      ).toEqual([]);
    });

    it("refuses a callback without the flow cookie its start set (forged or replayed answer)", async () => {
      const browser = new Browser();
      const login = await browser.go(`${server.url}/api/v1/auth/oidc/start`);
      await login.text();
      browser.cookies.delete("appui_oidc");
      const back = await browser.go(login.url, { method: "POST", form: { prompt: "login", login: "alice" } });
      const final = back.url.includes("/interaction/")
        ? await browser.go(back.url, { method: "POST", form: { prompt: "consent" } })
        : back;
      expect(final.status).toBe(400);
      expect(await final.json()).toMatchObject({ code: "sso_failed" });
      expect(browser.cookies.has("appui_session")).toBe(false);
      const forged = await fetch(`${server.url}/api/v1/auth/oidc/callback?code=abc&state=xyz`, {
        headers: { cookie: "appui_oidc=v1.00000000.AAAA.AAAA.AAAA" },
      });
      expect(forged.status).toBe(400);
    });

    it("refuses a deactivated account, whatever the directory says", async () => {
      await database.db.drizzle
        .update(users)
        .set({ deactivatedAt: new Date() })
        .where(eq(users.email, "conseillere.paris@demo.appui.fr"));
      const back = await new Browser().signIn(server.url, "claire");
      expect(back.status).toBe(403);
      expect(await back.json()).toMatchObject({ code: "sso_refused" });
    });

    it("is off unless OIDC_ISSUER is set", async () => {
      const plain = await startServer(database.db);
      try {
        expect((await fetch(`${plain.url}/api/v1/auth/oidc/start`, { redirect: "manual" })).status).toBe(404);
        // The sign-in page offers the directory only where it is configured.
        expect(await (await fetch(`${plain.url}/api/v1/auth/methods`)).json()).toEqual({
          password: true,
          singleSignOn: false,
        });
        expect(await (await fetch(`${server.url}/api/v1/auth/methods`)).json()).toEqual({
          password: true,
          singleSignOn: true,
        });
      } finally {
        await plain.close();
      }
    });
  });
}
