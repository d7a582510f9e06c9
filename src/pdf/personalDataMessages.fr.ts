// The French texts of the personal-data export (GDPR art. 15). Kept apart from messages.fr.ts while that
// file is being reworked; to be merged into it.
import { frenchDate } from "../core/rules/index.ts";

export const PERSONAL_DATA = {
  title: "Données personnelles détenues par le service d'accompagnement social",
  intro: (generatedOn: string) =>
    `Relevé établi le ${frenchDate(generatedOn)} en réponse à votre demande d'accès (article 15 du RGPD). ` +
    "Il réunit tout ce que l'agence détient à votre sujet, dossier par dossier. Les pièces jointes sont " +
    "seulement listées ; une copie de chacune peut vous être remise sur demande.",
  identityHeading: "Identité et coordonnées",
  caseHeading: (reference: string, status: string) => `Dossier ${reference} (${status})`,
  requestHeading: "Demande",
  snapshotsHeading: "Évaluations de l'éligibilité",
  decisionHeading: "Décision, engagement et clôture",
  diagnosisHeading: "Diagnostic social",
  sensitiveWithheld:
    "Les rubriques sensibles de ce dossier (santé, violences, notes) ne figurent pas dans ce relevé : " +
    "demandez le relevé complet au responsable de l'agence.",
  actionsHeading: "Plan d'actions",
  appointmentsHeading: "Rendez-vous",
  referralsHeading: "Orientations vers un organisme partenaire",
  outcomesHeading: "Résultats de l'accompagnement",
  surveysHeading: "Questionnaires de satisfaction",
  aidsHeading: "Aides financières",
  documentsHeading: "Pièces jointes (liste)",
  none: "Aucun élément.",
  confidential: "Document confidentiel : vos données personnelles",
  page: (current: number, count: number) => `Page ${current} / ${count}`,
  labels: {
    firstName: "Prénom",
    lastName: "Nom",
    birthDate: "Date de naissance",
    email: "Adresse électronique",
    phone: "Téléphone",
    postcode: "Code postal",
    preferredChannel: "Moyen de contact préféré",
    preferredTimes: "Disponibilités",
    organisation: "Agence",
    counsellor: "Conseiller",
    directive: "Directive appliquée",
    channel: "Canal de la demande",
    requestedOn: "Demande reçue le",
    situationSummary: "Situation décrite",
    legalBasis: "Base légale",
    consentGivenAt: "Consentement donné le",
    noticeVersion: "Version de la notice d'information",
  } as Record<string, string>,
  diagnosisSections: {
    household: "Composition du foyer",
    income: "Ressources",
    expenses: "Charges",
    debts: "Dettes",
    housing: "Logement",
    employment: "Emploi",
    sensitive: "Rubriques sensibles",
    health: "Santé",
    violence: "Violences",
    notes: "Notes libres",
  } as Record<string, string>,
  snapshot: (on: string, outcome: string) => `Évaluation du ${frenchDate(on)} : ${outcome}`,
  action: (title: string, status: string, dueOn: string) =>
    `${title} (${status}, échéance le ${frenchDate(dueOn)})`,
  appointment: (at: string, channel: string) => `${at} (${channel})`,
  referral: (organisation: string, on: string) => `${organisation}, le ${on}`,
  survey: (on: string, rating: number | null) => `Réponse du ${on} : note ${rating ?? "—"} / 5`,
  aid: (product: string, amount: string, status: string, year: number) =>
    `${product} : ${amount} (${status}, enveloppe ${year})`,
  document: (name: string, mediaType: string, sizeBytes: number, on: string) =>
    `${name} (${mediaType}, ${sizeBytes} octets), déposé le ${on}`,
  unset: "—",
  yes: "oui",
  no: "non",
} as const;
