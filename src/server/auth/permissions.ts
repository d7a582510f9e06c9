// Authorisation as data: which role may do which action, and on which resources (scope). Routes declare
// the action they need (`config: { permission: "audit.read" }`); the auth plugin checks the role, and
// handlers that load a resource call `assertInScope` so that a resource outside the actor's scope answers
// 404, never 403, and ids cannot be probed. docs/security.md renders this table (checked by a test).
import { ROLES, type Role } from "../../db/schema.ts";

/**
 * - `all`: every resource (national roles).
 * - `organisation`: resources of the actor's own organisation (agency or partner).
 * - `own`: resources belonging to the actor (their session).
 */
export type Scope = "all" | "organisation" | "own";

/** Every action a route can require, with its French description for docs/security.md. */
export const ACTIONS = {
  "session.read": "Consulter sa session (utilisateur, rôle, organisation, jeton CSRF)",
  "session.end": "Se déconnecter (révoquer sa session)",
  "mfa.enrol": "Activer son second facteur (TOTP) et obtenir ses codes de secours",
  "audit.read": "Rechercher et consulter le journal d'audit",
  "audit.export": "Exporter le journal d'audit (JSON Lines, avec les empreintes)",
  "rule_parameters.change": "Enregistrer une nouvelle valeur datée d'un paramètre des règles, avec son motif",
} as const;

export type Action = keyof typeof ACTIONS;

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
};

export const ROLE_LABELS: Record<Role, string> = {
  counsellor: "Conseiller social",
  partner_worker: "Intervenant partenaire",
  manager: "Responsable d'agence",
  budget_controller: "Contrôleur budgétaire",
  admin: "Administrateur",
  auditor: "Auditeur",
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
  return resource.ownerUserId === actor.userId;
}

const SCOPE_LABELS: Record<Scope, string> = {
  all: "tout",
  organisation: "son organisation",
  own: "les siens",
};

/** Markdown table of the matrix (rows: actions, columns: roles), as shown in docs/security.md. */
export function renderPermissionMatrix(): string {
  const header = `| Action | ${ROLES.map((role) => `${ROLE_LABELS[role]} (\`${role}\`)`).join(" | ")} |`;
  const separator = `| --- | ${ROLES.map(() => ":---:").join(" | ")} |`;
  const rows = (Object.keys(ACTIONS) as Action[]).map((action) => {
    const cells = ROLES.map((role) => {
      const scope = scopeOf(role, action);
      return scope === undefined ? "—" : SCOPE_LABELS[scope];
    });
    return `| \`${action}\`: ${ACTIONS[action]} | ${cells.join(" | ")} |`;
  });
  return [header, separator, ...rows].join("\n");
}

/** Markdown table of the routes that require a permission, in registration order. */
export function renderRouteTable(
  routes: readonly { method: string; url: string; permission: Action }[],
): string {
  return [
    "| Route | Action requise |",
    "| --- | --- |",
    ...routes.map((route) => `| \`${route.method} ${route.url}\` | \`${route.permission}\` |`),
  ].join("\n");
}

export const GENERATED_START = "<!-- generated: permissions (src/server/auth/permissions.ts) -->";
export const GENERATED_END = "<!-- end generated: permissions -->";

/** The generated part of docs/security.md: the matrix, then the routes. */
export function renderPermissionsSection(
  routes: readonly { method: string; url: string; permission: Action }[],
): string {
  return [
    GENERATED_START,
    "",
    renderPermissionMatrix(),
    "",
    renderRouteTable(routes),
    "",
    GENERATED_END,
  ].join("\n");
}

/** `document` with its generated section replaced by `section`. */
export function replaceGeneratedSection(document: string, section: string): string {
  const start = document.indexOf(GENERATED_START);
  const end = document.indexOf(GENERATED_END);
  if (start === -1 || end === -1 || end < start) throw new Error("generated section markers not found");
  return document.slice(0, start) + section + document.slice(end + GENERATED_END.length);
}

/**
 * Roles that must sign in with a second factor outside demo mode. Until they have enrolled one, their
 * sessions may only perform the actions below.
 */
export const MFA_REQUIRED_ROLES: readonly Role[] = ["manager", "budget_controller", "admin", "auditor"];
export const ACTIONS_BEFORE_MFA_ENROLMENT: readonly Action[] = ["session.read", "session.end", "mfa.enrol"];
