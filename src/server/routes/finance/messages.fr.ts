// French texts of the finance API: route summaries for the OpenAPI document, problem titles and details.
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
  idempotencyKeyInvalid: "L'en-tête Idempotency-Key doit compter de 1 à 200 caractères imprimables.",
  ibanInvalid: "IBAN invalide (pays, longueur ou clé de contrôle ISO 13616).",
  dateInvalid: "Date invalide : format attendu AAAA-MM-JJ, avec un jour qui existe.",
  statusUnknown: (status: string, known: readonly string[]) =>
    `Statut inconnu : « ${status} ». Statuts possibles : ${known.join(", ")}.`,
  alert80: (year: number) => `Enveloppe ${year} : 80 % consommés.`,
  alert95: (year: number) => `Enveloppe ${year} : 95 % consommés.`,
  exhaustionBeforeYearEnd: (year: number, date: string) =>
    `Enveloppe ${year} : au rythme actuel, épuisement prévu le ${date}, avant la fin de l'année.`,
  summaries: {
    openEnvelope: "Ouvrir l'enveloppe d'une année (montant national, dotations)",
    getEnvelope: "Réservé, engagé, versé et disponible de l'enveloppe d'une année, en temps réel",
    allocations: "Remplacer les dotations régionales ou d'agence d'une enveloppe",
    forecast: "Consommation mensuelle, date d'épuisement projetée, alertes 80 % / 95 %",
    thresholdInForce: "Seuil des quatre yeux en vigueur à une date (aujourd'hui par défaut)",
    threshold: "Fixer, à partir d'une date, le montant au-delà duquel deux contrôleurs approuvent",
    catalogue: "Catalogue des aides en vigueur à une date, et son historique",
    recordProduct: "Enregistrer un produit ou une nouvelle version datée d'un produit",
    propose: "Proposer un prêt ou une subvention sur un dossier (réserve le montant, ou file d'attente)",
    listAids: "Lister les aides d'une année",
    getAid: "Consulter une aide",
    approve: "Approuver une proposition (engage le montant ; deux contrôleurs au-delà du seuil)",
    refuse: "Refuser une proposition (libère le montant)",
    cancel: "Annuler une aide non versée (libère le montant)",
    disburse: "Enregistrer le versement d'une aide approuvée",
    repay: "Enregistrer un remboursement reçu sur un prêt",
    withdraw: "Retirer sa proposition tant qu'aucune décision n'est prise (libère le montant)",
    earlyRepayment:
      "Enregistrer un remboursement anticipé sur un prêt (recalcule l'échéancier : durée ou mensualité réduite)",
    listAlerts: "Alertes de consommation de l'enveloppe (80 %, 95 %, épuisement)",
    acknowledgeAlert: "Prendre connaissance d'une alerte de consommation de l'enveloppe",
    arrears: "Signaler un prêt en impayé (une échéance passée n'est pas couverte)",
    writeOff: "Passer en perte un prêt en impayé",
    schedule: "Échéancier d'un prêt, remboursements reçus et impayés",
    export: "Exporter engagements, versements ou remboursements (CSV ou XLSX)",
  },
} as const;

/** Column headings of the accounting exports. */
export const EXPORT_HEADINGS = {
  commitments: [
    "Aide",
    "Dossier",
    "Organisation",
    "Année",
    "Dotation",
    "Nature",
    "Produit",
    "Montant (centimes)",
    "Montant",
    "Statut",
    "Approuvée le",
    "Approuvée par",
  ],
  disbursements: [
    "Aide",
    "Dossier",
    "Année",
    "Nature",
    "Montant (centimes)",
    "Montant",
    "Bénéficiaire",
    "IBAN (masqué)",
    "Versée le",
    "Première échéance",
  ],
  repayments: ["Aide", "Dossier", "Année", "Montant (centimes)", "Montant", "Reçu le", "Mode"],
} as const;

export const EXPORT_SHEET_NAMES = {
  commitments: "Engagements",
  disbursements: "Versements",
  repayments: "Remboursements",
} as const;
