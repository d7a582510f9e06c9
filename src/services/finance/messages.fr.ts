// The French texts of the finance use cases: their refusals (the domain's own are in src/core/finance) and
// the forecast's alerts.
import { formatCents } from "../../core/finance/index.ts";

export const financeMessages = {
  refused: { title: "Opération refusée" },
  envelopeNotFound: {
    title: "Enveloppe introuvable",
    detail: "Aucune enveloppe n'est ouverte pour cette année.",
  },
  aidNotFound: { title: "Aide introuvable", detail: "Aucune aide ne correspond à cet identifiant." },
  caseNotFound: { title: "Dossier introuvable", detail: "Aucun dossier ne correspond à cet identifiant." },
  alertNotFound: { title: "Alerte introuvable", detail: "Aucune alerte ne correspond à cet identifiant." },
  notProposer: {
    title: "Action réservée à l'auteur de la proposition",
    detail: "Seul le conseiller qui a proposé cette aide, ou le responsable de son agence, peut la retirer.",
  },
  yearOrCaseRequired: "Indiquez l'année (year) ou le dossier (caseId).",
  caseIdRequired:
    "Indiquez le dossier (caseId) : la liste des aides d'une année est réservée aux contrôleurs budgétaires et aux responsables d'agence.",
  idempotencyMismatch: {
    title: "Clé d'idempotence déjà utilisée",
    detail:
      "Cette clé d'idempotence a déjà servi pour une autre requête : utilisez une nouvelle clé pour une nouvelle opération.",
  },
  ibanInvalid: "IBAN invalide (pays, longueur ou clé de contrôle ISO 13616).",
  dateInvalid: "Date invalide : format attendu AAAA-MM-JJ, avec un jour qui existe.",
  statusUnknown: (status: string, known: readonly string[]) =>
    `Statut inconnu : « ${status} ». Statuts possibles : ${known.join(", ")}.`,
  envelopeAlreadyOpen: (year: number) => `L'enveloppe ${year} est déjà ouverte.`,
  allocationBelowUse: (code: string, used: number) =>
    `La dotation « ${code} » ne peut pas descendre sous ce qui y est déjà réservé ou engagé (${formatCents(used)}).`,
  allocationRemovedInUse: (code: string) =>
    `La dotation « ${code} » porte des aides réservées ou engagées : elle ne peut pas être supprimée.`,
  productUnknown: (code: string) => `Aucun produit « ${code} » n'est au catalogue à cette date.`,
  productWithdrawn: (code: string) => `Le produit « ${code} » est retiré du catalogue à cette date.`,
  productKindChanged: "Une nouvelle version d'un produit garde sa nature (prêt ou subvention).",
  loanNeedsDuration: "Un prêt a une durée maximale (1 à 600 mois).",
  grantHasNoDuration: "Une subvention n'a ni durée ni différé ni taux.",
  directivesEmpty: "Indiquez au moins une directive à laquelle le produit s'applique.",
  queued: (left: number) =>
    `Enveloppe épuisée : il reste ${formatCents(left)} disponibles. La proposition est placée en file d'attente, dans l'ordre des demandes ; elle sera de nouveau proposée dès qu'un montant sera libéré ou que l'enveloppe de l'année suivante sera ouverte.`,
  queuedNoEnvelope: (year: number) =>
    `Aucune enveloppe n'est encore ouverte pour ${year} : la proposition est placée en file d'attente et sera proposée à l'ouverture de l'enveloppe.`,
  stillQueued:
    "Cette proposition est en file d'attente faute de crédits dans l'enveloppe : elle ne peut être approuvée qu'une fois de nouveau proposée.",
  firstApprovalRecorded: (threshold: number) =>
    `Première approbation enregistrée. Au-delà de ${formatCents(threshold)}, un second contrôleur budgétaire doit approuver.`,
  repaymentTooLarge: (left: number) =>
    `Le remboursement dépasse ce qui reste dû sur le prêt (${formatCents(left)}).`,
  noArrears: (date: string) => `Aucune échéance n'est impayée au ${date} : le prêt n'est pas en impayé.`,
  notALoan: "Seul un prêt a un échéancier et des remboursements.",
  notDisbursed: "Le prêt n'est pas encore versé : il n'a pas d'échéancier.",
  alert80: (year: number) => `Enveloppe ${year} : 80 % consommés.`,
  alert95: (year: number) => `Enveloppe ${year} : 95 % consommés.`,
  exhaustionBeforeYearEnd: (year: number, date: string) =>
    `Enveloppe ${year} : au rythme actuel, épuisement prévu le ${date}, avant la fin de l'année.`,
} as const;
