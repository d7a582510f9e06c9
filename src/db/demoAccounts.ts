// The production guard against demo accounts, whose password is public: flagged as demo, or on the demo
// domain.
import { or, sql } from "drizzle-orm";
import { DEMO_EMAIL_DOMAIN } from "../core/access/index.ts";
import type { Database } from "./database.ts";
import { databaseMessages } from "./messages.fr.ts";
import { users } from "./schema/index.ts";

/** Demo accounts (flagged, or on the demo domain) present in the database. */
export async function countDemoAccounts(db: Database): Promise<number> {
  const [row] = await db.drizzle
    .select({ count: sql<number>`count(*)::int` })
    .from(users)
    .where(or(sql`${users.isDemo}`, sql`${users.email} like ${`%@${DEMO_EMAIL_DOMAIN}`}`));
  return row?.count ?? 0;
}

export class DemoAccountsInProductionError extends Error {
  constructor(readonly count: number) {
    super(databaseMessages.demoAccountsInProduction(count));
    this.name = "DemoAccountsInProductionError";
  }
}

/** Production must never run with demo accounts, whose password is public. */
export async function assertNoDemoAccounts(db: Database): Promise<void> {
  const count = await countDemoAccounts(db);
  if (count > 0) throw new DemoAccountsInProductionError(count);
}
