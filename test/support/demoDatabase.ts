// The starting point of most HTTP suites: a fresh database of the given kind, migrated and holding the demo
// organisations and accounts; and the extra staff a suite adds to them.
import { hash } from "@node-rs/argon2";
import { eq } from "drizzle-orm";
import type { Role } from "../../src/core/access/index.ts";
import { ARGON2ID_OPTIONS } from "../../src/crypto/passwords.ts";
import type { Database } from "../../src/db/database.ts";
import { migrate } from "../../src/db/migrate.ts";
import { organisations, users } from "../../src/db/schema/index.ts";
import { DEMO_PASSWORD, seedDemoData } from "../../src/demo/accounts.ts";
import type { DatabaseKind, TestDatabase } from "./databases.ts";

export async function openDemoDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  const database = await kind.open();
  await migrate(database.db);
  await seedDemoData(database.db);
  return database;
}

export async function organisationIdNamed(db: Database, name: string): Promise<string> {
  const [row] = await db.drizzle
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.name, name));
  if (row === undefined) throw new Error(`no organisation named ${name}`);
  return row.id;
}

/** A demo account (the demo password signs it in) that the seed does not create. */
export async function addDemoAccount(
  db: Database,
  account: { email: string; role: Role; organisationId: string | null },
): Promise<void> {
  await db.drizzle.insert(users).values({
    email: account.email,
    displayName: "Collègue (test)",
    role: account.role,
    organisationId: account.organisationId,
    passwordHash: await hash(DEMO_PASSWORD, ARGON2ID_OPTIONS),
    isDemo: true,
  });
}
