// The French words of access control: role names as every screen and docs/security.md show them, what each action allows
// (docs/security.md), and what each scope covers.
import type { Action, Scope } from "./permissions.ts";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, type PasswordProblem, type Role } from "./roles.ts";

export const ACTION_DESCRIPTIONS: Record<Action, string> = {
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
};

export const ROLE_LABELS: Record<Role, string> = {
  counsellor: "Conseiller",
  partner_worker: "Partenaire",
  manager: "Responsable d'agence",
  budget_controller: "Contrôleur budgétaire",
  admin: "Administrateur",
  auditor: "Auditeur",
};

export const SCOPE_LABELS: Record<Scope, string> = {
  all: "tout",
  organisation: "son organisation",
  own: "les siens",
  referred: "dossiers adressés",
};

export const passwordProblemMessages: Record<PasswordProblem, string> = {
  too_short: `Le mot de passe doit compter au moins ${PASSWORD_MIN_LENGTH} caractères.`,
  too_long: `Le mot de passe doit compter au plus ${PASSWORD_MAX_LENGTH} caractères.`,
  common: "Ce mot de passe est trop courant ; choisissez une phrase de passe plus personnelle.",
  repetitive: "Le mot de passe ne doit pas répéter un seul caractère.",
  personal: "Le mot de passe ne doit pas contenir votre adresse électronique ou votre nom.",
};
