// The one way a case changes: in one transaction, the case's row is locked, the version the caller read is
// checked (optimistic concurrency), the change is computed on the case as it is now, its columns are
// written with a version one higher, and its timeline events and audit entry are appended. Either all of
// it lands, or nothing does. The other parts of a case (diagnosis, plan, documents, engagement links)
// change through here too, so that every change moves the ETag and lands on the timeline and in the trail.
import { CASE_ERROR_KINDS, type Case, type CaseError, type CaseEvent } from "../../core/cases/index.ts";
import { recordAudit } from "../../db/audit/append.ts";
import {
  appendCaseEvents,
  type CaseColumns,
  type CaseRow,
  lockCase,
  stateColumns,
  type TimelineEvent,
  timelineEntry,
  updateCase,
} from "../../db/cases/repository.ts";
import type { Drizzle } from "../../db/database.ts";
import { auditContextOf, type Caller } from "../caller.ts";
import type { ServiceContext } from "../context.ts";
import { DomainError } from "../errors.ts";
import { inTransaction } from "../transactions.ts";
import { checkVersion, type ExpectedVersion } from "../versions.ts";
import { caseNotFound } from "./access.ts";
import { caseMessages } from "./messages.fr.ts";

/** What one change does: new column values, timeline events, and the audit entry's action and details. */
export interface CaseChange {
  set?: CaseColumns;
  events: TimelineEvent[];
  audit: { action: string; details?: Record<string, unknown> };
}

/**
 * Computes the change on the case as it is in the transaction; it may write rows of its own with `tx` (a
 * snapshot, a referral) and throws a DomainError to refuse (nothing is then written).
 */
export type ComputeChange = (row: CaseRow, tx: Drizzle) => Promise<CaseChange> | CaseChange;

/**
 * Runs `compute` on the case and stores what it returns. `expected` is the version the caller read; "any"
 * for changes whose precondition is elsewhere (an action's own version, a one-time token).
 */
export async function changeCase(
  context: ServiceContext,
  caller: Caller,
  target: { caseId: string; expected: ExpectedVersion },
  compute: ComputeChange,
): Promise<CaseRow> {
  const audit = auditContextOf(caller);
  return inTransaction(context, async (tx) => {
    const current = await lockCase(tx, target.caseId);
    if (current === undefined) throw caseNotFound();
    checkVersion(target.expected, current.version, caseMessages.stale);
    const change = await compute(current, tx);
    const now = context.now();
    const updated = await updateCase(tx, current, change.set ?? {}, now);
    await appendCaseEvents(tx, current.id, audit.actorUserId ?? null, change.events, now);
    await recordAudit(tx, {
      ...audit,
      action: change.audit.action,
      targetType: "case",
      targetId: current.id,
      details: { ...change.audit.details, version: updated.version },
      occurredAt: now,
    });
    return updated;
  });
}

/** The lifecycle part of a change: the columns and events of a transition the state machine accepted. */
export function lifecycleChange(
  result: { ok: true; state: Case; events: readonly CaseEvent[] } | { ok: false; error: CaseError },
  audit: CaseChange["audit"],
  fieldPath?: (field: string) => string,
): CaseChange {
  if (!result.ok) throw caseRefusal(result.error, fieldPath);
  return { set: stateColumns(result.state), events: result.events.map(timelineEntry), audit };
}

/**
 * A refusal of the state machine: a conflict when the case's state forbids the command (with the clause it
 * rests on), unprocessable when a field is missing or wrong (`fieldPath` turns the command's field into the
 * input's JSON Pointer).
 */
export function caseRefusal(
  error: CaseError,
  fieldPath: (field: string) => string = (field) => `/${field.replaceAll(".", "/")}`,
): DomainError {
  const clause = error.clause === undefined ? {} : { clause: error.clause };
  if (CASE_ERROR_KINDS[error.code] === "conflict") {
    return new DomainError("conflict", error.code, caseMessages.refused.title, error.message, clause);
  }
  return new DomainError("unprocessable", error.code, caseMessages.invalidStep.title, error.message, {
    ...clause,
    errors: [
      {
        path: error.field === undefined ? "/" : fieldPath(error.field),
        code: error.code,
        message: error.message,
      },
    ],
  });
}

/** A field refused as it stands (422), with the step's title. */
export function unprocessableStep(path: string, code: string, message: string): DomainError {
  return new DomainError("unprocessable", code, caseMessages.invalidStep.title, message, {
    errors: [{ path, code, message }],
  });
}
