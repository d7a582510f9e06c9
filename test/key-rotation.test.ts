// Rotating the data encryption key: a situation summary stored under key A still reads back after a restart
// with key B as current and A listed in DATA_ENCRYPTION_KEYS_PREVIOUS; without A, the read fails with a
// French problem and a log line naming the missing key id, never the summary; after `appui keys rotate`,
// A is no longer needed. The same holds for case documents, and a file stored in clear before files were
// encrypted is encrypted by the rotation. Real server, real command line, both databases.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { todayInParis } from "../src/core/time/index.ts";
import { encryptBytes, keyId } from "../src/crypto/secretBox.ts";
import { type Database, openDatabase } from "../src/db/database.ts";
import { migrate } from "../src/db/migrate.ts";
import { caseDocuments, cases, users } from "../src/db/schema/index.ts";
import { seedDemoData } from "../src/demo/accounts.ts";
import { call, DEMO_USERS, signIn } from "./support/caseApi.ts";
import { DATABASE_KINDS, suiteName, type TestDatabase } from "./support/databases.ts";
import { capturingLogger, type RunningServer, startServer } from "./support/server.ts";

const KEY_A = Buffer.alloc(32, 21).toString("base64");
const KEY_B = Buffer.alloc(32, 22).toString("base64");
const SUMMARY = "Hospitalisée deux mois en psychiatrie, loyer impayé depuis, bailleur Paris Habitat.";
const OTHER_SUMMARY = "Séparation récente, violences signalées, hébergée chez sa mère.";
const SCAN = Buffer.from("%PDF-1.4 certificat médical de Mme Marchetti, arrêt de travail de trois mois");
const OLD_SCAN = Buffer.from("%PDF-1.4 jugement de séparation, stocké avant le chiffrement des pièces");
const APPUI = fileURLToPath(new URL("../bin/appui", import.meta.url));

function appui(args: string[], env: Record<string, string>) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(APPUI, args, { env: { ...process.env, ...env, LOG_LEVEL: "silent" } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
    });
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

for (const kind of DATABASE_KINDS) {
  describe.skipIf(kind.skipReason !== undefined)(suiteName(kind, "Data encryption key rotation"), () => {
    let database: TestDatabase | undefined;
    let db: Database;
    let server: RunningServer | undefined;
    let caseId = "";
    let otherCaseId = "";
    const scanId = crypto.randomUUID();
    const oldScanId = crypto.randomUUID();
    const dataDir = mkdtempSync(join(tmpdir(), "appui-keys-"));
    let dbEnv: Record<string, string>;
    const openPglite = async () => {
      db = await openDatabase({ kind: "pglite", dataDir: join(dataDir, "pglite") });
    };

    async function restart(env: Record<string, string>, logLines: string[] = []): Promise<RunningServer> {
      await server?.close();
      server = await startServer(db, { env, logger: capturingLogger(logLines) });
      return server;
    }

    /** The command line, with the server stopped and the embedded database released (one process at a time). */
    async function run(args: string[], env: Record<string, string>) {
      await server?.close();
      server = undefined;
      if (kind.kind === "pglite") await db.close();
      try {
        return await appui(args, { ...dbEnv, ...env });
      } finally {
        if (kind.kind === "pglite") await openPglite();
      }
    }

    async function readCase(running: RunningServer) {
      const session = await signIn(running.url, DEMO_USERS.parisCounsellor);
      return call<{ situationSummary?: string; code?: string; detail?: string }>(
        running.url,
        "GET",
        `/api/v1/cases/${caseId}`,
        { session },
      );
    }

    beforeAll(async () => {
      if (kind.kind === "pglite") {
        await openPglite();
        dbEnv = { DATA_DIR: dataDir };
      } else {
        database = await kind.open();
        db = database.db;
        dbEnv = { DATABASE_URL: database.url as string };
      }
      await migrate(db);
      await seedDemoData(db);
      const withA = await restart({ DATA_ENCRYPTION_KEY: KEY_A });
      const session = await signIn(withA.url, DEMO_USERS.parisCounsellor);
      const created = await call<{ id: string }>(withA.url, "POST", "/api/v1/cases", {
        session,
        body: {
          person: { firstName: "Odile", lastName: "Marchetti", phone: "0611223344" },
          situationSummary: SUMMARY,
          channel: "phone",
          requestedOn: todayInParis(),
          consent: { processing: true, noticeVersion: "2025-11" },
        },
      });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      caseId = created.body.id;
      const other = await call<{ id: string }>(withA.url, "POST", "/api/v1/cases", {
        session,
        body: {
          person: { firstName: "Inès", lastName: "Ferrandi", phone: "0622334455" },
          situationSummary: OTHER_SUMMARY,
          channel: "phone",
          requestedOn: todayInParis(),
          consent: { processing: true, noticeVersion: "2025-11" },
        },
      });
      expect(other.status, JSON.stringify(other.body)).toBe(201);
      otherCaseId = other.body.id;
      // Files as the server stores them: one sealed under key A, one written in clear by an earlier version.
      const [counsellor] = await db.drizzle
        .select({ id: users.id })
        .from(users)
        .where(eq(users.email, DEMO_USERS.parisCounsellor));
      const file = (id: string, content: Buffer) => ({
        id,
        caseId,
        kind: "attachment" as const,
        originalName: "scan.pdf",
        mediaType: "application/pdf" as const,
        sizeBytes: content.length,
        sha256: createHash("sha256").update(content).digest("hex"),
        uploadedByUserId: counsellor?.id ?? "",
      });
      const sealed = encryptBytes(Buffer.from(KEY_A, "base64"), SCAN, `case_document:${scanId}`);
      await db.drizzle.insert(caseDocuments).values([
        { ...file(scanId, SCAN), content: sealed.sealed, contentKeyId: sealed.keyId },
        { ...file(oldScanId, OLD_SCAN), content: OLD_SCAN, contentKeyId: null },
      ]);
    }, 240_000);

    afterAll(async () => {
      await server?.close();
      if (kind.kind === "pglite") await db.close();
      await database?.dispose();
      rmSync(dataDir, { recursive: true, force: true });
    });

    const storedSummary = async (id: string) =>
      (await db.drizzle.select({ summary: cases.situationSummary }).from(cases).where(eq(cases.id, id)))[0]
        ?.summary;

    it("stores the summary encrypted under key A", async () => {
      const stored = await storedSummary(caseId);
      expect(stored).not.toContain("psychiatrie");
      expect(stored?.split(".")[1]).toBe(keyId(Buffer.from(KEY_A, "base64")));
    });

    it("reads it back after a restart with key B as current and A as previous", async () => {
      const rotated = await restart({ DATA_ENCRYPTION_KEY: KEY_B, DATA_ENCRYPTION_KEYS_PREVIOUS: KEY_A });
      const read = await readCase(rotated);
      expect(read.status).toBe(200);
      expect(read.body.situationSummary).toBe(SUMMARY);
    });

    it("answers a French problem and logs the missing key id, not the summary, once A is dropped", async () => {
      const logLines: string[] = [];
      const withoutA = await restart({ DATA_ENCRYPTION_KEY: KEY_B }, logLines);
      const read = await readCase(withoutA);
      expect(read.status).toBe(500);
      expect(read.contentType).toMatch(/^application\/problem\+json/);
      expect(read.body.code).toBe("encrypted_data_unreadable");
      expect(read.body.detail).toContain("ne peut pas être déchiffrée");
      expect(JSON.stringify(read.body)).not.toContain("psychiatrie");
      const logs = logLines.join("");
      expect(logs).toContain(keyId(Buffer.from(KEY_A, "base64")));
      expect(logs).toContain("unknown_key");
      expect(logs).not.toContain("psychiatrie");
      expect(logs).not.toContain("Marchetti");
    });

    // Two runs of the command line, each opening the database, then a restart: slow on a busy machine.
    it("re-encrypts everything under key B with `appui keys rotate`, after which A is no longer needed", async () => {
      const rotated = await run(["keys", "rotate", "--batch-size", "1"], {
        DATA_ENCRYPTION_KEY: KEY_B,
        DATA_ENCRYPTION_KEYS_PREVIOUS: KEY_A,
      });
      expect(rotated.stderr).toBe("");
      expect(rotated.code).toBe(0);
      expect(rotated.stdout).toContain("cases.situation_summary : 2");
      expect(rotated.stdout).toContain("case_documents.content : 2");
      expect(rotated.stdout).not.toContain("psychiatrie");
      for (const id of [caseId, otherCaseId]) {
        expect((await storedSummary(id))?.split(".")[1]).toBe(keyId(Buffer.from(KEY_B, "base64")));
      }
      // Run again: nothing left under A.
      const again = await run(["keys", "rotate"], { DATA_ENCRYPTION_KEY: KEY_B });
      expect(again.code).toBe(0);
      expect(again.stdout).toContain("cases.situation_summary : 0");
      expect(again.stdout).toContain("case_documents.content : 0");
      const files = await db.drizzle
        .select({ id: caseDocuments.id, content: caseDocuments.content, keyId: caseDocuments.contentKeyId })
        .from(caseDocuments)
        .where(eq(caseDocuments.caseId, caseId));
      expect(files.map((stored) => stored.keyId)).toEqual([
        keyId(Buffer.from(KEY_B, "base64")),
        keyId(Buffer.from(KEY_B, "base64")),
      ]);
      for (const stored of files)
        expect(Buffer.from(stored.content).includes(Buffer.from("Marchetti"))).toBe(false);
      for (const stored of files)
        expect(Buffer.from(stored.content).includes(Buffer.from("jugement"))).toBe(false);

      const withoutA = await restart({ DATA_ENCRYPTION_KEY: KEY_B });
      const read = await readCase(withoutA);
      expect(read.status).toBe(200);
      expect(read.body.situationSummary).toBe(SUMMARY);
      const session = await signIn(withoutA.url, DEMO_USERS.parisCounsellor);
      for (const [id, content] of [
        [scanId, SCAN],
        [oldScanId, OLD_SCAN],
      ] as const) {
        const download = await fetch(`${withoutA.url}/api/v1/cases/${caseId}/documents/${id}`, {
          headers: { cookie: session.cookie },
        });
        expect(download.status).toBe(200);
        expect(Buffer.from(await download.arrayBuffer()).equals(content)).toBe(true);
      }
    }, 180_000);
  });
}
