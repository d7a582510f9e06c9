// Every French sentence the finance modules write: parsing errors, schedule and envelope refusals,
// alert labels. Amounts inside sentences are formatted by `formatCents`, so they read like the screen.
import { formatCents } from "./money.ts";

export const MONEY_MESSAGES = {
  empty: "Le montant est vide.",
  invalid: (text: string) =>
    `« ${text} » n'est pas un montant : écrivez par exemple « 1 234,56 € » ou « 1234.56 ».`,
  tooManyDecimals: (text: string) => `« ${text} » a plus de deux décimales : un montant se donne au centime.`,
  ambiguous: (text: string) =>
    `« ${text} » est ambigu (séparateur de milliers ou décimal ?) : écrivez « 1 234 » ou « 1,234 ».`,
  negative: (text: string) => `« ${text} » est négatif : un montant négatif n'est pas accepté ici.`,
  tooLarge: (text: string) => `« ${text} » dépasse le plus grand montant que l'application sait compter.`,
  notCents: (value: number) => `${value} n'est pas un nombre entier de centimes.`,
  overflow: "Le résultat dépasse le plus grand montant que l'application sait compter.",
} as const;

export const SCHEDULE_MESSAGES = {
  principal:
    "Le montant du prêt doit être un nombre entier de centimes strictement positif, au plus 100 milliards d'euros.",
  rate: "Le taux annuel doit être un nombre entier de points de base, entre 0 et 10 000 (0 % à 100 %).",
  instalments: "Le nombre d'échéances mensuelles doit être un entier entre 1 et 600.",
  deferral: "Le nombre de mois de différé doit être un entier entre 0 et 120.",
  firstDueDate: (date: string) => `« ${date} » n'est pas une date de première échéance valide (AAAA-MM-JJ).`,
  repaymentDate: (date: string) => `« ${date} » n'est pas une date de remboursement valide (AAAA-MM-JJ).`,
  repaymentAmount:
    "Le montant du remboursement anticipé doit être un nombre entier de centimes strictement positif.",
  repaymentTooLarge: (remaining: number) =>
    `Le remboursement anticipé dépasse le capital restant dû (${formatCents(remaining)}).`,
  repaymentOrder: (date: string) =>
    `Un remboursement anticipé daté du ${date} est déjà enregistré : les remboursements se saisissent dans l'ordre.`,
  loanClosed: "Le prêt est déjà entièrement remboursé à cette date.",
} as const;

export const ENVELOPE_MESSAGES = {
  year: "L'année de l'enveloppe doit être une année civile (entier de 2000 à 2999).",
  national: "Le montant national de l'enveloppe doit être un nombre entier de centimes positif ou nul.",
  allocationAmount: (code: string) =>
    `La dotation « ${code} » doit être un nombre entier de centimes positif ou nul.`,
  allocationDuplicate: (code: string) => `La dotation « ${code} » apparaît plusieurs fois.`,
  allocationsExceed: (total: number, national: number) =>
    `Les dotations (${formatCents(total)}) dépassent le montant national de l'enveloppe (${formatCents(national)}).`,
  unknownAllocation: (code: string) => `Aucune dotation « ${code} » dans cette enveloppe.`,
  amount: "Le montant doit être un nombre entier de centimes strictement positif.",
  exhausted: (left: number) =>
    `Enveloppe nationale épuisée : il reste ${formatCents(left)} disponibles, le montant demandé ne peut pas être réservé. La proposition peut attendre qu'un montant soit libéré ou que l'enveloppe de l'année suivante soit ouverte.`,
  allocationExhausted: (code: string, left: number) =>
    `Dotation « ${code} » épuisée : il reste ${formatCents(left)} disponibles, le montant demandé ne peut pas être réservé. La proposition peut attendre qu'un montant soit libéré ou que l'enveloppe de l'année suivante soit ouverte.`,
  notReserved: (reserved: number) =>
    `Le montant dépasse ce qui est réservé (${formatCents(reserved)}) : rien n'est engagé ni libéré.`,
  notCommitted: (available: number) =>
    `Le montant dépasse ce qui est engagé et pas encore versé (${formatCents(available)}).`,
} as const;

export const ALERT_LABELS = {
  ok: "consommation normale",
  alert_80: "alerte : 80 % de l'enveloppe consommés",
  alert_95: "alerte : 95 % de l'enveloppe consommés",
  exhausted: "enveloppe épuisée",
} as const;

const COMMAND_LABELS = {
  offer: "de remettre en proposition",
  approve: "d'approuver",
  refuse: "de refuser",
  cancel: "d'annuler",
  withdraw: "de retirer",
  disburse: "de verser",
  repay: "d'enregistrer un remboursement sur",
  flag_arrears: "de signaler un impayé sur",
  write_off: "de passer en perte",
} as const;

const STATUS_LABELS = {
  queued: "en file d'attente",
  proposed: "proposée",
  approved: "approuvée",
  disbursed: "versée",
  repaying: "en remboursement",
  repaid: "remboursée",
  in_arrears: "en impayé",
  written_off: "passée en perte",
  cancelled: "annulée",
  refused: "refusée",
} as const;

export const AID_STATUS_LABELS: Readonly<Record<keyof typeof STATUS_LABELS, string>> = STATUS_LABELS;

export const AID_MESSAGES = {
  illegalTransition: (command: keyof typeof COMMAND_LABELS, status: keyof typeof STATUS_LABELS) =>
    `Impossible ${COMMAND_LABELS[command]} une aide ${STATUS_LABELS[status]}.`,
  withdrawTooLate: (status: keyof typeof STATUS_LABELS) =>
    `Impossible de retirer une aide ${STATUS_LABELS[status]} : seule une proposition encore en attente de décision (proposée ou en file d'attente) peut être retirée. Une aide approuvée et non versée s'annule par un contrôleur budgétaire.`,
  unknownDirective: "Le dossier relève d'une directive inconnue : aucune aide ne peut être proposée.",
  unknownDirectiveNamed: (reference: string) => `« ${reference} » n'est pas une directive connue.`,
  serviceOnly: (reference: string, mode: string) =>
    `Le dossier relève de la directive ${reference}, dont le mode d'intervention est « ${mode} » : ` +
    "elle n'ouvre aucun prêt ni aucune subvention sur l'enveloppe nationale annuelle. Le plan d'actions " +
    "peut orienter vers d'autres produits d'Action Logement.",
  caseNotAdmitted:
    "Une aide ne se propose que sur un dossier admis (admission, diagnostic, plan d'actions, engagement ou suivi), pas clos.",
  productNotForDirective: (reference: string) =>
    `Ce produit du catalogue ne s'applique pas à la directive ${reference}.`,
  amountPositive: "Le montant doit être un nombre entier de centimes strictement positif.",
  amountAboveMax: (max: number) => `Le montant dépasse le maximum du produit (${formatCents(max)}).`,
  durationForGrant: "Une subvention n'a pas de durée de remboursement.",
  durationPositive: "La durée doit être un nombre entier de mois, au moins 1.",
  durationAboveMax: (max: number) => `La durée dépasse le maximum du produit (${max} mois).`,
  ownProposal: "Vous avez proposé cette aide : un autre contrôleur budgétaire doit l'approuver.",
  secondApproverNeeded: (threshold: number) =>
    `Au-delà de ${formatCents(threshold)}, l'approbation exige deux contrôleurs budgétaires différents : ` +
    "vous avez déjà donné la première, un autre contrôleur doit donner la seconde.",
} as const;

const ALERT_LEVEL_SHARES = { alert_80: "80 %", alert_95: "95 %", exhausted: "100 %" } as const;

export const ENVELOPE_ALERT_MESSAGES = {
  national: (year: number, level: keyof typeof ALERT_LEVEL_SHARES) =>
    level === "exhausted"
      ? `Enveloppe nationale ${year} épuisée : réservé et engagé atteignent 100 % du montant.`
      : `Enveloppe nationale ${year} : réservé et engagé dépassent ${ALERT_LEVEL_SHARES[level]} du montant.`,
  allocation: (year: number, label: string, level: keyof typeof ALERT_LEVEL_SHARES) =>
    level === "exhausted"
      ? `Dotation « ${label} » ${year} épuisée : réservé et engagé atteignent 100 % de la dotation.`
      : `Dotation « ${label} » ${year} : réservé et engagé dépassent ${ALERT_LEVEL_SHARES[level]} de la dotation.`,
} as const;
