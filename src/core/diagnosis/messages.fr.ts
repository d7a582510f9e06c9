// Every French sentence of a case's content: the labels of the diagnosis, the action plan, appointments,
// closure indicators and the survey, and the message of each refusal.
import { formatCents } from "../finance/money.ts";
import { frenchDate } from "../rules/messages.fr.ts";
import type {
  ActionKind,
  ActionOwner,
  ActionStatus,
  AppointmentChannel,
  ClosureOutcome,
  DebtKind,
  DebtStage,
  ExpenseKind,
  ExternalAid,
  HouseholdRelation,
  HousingProcedureKind,
  HousingProcedureStage,
  IncomeKind,
  LandlordType,
  WorkingTime,
} from "./types.ts";

export const HOUSEHOLD_RELATION_LABELS: Readonly<Record<HouseholdRelation, string>> = {
  beneficiary: "Bénéficiaire",
  partner: "Conjoint ou conjointe",
  child: "Enfant",
  other_relative: "Autre membre de la famille",
  other: "Autre personne du foyer",
};

export const INCOME_LABELS: Readonly<Record<IncomeKind, string>> = {
  salary: "Salaire",
  unemployment_benefit: "Allocation chômage",
  pension: "Pension de retraite",
  sick_pay: "Indemnités journalières",
  family_benefits: "Prestations familiales",
  housing_benefit: "Aide au logement (APL, ALS, ALF)",
  minimum_income: "Revenu de solidarité active (RSA)",
  activity_bonus: "Prime d'activité",
  disability_benefit: "Allocation aux adultes handicapés (AAH) ou pension d'invalidité",
  alimony_received: "Pension alimentaire reçue",
  other: "Autre ressource",
};

export const EXPENSE_LABELS: Readonly<Record<ExpenseKind, string>> = {
  rent: "Loyer",
  mortgage: "Mensualité de prêt immobilier",
  service_charges: "Charges locatives ou de copropriété",
  energy: "Énergie (électricité, gaz, chauffage)",
  water: "Eau",
  insurance: "Assurances",
  telecom: "Téléphone et internet",
  transport: "Transport",
  childcare: "Garde d'enfants",
  school: "Frais de scolarité et cantine",
  health: "Mutuelle et frais de santé",
  alimony_paid: "Pension alimentaire versée",
  taxes: "Impôts et taxes",
  debt_repayment: "Remboursement de crédits ou de dettes",
  other: "Autre charge",
};

export const DEBT_KIND_LABELS: Readonly<Record<DebtKind, string>> = {
  rent_arrears: "Impayés de loyer",
  mortgage_arrears: "Impayés d'échéances de prêt immobilier",
  co_ownership_charges_arrears: "Impayés de charges de copropriété",
  energy: "Dette d'énergie",
  consumer_credit: "Crédit à la consommation",
  bank_overdraft: "Découvert bancaire",
  tax: "Dette fiscale",
  health: "Dette de santé",
  private_loan: "Prêt d'un proche",
  other: "Autre dette",
};

export const DEBT_STAGE_LABELS: Readonly<Record<DebtStage, string>> = {
  none: "Aucune procédure",
  reminder: "Relance amiable",
  formal_notice: "Mise en demeure",
  summons: "Assignation",
  judgment: "Jugement",
  enforcement: "Exécution forcée (saisie)",
};

export const LANDLORD_TYPE_LABELS: Readonly<Record<LandlordType, string>> = {
  social: "Bailleur social",
  private: "Bailleur privé",
  intermediated: "Intermédiation locative (association)",
  other: "Autre bailleur",
};

export const HOUSING_PROCEDURE_KIND_LABELS: Readonly<Record<HousingProcedureKind, string>> = {
  eviction: "Procédure d'expulsion",
  property_seizure: "Saisie immobilière",
};

export const HOUSING_PROCEDURE_STAGE_LABELS: Readonly<Record<HousingProcedureStage, string>> = {
  unpaid: "Impayés",
  formal_notice: "Commandement de payer",
  summons: "Assignation",
  judgment: "Jugement",
  eviction_order: "Concours de la force publique",
};

export const WORKING_TIME_LABELS: Readonly<Record<WorkingTime, string>> = {
  full_time: "Temps plein",
  part_time: "Temps partiel",
};

export const SENSITIVE_LABELS = {
  health: "Santé",
  violence: "Violences",
  notes: "Notes libres",
} as const;

export const ACTION_KIND_LABELS: Readonly<Record<ActionKind, string>> = {
  al_product: "Produit ou service Action Logement",
  external_aid: "Aide extérieure",
  partner_referral: "Orientation vers un organisme partenaire",
  rental_service: "Lien avec le service locatif",
  housing_first: "Accompagnement Logement d'Abord",
  other: "Autre action",
};

export const EXTERNAL_AID_LABELS: Readonly<Record<ExternalAid, string>> = {
  fsl: "Fonds de solidarité pour le logement (FSL)",
  caf: "Caisse d'allocations familiales (CAF)",
  over_indebtedness_file: "Dossier de surendettement (Banque de France)",
  ccas: "Centre communal d'action sociale (CCAS)",
  other: "Autre aide extérieure",
};

export const ACTION_OWNER_LABELS: Readonly<Record<ActionOwner, string>> = {
  beneficiary: "Bénéficiaire",
  counsellor: "Conseiller social",
  partner: "Organisme partenaire",
};

export const ACTION_STATUS_LABELS: Readonly<Record<ActionStatus, string>> = {
  planned: "Prévue",
  in_progress: "En cours",
  done: "Réalisée",
  cancelled: "Annulée",
};

export const APPOINTMENT_CHANNEL_LABELS: Readonly<Record<AppointmentChannel, string>> = {
  visit: "Visite",
  phone: "Téléphone",
  video: "Visioconférence",
};

export const CLOSURE_OUTCOME_LABELS: Readonly<Record<ClosureOutcome, string>> = {
  housing_kept: "Maintien dans le logement",
  housing_obtained: "Accès à un logement",
  eviction_avoided: "Expulsion évitée",
  seizure_avoided: "Saisie immobilière évitée",
  over_indebtedness_file_lodged: "Dossier de surendettement déposé",
  arrears_cleared: "Impayés résorbés",
  budget_rebalanced: "Budget rééquilibré",
  rights_opened: "Ouverture de droits",
  referred_to_partner: "Relais pris par un partenaire",
};

export const SURVEY_RATING_LABELS: Readonly<Record<1 | 2 | 3 | 4 | 5, string>> = {
  1: "Pas du tout satisfait",
  2: "Peu satisfait",
  3: "Moyennement satisfait",
  4: "Satisfait",
  5: "Très satisfait",
};

export const QUALITY_LABELS = {
  toFirstContact: "Délai entre la demande et le premier contact",
  toDiagnosis: "Délai entre la demande et le diagnostic",
  toClosure: "Délai entre la demande et la clôture",
  days: (count: number) => `${count} jour${count > 1 ? "s" : ""}`,
} as const;

/** Shown next to every « lien avec le service locatif » action (both directives say it). */
export const RENTAL_SERVICE_NOTICE =
  "Le lien avec le service locatif ne donne aucun accès prioritaire au logement : il vise à lever les freins à l'attribution d'un logement.";

export const DIAGNOSIS_MESSAGES = {
  noBeneficiary: "Le foyer doit comprendre le ou la bénéficiaire.",
  severalBeneficiaries: "Le foyer ne peut comprendre qu'un seul bénéficiaire.",
  arrearsExceedAmount: (arrears: number, amount: number) =>
    `Les impayés (${formatCents(arrears)}) dépassent le montant restant dû (${formatCents(amount)}).`,
  landlordNotTenant: "Le type de bailleur ne s'indique que pour un locataire.",
  housingCostWithoutHousing: "Une personne sans logement n'a ni loyer ni mensualité de prêt.",
  procedureNotForOccupancy: (kind: HousingProcedureKind, occupancy: string) =>
    `${HOUSING_PROCEDURE_KIND_LABELS[kind]} : impossible pour le statut d'occupation « ${occupancy} ».`,
  evictionOrderNotSeizure:
    "Le concours de la force publique est une étape de l'expulsion, pas de la saisie immobilière.",
  invalidDate: "Date invalide : format attendu AAAA-MM-JJ, avec un jour qui existe.",
  dateInFuture: (date: string) => `La date du ${frenchDate(date)} est dans le futur.`,
  blankText: "Ce texte ne peut pas être vide.",
  catalogueItemRequired: "Choisissez le produit ou service Action Logement dans le catalogue.",
  catalogueItemNotAllowed: "Seul un produit ou service Action Logement renvoie au catalogue.",
  externalAidRequired: "Précisez l'aide extérieure (FSL, CAF, dossier de surendettement, CCAS, autre).",
  externalAidNotAllowed: "L'aide extérieure ne se précise que pour une action de ce type.",
  partnerRequired: "Précisez l'organisme partenaire chargé de l'action.",
  partnerNotAllowed: "Un organisme partenaire ne s'indique que pour une action confiée à un partenaire.",
  housingFirstNotInDirective: (directive: string, clause: string) =>
    `L'accompagnement Logement d'Abord est prévu par la directive de 2025 (${clause}), pas par ${directive} dont relève ce dossier.`,
  housingFirstHasHousing: (occupancy: string) =>
    `L'accompagnement Logement d'Abord s'adresse aux salariés sans logement ou sans hébergement ; le diagnostic indique le statut « ${occupancy} ».`,
  actionFinished: (status: string) =>
    `L'action est ${status.toLowerCase()} : elle ne peut plus être modifiée ; ajoutez une nouvelle action si besoin.`,
  actionOutcomeRequired: "Indiquez le résultat de l'action avant de la déclarer réalisée ou annulée.",
  dateBeforeRequest: (date: string, requestedOn: string) =>
    `La date du ${frenchDate(date)} précède la date de la demande (${frenchDate(requestedOn)}).`,
  duplicateIndicator: "Un même indicateur est indiqué plusieurs fois.",
  ratingOutOfRange: "La note va de 1 (pas du tout satisfait) à 5 (très satisfait).",
} as const;
