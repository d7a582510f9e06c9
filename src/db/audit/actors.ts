// Who the authors of audit entries are, for the auditors' search: the trail itself stores only the author's
// id and role (so that its hash chain never depends on a name that changes), the name is read at search time.
import { inArray } from "drizzle-orm";
import type { Drizzle } from "../database.ts";
import { users } from "../schema/index.ts";

/** An author as the auditor reads it: a deactivated or removed account shows no name. */
export type AuditActor =
  | { account: "active"; displayName: string; role: string }
  | { account: "deactivated"; displayName: null; role: string }
  | { account: "deleted"; displayName: null; role: null };

/** The authors of these ids, by id; an id with no account left maps to "deleted". */
export async function auditActorsOf(db: Drizzle, ids: readonly string[]): Promise<Map<string, AuditActor>> {
  const unique = [...new Set(ids)];
  const actors = new Map<string, AuditActor>(
    unique.map((id) => [id, { account: "deleted", displayName: null, role: null }]),
  );
  if (unique.length === 0) return actors;
  const rows = await db
    .select({
      id: users.id,
      displayName: users.displayName,
      role: users.role,
      deactivatedAt: users.deactivatedAt,
    })
    .from(users)
    .where(inArray(users.id, unique));
  for (const row of rows) {
    actors.set(
      row.id,
      row.deactivatedAt === null
        ? { account: "active", displayName: row.displayName, role: row.role }
        : { account: "deactivated", displayName: null, role: row.role },
    );
  }
  return actors;
}
