// French texts of account administration, shared by the HTTP API and `appui users`.
import { DEMO_EMAIL_DOMAIN, NATIONAL_ROLES } from "../../core/access/index.ts";

export const accountProblemMessages = {
  account_not_found: {
    title: "Compte introuvable",
    detail: "Aucun compte avec cette adresse ou cet identifiant.",
  },
  email_taken: { title: "Adresse déjà utilisée", detail: "Un compte existe déjà avec cette adresse." },
  demo_domain: {
    title: "Domaine réservé",
    detail: `Le domaine ${DEMO_EMAIL_DOMAIN} est réservé aux comptes de démonstration.`,
  },
  organisation_required: {
    title: "Organisation obligatoire",
    detail: "Ce rôle s'exerce dans une agence ou chez un partenaire : indiquez l'organisation.",
  },
  organisation_not_allowed: {
    title: "Rôle national",
    detail: `Les rôles ${NATIONAL_ROLES.join(", ")} sont nationaux : ils ne sont rattachés à aucune organisation.`,
  },
  organisation_not_found: {
    title: "Organisation introuvable",
    detail: "Aucune organisation ne porte cet identifiant ou ce nom.",
  },
  organisation_kind_mismatch: {
    title: "Organisation incompatible avec le rôle",
    detail:
      "Un intervenant partenaire appartient à un partenaire ; un conseiller ou un responsable, à une agence.",
  },
  account_deactivated: {
    title: "Compte désactivé",
    detail: "Ce compte est désactivé : il ne peut plus être modifié.",
  },
  own_account: {
    title: "Action impossible sur son propre compte",
    detail: "Un administrateur ne peut pas désactiver son propre compte ni retirer son propre rôle.",
  },
  password_rejected: {
    title: "Mot de passe refusé",
    detail: "Le mot de passe ne respecte pas la politique.",
  },
} as const;

export type AccountProblem = keyof typeof accountProblemMessages;

export const usersRouteMessages = {
  listSummary: "Liste des comptes du personnel (administrateurs)",
  listDescription:
    "Sans mot de passe ni secret : identité professionnelle, rôle, organisation, second facteur actif ou non, " +
    "désactivation. Filtres : organisation, rôle.",
  createSummary: "Crée un compte (rôle, organisation, mot de passe initial soumis à la politique)",
  updateSummary: "Modifie le nom affiché, le rôle ou l'organisation d'un compte",
  updateDescription:
    "Un changement de rôle ou d'organisation ferme les sessions ouvertes du compte : les droits changent " +
    "à la prochaine connexion.",
  deactivateSummary: "Désactive un compte et ferme toutes ses sessions",
  mfaResetSummary: "Retire le second facteur et les codes de secours d'un compte ; ferme ses sessions",
  organisationFilter: "Identifiant (UUID) de l'organisation.",
  roleFilter: "Rôle des comptes.",
  includeDeactivated: "Inclure les comptes désactivés (non par défaut).",
} as const;

export const oidcMessages = {
  startSummary: "Connexion par l'annuaire de l'entreprise (OpenID Connect) : redirige vers le fournisseur",
  callbackSummary: "Retour du fournisseur d'identité : ouvre la session et redirige vers l'application",
  problems: {
    sso_failed: {
      title: "Connexion par l'annuaire impossible",
      detail: "La réponse de l'annuaire est invalide ou a expiré ; recommencez la connexion.",
    },
    sso_no_role: {
      title: "Aucun rôle dans Appui",
      detail: "Votre compte de l'annuaire n'appartient à aucun groupe donnant accès à Appui.",
    },
    sso_refused: {
      title: "Connexion refusée",
      detail: "Ce compte ne peut pas se connecter à Appui ; adressez-vous à un administrateur.",
    },
  },
} as const;
