// The French texts of the refusals of account administration, shared by the HTTP API and `appui users`.
import { DEMO_EMAIL_DOMAIN, NATIONAL_ROLES } from "../../core/access/index.ts";

export const accountRefusalMessages = {
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

export type AccountRefusal = keyof typeof accountRefusalMessages;
