// The finance use cases' refusals, as the finance API has always answered them: bad input (400, with the
// field at fault), a refusal by the state of things (409, with a stable code, the French reason and, when a
// directive says so, the clause), or something that does not exist in the caller's scope (404).
import { isCalendarDate } from "../../core/rules/index.ts";
import { DomainError } from "../errors.ts";
import { financeMessages } from "./messages.fr.ts";

/** Refused by the state of the envelope, the aid or the case: `detail` says why, in French. */
export function refused(code: string, detail: string, extensions: Record<string, unknown> = {}): DomainError {
  return new DomainError("conflict", code, financeMessages.refused.title, detail, extensions);
}

const NOT_FOUND = {
  envelope: financeMessages.envelopeNotFound,
  aid: financeMessages.aidNotFound,
  case: financeMessages.caseNotFound,
  alert: financeMessages.alertNotFound,
} as const;

export function notFound(what: keyof typeof NOT_FOUND): DomainError {
  const { title, detail } = NOT_FOUND[what];
  return new DomainError("not_found", `${what}_not_found`, title, detail);
}

/** A day that exists (no 2026-02-30), else 400 on `path`; an absent optional day passes. */
export function checkCalendarDate(path: string, value: string | undefined): void {
  if (value !== undefined && !isCalendarDate(value)) {
    throw DomainError.invalidField(path, "format", financeMessages.dateInvalid);
  }
}
