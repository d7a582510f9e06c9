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
  byColleague: "par un collègue",
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
