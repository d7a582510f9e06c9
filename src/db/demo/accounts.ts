// The demo organisations and accounts in the database: who of the demo exists already, and adding what is
// missing. Only the demo seed (src/demo/) calls this; every insert skips what exists, so seeding twice adds
// nothing.
import { inArray } from "drizzle-orm";
import type { Drizzle } from "../database.ts";
import { organisations, users } from "../schema/index.ts";

export type DemoOrganisationRow = typeof organisations.$inferInsert;
export type DemoUserRow = typeof users.$inferInsert;

export type OrganisationRecord = Pick<
  typeof organisations.$inferSelect,
  "id" | "kind" | "name" | "region" | "city"
>;
export type StaffRecord = Pick<typeof users.$inferSelect, "id" | "email" | "role" | "organisationId">;

export async function listOrganisations(db: Drizzle): Promise<OrganisationRecord[]> {
  return db
    .select({
      id: organisations.id,
      kind: organisations.kind,
      name: organisations.name,
      region: organisations.region,
      city: organisations.city,
    })
    .from(organisations);
}

export async function findUsersByEmail(db: Drizzle, emails: readonly string[]): Promise<StaffRecord[]> {
  return db
    .select({ id: users.id, email: users.email, role: users.role, organisationId: users.organisationId })
    .from(users)
    .where(inArray(users.email, [...emails]));
}

/** Adds the organisations whose name is not taken; returns the id of each, by name. */
export async function ensureOrganisations(
  db: Drizzle,
  rows: readonly DemoOrganisationRow[],
): Promise<Map<string, string>> {
  await db
    .insert(organisations)
    .values([...rows])
    .onConflictDoNothing({ target: organisations.name });
  const found = await db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(
      inArray(
        organisations.name,
        rows.map((row) => row.name),
      ),
    );
  return new Map(found.map((row) => [row.name, row.id]));
}

/** Adds the users whose email is not taken; returns how many were added. */
export async function insertMissingUsers(db: Drizzle, rows: readonly DemoUserRow[]): Promise<number> {
  const inserted = await db
    .insert(users)
    .values([...rows])
    .onConflictDoNothing({ target: users.email })
    .returning({ id: users.id });
  return inserted.length;
}
