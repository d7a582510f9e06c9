// Who uses Appui: the roles of staff accounts and the kinds of organisation they belong to. No role belongs
// to an employer, and none ever will: confidentiality towards the employer (both directives).

export const ORGANISATION_KINDS = ["agency", "partner"] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const ROLES = [
  "counsellor",
  "partner_worker",
  "manager",
  "budget_controller",
  "admin",
  "auditor",
] as const;
export type Role = (typeof ROLES)[number];

/**
 * The domain of the demo accounts (demo mode only, public password): production refuses to start while an
 * account on it exists, and refuses to create one.
 */
export const DEMO_EMAIL_DOMAIN = "demo.appui.fr";

/** Roles that belong to the national level rather than to one organisation. */
export const NATIONAL_ROLES = ["budget_controller", "admin", "auditor"] as const satisfies readonly Role[];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function isNationalRole(role: Role): boolean {
  return (NATIONAL_ROLES as readonly Role[]).includes(role);
}

/** The kind of organisation an account of this role belongs to, or null for the national roles. */
export function organisationKindOf(role: Role): OrganisationKind | null {
  if (isNationalRole(role)) return null;
  return role === "partner_worker" ? "partner" : "agency";
}

/**
 * Roles that must sign in with a second factor outside demo mode. Until they have enrolled one, their
 * sessions may only perform the actions of ACTIONS_BEFORE_MFA_ENROLMENT.
 */
export const MFA_REQUIRED_ROLES: readonly Role[] = ["manager", "budget_controller", "admin", "auditor"];

/** Passwords of staff accounts: long enough to resist guessing, bounded so that argon2's cost stays bounded. */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

export type PasswordProblem = "too_short" | "too_long" | "common" | "repetitive" | "personal";
