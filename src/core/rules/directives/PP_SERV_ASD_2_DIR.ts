// PP_SERV_ASD_2_DIR: "Service d'accompagnement et de diagnostic social (Ex CIL PASS Assistance)",
// validated 09/10/2025, applied from 20/11/2025. Loans and grants within the annual national envelope,
// no open right. Clause texts are quoted from the directive; readings in docs/interpretations.md.
import { activityIn } from "../conditions.ts";
import { addMonths, dayNumber } from "../dates.ts";
import { type Finding, finding, NO, need, type Rule, UNKNOWN, YES } from "../findings.ts";
import {
  accessRule,
  activityMismatch,
  disasterGround,
  either,
  employerCheck,
  employerFindings,
  mismatchOf,
  type Truth3,
  territoryRule,
} from "../grounds.ts";
import { REASONS } from "../messages.fr.ts";
import type { Situation } from "../types.ts";
import { type DirectiveDefinition, defineClauses } from "./define.ts";

const REFERENCE = "PP_SERV_ASD_2_DIR";

const BENEFICIARIES = "Bénéficiaires";
const DISASTER_LEAD =
  "Tout salarié, quels que soient le secteur et la taille de son entreprise, son contrat de travail, son ancienneté dans l'entreprise et confronté à :";
const ACCESS = "Conditions relatives à l'accès au service";
const PRINCIPLES = "Principes d'intervention";

const clauses = defineClauses(REFERENCE, {
  definition: {
    section: "definition",
    topic: "definition",
    heading: "Définition",
    kind: "principle",
    text: "Service d'accompagnement ouvert aux personnes salariées en difficulté dans leur parcours résidentiel. Délivré par un conseiller social d'Action Logement Services ou par un organisme partenaire, il est centré sur les problématiques de maintien et d'accès au logement.",
    condition: "Décrit le service ; n'impose pas de condition.",
  },
  definitionService: {
    section: "definition",
    topic: "definition",
    heading: "Définition",
    kind: "principle",
    text: "Il s'agit d'un service d'accueil, de diagnostic social et de conseil, dont l'objectif est de proposer et mettre en œuvre des aides et services adaptés à la résolution des difficultés de logement rencontrées par ces personnes.",
    condition: "Décrit le service ; n'impose pas de condition.",
  },
  employees: {
    section: "beneficiaires",
    topic: "employees",
    heading: BENEFICIARIES,
    kind: "eligibility",
    text: "Salariés des entreprises du secteur privé non agricole de 10 salariés et plus, dont le contrat de travail est en cours et dont la durée est d'au moins 3 mois.",
    condition:
      "Salarié d'une entreprise du secteur privé non agricole d'au moins 10 salariés, dont le contrat est en cours à la date de la demande et d'une durée prévue d'au moins 3 mois (un CDI convient).",
  },
  tempWorkers: {
    section: "beneficiaires",
    topic: "temp_workers",
    heading: BENEFICIARIES,
    kind: "eligibility",
    text: "Les salariés intérimaires en mission de moins de 3 mois devront justifier d'un nombre d'heures minimal de mission sur les 12 derniers mois. Le seuil minimal sera fixé par Action Logement Services.",
    condition:
      "Intérimaire en mission de moins de 3 mois : au moins le nombre d'heures de mission fixé par Action Logement Services sur les 12 derniers mois (paramètre tempWorkerMinHours).",
  },
  esatWorkers: {
    section: "beneficiaires",
    topic: "esat_workers",
    heading: BENEFICIARIES,
    kind: "eligibility",
    text: "Les personnes handicapées accueillies en ESAT ayant signé un contrat de soutien et d'aide par le travail, conforme au modèle figurant à l'annexe 3.9 du Code de l'action sociale et des familles sont assimilées à des salariés, dans le cadre de la directive.",
    condition: "Travailleur accueilli en ESAT ayant signé un contrat de soutien et d'aide par le travail.",
  },
  naturalDisaster: {
    section: "beneficiaires",
    topic: "natural_disaster",
    heading: BENEFICIARIES,
    kind: "eligibility",
    text: `${DISASTER_LEAD} Un aléa naturel relevant de la loi, susceptible d'avoir des effets catastrophiques, pris en compte dans les Plans de Prévention des Risques Naturels Prévisibles tels que précisés dans la circulaire ministérielle relative à la constitution des dossiers concernant des demandes de reconnaissance de l'état de catastrophe naturelle du 19/05/1998, et/ou à un événement climatique de type cyclone, ouragan, tempête et tornade ayant fait l'objet d'un arrêté de catastrophe naturelle.`,
    condition:
      "Tout salarié (travailleur d'ESAT compris), quels que soient son employeur et son contrat, victime d'un aléa naturel officiellement reconnu.",
  },
  technologicalDisaster: {
    section: "beneficiaires",
    topic: "technological_disaster",
    heading: BENEFICIARIES,
    kind: "eligibility",
    text: `${DISASTER_LEAD} Une catastrophe technologique constatée, en cas de survenance d'un accident rendant inhabitables plus de 500 logements. L'état de catastrophe technologique doit être déclaré par le Gouvernement via la publication d'un arrêté dans le Journal Officiel.`,
    condition:
      "Tout salarié (travailleur d'ESAT compris), quels que soient son employeur et son contrat, victime d'une catastrophe technologique déclarée au Journal officiel ayant rendu inhabitables strictement plus de 500 logements.",
  },
  occupancy: {
    section: "beneficiaires",
    topic: "occupancy",
    heading: BENEFICIARIES,
    kind: "eligibility",
    text: "Tous les statuts d'occupation sont éligibles.",
    condition: "Aucune condition de statut d'occupation.",
  },
  territory: {
    section: "logement",
    topic: "territory",
    heading: "Conditions relatives au logement",
    kind: "eligibility",
    text: "Le logement doit être situé sur le territoire métropolitain, dans les DROM (Martinique, Guadeloupe, La Réunion, Mayotte, Guyane) ou sur la collectivité territoriale de St Martin.",
    condition:
      "Logement en France métropolitaine (Corse comprise), dans un DROM (971, 972, 973, 974, 976) ou à Saint-Martin (97150).",
  },
  accessOverIndebtedness: {
    section: "acces",
    topic: "access_financial",
    heading: ACCESS,
    kind: "eligibility",
    text: "Surendettement,",
    condition: "Surendettement (le déséquilibre financier n'est plus cité).",
  },
  accessLifeEvents: {
    section: "acces",
    topic: "access_life_events",
    heading: ACCESS,
    kind: "eligibility",
    text: "Accidents de la vie tels que la séparation, les violences et conflits familiaux, le décès, la maladie, l'invalidité, etc,",
    condition:
      "Séparation, violences et conflits familiaux, décès, maladie, invalidité ; tout autre accident de la vie relève de la liste ouverte (« etc. ») et de l'appréciation du conseiller.",
  },
  accessArrears: {
    section: "acces",
    topic: "access_arrears",
    heading: ACCESS,
    kind: "eligibility",
    text: "Situations ou risques d'impayés de loyers, d'échéances de prêt immobilier ou de charges de copropriété, ou de précarité énergétique.",
    condition:
      "Impayés (ou risque d'impayés) de loyer, d'échéances de prêt immobilier ou de charges de copropriété, ou précarité énergétique.",
  },
  listening: {
    section: "principes",
    topic: "listening",
    heading: PRINCIPLES,
    kind: "principle",
    text: "Une écoute personnalisée",
    condition: "Principe d'intervention.",
  },
  diagnosis: {
    section: "principes",
    topic: "diagnosis",
    heading: PRINCIPLES,
    kind: "principle",
    text: "Un diagnostic social de la situation",
    condition: "Principe d'intervention.",
  },
  actionPlan: {
    section: "principes",
    topic: "action_plan",
    heading: PRINCIPLES,
    kind: "principle",
    text: "La préconisation de solutions adaptées dans le cadre d'un plan d'actions proposé par le conseiller social, pouvant s'appuyer sur : le recours aux services et produits d'Action Logement ainsi qu'aux services et aides externes, la mobilisation de partenaires pour réaliser un accompagnement social.",
    condition:
      "Plan d'actions : produits d'Action Logement, aides externes, accompagnement social par un partenaire.",
  },
  engagement: {
    section: "principes",
    topic: "engagement",
    heading: PRINCIPLES,
    kind: "principle",
    text: "Le cas échéant, la signature d'un engagement réciproque formalisant l'adhésion du bénéficiaire à ce plan d'action,",
    condition:
      "L'engagement réciproque est signé le cas échéant : le conseiller peut s'en dispenser en le motivant.",
  },
  followUp: {
    section: "principes",
    topic: "follow_up",
    heading: PRINCIPLES,
    kind: "principle",
    text: "Le suivi de la mise en œuvre des préconisations prévues au protocole d'engagement réciproque et la mesure de la qualité du service rendu,",
    condition: "Principe d'intervention.",
  },
  confidentiality: {
    section: "principes",
    topic: "confidentiality",
    heading: PRINCIPLES,
    kind: "principle",
    text: "La confidentialité vis-à-vis de l'employeur,",
    condition: "Aucune information n'est communiquée à l'employeur.",
  },
  freeOfCharge: {
    section: "principes",
    topic: "free_of_charge",
    heading: PRINCIPLES,
    kind: "principle",
    text: "La gratuité du service pour le bénéficiaire.",
    condition: "Le service est gratuit pour le bénéficiaire.",
  },
  rentalService: {
    section: "principes",
    topic: "rental_service",
    heading: PRINCIPLES,
    kind: "principle",
    text: "Dans le cadre de l'accès au logement, le service peut intervenir en lien avec le service locatif d'Action Logement Services afin de lever les freins à l'attribution d'un logement. Le service d'accompagnement n'offre pas un accès prioritaire au logement ; il cherche le cas échéant à apporter une solution d'appui à la seule recherche d'un logement locatif.",
    condition: "Lien possible avec le service locatif ; aucun accès prioritaire au logement.",
  },
  housingFirst: {
    section: "principes",
    topic: "housing_first",
    heading: PRINCIPLES,
    kind: "principle",
    text: "En complémentarité avec la politique du « Logement d'Abord », le service accompagnera les salariés sans logement ou sans hébergement pour la recherche de logements adaptés, en lien avec les services locatifs d'ALS et les partenaires de l'aide aux salariés en difficulté (ASD).",
    condition: "Accompagnement Logement d'Abord des salariés sans logement ou sans hébergement.",
  },
});

// --- Bénéficiaires --------------------------------------------------------------------------------------

const EMPLOYEE = {
  met: finding(
    clauses.employees,
    YES,
    "Salarié d'une entreprise du secteur privé non agricole de 10 salariés et plus, contrat en cours d'une durée d'au moins 3 mois.",
  ),
  metByHours: finding(
    clauses.tempWorkers,
    YES,
    "Intérimaire en mission de moins de 3 mois justifiant du nombre minimal d'heures de mission sur les 12 derniers mois.",
  ),
  mismatches: activityMismatch(clauses.employees, REASONS.notEmployee),
  employer: employerFindings(clauses.employees),
  notStarted: finding(
    clauses.employees,
    NO,
    "Le contrat de travail n'a pas encore commencé à la date de la demande.",
  ),
  ended: finding(clauses.employees, NO, "Le contrat de travail a pris fin avant la date de la demande."),
  tooShort: finding(clauses.employees, NO, "Le contrat de travail a une durée prévue de moins de 3 mois."),
  notEnoughHours: finding(
    clauses.tempWorkers,
    NO,
    "Intérimaire en mission de moins de 3 mois sans le nombre minimal d'heures de mission sur les 12 derniers mois.",
  ),
  unknown: finding(clauses.employees, UNKNOWN, REASONS.missingFacts),
  unknownHours: finding(clauses.tempWorkers, UNKNOWN, REASONS.missingFacts),
};

const employees: Rule = (situation, parameters, missing) => {
  const person = situation.person;
  const mismatch = mismatchOf(situation, ["employee", "temp_worker"], EMPLOYEE.mismatches, missing);
  if (mismatch !== undefined) return mismatch;
  const employer = employerCheck(situation, EMPLOYEE.employer, missing);
  if (typeof employer !== "number") return employer;

  // "dont le contrat de travail est en cours": started on or before the request, not ended before it.
  const contract = person?.contract;
  const start = contract?.start;
  const end = contract?.end;
  const request = situation.requestDate;
  if (start !== undefined && start > request) return EMPLOYEE.notStarted;
  if (end !== undefined && end !== null && end < request) return EMPLOYEE.ended;

  // "dont la durée est d'au moins 3 mois": planned from start to end; open-ended or permanent qualifies.
  const permanent: Truth3 = contract?.type === undefined ? UNKNOWN : contract.type === "permanent" ? YES : NO;
  const longEnough: Truth3 =
    end === null
      ? YES
      : end === undefined || start === undefined
        ? UNKNOWN
        : dayNumber(end) >= addMonths(start, 3)
          ? YES
          : NO;
  const threeMonths = either(permanent, longEnough);
  // Temp workers on a shorter mission: enough mission hours over the last twelve months.
  const tempWorker: Truth3 =
    person?.activity === undefined ? UNKNOWN : person.activity === "temp_worker" ? YES : NO;
  const hours = person?.tempHoursLast12Months;
  const enoughHours: Truth3 =
    tempWorker === NO || (hours !== undefined && hours < parameters.tempWorkerMinHours)
      ? NO
      : tempWorker === YES && hours !== undefined
        ? YES
        : UNKNOWN;
  const duration = either(threeMonths, enoughHours);
  if (duration === NO) return tempWorker === YES ? EMPLOYEE.notEnoughHours : EMPLOYEE.tooShort;

  const decided =
    person?.activity !== undefined && employer === YES && start !== undefined && end !== undefined;
  if (decided && duration === YES) return threeMonths === YES ? EMPLOYEE.met : EMPLOYEE.metByHours;
  if (start === undefined) need(missing, "/person/contract/start");
  if (end === undefined) need(missing, "/person/contract/end");
  if (duration === UNKNOWN) {
    if (threeMonths === UNKNOWN && permanent === UNKNOWN) need(missing, "/person/contract/type");
    if (enoughHours === UNKNOWN && hours === undefined) need(missing, "/person/tempHoursLast12Months");
  }
  // A mission known to be shorter than 3 months now hangs on the hours: point at the clause that asks them.
  return threeMonths === NO ? EMPLOYEE.unknownHours : EMPLOYEE.unknown;
};

const ESAT = {
  met: finding(
    clauses.esatWorkers,
    YES,
    "Travailleur accueilli en ESAT ayant signé un contrat de soutien et d'aide par le travail.",
  ),
  mismatches: activityMismatch(clauses.esatWorkers, REASONS.notEsatWorker),
  notSigned: finding(
    clauses.esatWorkers,
    NO,
    "Le contrat de soutien et d'aide par le travail n'est pas signé.",
  ),
  unknown: finding(clauses.esatWorkers, UNKNOWN, REASONS.missingFacts),
};

/** The ESAT ground's truth, shared with the disaster grounds ("assimilées à des salariés"). */
function esatTruth(situation: Situation, missing: string[]): Truth3 {
  const activity = activityIn(situation.person, ["esat_worker"], missing);
  const signed = situation.person?.esatSupportContractSigned;
  if (activity === NO || signed === false) return NO;
  if (activity === YES && signed === true) return YES;
  if (signed === undefined) need(missing, "/person/esatSupportContractSigned");
  return UNKNOWN;
}

const esatWorkers: Rule = (situation, _parameters, missing) => {
  const truth = esatTruth(situation, missing);
  if (truth === YES) return ESAT.met;
  if (truth === UNKNOWN) return ESAT.unknown;
  const activity = situation.person?.activity;
  return activity === "esat_worker" || activity === undefined
    ? ESAT.notSigned
    : (ESAT.mismatches.get(activity) as Finding);
};

// "Tout salarié, quels que soient ... son contrat de travail": any employee or temp worker, and ESAT
// workers, who are "assimilées à des salariés, dans le cadre de la directive"; no longer pre-retirees.
const isVictim = (situation: Situation, missing: string[]) =>
  either(activityIn(situation.person, ["employee", "temp_worker"], missing), esatTruth(situation, missing));
const naturalDisaster = disasterGround("natural", clauses.naturalDisaster, isVictim);
const technologicalDisaster = disasterGround("technological", clauses.technologicalDisaster, isVictim);

// --- Logement -------------------------------------------------------------------------------------------

const territory = territoryRule(clauses.territory, ["metropolitan", "drom", "saint_martin"]);

const ANY_OCCUPANCY = finding(clauses.occupancy, YES, "Tous les statuts d'occupation sont éligibles.");
const occupancy: Rule = () => ANY_OCCUPANCY;

// --- Accès au service -----------------------------------------------------------------------------------

// No longer cited (financial imbalance, job loss) or never cited (other life accidents): left to the
// "etc." of the list of life accidents, for the counsellor to weigh.
const access = accessRule(
  [
    ["over_indebtedness", clauses.accessOverIndebtedness],
    ["separation", clauses.accessLifeEvents],
    ["domestic_violence", clauses.accessLifeEvents],
    ["family_conflict", clauses.accessLifeEvents],
    ["death", clauses.accessLifeEvents],
    ["illness", clauses.accessLifeEvents],
    ["disability", clauses.accessLifeEvents],
    ["rent_arrears", clauses.accessArrears],
    ["mortgage_arrears", clauses.accessArrears],
    ["co_ownership_charges_arrears", clauses.accessArrears],
    ["energy_poverty", clauses.accessArrears],
  ],
  clauses.accessLifeEvents,
);

export const PP_SERV_ASD_2_DIR: DirectiveDefinition = Object.freeze({
  reference: REFERENCE,
  title: "Service d'accompagnement et de diagnostic social (Ex CIL PASS Assistance)",
  mode: "Prêt et Subvention",
  modeKind: "loan_and_grant",
  openEntitlement: false,
  validatedOn: "2025-10-09",
  appliesFrom: "2025-11-20",
  withinAnnualEnvelope: true,
  clauses: Object.freeze(Object.values(clauses)),
  rules: Object.freeze({
    beneficiary: [employees, esatWorkers, naturalDisaster, technologicalDisaster],
    housing: [territory, occupancy],
    access,
  }),
});
