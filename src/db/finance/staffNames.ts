// Names of the staff who proposed, decided or recorded something, for the answers that show them: one query
// for a whole list, so a year's aids do not cost one query per row.
import { inArray } from "drizzle-orm";
import type { Drizzle } from "../database.ts";
import { users } from "../schema/index.ts";

/** Display names by user id; an id whose account is gone is simply absent. */
export async function staffNames(db: Drizzle, ids: readonly (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .where(inArray(users.id, wanted));
  return new Map(rows.map((row) => [row.id, row.displayName]));
}
