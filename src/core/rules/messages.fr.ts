// Every French sentence the rules engine writes, apart from the directive texts it quotes (which live
// with each version, as data). The explanation, the reasons and the labels all come from here.
import type {
  Activity,
  ClauseStatus,
  ClauseTopic,
  ContractType,
  EmployerSector,
  Occupancy,
  Outcome,
  SituationKind,
} from "./types.ts";

export const OUTCOME_LABELS: Readonly<Record<Outcome, string>> = {
  eligible: "éligible",
  ineligible: "non éligible",
  review: "à examiner par le conseiller",
  incomplete: "incomplet",
};

export const STATUS_LABELS: Readonly<Record<ClauseStatus, string>> = {
  met: "remplie",
  not_met: "non remplie",
  unknown: "à préciser",
};

export const SITUATION_LABELS: Readonly<Record<SituationKind, string>> = {
  over_indebtedness: "surendettement",
  financial_imbalance: "déséquilibre financier",
  separation: "séparation",
  family_conflict: "conflits familiaux",
  domestic_violence: "violences familiales",
  death: "décès",
  illness: "maladie",
  disability: "invalidité",
  job_loss: "perte d'emploi",
  rent_arrears: "impayés de loyer",
  mortgage_arrears: "impayés d'échéances de prêt immobilier",
  co_ownership_charges_arrears: "impayés de charges de copropriété",
  energy_poverty: "précarité énergétique",
  other_life_accident: "autre accident de la vie",
};

export const OCCUPANCY_LABELS: Readonly<Record<Occupancy, string>> = {
  tenant: "locataire",
  owner: "propriétaire",
  buyer: "accédant à la propriété",
  occupant_without_title: "occupant sans titre",
  hosted: "hébergé",
  homeless: "sans logement ou sans hébergement",
};

export const ACTIVITY_LABELS: Readonly<Record<Activity, string>> = {
  employee: "salarié",
  temp_worker: "intérimaire",
  esat_worker: "travailleur en ESAT",
  jobseeker: "demandeur d'emploi",
  pre_retiree: "préretraité",
  student: "étudiant",
  retired: "retraité",
  self_employed: "travailleur indépendant",
  other: "autre situation",
};

export const SECTOR_LABELS: Readonly<Record<EmployerSector, string>> = {
  private_non_agricultural: "secteur privé non agricole",
  private_agricultural: "secteur privé agricole",
  public: "secteur public",
};

export const CONTRACT_LABELS: Readonly<Record<ContractType, string>> = {
  permanent: "CDI",
  fixed_term: "CDD",
  temp_mission: "mission d'intérim",
  apprenticeship: "contrat d'apprentissage",
  other: "autre contrat",
};

/** Reasons shared by several clauses; each version adds its own in its file. */
export const REASONS = {
  missingFacts: "Il manque des informations pour vérifier cette condition.",
  notEmployee: (activity: string) => `La personne n'est pas salariée (situation indiquée : ${activity}).`,
  notJobseeker: (activity: string) =>
    `La personne n'est pas demandeuse d'emploi (situation indiquée : ${activity}).`,
  notPreRetiree: (activity: string) =>
    `La personne n'est pas préretraitée (situation indiquée : ${activity}).`,
  notEsatWorker: (activity: string) =>
    `La personne n'est pas accueillie en ESAT (situation indiquée : ${activity}).`,
  employerSector: "L'employeur n'appartient pas au secteur privé non agricole.",
  employerHeadcount: "L'entreprise compte moins de 10 salariés.",
  formerEmployerSector: "L'ancien employeur n'appartient pas au secteur privé non agricole.",
  formerEmployerHeadcount: "L'ancienne entreprise comptait moins de 10 salariés.",
  noVisaleEvent: "Aucun événement exceptionnel au sens de la garantie VISALE n'est indiqué.",
  visaleNotEligible:
    "Le ménage n'est pas éligible à la garantie VISALE, ou l'événement n'est pas exceptionnel.",
  visaleMet: "Ménage confronté à un événement exceptionnel et éligible à la garantie VISALE.",
  noNaturalDisaster: "Aucune catastrophe naturelle reconnue n'est indiquée.",
  naturalNotDeclared: "La catastrophe naturelle n'a pas fait l'objet d'une reconnaissance officielle.",
  naturalDisasterNotEmployee: "Seuls les salariés victimes d'une catastrophe naturelle sont visés.",
  naturalMet: "Salarié victime d'une catastrophe naturelle officiellement reconnue.",
  noTechnologicalDisaster: "Aucune catastrophe technologique reconnue n'est indiquée.",
  technologicalNotDeclared:
    "L'état de catastrophe technologique n'a pas été déclaré par arrêté publié au Journal officiel.",
  technologicalTooSmall: "L'accident n'a pas rendu inhabitables plus de 500 logements.",
  technologicalNotEmployee: "Seuls les salariés victimes d'une catastrophe technologique sont visés.",
  technologicalMet:
    "Salarié victime d'une catastrophe technologique déclarée (plus de 500 logements rendus inhabitables).",
  territoryMetropolitan: "Le logement est situé en France métropolitaine.",
  territoryDrom: "Le logement est situé dans un département et région d'outre-mer (DROM).",
  territorySaintMartin: "Le logement est situé à Saint-Martin.",
  territoryOutside: "Le logement est situé hors du territoire couvert par la directive.",
  territoryUnknownPostcode: "Ce code postal ne figure pas dans la liste officielle des codes postaux.",
  occupancyListed: (occupancy: Occupancy) =>
    `Le statut d'occupation « ${OCCUPANCY_LABELS[occupancy]} » figure parmi ceux que la directive prévoit.`,
  situationListed: (kind: SituationKind) => `Situation prise en charge : ${SITUATION_LABELS[kind]}.`,
  situationForReview: (kind: SituationKind) =>
    `La situation « ${SITUATION_LABELS[kind]} » n'est pas citée par la directive ; elle peut relever ` +
    "de sa liste ouverte (« etc. ») : il revient au conseiller d'apprécier.",
  noSituation: "Aucune situation ayant un impact sur le logement n'est indiquée.",
} as const;

export const EXPLANATION = {
  heading: (id: string | undefined) => (id === undefined ? "Situation" : `Situation « ${id} »`),
  directive: (reference: string, title: string, from: string, until: string | null) =>
    `Directive appliquée : ${reference} (${title}), en vigueur ${until === null ? `depuis le ${frenchDate(from)}` : `du ${frenchDate(from)} au ${frenchDate(until)}`}.`,
  outcome: (outcome: Outcome) => `Résultat : ${OUTCOME_LABELS[outcome]}.`,
  reason: (clause: string, status: ClauseStatus, text: string) =>
    `  - [${STATUS_LABELS[status]}] ${text} (${clause})`,
  reasonsHeading: "Motifs :",
  missing: (labels: readonly string[]) => `Informations manquantes : ${labels.join(", ")}.`,
  parameters: (hours: number) =>
    `Paramètre appliqué : ${hours} heures de mission minimum sur 12 mois pour les intérimaires.`,
  noEntitlement:
    "Ce résultat éclaire la décision du conseiller social et ne la remplace pas : la directive n'ouvre aucun droit automatique.",
} as const;

export const RULE_ERRORS = {
  noDirectiveInForce: (date: string) =>
    `Aucune directive n'est en vigueur à la date de demande ${date} (la première s'applique à partir du 1er juin 2021).`,
  unknownParameter: (key: string) => `Paramètre inconnu : « ${key} ».`,
  parameterNotNumber: "La valeur doit être un nombre.",
  parameterNotInteger: "La valeur doit être un nombre entier.",
  parameterOutOfRange: (min: number, max: number, unit: string) =>
    `La valeur doit être comprise entre ${min} et ${max} (${unit}).`,
} as const;

const MONTHS = [
  "janvier",
  "février",
  "mars",
  "avril",
  "mai",
  "juin",
  "juillet",
  "août",
  "septembre",
  "octobre",
  "novembre",
  "décembre",
];

/** 2025-11-20 → « 20 novembre 2025 », 1st of the month as « 1er ». */
export function frenchDate(iso: string): string {
  const day = Number(iso.slice(8, 10));
  return `${day === 1 ? "1er" : day} ${MONTHS[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;
}

/** What each fact is called on screen, by its JSON Pointer in a situation. */
export const FACT_LABELS: Readonly<Record<string, string>> = {
  "/requestDate": "date de la demande",
  "/person/activity": "situation professionnelle",
  "/person/employer/sector": "secteur de l'employeur",
  "/person/employer/headcount": "effectif de l'employeur",
  "/person/contract/type": "type de contrat",
  "/person/contract/start": "date de début du contrat",
  "/person/contract/end": "date de fin du contrat",
  "/person/tempHoursLast12Months": "heures de mission sur les 12 derniers mois",
  "/person/esatSupportContractSigned": "signature du contrat de soutien et d'aide par le travail",
  "/person/activityEndDate": "date de fin d'activité",
  "/visale/exceptionalEvent": "événement exceptionnel VISALE",
  "/visale/guaranteeEligible": "éligibilité à la garantie VISALE",
  "/disaster/kind": "nature de la catastrophe",
  "/disaster/officiallyDeclared": "reconnaissance officielle de la catastrophe",
  "/disaster/uninhabitableDwellings": "nombre de logements rendus inhabitables",
  "/housing/postcode": "code postal du logement",
  "/housing/occupancy": "statut d'occupation",
  "/situations": "situations rencontrées",
};

export const TOPIC_LABELS: Readonly<Record<ClauseTopic, string>> = {
  definition: "Définition du service",
  employees: "Salariés",
  jobseekers: "Demandeurs d'emploi",
  pre_retirees: "Préretraités",
  temp_workers: "Intérimaires",
  esat_workers: "Travailleurs en ESAT",
  visale: "Ménages VISALE",
  natural_disaster: "Catastrophe naturelle",
  technological_disaster: "Catastrophe technologique",
  territory: "Territoire",
  occupancy: "Statut d'occupation",
  access_financial: "Difficultés financières",
  access_life_events: "Accidents de la vie",
  access_arrears: "Impayés et précarité énergétique",
  listening: "Écoute",
  diagnosis: "Diagnostic",
  action_plan: "Plan d'actions",
  engagement: "Engagement réciproque",
  follow_up: "Suivi et qualité",
  confidentiality: "Confidentialité vis-à-vis de l'employeur",
  free_of_charge: "Gratuité",
  rental_service: "Lien avec le service locatif",
  housing_first: "Logement d'Abord",
};
