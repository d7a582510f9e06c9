// The refusals that the rules of a case's content share: the diagnosis core's errors, and the stages of the
// case at which its content may change.
import { CASE_STATUS_LABELS, type CaseStatus } from "../../core/cases/index.ts";
import { DIAGNOSIS_ERROR_KINDS, type DiagnosisError } from "../../core/diagnosis/index.ts";
import type { CaseRow } from "../../db/cases/repository.ts";
import { DomainError } from "../errors.ts";
import { contentMessages } from "./messages.fr.ts";

/**
 * The diagnosis core's refusal: a conflict when one is about the state of the thing changed (with the clause
 * it rests on), else an invalid input naming each field at fault.
 */
export function contentRefusal(errors: readonly DiagnosisError[]): DomainError {
  const conflict = errors.find((error) => DIAGNOSIS_ERROR_KINDS[error.code] === "conflict");
  if (conflict === undefined) {
    return DomainError.invalid(
      errors.map((error) => ({ path: error.path, code: error.code, message: error.message })),
    );
  }
  return new DomainError("conflict", conflict.code, contentMessages.actionConflict.title, conflict.message, {
    ...(conflict.clause === undefined ? {} : { clause: conflict.clause }),
    errors: [{ path: conflict.path, code: conflict.code, message: conflict.message }],
  });
}

/** From the start of the diagnosis to the follow-up: the diagnosis and the plan may be completed meanwhile. */
const CONTENT_OPEN: readonly CaseStatus[] = ["diagnosis", "action_plan", "engagement", "follow_up"];

export function refuseUnlessOpen(row: CaseRow, part: "diagnosis" | "plan"): void {
  if (CONTENT_OPEN.includes(row.status)) return;
  const [code, { title, detail }] =
    part === "diagnosis"
      ? (["DIAGNOSIS_NOT_OPEN", contentMessages.diagnosisNotOpen] as const)
      : (["PLAN_NOT_OPEN", contentMessages.planNotOpen] as const);
  throw new DomainError("conflict", code, title, detail(CASE_STATUS_LABELS[row.status].toLowerCase()));
}

/** Nothing is added to a closed case. */
export function refuseWhenClosed(row: CaseRow): void {
  if (row.status !== "closed") return;
  const { title, detail } = contentMessages.caseClosed;
  throw new DomainError("conflict", "CASE_CLOSED", title, detail);
}

/** The closure's outcomes and the survey come after the closure. */
export function refuseUnlessClosed(row: CaseRow): void {
  if (row.status === "closed") return;
  const { title, detail } = contentMessages.caseNotClosed;
  throw new DomainError("conflict", "CASE_NOT_CLOSED", title, detail);
}
