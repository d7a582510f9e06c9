// Retention on both databases: `appui retention run` anonymises a case closed 6 years ago (identity,
// contact, free texts, diagnosis, notes, documents) and leaves alone one closed a year ago and an open one;
// --dry-run changes nothing; each anonymised case gets one audit event without personal data.
import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../src/config/config.ts";
import { todayInParis } from "../src/core/time/index.ts";
import { verifyAuditChain } from "../src/db/audit/verify.ts";
import { type Database, openDatabase } from "../src/db/database.ts";
import { migrate } from "../src/db/migrate.ts";
import {
  appointments,
  auditEvents,
  caseAccessJustifications,
  caseDocuments,
  caseEvents,
  cases,
  diagnoses,
  eligibilitySnapshots,
  organisations,
  users,
} from "../src/db/schema/index.ts";
import { SYSTEM_CALLER } from "../src/services/caller.ts";
import { createServiceContext } from "../src/services/context.ts";
import { runRetention, yearsBefore } from "../src/services/privacy/retention.ts";
import { runAppui } from "./support/cli.ts";
import { DATABASE_KINDS, suiteName, type TestDatabase } from "./support/databases.ts";
import { insertCase } from "./support/directCases.ts";

const PERSONAL = ["Zoé", "Vasseur", "zoe.vasseur@exemple.fr", "0612345678", "1985-07-14", "mardi matin"];

for (const kind of DATABASE_KINDS) {
  describe.skipIf(kind.skipReason !== undefined)(suiteName(kind, "Retention"), () => {
    let database: TestDatabase | undefined;
    let db: Database;
    const dataDir = mkdtempSync(join(tmpdir(), "appui-retention-"));
    let env: Record<string, string>;
    let old: { id: string; reference: string };
    let recent: { id: string; reference: string };
    let open: { id: string; reference: string };

    const reopen = async () => {
      if (kind.kind === "pglite")
        db = await openDatabase({ kind: "pglite", dataDir: join(dataDir, "pglite") });
    };
    /** The command line, with the embedded database released (one process at a time). */
    const run = async (args: string[], extraEnv: Record<string, string> = {}) => {
      if (kind.kind === "pglite") await db.close();
      try {
        return await runAppui(args, { ...env, ...extraEnv });
      } finally {
        await reopen();
      }
    };

    beforeAll(async () => {
      if (kind.kind === "pglite") {
        await reopen();
        env = { DATA_DIR: dataDir };
      } else {
        database = await kind.open();
        db = database.db;
        env = { DATABASE_URL: database.url as string };
      }
      await migrate(db);
      const [agency] = await db.drizzle
        .insert(organisations)
        .values({ kind: "agency", name: "Agence de Lille", region: "Hauts-de-France", city: "Lille" })
        .returning({ id: organisations.id });
      const [counsellor] = await db.drizzle
        .insert(users)
        .values({
          email: "conseiller.lille@exemple.fr",
          displayName: "Conseiller Lille",
          role: "counsellor",
          organisationId: agency?.id as string,
          passwordHash: "x",
        })
        .returning({ id: users.id });
      const [auditor] = await db.drizzle
        .insert(users)
        .values({ email: "auditeur@exemple.fr", displayName: "Auditeur", role: "auditor", passwordHash: "x" })
        .returning({ id: users.id });
      const today = todayInParis();
      const person = (closedOn: string | undefined) => ({
        organisationId: agency?.id as string,
        firstName: "Zoé",
        lastName: "Vasseur",
        birthDate: "1985-07-14",
        email: "zoe.vasseur@exemple.fr",
        phone: "0612345678",
        situationSummary: "v1.chiffré",
        ...(closedOn === undefined ? {} : { closedOn }),
      });
      old = await insertCase(db, person(yearsBefore(today, 6)));
      recent = await insertCase(db, person(yearsBefore(today, 1)));
      open = await insertCase(db, person(undefined));
      for (const { id } of [old, recent]) {
        await db.drizzle
          .update(cases)
          .set({ decision: { kind: "redirected", on: "2020-01-10", motive: "Mme Vasseur relève du CCAS" } })
          .where(eq(cases.id, id));
        await db.drizzle.insert(caseEvents).values({
          caseId: id,
          seq: 1,
          type: "decision_taken",
          data: {
            type: "decision_taken",
            decision: { kind: "redirected" },
            motive: "Mme Vasseur relève du CCAS",
          },
        });
        await db.drizzle.insert(eligibilitySnapshots).values({
          caseId: id,
          directive: "PP_SERV_ASD_2_DIR",
          facts: { monthlyIncomeCents: 123_400 },
          outcome: "eligible",
          reasons: [],
          missing: [],
          parameters: {},
          engineVersion: "test",
          assessedOn: "2020-01-05",
        });
        await db.drizzle.insert(diagnoses).values({
          caseId: id,
          data: { household: { adults: 1, children: 2 } },
          sensitive: "v1.abcd.chiffré",
          diagnosedOn: "2020-01-20",
        });
        await db.drizzle
          .insert(appointments)
          .values({ caseId: id, at: new Date("2020-02-01T09:00:00Z"), channel: "visit", notes: "v1.notes" });
        await db.drizzle.insert(caseAccessJustifications).values({
          caseId: id,
          auditorUserId: auditor?.id as string,
          reason: "Réclamation de Mme Vasseur auprès de la CNIL",
          grantedAt: new Date("2020-03-01T10:00:00Z"),
          expiresAt: new Date("2020-03-01T11:00:00Z"),
        });
        const content = Buffer.from("%PDF-1.4 bulletin de salaire de Zoé Vasseur");
        await db.drizzle.insert(caseDocuments).values({
          caseId: id,
          kind: "attachment",
          originalName: "bulletin-vasseur.pdf",
          mediaType: "application/pdf",
          sizeBytes: content.length,
          sha256: createHash("sha256").update(content).digest("hex"),
          content,
          uploadedByUserId: counsellor?.id as string,
        });
      }
    });

    afterAll(async () => {
      if (kind.kind === "pglite") await db.close();
      await database?.dispose();
      rmSync(dataDir, { recursive: true, force: true });
    });

    const caseRow = async (id: string) => (await db.drizzle.select().from(cases).where(eq(cases.id, id)))[0];

    it("counts without changing anything with --dry-run", async () => {
      const dry = await run(["retention", "run", "--dry-run"]);
      expect(dry.stderr).toBe("");
      expect(dry.code).toBe(0);
      expect(dry.stdout).toContain("(5 ans) non encore anonymisés : 1.");
      expect(dry.stdout).toContain("rien n'a été modifié");
      expect((await caseRow(old.id))?.personLastName).toBe("Vasseur");
      expect(
        await db.drizzle.select().from(auditEvents).where(eq(auditEvents.action, "case.anonymised")),
      ).toEqual([]);
    });

    it("anonymises the case closed 6 years ago, and only it; one audit event without personal data", async () => {
      const result = await run(["retention", "run"]);
      expect(result.stderr).toBe("");
      expect(result.code).toBe(0);
      expect(result.stdout).toContain("Dossiers anonymisés : 1.");
      expect(result.stdout).toContain("case_documents : 1 ligne(s)");
      for (const value of PERSONAL) expect(result.stdout).not.toContain(value);

      const anonymised = await caseRow(old.id);
      expect(anonymised).toMatchObject({
        personFirstName: "Anonyme",
        personLastName: "Anonyme",
        personBirthDate: null,
        personEmail: null,
        personPhone: null,
        personPostcode: null,
        preferredTimes: null,
        situationSummary: null,
        status: "closed",
        decision: { kind: "redirected", on: "2020-01-10" },
        version: 2,
      });
      expect(anonymised?.decision).not.toHaveProperty("motive");
      const [event] = await db.drizzle.select().from(caseEvents).where(eq(caseEvents.caseId, old.id));
      expect(event?.data).toEqual({ type: "decision_taken", decision: { kind: "redirected" } });
      const [snapshot] = await db.drizzle
        .select()
        .from(eligibilitySnapshots)
        .where(eq(eligibilitySnapshots.caseId, old.id));
      expect(snapshot).toMatchObject({ facts: {}, outcome: "eligible" });
      const [diagnosis] = await db.drizzle.select().from(diagnoses).where(eq(diagnoses.caseId, old.id));
      expect(diagnosis).toMatchObject({ data: {}, sensitive: null });
      const [appointment] = await db.drizzle
        .select()
        .from(appointments)
        .where(eq(appointments.caseId, old.id));
      expect(appointment).toMatchObject({ notes: null, channel: "visit" });
      expect(await db.drizzle.select().from(caseDocuments).where(eq(caseDocuments.caseId, old.id))).toEqual(
        [],
      );

      // The case closed a year ago and the open one keep everything.
      for (const { id } of [recent, open]) {
        expect(await caseRow(id)).toMatchObject({
          personLastName: "Vasseur",
          personEmail: "zoe.vasseur@exemple.fr",
        });
      }
      expect(
        await db.drizzle.select().from(caseDocuments).where(eq(caseDocuments.caseId, recent.id)),
      ).toHaveLength(1);
      const [recentDiagnosis] = await db.drizzle
        .select()
        .from(diagnoses)
        .where(eq(diagnoses.caseId, recent.id));
      expect(recentDiagnosis?.sensitive).toBe("v1.abcd.chiffré");

      const trail = await db.drizzle
        .select()
        .from(auditEvents)
        .where(eq(auditEvents.action, "case.anonymised"));
      expect(trail).toHaveLength(1);
      expect(trail[0]).toMatchObject({
        targetType: "case",
        targetId: old.id,
        details: {
          via: "retention",
          retentionYears: 5,
          replaced: { cases: 1, diagnoses: 1, case_documents: 1 },
        },
      });
      const text = JSON.stringify(trail);
      for (const value of [...PERSONAL, "CCAS", "bulletin"]) expect(text).not.toContain(value);
      expect((await verifyAuditChain(db.drizzle)).breaks).toEqual([]);
    });

    it("does nothing more on the next run, and follows RETENTION_YEARS", async () => {
      const context = createServiceContext({ ...loadConfig({ LOG_LEVEL: "silent" }), retentionYears: 5 }, db);
      const again = await runRetention(context, SYSTEM_CALLER, { dryRun: false });
      expect(again).toMatchObject({ due: 0, anonymised: 0 });
      const shorter = await run(["retention", "run", "--dry-run"], { RETENTION_YEARS: "1" });
      expect(shorter.stdout).toContain("(1 ans) non encore anonymisés : 1.");
      const invalid = await run(["retention", "run"], { RETENTION_YEARS: "0" });
      expect(invalid.code).toBe(1);
      expect(invalid.stderr).toContain("RETENTION_YEARS");
      expect((await caseRow(recent.id))?.personLastName).toBe("Vasseur");
    });
  });
}
