// The auditors' reading of the trail: a search (newest first, one page) and an export (oldest first,
// streamed). Reading the trail is itself traced; the filters are ids and dates, never personal data.

import { type AuditActor, auditActorsOf } from "../../db/audit/actors.ts";
import type { AuditEvent } from "../../db/audit/append.ts";
import { type AuditSearch, searchAuditEvents, streamAuditEvents } from "../../db/audit/search.ts";
import { caseIdsOfPerson } from "../../db/cases/personCases.ts";
import { recordRead } from "../auditing.ts";
import type { Caller } from "../caller.ts";
import type { ServiceContext } from "../context.ts";
import { DomainError } from "../errors.ts";
import { auditServiceMessages } from "./messages.fr.ts";

export type { AuditActor, AuditEvent };

/** The filters an auditor may combine; `person` is a case reference, standing for all that person's cases. */
export interface AuditFilters {
  actor?: string | undefined;
  target?: string | undefined;
  case?: string | undefined;
  person?: string | undefined;
  action?: string | undefined;
  /** ISO 8601 date-times, both included. */
  from?: string | undefined;
  to?: string | undefined;
}

export interface AuditSearchQuery extends AuditFilters {
  /** Only entries numbered below this one (the previous page's `nextCursor`). */
  before?: number | undefined;
  limit: number;
}

/** A found entry, with its author as known today (not part of the hashed entry). */
export interface FoundAuditEvent extends AuditEvent {
  actor: AuditActor | null;
}

export interface AuditPage {
  items: FoundAuditEvent[];
  nextCursor: number | null;
}

/** The filters as search conditions; a person's reference becomes the ids of their cases (404 if none). */
async function searchOf(
  context: ServiceContext,
  filters: AuditFilters,
): Promise<Omit<AuditSearch, "before" | "limit">> {
  let caseIds: string[] | undefined;
  if (filters.person !== undefined) {
    caseIds = await caseIdsOfPerson(context.db.drizzle, filters.person);
    if (caseIds === undefined) {
      const { title, detail } = auditServiceMessages.referenceUnknown;
      throw new DomainError("not_found", "case_reference_unknown", title, detail);
    }
  }
  if (filters.case !== undefined) {
    const caseId = filters.case;
    caseIds = caseIds === undefined ? [caseId] : caseIds.filter((id) => id === caseId);
  }
  return {
    ...(filters.actor === undefined ? {} : { actor: filters.actor }),
    ...(filters.target === undefined ? {} : { target: filters.target }),
    ...(filters.action === undefined ? {} : { action: filters.action }),
    ...(caseIds === undefined ? {} : { caseIds }),
    ...(filters.from === undefined ? {} : { from: new Date(filters.from) }),
    ...(filters.to === undefined ? {} : { to: new Date(filters.to) }),
  };
}

/** One page of matching entries, newest first, each with its author as known today. */
export async function searchAuditTrail(
  context: ServiceContext,
  caller: Caller,
  query: AuditSearchQuery,
): Promise<AuditPage> {
  const db = context.db.drizzle;
  const page = await searchAuditEvents(db, {
    ...(await searchOf(context, query)),
    ...(query.before === undefined ? {} : { before: query.before }),
    limit: query.limit,
  });
  await recordRead(context, caller, {
    action: "audit.search",
    details: { filters: { ...query }, returned: page.items.length },
  });
  const actors = await auditActorsOf(
    db,
    page.items.flatMap((event) => (event.actorUserId === null ? [] : [event.actorUserId])),
  );
  return {
    items: page.items.map((event) => ({
      ...event,
      actor: event.actorUserId === null ? null : (actors.get(event.actorUserId) ?? null),
    })),
    nextCursor: page.nextCursor,
  };
}

/**
 * Every matching entry, oldest first, read in batches as the caller consumes them. The export is recorded
 * before it starts: it is in the trail even if the download is interrupted.
 */
export async function exportAuditTrail(
  context: ServiceContext,
  caller: Caller,
  filters: AuditFilters,
): Promise<AsyncGenerator<AuditEvent>> {
  const search = await searchOf(context, filters);
  await recordRead(context, caller, {
    action: "audit.export",
    details: { filters: { ...filters } },
  });
  return streamAuditEvents(context.db.drizzle, search);
}
