// Access control as data, shared by the server and the web application: roles, organisation kinds, the
// permission table and its scope rules, and their French labels.
export { ACTION_DESCRIPTIONS, passwordProblemMessages, ROLE_LABELS, SCOPE_LABELS } from "./messages.fr.ts";
export {
  ACTIONS,
  ACTIONS_BEFORE_MFA_ENROLMENT,
  type Action,
  type Actor,
  isAllowed,
  isInScope,
  mustEnrolSecondFactor,
  PERMISSIONS,
  type Scope,
  type ScopedResource,
  scopeIncludes,
  scopeOf,
} from "./permissions.ts";
export {
  DEMO_EMAIL_DOMAIN,
  isNationalRole,
  isRole,
  MFA_REQUIRED_ROLES,
  NATIONAL_ROLES,
  ORGANISATION_KINDS,
  type OrganisationKind,
  organisationKindOf,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  type PasswordProblem,
  ROLES,
  type Role,
} from "./roles.ts";
