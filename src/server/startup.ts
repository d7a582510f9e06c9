// Startup steps shared by `npm start` and `appui db migrate`: open, migrate, then seed (demo) or check (production).
import type { Config } from "../config/config.ts";
import { type Database, openDatabase } from "../db/database.ts";
import { assertNoDemoAccounts } from "../db/demoAccounts.ts";
import { migrate } from "../db/migrate.ts";
import { seedDemoData } from "../demo/accounts.ts";
import { seedDemoCases } from "../demo/cases.ts";
import { seedDemoFinance } from "../demo/finance.ts";
import { createServiceContext } from "../services/context.ts";

export interface PreparedDatabase {
  db: Database;
  appliedMigrations: string[];
  createdDemoAccounts: number;
}

/** Migrates, then seeds demo data in demo mode, or refuses production while demo accounts exist. */
export async function prepareDatabase(config: Config, db: Database): Promise<Omit<PreparedDatabase, "db">> {
  const { applied } = await migrate(db);
  if (!config.demoMode) {
    await assertNoDemoAccounts(db);
    return { appliedMigrations: applied, createdDemoAccounts: 0 };
  }
  const { createdAccounts } = await seedDemoData(db);
  const context = createServiceContext(config, db);
  await seedDemoCases(context);
  // After the cases: the demo aids are proposed on the demo 2025-directive cases.
  await seedDemoFinance(context);
  return { appliedMigrations: applied, createdDemoAccounts: createdAccounts };
}

export async function openPreparedDatabase(config: Config): Promise<PreparedDatabase> {
  const db = await openDatabase(config.database);
  try {
    return { db, ...(await prepareDatabase(config, db)) };
  } catch (error) {
    await db.close();
    throw error;
  }
}
