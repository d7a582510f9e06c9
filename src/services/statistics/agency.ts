// The managers' use cases work on their own agency only: the one place that reads it from the caller.
import { type Caller, staffOf } from "../caller.ts";
import { DomainError } from "../errors.ts";

/** The caller's agency. The permissions give these use cases to managers, who always belong to one. */
export function agencyOf(caller: Caller): string {
  const actor = staffOf(caller);
  if (actor.organisationKind !== "agency" || actor.organisationId === null) throw DomainError.forbidden();
  return actor.organisationId;
}
