// Authorisation as data: which role may do which action, and on which resources (scope). The server and the
// web application both ask this table: routes declare the action they need
// (`config: { permission: "audit.read" }`) and services check the scope of what they load, so that a
// resource outside the actor's scope answers 404, never 403, and ids cannot be probed; the web shows a
// button only when `isAllowed` says the role may press it. docs/security.md renders the table (checked by a
// test).
import { MFA_REQUIRED_ROLES, ROLES, type Role } from "./roles.ts";

/**
 * - `all`: every resource (national roles).
 * - `organisation`: resources of the actor's own organisation (agency or partner).
 * - `own`: resources belonging to the actor (their session; the cases assigned to them).
 * - `referred`: cases referred to the actor's (partner) organisation, and only what the referral shares.
 */
export type Scope = "all" | "organisation" | "own" | "referred";

/** Every action a route can require; docs/security.md describes each in French (messages.fr.ts). */
export const ACTIONS = [
  "session.read",
  "session.end",
  "mfa.enrol",
  "audit.read",
  "audit.export",
  "rule_parameters.change",
  "cases.list",
  "cases.read",
  "cases.create",
  "cases.change",
  "cases.assign",
  "cases.sensitive.read",
  "cases.read_justified",
  "referrals.read",
  "referrals.actions.change",
  "documents.read",
  "documents.upload",
  "statistics.read",
  "envelope.read",
  "envelope.manage",
  "aids.propose",
  "aids.read",
  "aids.decide",
  "aids.disburse",
  "aids.export",
  "alerts.acknowledge",
  "catalogue.read",
  "catalogue.manage",
  "users.manage",
] as const;

export type Action = (typeof ACTIONS)[number];

const EVERY_ROLE_OWN = Object.fromEntries(ROLES.map((role) => [role, "own"])) as Record<Role, Scope>;

/** The matrix: action → role → scope. A role absent from an action's entry may not perform it. */
export const PERMISSIONS: Record<Action, Partial<Record<Role, Scope>>> = {
  "session.read": EVERY_ROLE_OWN,
  "session.end": EVERY_ROLE_OWN,
  "mfa.enrol": EVERY_ROLE_OWN,
  // Auditors are national: the whole trail. Nobody else reads it, administrators included.
  "audit.read": { auditor: "all" },
  "audit.export": { auditor: "all" },
  // The directives leave these values to Action Logement Services: administrators set them, nobody else.
  "rule_parameters.change": { admin: "all" },
  // Cases: counsellors see their agency's caseload and act on the cases assigned to them; managers act on
  // their whole agency. Partner workers only reach what a referral shares (never the diagnosis); budget
  // controllers and administrators never read case content; auditors only after a recorded justification.
  // No role belongs to an employer, and none ever will: confidentiality towards the employer (both directives).
  "cases.list": { counsellor: "organisation", manager: "organisation" },
  "cases.read": { counsellor: "organisation", manager: "organisation" },
  "cases.create": { counsellor: "organisation", manager: "organisation" },
  "cases.change": { counsellor: "own", manager: "organisation" },
  "cases.assign": { manager: "organisation" },
  "cases.sensitive.read": { counsellor: "own", manager: "organisation" },
  "cases.read_justified": { auditor: "all" },
  "referrals.read": { partner_worker: "referred" },
  "referrals.actions.change": { partner_worker: "referred" },
  "documents.read": { counsellor: "own", manager: "organisation" },
  "documents.upload": { counsellor: "own", manager: "organisation" },
  "statistics.read": { manager: "organisation" },
  // Money (2025 directive, "dans la limite de l'enveloppe nationale annuelle"): counsellors propose, budget
  // controllers decide and pay; four-eyes above the threshold is enforced by the aid lifecycle itself.
  "envelope.read": { budget_controller: "all", manager: "organisation" },
  "envelope.manage": { budget_controller: "all" },
  "aids.propose": { counsellor: "own", manager: "organisation" },
  // The case page shows its aids to the agency's counsellors too; a year's list stays with envelope.read.
  "aids.read": { counsellor: "organisation", manager: "organisation", budget_controller: "all" },
  "aids.decide": { budget_controller: "all" },
  "aids.disburse": { budget_controller: "all" },
  "aids.export": { budget_controller: "all" },
  "alerts.acknowledge": { budget_controller: "all" },
  "catalogue.read": { counsellor: "all", manager: "all", budget_controller: "all", admin: "all" },
  "catalogue.manage": { admin: "all" },
  "users.manage": { admin: "all" },
};

export function scopeOf(role: Role, action: Action): Scope | undefined {
  return PERMISSIONS[action][role];
}

export function isAllowed(role: Role, action: Action): boolean {
  return scopeOf(role, action) !== undefined;
}

export interface Actor {
  userId: string;
  role: Role;
  organisationId: string | null;
}

/** What a handler knows about a loaded resource, for the scope check. */
export interface ScopedResource {
  organisationId?: string | null;
  ownerUserId?: string | null;
  /** Partner organisations the case is referred to (scope `referred`). */
  referredOrganisationIds?: readonly string[];
}

/** Whether `actor` may perform `action` on this particular resource. */
export function isInScope(actor: Actor, action: Action, resource: ScopedResource): boolean {
  const scope = scopeOf(actor.role, action);
  return scope !== undefined && scopeIncludes(scope, actor, resource);
}

/** Whether `scope`, held by `actor`, covers the resource. */
export function scopeIncludes(scope: Scope, actor: Actor, resource: ScopedResource): boolean {
  if (scope === "all") return true;
  if (scope === "organisation") {
    return actor.organisationId !== null && resource.organisationId === actor.organisationId;
  }
  if (scope === "referred") {
    return (
      actor.organisationId !== null && (resource.referredOrganisationIds ?? []).includes(actor.organisationId)
    );
  }
  return resource.ownerUserId === actor.userId;
}

/** The actions a session may perform before its required second factor is enrolled. */
export const ACTIONS_BEFORE_MFA_ENROLMENT: readonly Action[] = ["session.read", "session.end", "mfa.enrol"];

/** Whether a session of `role` must enrol a second factor before anything else (never in demo mode). */
export function mustEnrolSecondFactor(role: Role, demoMode: boolean): boolean {
  return !demoMode && MFA_REQUIRED_ROLES.includes(role);
}
