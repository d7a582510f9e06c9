// French texts of the finance API: route summaries for the OpenAPI document, and the headings of the
// accounting exports. The refusals' texts are the use cases' (src/services/finance/messages.fr.ts).
export const financeRouteMessages = {
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
