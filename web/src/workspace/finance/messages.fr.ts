// French texts of the « Aides financières » panel of the case page: the case's loans and grants, the
// proposal form, withdrawing one's own proposal and a loan's schedule.
export const aidMessages = {
  title: "Aides financières",
  loading: "Chargement des aides du dossier…",
  unavailable: "Les aides de ce dossier ne peuvent pas être lues pour l'instant.",
  none: "Aucune aide n'a été proposée sur ce dossier.",
  caption: "Prêts et subventions proposés sur ce dossier",
  columns: {
    product: "Aide",
    amount: "Montant",
    status: "État",
    proposed: "Proposée",
    decision: "Décision",
    action: "Action",
  },
  kinds: { loan: "Prêt", grant: "Subvention" } as Record<string, string>,
  loanTerms: (months: number | null, rate: string, deferral: number) =>
    `${months === null ? "durée non précisée" : `${months} mois`}, taux ${rate}${deferral > 0 ? `, différé ${deferral} mois` : ""}`,
  byYou: "par vous",
  byName: (name: string) => `par ${name}`,
  proposedOn: (moment: string, who: string) => `le ${moment} ${who}`,
  firstApproval: "Première approbation enregistrée ; une seconde est attendue.",
  decided: (moment: string) => `Décidée le ${moment}`,
  reason: (reason: string) => `Motif : ${reason}`,
  noDecision: "En attente",
  serviceOnlyTitle: "Aucune aide de l'enveloppe pour ce dossier",
  notAdmitted:
    "Une aide ne se propose que sur un dossier admis (admission, diagnostic, plan d'actions, engagement ou suivi), pas clos.",
  proposeTitle: "Proposer une aide",
  product: "Produit du catalogue",
  productHint: "Produits en vigueur pour la directive du dossier.",
  productNone: "Choisissez un produit",
  noProduct: "Aucun produit du catalogue ne s'applique à la directive de ce dossier.",
  productLimits: (max: string) => `Montant maximal : ${max}.`,
  loanLimits: (max: number | null, rate: string, deferral: number) =>
    `Prêt au taux de ${rate}${max === null ? "" : `, sur ${max} mois au plus`}${deferral > 0 ? `, avec ${deferral} mois de différé (fixé par le produit)` : ", sans différé"}.`,
  amount: "Montant (€)",
  amountHint: "En euros, par exemple 1 250,50.",
  amountTooLarge: (max: string) => `Le montant dépasse le maximum du produit (${max}).`,
  amountZero: "Le montant doit être supérieur à 0 €.",
  duration: "Durée du prêt (mois)",
  durationHint: (max: number | null) =>
    max === null ? "Nombre de mensualités." : `Nombre de mensualités, de 1 à ${max}.`,
  durationInvalid: (max: number | null) =>
    max === null
      ? "La durée doit être un nombre entier de mois, au moins 1."
      : `La durée doit être un nombre entier de mois, de 1 à ${max}.`,
  propose: "Proposer l'aide",
  proposed: (product: string, amount: string) => `Proposition enregistrée : ${product}, ${amount}.`,
  withdraw: "Retirer ma proposition",
  withdrawLabel: (product: string, amount: string) => `Retirer ma proposition : ${product}, ${amount}`,
  withdrawReason: "Motif du retrait",
  confirmWithdraw: "Confirmer le retrait",
  cancel: "Annuler",
  withdrawn: (product: string, amount: string) => `Proposition retirée : ${product}, ${amount}.`,
  scheduleTitle: (product: string) => `Échéancier — ${product}`,
  scheduleCaption: "Échéances du prêt, de la première à la dernière",
  scheduleColumns: {
    number: "N°",
    dueDate: "Échéance",
    instalment: "Mensualité",
    interest: "Intérêts",
    principal: "Capital",
    remaining: "Capital restant dû",
  },
  scheduleTotals: (received: string, outstanding: string, arrears: string) =>
    `Reçu : ${received}. Restant dû : ${outstanding}. Impayé : ${arrears}.`,
  required: "Ce champ est obligatoire.",
} as const;

// French texts of the « Prêts en remboursement » section of the envelope page: the loans being repaid or in
// arrears, their schedule on demand, and the budget controller's repayment, early repayment, arrears and
// write-off forms.
export const repaymentMessages = {
  title: "Prêts en remboursement",
  intro: "Prêts versés en cours de remboursement ou en impayé, avec leur échéancier.",
  readOnly: "Lecture seule : les remboursements sont enregistrés par les contrôleurs budgétaires.",
  empty: "Aucun prêt en cours de remboursement cette année.",
  loanTitle: (product: string, amount: string) => `${product} — ${amount}`,
  showSchedule: "Afficher l'échéancier",
  hideSchedule: "Masquer l'échéancier",
  scheduleLabel: (product: string, amount: string, shown: boolean) =>
    `${shown ? "Masquer" : "Afficher"} l'échéancier : ${product}, ${amount}`,
  commands: {
    repayment: "Enregistrer un remboursement",
    early: "Remboursement anticipé",
    arrears: "Constater un impayé",
    writeOff: "Passer en perte",
  },
  commandLabel: (command: string, product: string, amount: string) => `${command} : ${product}, ${amount}`,
  amount: "Montant reçu (€)",
  amountHint: "En euros, par exemple 150,00.",
  receivedOn: "Reçu le (JJ/MM/AAAA)",
  asOf: "Date du constat (JJ/MM/AAAA)",
  option: "Effet sur le prêt",
  options: {
    shorten: "Réduire la durée (même mensualité)",
    lower_instalment: "Réduire la mensualité (même date de fin)",
  } as Record<string, string>,
  reason: "Motif du passage en perte",
  confirm: "Enregistrer",
  cancel: "Annuler",
  dateInvalid: "Date invalide : format attendu JJ/MM/AAAA.",
  required: "Ce champ est obligatoire.",
  failed: "L'opération n'a pas abouti. Réessayez.",
  done: {
    repayment: (product: string, amount: string) => `Remboursement enregistré : ${product}, ${amount}.`,
    early: (product: string, amount: string) =>
      `Remboursement anticipé enregistré : ${product}, ${amount}. L'échéancier est recalculé.`,
    arrears: (product: string) => `Impayé constaté : ${product}.`,
    writeOff: (product: string) => `Prêt passé en perte : ${product}.`,
  },
  threshold: (amount: string) => `Au-delà de ${amount}, deux contrôleurs approuvent.`,
  thresholdSince: (date: string) => `Seuil en vigueur depuis le ${date}.`,
  thresholdDefault: "Seuil par défaut.",
} as const;
