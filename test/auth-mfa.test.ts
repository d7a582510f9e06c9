import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { totpCode } from "../src/crypto/totp.ts";
import { migrate } from "../src/db/migrate.ts";
import { users } from "../src/db/schema/index.ts";
import { DEMO_PASSWORD, seedDemoData } from "../src/demo/accounts.ts";
import { DATABASE_KINDS, suiteName, type TestDatabase } from "./support/databases.ts";
import { capturingLogger, type RunningServer, startServer } from "./support/server.ts";

const PRODUCTION_ENV = {
  NODE_ENV: "production",
  SESSION_SECRET: "s".repeat(48),
  DATA_ENCRYPTION_KEY: Buffer.alloc(32, 9).toString("base64"),
};
const AUDITOR = "audit@demo.appui.fr";
const MANAGER = "manager.paris@demo.appui.fr";

interface Session {
  cookie: string;
  csrfToken: string;
  body: Record<string, unknown>;
}

for (const kind of DATABASE_KINDS) {
  describe.skipIf(kind.skipReason !== undefined)(suiteName(kind, "Second factor (production)"), () => {
    let database: TestDatabase;
    let server: RunningServer;
    const logLines: string[] = [];

    beforeAll(async () => {
      database = await kind.open();
      await migrate(database.db);
      // Demo accounts stand in for real ones; the server itself runs in production mode.
      await seedDemoData(database.db);
      server = await startServer(database.db, {
        env: PRODUCTION_ENV,
        logger: capturingLogger(logLines),
        auth: { loginRateLimitPerMinute: 10_000 },
      });
    });

    afterAll(async () => {
      await server?.close();
      await database?.dispose();
    });

    const login = async (body: Record<string, string>) => {
      const response = await fetch(`${server.url}/api/v1/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ password: DEMO_PASSWORD, ...body }),
      });
      const json = (await response.json()) as Record<string, unknown>;
      const setCookie = response.headers.get("set-cookie");
      const session: Session | undefined =
        response.status === 200
          ? {
              cookie: setCookie?.split(";")[0] as string,
              csrfToken: json.csrfToken as string,
              body: json,
            }
          : undefined;
      return { status: response.status, json, setCookie, session };
    };

    const call = (session: Session, method: string, path: string, body?: unknown) =>
      fetch(`${server.url}${path}`, {
        method,
        headers: {
          cookie: session.cookie,
          "x-csrf-token": session.csrfToken,
          ...(body === undefined ? {} : { "content-type": "application/json" }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });

    let secret = "";
    let recoveryCodes: string[] = [];
    /** The manager's secret and codes, also kept out of the logs. */
    const secrets: string[] = [];

    it("lets counsellors in with a password, and marks the cookie Secure", async () => {
      const counsellor = await login({ email: "conseillere.paris@demo.appui.fr" });
      expect(counsellor.status).toBe(200);
      expect(counsellor.json.mfa).toEqual({ enabled: false, enrolmentRequired: false });
      expect(counsellor.setCookie).toContain("; Secure");
    });

    it("lets the four privileged roles do nothing but enrol until they have a second factor", async () => {
      for (const email of ["manager.paris@demo.appui.fr", "budget@demo.appui.fr", "admin@demo.appui.fr"]) {
        const result = await login({ email });
        expect(result.json.mfa, email).toEqual({ enabled: false, enrolmentRequired: true });
      }
      const auditor = (await login({ email: AUDITOR })).session as Session;
      expect(auditor.body.mfa).toEqual({ enabled: false, enrolmentRequired: true });
      const refused = await call(auditor, "GET", "/api/v1/audit-events");
      expect(refused.status).toBe(403);
      expect(await refused.json()).toMatchObject({ code: "mfa_enrolment_required" });
      expect((await call(auditor, "GET", "/api/v1/auth/session")).status).toBe(200);
    });

    it("enrols: setup gives a secret, a wrong code is refused, the right one gives ten recovery codes", async () => {
      const auditor = (await login({ email: AUDITOR })).session as Session;
      const confirmEarly = await call(auditor, "POST", "/api/v1/auth/totp/confirm", { code: "123456" });
      expect(confirmEarly.status).toBe(409);
      expect(await confirmEarly.json()).toMatchObject({ code: "mfa_setup_missing" });

      const setup = await call(auditor, "POST", "/api/v1/auth/totp/setup");
      expect(setup.status).toBe(200);
      const setupBody = (await setup.json()) as { secret: string; otpauthUri: string };
      secret = setupBody.secret;
      expect(secret).toMatch(/^[A-Z2-7]{32}$/);
      expect(setupBody.otpauthUri).toBe(
        `otpauth://totp/Appui%3Aaudit%40demo.appui.fr?secret=${secret}&issuer=Appui&algorithm=SHA1&digits=6&period=30`,
      );
      // Stored encrypted, never as such.
      const [row] = await database.db.drizzle
        .select({ pending: users.totpPendingSecret })
        .from(users)
        .where(eq(users.email, AUDITOR));
      expect(row?.pending).toMatch(/^v1\./);
      expect(row?.pending).not.toContain(secret);

      const current = totpCode(secret, new Date());
      const wrong = current === "000000" ? "111111" : "000000";
      const refused = await call(auditor, "POST", "/api/v1/auth/totp/confirm", { code: wrong });
      expect(refused.status).toBe(400);
      expect(await refused.json()).toMatchObject({ code: "invalid_mfa_code" });

      const confirmed = await call(auditor, "POST", "/api/v1/auth/totp/confirm", { code: current });
      expect(confirmed.status).toBe(200);
      recoveryCodes = ((await confirmed.json()) as { recoveryCodes: string[] }).recoveryCodes;
      expect(recoveryCodes).toHaveLength(10);
      // The same session may now read the trail.
      expect((await call(auditor, "GET", "/api/v1/audit-events")).status).toBe(200);
      const again = await call(auditor, "POST", "/api/v1/auth/totp/setup");
      expect(again.status).toBe(409);
      expect(await again.json()).toMatchObject({ code: "mfa_already_enabled" });
    });

    it("then asks for a code at sign-in, accepts each code once", async () => {
      const passwordOnly = await login({ email: AUDITOR });
      expect(passwordOnly.status).toBe(401);
      expect(passwordOnly.json).toMatchObject({ code: "mfa_required" });
      expect(passwordOnly.setCookie).toBeNull();

      const wrongCode = await login({
        email: AUDITOR,
        totpCode: "000000" === totpCode(secret, new Date()) ? "111111" : "000000",
      });
      expect(wrongCode.status).toBe(401);
      expect(wrongCode.json).toMatchObject({ code: "invalid_mfa_code" });
      // A wrong password with a right code is still "Identifiants incorrects".
      const wrongPassword = await login({
        email: AUDITOR,
        password: "faux",
        totpCode: totpCode(secret, new Date()),
      });
      expect(wrongPassword.json).toMatchObject({ code: "invalid_credentials" });

      // The code of the enrolment step was used; the next step's (accepted as clock drift) works, once.
      const next = totpCode(secret, new Date(Date.now() + 30_000));
      const signedIn = await login({ email: AUDITOR, totpCode: next });
      expect(signedIn.status).toBe(200);
      expect(signedIn.json.mfa).toEqual({ enabled: true, enrolmentRequired: false });
      expect((await call(signedIn.session as Session, "GET", "/api/v1/audit-events")).status).toBe(200);
      const replay = await login({ email: AUDITOR, totpCode: next });
      expect(replay.status).toBe(401);
      expect(replay.json).toMatchObject({ code: "invalid_mfa_code" });
    });

    it("accepts each recovery code once, in any case and with or without its dash", async () => {
      const code = recoveryCodes[0] as string;
      const first = await login({ email: AUDITOR, recoveryCode: code.toUpperCase().replace("-", "") });
      expect(first.status).toBe(200);
      const reused = await login({ email: AUDITOR, recoveryCode: code });
      expect(reused.status).toBe(401);
      expect(reused.json).toMatchObject({ code: "invalid_mfa_code" });
      expect((await login({ email: AUDITOR, recoveryCode: recoveryCodes[1] as string })).status).toBe(200);
    });

    it("replaces the recovery codes against a current code: the old ones stop working", async () => {
      const counsellor = (await login({ email: "conseillere.paris@demo.appui.fr" })).session as Session;
      const withoutFactor = await call(counsellor, "POST", "/api/v1/auth/recovery-codes", { code: "123456" });
      expect(withoutFactor.status).toBe(409);
      expect(await withoutFactor.json()).toMatchObject({ code: "mfa_not_enabled" });

      const manager = (await login({ email: MANAGER })).session as Session;
      const setup = await call(manager, "POST", "/api/v1/auth/totp/setup");
      const managerSecret = ((await setup.json()) as { secret: string }).secret;
      const confirmed = await call(manager, "POST", "/api/v1/auth/totp/confirm", {
        code: totpCode(managerSecret, new Date()),
      });
      const oldCodes = ((await confirmed.json()) as { recoveryCodes: string[] }).recoveryCodes;
      secrets.push(managerSecret, ...oldCodes);

      // A recovery code is not enough to renew the list, nor is a wrong code.
      const withRecoveryCode = await call(manager, "POST", "/api/v1/auth/recovery-codes", {
        code: oldCodes[0],
      });
      expect(withRecoveryCode.status).toBe(400);
      const current = totpCode(managerSecret, new Date(Date.now() + 30_000));
      const wrong = await call(manager, "POST", "/api/v1/auth/recovery-codes", {
        code: current === "000000" ? "111111" : "000000",
      });
      expect(wrong.status).toBe(400);
      expect(await wrong.json()).toMatchObject({ code: "invalid_mfa_code" });

      const renewed = await call(manager, "POST", "/api/v1/auth/recovery-codes", { code: current });
      expect(renewed.status).toBe(200);
      expect(renewed.headers.get("cache-control")).toBe("no-store");
      const newCodes = ((await renewed.json()) as { recoveryCodes: string[] }).recoveryCodes;
      secrets.push(...newCodes);
      expect(newCodes).toHaveLength(10);
      expect(newCodes.some((code) => oldCodes.includes(code))).toBe(false);
      // The same code cannot renew them twice.
      expect((await call(manager, "POST", "/api/v1/auth/recovery-codes", { code: current })).status).toBe(
        400,
      );

      const withOld = await login({ email: MANAGER, recoveryCode: oldCodes[1] as string });
      expect(withOld.status).toBe(401);
      expect((await login({ email: MANAGER, recoveryCode: newCodes[0] as string })).status).toBe(200);
    });

    it("writes neither the secret, the codes nor the passwords to the logs", async () => {
      await server.app.ready();
      const logs = logLines.join("");
      expect(logs).toContain('"route":"/api/v1/auth/totp/confirm"');
      expect(logs).toContain('"route":"/api/v1/auth/recovery-codes"');
      for (const value of [secret, ...recoveryCodes, ...secrets, DEMO_PASSWORD, "demo.appui.fr"]) {
        expect(logs, value).not.toContain(value);
      }
    });
  });
}
