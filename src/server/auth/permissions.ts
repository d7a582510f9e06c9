// Authorisation as data: which role may do which action, and on which resources (scope). Routes declare
// the action they need (`config: { permission: "audit.read" }`); the auth plugin checks the role, and
// handlers that load a resource call `assertInScope` so that a resource outside the actor's scope answers
// 404, never 403, and ids cannot be probed. docs/security.md renders this table (checked by a test).
import { ROLES, type Role } from "../../db/schema.ts";

/**
 * - `all`: every resource (national roles).
 * - `organisation`: resources of the actor's own organisation (agency or partner).
 * - `own`: resources belonging to the actor (their session; the cases assigned to them).
 * - `referred`: cases referred to the actor's (partner) organisation, and only what the referral shares.
 */
export type Scope = "all" | "organisation" | "own" | "referred";

/** Every action a route can require, with its French description for docs/security.md. */
export const ACTIONS = {
  "session.read": "Consulter sa session (utilisateur, rôle, organisation, jeton CSRF)",
  "session.end": "Se déconnecter (révoquer sa session)",
  "mfa.enrol": "Activer son second facteur (TOTP) et obtenir ses codes de secours",
  "audit.read": "Rechercher et consulter le journal d'audit",
  "audit.export": "Exporter le journal d'audit (JSON Lines, avec les empreintes)",
  "rule_parameters.change": "Enregistrer une nouvelle valeur datée d'un paramètre des règles, avec son motif",
  "cases.list": "Lister les dossiers (portefeuille, recherche par nom ou référence)",
  "cases.read": "Consulter un dossier : en-tête, éligibilité, décision, plan d'actions, suivi, historique",
  "cases.create": "Enregistrer une demande reçue par téléphone, en visite ou adressée par un partenaire",
  "cases.change":
    "Faire avancer un dossier : évaluation, décision, diagnostic, plan, engagement, suivi, clôture",
  "cases.assign": "Attribuer un dossier à un conseiller de l'agence",
  "cases.sensitive.read": "Lire les rubriques sensibles (santé, violences) et les notes libres",
  "cases.read_justified": "Consulter le contenu d'un dossier après avoir enregistré une justification",
  "referrals.read": "Consulter la fiche d'orientation d'un dossier adressé à son organisation",
  "referrals.actions.change": "Mettre à jour les actions confiées à son organisation",
  "documents.read": "Télécharger les pièces d'un dossier",
  "documents.upload": "Joindre une pièce à un dossier ou à une action",
  "statistics.read": "Consulter les statistiques et tableaux de bord de l'agence",
  "envelope.read": "Consulter l'enveloppe annuelle : réservé, engagé, versé, disponible, prévision",
  "envelope.manage": "Ouvrir l'enveloppe d'une année et la répartir entre régions ou agences",
  "aids.propose":
    "Proposer un prêt ou une subvention dans le plan d'actions d'un dossier, retirer sa proposition avant décision",
  "aids.read": "Consulter les aides d'un dossier : statut, produit, montant, auteur, décisions",
  "aids.decide": "Approuver ou refuser une proposition de prêt ou de subvention",
  "aids.disburse": "Enregistrer le versement d'une aide et les remboursements d'un prêt",
  "aids.export": "Exporter engagements, versements et remboursements pour la comptabilité",
  "alerts.acknowledge": "Prendre connaissance d'une alerte de consommation de l'enveloppe",
  "catalogue.read": "Consulter le catalogue des aides et des produits Action Logement",
  "catalogue.manage": "Modifier le catalogue des aides (montants, taux, durées, versions des directives)",
  "users.manage": "Créer, modifier et désactiver les comptes ; réinitialiser un second facteur",
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

const SCOPE_LABELS: Record<Scope, string> = {
  all: "tout",
  organisation: "son organisation",
  own: "les siens",
  referred: "dossiers adressés",
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
