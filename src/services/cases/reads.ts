// Reading cases: the caseload, one case, its timeline, and a partner's referrals (the referral summary
// only). Every read of a person's data is written to the audit trail, without the data.

import type { CaseListQuery } from "../../contracts/cases.ts";
import {
  type CaseloadItem,
  InvalidCursorError,
  listCaseload,
  listReferrals,
  type ReferralItem,
} from "../../db/cases/list.ts";
import { caseTimeline, type TimelineRecord } from "../../db/cases/repository.ts";
import { recordRead } from "../auditing.ts";
import { type Caller, organisationOf } from "../caller.ts";
import type { ServiceContext } from "../context.ts";
import { DomainError } from "../errors.ts";
import { loadCaseInScope } from "./access.ts";
import { caseMessages } from "./messages.fr.ts";
import { type CaseView, caseViewOf } from "./view.ts";

export interface Page<Item> {
  items: Item[];
  nextCursor: string | null;
}

async function withCursor<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof InvalidCursorError) {
      throw DomainError.invalidField("/cursor", "INVALID_CURSOR", caseMessages.invalidCursor);
    }
    throw error;
  }
}

/** The caller's agency's caseload, filtered and searched, newest request first. */
export async function listAgencyCases(
  context: ServiceContext,
  caller: Caller,
  query: CaseListQuery,
): Promise<Page<CaseloadItem>> {
  const organisationId = organisationOf(caller);
  const db = context.db.drizzle;
  const page = await withCursor(() =>
    listCaseload(db, {
      organisationId,
      ...(query.status === undefined ? {} : { statuses: query.status }),
      ...(query.counsellor === undefined
        ? {}
        : { counsellorUserId: query.counsellor === "none" ? null : query.counsellor }),
      ...(query.overdue === undefined ? {} : { overdue: query.overdue }),
      ...(query.nextAppointmentBefore === undefined
        ? {}
        : { nextAppointmentBefore: query.nextAppointmentBefore }),
      ...(query.q === undefined ? {} : { search: query.q }),
      ...(query.cursor === undefined ? {} : { cursor: query.cursor }),
      limit: query.limit,
    }),
  );
  // Names of people are read: the trail says who listed which cases, not what was searched.
  await recordRead(context, caller, {
    action: "cases.listed",
    targetType: "case",
    details: { count: page.items.length, caseIds: page.items.map((item) => item.id) },
  });
  return page;
}

export async function readCase(context: ServiceContext, caller: Caller, caseId: string): Promise<CaseView> {
  const record = await loadCaseInScope(context, caller, caseId);
  await recordRead(context, caller, {
    action: "case.read",
    targetType: "case",
    targetId: record.row.id,
    details: { version: record.row.version },
  });
  return caseViewOf(context, record);
}

export async function readTimeline(
  context: ServiceContext,
  caller: Caller,
  caseId: string,
): Promise<TimelineRecord[]> {
  const record = await loadCaseInScope(context, caller, caseId);
  await recordRead(context, caller, {
    action: "case.timeline_read",
    targetType: "case",
    targetId: record.row.id,
  });
  return caseTimeline(context.db.drizzle, record.row.id);
}

/** The cases referred to the caller's partner organisation: the referral summary, never the diagnosis. */
export async function listPartnerReferrals(
  context: ServiceContext,
  caller: Caller,
  query: { cursor?: string | undefined; limit: number },
): Promise<Page<ReferralItem>> {
  const organisationId = organisationOf(caller);
  const db = context.db.drizzle;
  const page = await withCursor(() =>
    listReferrals(db, {
      partnerOrganisationId: organisationId,
      ...(query.cursor === undefined ? {} : { cursor: query.cursor }),
      limit: query.limit,
    }),
  );
  await recordRead(context, caller, {
    action: "referrals.listed",
    targetType: "case",
    details: { count: page.items.length, caseIds: page.items.map((item) => item.caseId) },
  });
  return page;
}
