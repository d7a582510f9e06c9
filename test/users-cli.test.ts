// `appui users`: accounts created and changed from the command line, on both databases, with the password
// policy applied and every change in the audit trail.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { verify } from "@node-rs/argon2";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyAuditChain } from "../src/db/audit/verify.ts";
import { type Database, openDatabase, rowsOf } from "../src/db/database.ts";
import { migrate } from "../src/db/migrate.ts";
import { auditEvents, organisations, recoveryCodes, sessions, users } from "../src/db/schema/index.ts";
import { createSession, DEFAULT_SESSION_TIMEOUTS } from "../src/services/auth/sessions.ts";
import { runAppui } from "./support/cli.ts";
import { DATABASE_KINDS, suiteName, type TestDatabase } from "./support/databases.ts";

const GOOD_PASSWORD = "lanterne orage 7 cerisiers";
const EMAIL = "nouvelle.conseillere@exemple.fr";

for (const kind of DATABASE_KINDS) {
  describe.skipIf(kind.skipReason !== undefined)(suiteName(kind, "appui users"), () => {
    let database: TestDatabase | undefined;
    let db: Database;
    const dataDir = mkdtempSync(join(tmpdir(), "appui-users-"));
    let env: Record<string, string>;

    const open = async () => {
      if (kind.kind === "pglite")
        db = await openDatabase({ kind: "pglite", dataDir: join(dataDir, "pglite") });
    };
    /** Runs the command line with the embedded database released (one process at a time). */
    const run = async (args: string[], input = "", extraEnv: Record<string, string> = {}) => {
      if (kind.kind === "pglite") await db.close();
      try {
        return await runAppui(args, { ...env, ...extraEnv }, input);
      } finally {
        await open();
      }
    };

    beforeAll(async () => {
      if (kind.kind === "pglite") {
        await open();
        env = { DATA_DIR: dataDir };
      } else {
        database = await kind.open();
        db = database.db;
        env = { DATABASE_URL: database.url as string };
      }
      await migrate(db);
      await db.drizzle
        .insert(organisations)
        .values({ kind: "agency", name: "Agence de Nantes", region: "Pays de la Loire", city: "Nantes" });
    });

    afterAll(async () => {
      await db?.close();
      await database?.dispose();
      rmSync(dataDir, { recursive: true, force: true });
    });

    it("refuses a weak password, a missing organisation and an unknown role, creating nothing", async () => {
      const base = ["users", "add", "--email", EMAIL, "--name", "Awa Diallo", "--role", "counsellor"];
      const weak = await run([...base, "--organisation", "Agence de Nantes"], "azertyuiop123\n");
      expect(weak.code).toBe(2);
      expect(weak.stderr).toContain("mot de passe refusé");
      expect(weak.stderr).toContain("trop courant");
      const short = await run([...base, "--organisation", "Agence de Nantes"], "court\n");
      expect(short.stderr).toContain("au moins 12 caractères");
      const noOrganisation = await run(base, `${GOOD_PASSWORD}\n`);
      expect(noOrganisation.code).toBe(2);
      expect(noOrganisation.stderr).toContain("exige --organisation");
      const badRole = await run(["users", "add", "--email", EMAIL, "--name", "X", "--role", "chef"], "x\n");
      expect(badRole.code).toBe(2);
      const production = {
        NODE_ENV: "production",
        SESSION_SECRET: "s".repeat(48),
        DATA_ENCRYPTION_KEY: Buffer.alloc(32, 3).toString("base64"),
      };
      const demoDomain = await run(
        ["users", "add", "--email", "x@demo.appui.fr", "--name", "X", "--role", "admin"],
        `${GOOD_PASSWORD}\n`,
        production,
      );
      expect(demoDomain.code).toBe(2);
      expect(demoDomain.stderr).toContain("réservé aux comptes de démonstration");
      expect(await db.drizzle.select().from(users)).toEqual([]);
    });

    it("creates an account with an argon2id hash, and records it in the audit trail", async () => {
      const created = await run(
        [
          "users",
          "add",
          "--email",
          "Nouvelle.Conseillere@Exemple.fr",
          "--name",
          "Awa Diallo",
          "--role",
          "counsellor",
          "--organisation",
          "Agence de Nantes",
        ],
        `${GOOD_PASSWORD}\n`,
      );
      expect(created.stderr).toBe("");
      expect(created.code).toBe(0);
      expect(created.stdout).toContain("Compte créé");
      const [user] = await db.drizzle.select().from(users).where(eq(users.email, EMAIL));
      expect(user?.role).toBe("counsellor");
      expect(user?.passwordHash).toMatch(/^\$argon2id\$/);
      expect(await verify(user?.passwordHash as string, GOOD_PASSWORD)).toBe(true);
      const events = await db.drizzle
        .select()
        .from(auditEvents)
        .where(eq(auditEvents.targetId, user?.id as string));
      expect(events.map((event) => event.action)).toEqual(["user.created"]);
      expect(JSON.stringify(events)).not.toContain("exemple.fr");
      const again = await run(
        ["users", "add", "--email", EMAIL, "--name", "Awa", "--role", "admin"],
        `${GOOD_PASSWORD}\n`,
      );
      expect(again.code).toBe(2);
      expect(again.stderr).toContain("existe déjà");
    });

    it("changes a password and closes the account's sessions; resets the second factor", async () => {
      const [user] = await db.drizzle.select().from(users).where(eq(users.email, EMAIL));
      const userId = user?.id as string;
      await createSession(db.drizzle, userId, new Date(), DEFAULT_SESSION_TIMEOUTS);
      const changed = await run(["users", "set-password", EMAIL], "un autre secret bien long\n");
      expect(changed.code).toBe(0);
      const [after] = await db.drizzle.select().from(users).where(eq(users.id, userId));
      expect(await verify(after?.passwordHash as string, "un autre secret bien long")).toBe(true);
      const open = await db.drizzle.select().from(sessions).where(eq(sessions.userId, userId));
      expect(open.every((session) => session.revokedAt !== null)).toBe(true);

      await db.drizzle
        .update(users)
        .set({ totpSecret: "v1.x.y.z.w", totpEnabledAt: new Date(), totpLastStep: 5 })
        .where(eq(users.id, userId));
      await db.drizzle.insert(recoveryCodes).values({ userId, codeHash: "h" });
      const reset = await run(["users", "reset-mfa", EMAIL]);
      expect(reset.code).toBe(0);
      const [cleared] = await db.drizzle.select().from(users).where(eq(users.id, userId));
      expect(cleared).toMatchObject({ totpSecret: null, totpEnabledAt: null, totpLastStep: null });
      expect(await db.drizzle.select().from(recoveryCodes)).toEqual([]);

      const unknown = await run(["users", "reset-mfa", "personne@exemple.fr"]);
      expect(unknown.code).toBe(1);
      expect(unknown.stderr).toContain("Aucun compte");
      const actions = rowsOf<{ action: string }>(
        await db.drizzle.execute(sql`select action from audit_events order by seq`),
      ).map((row) => row.action);
      expect(actions).toEqual(["user.created", "user.password_set", "user.mfa_reset"]);
      expect((await verifyAuditChain(db.drizzle)).breaks).toEqual([]);
    });
  });
}
