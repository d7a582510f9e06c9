// Rotating the data encryption key: a situation summary stored under key A still reads back after a restart
// with key B as current and A listed in DATA_ENCRYPTION_KEYS_PREVIOUS; without A, the read fails with a
// French problem and a log line naming the missing key id, never the summary. Real server, both databases.
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate } from "../src/db/migrate.ts";
import { todayInParis } from "../src/db/ruleParameters.ts";
import { cases } from "../src/db/schema.ts";
import { seedDemoData } from "../src/db/seed.ts";
import { keyId } from "../src/server/auth/secretBox.ts";
import { call, DEMO_USERS, signIn } from "./support/caseApi.ts";
import { DATABASE_KINDS, suiteName, type TestDatabase } from "./support/databases.ts";
import { capturingLogger, type RunningServer, startServer } from "./support/server.ts";

const KEY_A = Buffer.alloc(32, 21).toString("base64");
const KEY_B = Buffer.alloc(32, 22).toString("base64");
const SUMMARY = "Hospitalisée deux mois en psychiatrie, loyer impayé depuis, bailleur Paris Habitat.";

for (const kind of DATABASE_KINDS) {
  describe.skipIf(kind.skipReason !== undefined)(suiteName(kind, "Data encryption key rotation"), () => {
    let database: TestDatabase;
    let server: RunningServer | undefined;
    let caseId = "";

    async function restart(env: Record<string, string>, logLines: string[] = []): Promise<RunningServer> {
      await server?.close();
      server = await startServer(database.db, { env, logger: capturingLogger(logLines) });
      return server;
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
      database = await kind.open();
      await migrate(database.db);
      await seedDemoData(database.db);
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
    }, 240_000);

    afterAll(async () => {
      await server?.close();
      await database?.dispose();
    });

    it("stores the summary encrypted under key A", async () => {
      const [row] = await database.db.drizzle
        .select({ summary: cases.situationSummary })
        .from(cases)
        .where(eq(cases.id, caseId));
      expect(row?.summary).not.toContain("psychiatrie");
      expect(row?.summary?.split(".")[1]).toBe(keyId(Buffer.from(KEY_A, "base64")));
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
  });
}
