// Migrations, demo seed and the production guard, once per database kind.
import { verify } from "@node-rs/argon2";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../src/config/config.ts";
import { rowsOf } from "../src/db/database.ts";
import { assertNoDemoAccounts, DemoAccountsInProductionError } from "../src/db/demoAccounts.ts";
import {
  knownMigrations,
  MigrationChangedError,
  migrate,
  SchemaNewerThanCodeError,
} from "../src/db/migrate.ts";
import { organisations, users } from "../src/db/schema/index.ts";
import { seedDemoData } from "../src/demo/accounts.ts";
import { prepareDatabase } from "../src/server/startup.ts";
import { DATABASE_KINDS, suiteName, type TestDatabase } from "./support/databases.ts";

const PRODUCTION_ENV = {
  NODE_ENV: "production",
  SESSION_SECRET: "s".repeat(48),
  DATA_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64"),
};

const EXPECTED_ACCOUNTS = [
  ["admin@demo.appui.fr", "admin", null],
  ["audit@demo.appui.fr", "auditor", null],
  ["budget@demo.appui.fr", "budget_controller", null],
  ["conseiller.lyon@demo.appui.fr", "counsellor", "Agence de Lyon"],
  ["conseillere.paris@demo.appui.fr", "counsellor", "Agence de Paris"],
  ["manager.paris@demo.appui.fr", "manager", "Agence de Paris"],
  ["partenaire@demo.appui.fr", "partner_worker", "partner"],
];

for (const kind of DATABASE_KINDS) {
  describe.skipIf(kind.skipReason !== undefined)(suiteName(kind, "Database"), () => {
    let database: TestDatabase;

    beforeAll(async () => {
      database = await kind.open();
    });
    afterAll(async () => {
      await database?.dispose();
    });

    const tableNames = async () =>
      rowsOf<{ table_name: string }>(
        await database.db.drizzle.execute(
          sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
        ),
      ).map((row) => row.table_name);

    it("applies every migration to an empty database", async () => {
      const result = await migrate(database.db);
      expect(result.applied).toEqual(knownMigrations().map((migration) => migration.tag));
      expect(await tableNames()).toEqual(
        expect.arrayContaining([
          "organisations",
          "users",
          "rule_parameter_values",
          "appui_schema_migrations",
        ]),
      );
    });

    it("does nothing when run again", async () => {
      const before = await tableNames();
      expect((await migrate(database.db)).applied).toEqual([]);
      expect(await tableNames()).toEqual(before);
    });

    it("generates UUID ids and stores rule parameters with their date", async () => {
      const [row] = rowsOf<{ id: string; applies_from: string }>(
        await database.db.drizzle.execute(
          sql`insert into rule_parameter_values (key, value, applies_from, reason)
              values ('test.ceiling', 150000, '2025-01-01', 'test') returning id, applies_from::text`,
        ),
      );
      expect(row?.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(row?.applies_from).toBe("2025-01-01");
      await database.db.drizzle.execute(sql`delete from rule_parameter_values where key = 'test.ceiling'`);
    });

    it("refuses a migration that was edited after being applied", async () => {
      const edited = knownMigrations().map((migration, index) =>
        index === 0 ? { ...migration, hash: "edited" } : migration,
      );
      await expect(migrate(database.db, edited)).rejects.toBeInstanceOf(MigrationChangedError);
    });

    it("passes the production check while no demo account exists", async () => {
      await expect(assertNoDemoAccounts(database.db)).resolves.toBeUndefined();
      await expect(prepareDatabase(loadConfig(PRODUCTION_ENV), database.db)).resolves.toMatchObject({
        createdDemoAccounts: 0,
      });
    });

    it("seeds the two agencies, the partner and the seven demo accounts, once", async () => {
      expect(await seedDemoData(database.db)).toEqual({ createdAccounts: 7 });
      expect(await seedDemoData(database.db)).toEqual({ createdAccounts: 0 });
      const rows = await database.db.drizzle
        .select({
          email: users.email,
          role: users.role,
          organisation: organisations.name,
          kind: organisations.kind,
        })
        .from(users)
        .leftJoin(organisations, eq(users.organisationId, organisations.id))
        .orderBy(users.email);
      expect(
        rows.map((row) => [row.email, row.role, row.kind === "partner" ? "partner" : row.organisation]),
      ).toEqual(EXPECTED_ACCOUNTS);
      const organisationRows = await database.db.drizzle.select().from(organisations);
      expect(organisationRows).toHaveLength(3);
    });

    it("stores demo passwords as argon2id hashes of appui-demo", async () => {
      const [admin] = await database.db.drizzle
        .select({ passwordHash: users.passwordHash, isDemo: users.isDemo })
        .from(users)
        .where(eq(users.email, "admin@demo.appui.fr"));
      expect(admin?.isDemo).toBe(true);
      expect(admin?.passwordHash).toMatch(/^\$argon2id\$/);
      expect(await verify(admin?.passwordHash ?? "", "appui-demo")).toBe(true);
      expect(await verify(admin?.passwordHash ?? "", "appui-demO")).toBe(false);
    });

    it("rejects an email that is not lowercased", async () => {
      await expect(
        database.db.drizzle.execute(
          sql`insert into users (email, display_name, role, password_hash) values ('Admin2@Exemple.fr', 'x', 'admin', 'x')`,
        ),
      ).rejects.toThrow();
    });

    it("refuses to start in production while demo accounts exist", async () => {
      await expect(assertNoDemoAccounts(database.db)).rejects.toBeInstanceOf(DemoAccountsInProductionError);
      await expect(prepareDatabase(loadConfig(PRODUCTION_ENV), database.db)).rejects.toThrow(
        /compte\(s\) de démonstration/,
      );
    });

    it("refuses a database migrated by a newer version of the code", async () => {
      await database.db.drizzle.execute(
        sql`insert into appui_schema_migrations (tag, hash) values ('9999_from_the_future', 'x')`,
      );
      const refusal = migrate(database.db);
      await expect(refusal).rejects.toBeInstanceOf(SchemaNewerThanCodeError);
      await expect(migrate(database.db)).rejects.toThrow(/plus récent que ce code.*9999_from_the_future/);
    });
  });
}
