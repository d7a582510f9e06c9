// The auditors' search of the trail (newest first, keyset pages) and its export (oldest first, streamed).
import { and, asc, desc, eq, gt, gte, inArray, lt, lte, or, type SQL, sql } from "drizzle-orm";
import type { Drizzle } from "../database.ts";
import { auditEvents } from "../schema/index.ts";
import type { AuditEvent } from "./append.ts";
import { AUDIT_BATCH } from "./verify.ts";

export interface AuditSearch {
  actor?: string;
  target?: string;
  /** Events about any of these cases: their target, or a list read naming them (`details.caseIds`). */
  caseIds?: readonly string[];
  action?: string;
  from?: Date;
  to?: Date;
  /** Only entries with a seq below this one (the previous page's `nextCursor`). */
  before?: number;
  limit: number;
}

/** The filters of a search or an export, as SQL conditions (all parameterised). */
function searchConditions(search: Omit<AuditSearch, "before" | "limit">): SQL[] {
  const conditions: SQL[] = [];
  if (search.actor !== undefined) conditions.push(eq(auditEvents.actorUserId, search.actor));
  if (search.target !== undefined) conditions.push(eq(auditEvents.targetId, search.target));
  if (search.action !== undefined) conditions.push(eq(auditEvents.action, search.action));
  if (search.from !== undefined) conditions.push(gte(auditEvents.occurredAt, search.from));
  if (search.to !== undefined) conditions.push(lte(auditEvents.occurredAt, search.to));
  if (search.caseIds !== undefined) {
    const ids = [...search.caseIds];
    conditions.push(
      ids.length === 0
        ? sql`false`
        : (or(
            inArray(auditEvents.targetId, ids),
            ...ids.map((id) => sql`${auditEvents.details} -> 'caseIds' @> ${JSON.stringify([id])}::jsonb`),
          ) as SQL),
    );
  }
  return conditions;
}

/** Newest first, keyset-paginated on seq. */
export async function searchAuditEvents(
  db: Drizzle,
  search: AuditSearch,
): Promise<{ items: AuditEvent[]; nextCursor: number | null }> {
  const conditions = searchConditions(search);
  if (search.before !== undefined) conditions.push(lt(auditEvents.seq, search.before));
  const rows = await db
    .select()
    .from(auditEvents)
    .where(and(...conditions))
    .orderBy(desc(auditEvents.seq))
    .limit(search.limit + 1);
  const items = rows.slice(0, search.limit);
  const hasMore = rows.length > search.limit;
  return { items, nextCursor: hasMore ? (items.at(-1)?.seq ?? null) : null };
}

/** Every entry matching the filters, oldest first, read in batches: for exports of any size. */
export async function* streamAuditEvents(
  db: Drizzle,
  search: Omit<AuditSearch, "before" | "limit">,
): AsyncGenerator<AuditEvent> {
  const conditions = searchConditions(search);
  let after = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditEvents)
      .where(and(gt(auditEvents.seq, after), ...conditions))
      .orderBy(asc(auditEvents.seq))
      .limit(AUDIT_BATCH);
    yield* rows;
    const last = rows.at(-1);
    if (last === undefined || rows.length < AUDIT_BATCH) return;
    after = last.seq;
  }
}
