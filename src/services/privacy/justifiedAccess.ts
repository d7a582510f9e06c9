// Auditors read a case's content only after writing down why (issue 6: "any case content only after
// recording a justification"). A justification opens one case, read only, for one auditor, for
// JUSTIFIED_ACCESS_MINUTES; recording it is audited with its id (never its reason), and so is every read
// made under it. The sensitive topics are never shown.

import type { AccessJustificationRequest } from "../../contracts/privacy.ts";
import { isInScope } from "../../core/access/index.ts";
import { recordAudit } from "../../db/audit/append.ts";
import { type CaseRecord, caseTimeline, findCase, type TimelineRecord } from "../../db/cases/repository.ts";
import { findActiveJustification, insertJustification } from "../../db/privacy/justifications.ts";
import { recordRead } from "../auditing.ts";
import { auditContextOf, type Caller, staffOf } from "../caller.ts";
import { caseNotFound, scopedResource } from "../cases/access.ts";
import { type CaseView, caseViewOf } from "../cases/view.ts";
import type { ServiceContext } from "../context.ts";
import { DomainError } from "../errors.ts";
import { inTransaction } from "../transactions.ts";
import { privacyMessages } from "./messages.fr.ts";

/** Long enough to examine a case, short enough that a new look needs a new reason. */
export const JUSTIFIED_ACCESS_MINUTES = 60;

/** A recorded justification: which case it opens, from when, until when. */
export interface Justification {
  id: string;
  caseId: string;
  grantedAt: Date;
  expiresAt: Date;
}

const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/**
 * The case if it exists and lies within the auditor's scope (national: every case), else 404. Not
 * loadCaseInScope: an auditor may not read a case (cases.read), only read it under a justification.
 */
async function caseForAuditor(context: ServiceContext, caller: Caller, id: string): Promise<CaseRecord> {
  const actor = staffOf(caller);
  // A malformed id is simply no case.
  if (!UUID.test(id)) throw caseNotFound();
  const record = await findCase(context.db.drizzle, id);
  if (record === undefined || !isInScope(actor, "cases.read_justified", scopedResource(record))) {
    throw caseNotFound();
  }
  return record;
}

/** The id of the justification in force for this auditor and case; 403 without one. */
async function justificationInForce(
  context: ServiceContext,
  caller: Caller,
  record: CaseRecord,
): Promise<string> {
  const found = await findActiveJustification(context.db.drizzle, {
    caseId: record.row.id,
    auditorUserId: staffOf(caller).userId,
    now: context.now(),
  });
  if (found === undefined) {
    const { title, detail } = privacyMessages.justificationRequired;
    throw new DomainError("forbidden", "justification_required", title, detail(JUSTIFIED_ACCESS_MINUTES));
  }
  return found.id;
}

/** Records the auditor's justification and its audit entry in one transaction; the case opens to them. */
export async function justifyAccess(
  context: ServiceContext,
  caller: Caller,
  caseId: string,
  input: AccessJustificationRequest,
): Promise<Justification> {
  const record = await caseForAuditor(context, caller, caseId);
  const audit = auditContextOf(caller);
  const grantedAt = context.now();
  const expiresAt = new Date(grantedAt.getTime() + JUSTIFIED_ACCESS_MINUTES * 60_000);
  return inTransaction(context, async (tx) => {
    const stored = await insertJustification(tx, {
      caseId: record.row.id,
      auditorUserId: staffOf(caller).userId,
      reason: input.reason.trim(),
      grantedAt,
      expiresAt,
    });
    await recordAudit(tx, {
      ...audit,
      action: "case.access_justified",
      targetType: "case",
      targetId: record.row.id,
      occurredAt: grantedAt,
      details: {
        justificationId: stored.id,
        caseOrganisationId: record.row.organisationId,
        expiresAt: expiresAt.toISOString(),
      },
    });
    return stored;
  });
}

/** The case, read only, under the justification in force; the read is audited with its id. */
export async function readJustifiedCase(
  context: ServiceContext,
  caller: Caller,
  caseId: string,
): Promise<CaseView> {
  const record = await caseForAuditor(context, caller, caseId);
  const justificationId = await justificationInForce(context, caller, record);
  await recordRead(context, caller, {
    action: "case.read",
    targetType: "case",
    targetId: record.row.id,
    details: { version: record.row.version, justificationId },
  });
  return caseViewOf(context, record);
}

/** The case's timeline under the justification in force; the read is audited with its id. */
export async function readJustifiedTimeline(
  context: ServiceContext,
  caller: Caller,
  caseId: string,
): Promise<TimelineRecord[]> {
  const record = await caseForAuditor(context, caller, caseId);
  const justificationId = await justificationInForce(context, caller, record);
  await recordRead(context, caller, {
    action: "case.timeline_read",
    targetType: "case",
    targetId: record.row.id,
    details: { justificationId },
  });
  return caseTimeline(context.db.drizzle, record.row.id);
}
