// The audit trail on both databases: concurrent appends keep one chain, the trigger refuses changes, and
// `appui audit verify` catches a modified row and a deleted one made behind the application's back.
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { asc, eq, sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordAudit } from "../src/db/audit/append.ts";
import { GENESIS_HASH } from "../src/db/audit/chain.ts";
import { verifyAuditChain } from "../src/db/audit/verify.ts";
import { type Database, openDatabase } from "../src/db/database.ts";
import { findSqlStateError } from "../src/db/errors.ts";
import { migrate } from "../src/db/migrate.ts";
import { auditEvents } from "../src/db/schema/index.ts";
import {
  createPostgresDatabase,
  DATABASE_KINDS,
  POSTGRES_ADMIN_URL,
  suiteName,
  type TestDatabase,
} from "./support/databases.ts";

const APPUI = fileURLToPath(new URL("../bin/appui", import.meta.url));
const run = promisify(execFile);

async function verifyWithCli(env: Record<string, string>, extraArgs: string[] = []) {
  try {
    const { stdout, stderr } = await run(APPUI, ["audit", "verify", ...extraArgs], {
      env: { ...process.env, ...env, LOG_LEVEL: "silent" },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failure = error as { code: number; stdout: string; stderr: string };
    return { code: failure.code, stdout: failure.stdout, stderr: failure.stderr };
  }
}

for (const kind of DATABASE_KINDS) {
  describe.skipIf(kind.skipReason !== undefined)(suiteName(kind, "Audit trail"), () => {
    let database: TestDatabase | undefined;
    let db: Database;
    // PGlite: a data directory, so that the command line (another process) can open it after us.
    const dataDir = mkdtempSync(join(tmpdir(), "appui-audit-"));
    let cliEnv: Record<string, string>;

    const reopen = async () => {
      if (kind.kind === "pglite")
        db = await openDatabase({ kind: "pglite", dataDir: join(dataDir, "pglite") });
    };

    beforeAll(async () => {
      if (kind.kind === "pglite") {
        await reopen();
        cliEnv = { DATA_DIR: dataDir };
      } else {
        database = await kind.open();
        db = database.db;
        cliEnv = { DATABASE_URL: database.url as string };
      }
      await migrate(db);
    });

    afterAll(async () => {
      await db?.close();
      await database?.dispose();
      rmSync(dataDir, { recursive: true, force: true });
    });

    /** Runs the command line with the database released (PGlite allows one process at a time). */
    const cli = async (extraArgs: string[] = []) => {
      if (kind.kind === "pglite") await db.close();
      try {
        return await verifyWithCli(cliEnv, extraArgs);
      } finally {
        await reopen();
      }
    };

    it("chains concurrent appends without forking", async () => {
      await Promise.all(
        Array.from({ length: 30 }, (_, index) =>
          recordAudit(db.drizzle, {
            action: "test.event",
            actorUserId: null,
            targetType: "case",
            targetId: `case-${index}`,
            requestId: `request-${index}`,
            clientAddress: "192.0.2.7",
            details: { index, nested: { b: 2, a: [1, "x", null] } },
          }),
        ),
      );
      const rows = await db.drizzle.select().from(auditEvents).orderBy(asc(auditEvents.seq));
      expect(rows.map((row) => row.seq)).toEqual(Array.from({ length: 30 }, (_, index) => index + 1));
      expect(rows[0]?.prevHash).toBe(GENESIS_HASH);
      for (let index = 1; index < rows.length; index++) {
        expect(rows[index]?.prevHash).toBe(rows[index - 1]?.hash);
      }
      expect(new Set(rows.map((row) => row.hash)).size).toBe(30);
      expect(await verifyAuditChain(db.drizzle)).toEqual({
        count: 30,
        lastSeq: 30,
        lastHash: rows[29]?.hash,
        breaks: [],
      });
    });

    it("joins the caller's transaction: a rolled-back change leaves no audit entry", async () => {
      await expect(
        db.drizzle.transaction(async (tx) => {
          await recordAudit(tx, { action: "test.rolled_back" });
          throw new Error("rollback");
        }),
      ).rejects.toThrow("rollback");
      const [row] = await db.drizzle.select({ count: sql<number>`count(*)::int` }).from(auditEvents);
      expect(row?.count).toBe(30);
    });

    it("refuses UPDATE, DELETE and TRUNCATE of audit rows", async () => {
      for (const statement of [
        sql`update audit_events set action = 'forged' where seq = 3`,
        sql`delete from audit_events where seq = 3`,
        sql`truncate audit_events`,
      ]) {
        const failure = await db.drizzle.execute(statement).then(
          () => undefined,
          (error: unknown) => error,
        );
        expect(findSqlStateError(failure)?.code).toBe("55000");
      }
      expect((await verifyAuditChain(db.drizzle)).breaks).toEqual([]);
    });

    let anchor = "";

    it("appui audit verify says intact (exit 0) and prints the anchor to keep elsewhere", async () => {
      const result = await cli();
      expect(result.stdout).toContain("Journal d'audit intact : 30 événement(s)");
      expect(result.code).toBe(0);
      anchor = /--anchor (30:[0-9a-f]{64})/.exec(result.stdout)?.[1] ?? "";
      const [last] = await db.drizzle.select().from(auditEvents).where(eq(auditEvents.seq, 30));
      expect(anchor).toBe(`30:${last?.hash}`);
      expect((await cli(["--anchor", anchor])).code).toBe(0);
      const malformed = await cli(["--anchor", "30:abc"]);
      expect(malformed.code).toBe(2);
      expect(malformed.stderr).toContain("--anchor attend");
    });

    it("catches a modified row and a deleted row made directly in the database", async () => {
      // A superuser (or the table's owner) can switch the trigger off: the chain still tells.
      await db.drizzle.execute(sql`alter table audit_events disable trigger user`);
      await db.drizzle.execute(
        sql`update audit_events set details = jsonb_set(details, '{index}', '999') where seq = 7`,
      );
      await db.drizzle.execute(sql`delete from audit_events where seq = 19`);
      // Removing the last entry leaves a valid shorter chain: only the anchor kept elsewhere tells.
      await db.drizzle.execute(sql`delete from audit_events where seq = 30`);
      await db.drizzle.execute(sql`alter table audit_events enable trigger user`);

      const report = await verifyAuditChain(db.drizzle);
      expect(report.breaks).toEqual([
        { seq: 7, kind: "hash_mismatch" },
        { seq: 20, kind: "missing_before", expectedSeq: 19 },
      ]);
      const [seq, hash] = anchor.split(":") as [string, string];
      expect((await verifyAuditChain(db.drizzle, [{ seq: Number(seq), hash }])).breaks).toContainEqual({
        seq: 30,
        kind: "anchor_missing",
      });
      const anchored = await cli(["--anchor", anchor]);
      expect(anchored.code).toBe(1);
      expect(anchored.stdout).toContain(
        "événement n° 30 absent alors qu'il a été noté (--anchor) : journal tronqué",
      );

      const result = await cli();
      expect(result.code).toBe(1);
      expect(result.stdout).toContain("Journal d'audit ALTÉRÉ : 2 maillon(s) rompu(s)");
      expect(result.stdout).toContain("événement n° 7 : contenu modifié");
      expect(result.stdout).toContain("n° 19 à 19 manquant(s)");
      expect(result.stdout.trim().split("\n").at(-1)).toBe("Premier maillon rompu : n° 7");
    });

    it("catches a replaced hash: the row and the link after it break", async () => {
      await db.drizzle.execute(sql`alter table audit_events disable trigger user`);
      await db.drizzle.execute(sql`update audit_events set hash = repeat('a', 64) where seq = 25`);
      await db.drizzle.execute(sql`alter table audit_events enable trigger user`);
      const report = await verifyAuditChain(db.drizzle);
      expect(report.breaks).toContainEqual({ seq: 25, kind: "hash_mismatch" });
      expect(report.breaks).toContainEqual({ seq: 26, kind: "prev_hash_mismatch" });
    });
  });
}

const postgres = DATABASE_KINDS.find((kind) => kind.kind === "postgres");

describe.skipIf(postgres?.skipReason !== undefined)(
  "Audit trail privileges on postgres (the SQL of docs/security.md)",
  () => {
    const suffix = randomBytes(4).toString("hex");
    const owner = `appui_test_owner_${suffix}`;
    const app = `appui_test_app_${suffix}`;
    let created: Awaited<ReturnType<typeof createPostgresDatabase>> | undefined;
    const urlAs = (role: string) => {
      const url = new URL(created?.url as string);
      url.username = role;
      url.password = "test-password";
      return url.toString();
    };
    const admin = async (text: string) => {
      const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
      await client.connect();
      try {
        await client.query(text);
      } finally {
        await client.end();
      }
    };

    beforeAll(async () => {
      created = await createPostgresDatabase();
      const name = new URL(created.url).pathname.slice(1);
      for (const role of [owner, app]) await admin(`create role ${role} login password 'test-password'`);
      // Its public schema belongs to pg_database_owner (PostgreSQL 15), i.e. now to the owner role.
      await admin(`alter database ${name} owner to ${owner}`);
    });

    afterAll(async () => {
      await created?.drop();
      for (const role of [owner, app]) await admin(`drop role if exists ${role}`);
    });

    it("lets the application role append to the trail, and nothing else", async () => {
      const ownerDb = await openDatabase({ kind: "postgres", url: urlAs(owner) });
      try {
        await migrate(ownerDb);
        const document = readFileSync(new URL("../docs/security.md", import.meta.url), "utf8");
        const block = /### PostgreSQL privileges[\s\S]*?```sql\n([\s\S]*?)```/.exec(document)?.[1];
        expect(block).toBeDefined();
        const statements = (block as string)
          .replaceAll("appui_owner", owner)
          .replaceAll("appui_app", app)
          .split(";")
          .map((statement) => statement.replace(/--.*$/gm, "").trim())
          .filter((statement) => statement.length > 0);
        for (const statement of statements) await ownerDb.drizzle.execute(sql.raw(statement));
      } finally {
        await ownerDb.close();
      }

      const appDb = await openDatabase({ kind: "postgres", url: urlAs(app) });
      try {
        // The server's start-up migration step runs as this role: nothing to apply, nothing refused.
        expect(await migrate(appDb)).toEqual({ applied: [] });
        await recordAudit(appDb.drizzle, { action: "test.as_application_role" });
        await recordAudit(appDb.drizzle, { action: "test.as_application_role" });
        expect((await verifyAuditChain(appDb.drizzle)).breaks).toEqual([]);
        for (const statement of [
          sql`update audit_events set action = 'forged'`,
          sql`delete from audit_events`,
          sql`truncate audit_events`,
          sql`alter table audit_events disable trigger user`,
        ]) {
          const failure = await appDb.drizzle.execute(statement).then(
            () => undefined,
            (error: unknown) => error,
          );
          expect(findSqlStateError(failure)?.code).toBe("42501");
        }
        // The other tables stay usable.
        await appDb.drizzle.execute(sql`select count(*) from sessions`);
      } finally {
        await appDb.close();
      }
    });
  },
);
