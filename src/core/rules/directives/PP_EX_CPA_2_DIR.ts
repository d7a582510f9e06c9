// PP_EX_CPA_2_DIR: "Personnes physiques – Aides aux salariés en difficulté – Ex CIL-PASS Assistance",
// validated 24/03/2021, applied from 01/06/2021. A service ("Prestation de services"), no open right.
// Clause texts are quoted from the directive; the readings are explained in docs/interpretations.md.

import { activityIn } from "../conditions.ts";
import { addMonths, dayNumber } from "../dates.ts";
import { type Finding, finding, NO, need, type Rule, UNKNOWN, YES } from "../findings.ts";
import {
  accessRule,
  activityMismatch,
  disasterGround,
  employerCheck,
  employerFindings,
  mismatchOf,
  territoryRule,
} from "../grounds.ts";
import { REASONS } from "../messages.fr.ts";
import { type Clause, OCCUPANCIES, type Occupancy, type Situation } from "../types.ts";
import { type DirectiveDefinition, defineClauses } from "./define.ts";

const REFERENCE = "PP_EX_CPA_2_DIR";

const BENEFICIARIES = "Bénéficiaires";
const DISASTER_LEAD = "Tout salarié, quels que soient le secteur et la taille de son entreprise, confronté à";

const clauses = defineClauses(REFERENCE, {
  definition: {
    section: "definition",
    topic: "definition",
    heading: "Définition",
    kind: "principle",
    text: "Service d'assistance dédié à une personne physique en difficulté dans son parcours résidentiel. Délivré par un conseiller social d'Action Logement Services ou par un organisme prestataire, il est centré sur les problématiques de maintien et d'accès au logement.",
    condition: "Décrit le service ; n'impose pas de condition.",
  },
  definitionService: {
    section: "definition",
    topic: "definition",
    heading: "Définition",
    kind: "principle",
    text: "Il s'agit d'un service d'accueil et de diagnostic afin de proposer et mettre en œuvre des solutions adaptées au bénéfice des ménages en difficulté.",
    condition: "Décrit le service ; n'impose pas de condition.",
  },
  employees: {
    section: "beneficiaires",
    topic: "employees",
    heading: BENEFICIARIES,
    kind: "eligibility",
    text: "Salariés des entreprises du secteur privé non agricole de 10 salariés et plus, quelles que soient l'ancienneté et la nature du contrat de travail,",
    condition:
      "Salarié (intérimaire compris) d'une entreprise du secteur privé non agricole d'au moins 10 salariés, quels que soient le contrat et l'ancienneté.",
  },
  jobseekers: {
    section: "beneficiaires",
    topic: "jobseekers",
    heading: BENEFICIARIES,
    kind: "eligibility",
    text: "ou demandeurs d'emploi, anciens salariés des entreprises du secteur privé non agricole de 10 salariés et plus, dans les 12 mois suivants leur cessation d'activité professionnelle.",
    condition:
      "Demandeur d'emploi dont l'ancien employeur était une entreprise du secteur privé non agricole d'au moins 10 salariés, la demande étant faite au plus tard 12 mois après la fin d'activité.",
  },
  preRetirees: {
    section: "beneficiaires",
    topic: "pre_retirees",
    heading: BENEFICIARIES,
    kind: "eligibility",
    text: "Les préretraités sont assimilés à des salariés.",
    condition:
      "Préretraité dont l'ancien employeur était une entreprise du secteur privé non agricole d'au moins 10 salariés.",
  },
  visale: {
    section: "beneficiaires",
    topic: "visale",
    heading: BENEFICIARIES,
    kind: "eligibility",
    text: "Dans le cadre VISALE : Tout ménage confronté à un évènement exceptionnel tel que défini dans la directive VISALE (réf PP_VISALE_2_DR) et sous réserve de son éligibilité à cette garantie.",
    condition:
      "Tout ménage confronté à un événement exceptionnel au sens de VISALE et éligible à cette garantie, quelle que soit son activité.",
  },
  naturalDisaster: {
    section: "beneficiaires",
    topic: "natural_disaster",
    heading: BENEFICIARIES,
    kind: "eligibility",
    text: `${DISASTER_LEAD} Un aléa naturel relevant de la loi, susceptibles d'avoir des effets catastrophiques, pris en compte dans les Plans de Prévention des Risques Naturels Prévisibles tels que précisés dans la circulaire ministérielle relative à la constitution des dossiers concernant des demandes de reconnaissance de l'état de catastrophe naturelle du 19/05/1998, et/ou à un évènement climatique de type cyclone, ouragan, tempête et tornade ayant fait l'objet d'un arrêté de catastrophe naturelle.`,
    condition:
      "Tout salarié (préretraité compris), quel que soit son employeur, victime d'un aléa naturel officiellement reconnu.",
  },
  technologicalDisaster: {
    section: "beneficiaires",
    topic: "technological_disaster",
    heading: BENEFICIARIES,
    kind: "eligibility",
    text: `${DISASTER_LEAD} Une catastrophe technologique constatée, en cas de survenance d'un accident rendant inhabitables plus de 500 logements. L'état de catastrophe technologique doit être déclaré par le Gouvernement via la publication d'un arrêté dans le Journal officiel.`,
    condition:
      "Tout salarié (préretraité compris), quel que soit son employeur, victime d'une catastrophe technologique déclarée au Journal officiel ayant rendu inhabitables strictement plus de 500 logements.",
  },
  territory: {
    section: "logement",
    topic: "territory",
    heading: "Conditions relatives au logement",
    kind: "eligibility",
    text: "Le logement ou l'hébergement doit être situé sur le territoire métropolitain ou dans les DROM.",
    condition:
      "Logement en France métropolitaine (Corse comprise) ou dans un DROM (971, 972, 973, 974, 976) ; Saint-Martin, collectivité d'outre-mer, n'est pas couvert.",
  },
  occupancy: {
    section: "occupation",
    topic: "occupancy",
    heading: "Conditions relatives aux bénéficiaires",
    kind: "eligibility",
    text: "Locataires ; Propriétaires ; Accédants à la propriété ; Occupants sans titre ; Hébergés ; Sans logement ou sans hébergement",
    condition: "Tous les statuts d'occupation sont prévus ; le statut doit être connu.",
  },
  accessFinancial: {
    section: "acces",
    topic: "access_financial",
    heading: "Conditions relatives à l'accès au service",
    kind: "eligibility",
    text: "Situations de déséquilibre financier ou de surendettement,",
    condition: "Déséquilibre financier ou surendettement.",
  },
  accessLifeEvents: {
    section: "acces",
    topic: "access_life_events",
    heading: "Conditions relatives à l'accès au service",
    kind: "eligibility",
    text: "Situations telles que la séparation, les conflits familiaux, le décès, la maladie, la perte d'emploi, etc. ;",
    condition:
      "Séparation, conflits familiaux, décès, maladie, perte d'emploi ; toute autre situation relève de la liste ouverte (« etc. ») et de l'appréciation du conseiller.",
  },
  accessArrears: {
    section: "acces",
    topic: "access_arrears",
    heading: "Conditions relatives à l'accès au service",
    kind: "eligibility",
    text: "Situations ou risques d'impayés de loyer, d'échéances de prêt immobilier ou de charges de copropriété, la volonté étant d'intervenir le plus en amont pour prévenir les situations d'expulsion ou de saisie immobilière.",
    condition:
      "Impayés (ou risque d'impayés) de loyer, d'échéances de prêt immobilier ou de charges de copropriété.",
  },
  rentalService: {
    section: "acces",
    topic: "rental_service",
    heading: "Conditions relatives à l'accès au service",
    kind: "principle",
    text: "Dans le cadre de l'accès au logement, le service peut intervenir en lien avec le service locatif, afin de lever le /les frein(s) à l'attribution d'un logement. La sollicitation du service ne constitue pas un accès prioritaire au logement et doit apporter une/des solution(s) complémentaire(s) à la seule recherche d'un logement locatif.",
    condition: "Lien possible avec le service locatif ; aucun accès prioritaire au logement.",
  },
  listening: {
    section: "caracteristiques",
    topic: "listening",
    heading: "Caractéristiques",
    kind: "principle",
    text: "Une écoute personnalisée ;",
    condition: "Principe d'intervention.",
  },
  diagnosis: {
    section: "caracteristiques",
    topic: "diagnosis",
    heading: "Caractéristiques",
    kind: "principle",
    text: "Un diagnostic sur la base d'une analyse de la situation globale,",
    condition: "Principe d'intervention.",
  },
  actionPlan: {
    section: "caracteristiques",
    topic: "action_plan",
    heading: "Caractéristiques",
    kind: "principle",
    text: "Une préconisation de solutions adaptées dans le cadre d'un protocole d'engagement réciproque signé entre le bénéficiaire et ALS : Par le recours aux services et produits d'Action Logement ; Par la mobilisation de partenaires pour réaliser un accompagnement social ;",
    condition:
      "Le protocole d'engagement réciproque est toujours signé entre le bénéficiaire et ALS avant la mise en œuvre des préconisations.",
  },
  followUp: {
    section: "caracteristiques",
    topic: "follow_up",
    heading: "Caractéristiques",
    kind: "principle",
    text: "Un suivi de la mise en œuvre des préconisations prévues au protocole d'engagement réciproque et la mesure de la qualité du service rendu ;",
    condition: "Principe d'intervention.",
  },
  confidentiality: {
    section: "caracteristiques",
    topic: "confidentiality",
    heading: "Caractéristiques",
    kind: "principle",
    text: "La confidentialité vis-à-vis de l'employeur ;",
    condition: "Aucune information n'est communiquée à l'employeur.",
  },
  freeOfCharge: {
    section: "caracteristiques",
    topic: "free_of_charge",
    heading: "Caractéristiques",
    kind: "principle",
    text: "La gratuité du service pour le bénéficiaire.",
    condition: "Le service est gratuit pour le bénéficiaire.",
  },
});

// --- Bénéficiaires --------------------------------------------------------------------------------------

/** A person of the `accepted` activities whose (former) employer qualifies. */
function employerGround(
  accepted: readonly string[],
  clause: Clause,
  texts: { met: string; mismatch: (activity: string) => string; former: boolean },
): Rule {
  const met = finding(clause, YES, texts.met);
  const mismatches = activityMismatch(clause, texts.mismatch);
  const employer = employerFindings(clause, texts.former);
  const unknown = finding(clause, UNKNOWN, REASONS.missingFacts);
  return (situation, _parameters, missing) => {
    const mismatch = mismatchOf(situation, accepted, mismatches, missing);
    if (mismatch !== undefined) return mismatch;
    const truth = employerCheck(situation, employer, missing);
    if (typeof truth !== "number") return truth;
    return situation.person?.activity !== undefined && truth === YES ? met : unknown;
  };
}

// Temp workers are employees of their agency.
const employees = employerGround(["employee", "temp_worker"], clauses.employees, {
  met: "Salarié d'une entreprise du secteur privé non agricole de 10 salariés et plus.",
  mismatch: REASONS.notEmployee,
  former: false,
});

const preRetirees = employerGround(["pre_retiree"], clauses.preRetirees, {
  met: "Préretraité, ancien salarié d'une entreprise du secteur privé non agricole de 10 salariés et plus.",
  mismatch: REASONS.notPreRetiree,
  former: true,
});

const JOBSEEKER = {
  met: finding(
    clauses.jobseekers,
    YES,
    "Demandeur d'emploi, ancien salarié d'une entreprise qualifiante, dans les 12 mois suivant la fin de son activité.",
  ),
  mismatches: activityMismatch(clauses.jobseekers, REASONS.notJobseeker),
  employer: employerFindings(clauses.jobseekers, true),
  notYetEnded: finding(
    clauses.jobseekers,
    NO,
    "L'activité professionnelle n'avait pas encore cessé à la date de la demande.",
  ),
  tooLate: finding(
    clauses.jobseekers,
    NO,
    "La demande intervient plus de 12 mois après la cessation d'activité professionnelle.",
  ),
  unknown: finding(clauses.jobseekers, UNKNOWN, REASONS.missingFacts),
};

const jobseekers: Rule = (situation, _parameters, missing) => {
  const mismatch = mismatchOf(situation, ["jobseeker"], JOBSEEKER.mismatches, missing);
  if (mismatch !== undefined) return mismatch;
  const truth = employerCheck(situation, JOBSEEKER.employer, missing);
  if (typeof truth !== "number") return truth;
  const ended = situation.person?.activityEndDate;
  if (ended === undefined) {
    need(missing, "/person/activityEndDate");
    return JOBSEEKER.unknown;
  }
  // "dans les 12 mois suivants leur cessation d'activité": after it ended, up to and including the same
  // day twelve months later.
  if (ended > situation.requestDate) return JOBSEEKER.notYetEnded;
  if (dayNumber(situation.requestDate) > addMonths(ended, 12)) return JOBSEEKER.tooLate;
  return situation.person?.activity !== undefined && truth === YES ? JOBSEEKER.met : JOBSEEKER.unknown;
};

const VISALE = {
  met: finding(clauses.visale, YES, REASONS.visaleMet),
  none: finding(clauses.visale, NO, REASONS.noVisaleEvent),
  notEligible: finding(clauses.visale, NO, REASONS.visaleNotEligible),
  unknown: finding(clauses.visale, UNKNOWN, REASONS.missingFacts),
};

const visale: Rule = (situation, _parameters, missing) => {
  const facts = situation.visale;
  if (facts === undefined) return VISALE.none;
  if (facts.exceptionalEvent === false || facts.guaranteeEligible === false) return VISALE.notEligible;
  if (facts.exceptionalEvent === true && facts.guaranteeEligible === true) return VISALE.met;
  if (facts.exceptionalEvent === undefined) need(missing, "/visale/exceptionalEvent");
  if (facts.guaranteeEligible === undefined) need(missing, "/visale/guaranteeEligible");
  return VISALE.unknown;
};

// "Tout salarié": employees and temp workers whatever their employer, and pre-retirees, who are
// "assimilés à des salariés" by the same text.
const DISASTER_VICTIMS = ["employee", "temp_worker", "pre_retiree"];
const isVictim = (situation: Situation, missing: string[]) =>
  activityIn(situation.person, DISASTER_VICTIMS, missing);
const naturalDisaster = disasterGround("natural", clauses.naturalDisaster, isVictim);
const technologicalDisaster = disasterGround("technological", clauses.technologicalDisaster, isVictim);

// --- Logement -------------------------------------------------------------------------------------------

const territory = territoryRule(clauses.territory, ["metropolitan", "drom"], {
  saint_martin:
    "Saint-Martin est une collectivité d'outre-mer et non un DROM : cette version de la directive ne la couvre pas.",
});

const OCCUPANCY_FINDINGS = new Map<Occupancy, Finding>(
  OCCUPANCIES.map((occupancy) => [
    occupancy,
    finding(clauses.occupancy, YES, REASONS.occupancyListed(occupancy)),
  ]),
);
const OCCUPANCY_UNKNOWN = finding(clauses.occupancy, UNKNOWN, REASONS.missingFacts);

// The six statuses listed are all there are: the condition only asks that the status be known.
const occupancy: Rule = (situation, _parameters, missing) => {
  const status = situation.housing?.occupancy;
  const found = status === undefined ? undefined : OCCUPANCY_FINDINGS.get(status);
  if (found !== undefined) return found;
  need(missing, "/housing/occupancy");
  return OCCUPANCY_UNKNOWN;
};

// --- Accès au service -----------------------------------------------------------------------------------

// Kinds not cited (domestic violence and disability, cited only from 2025, energy poverty, any other
// life accident) are left to the "etc." of the life events list.
const access = accessRule(
  [
    ["financial_imbalance", clauses.accessFinancial],
    ["over_indebtedness", clauses.accessFinancial],
    ["separation", clauses.accessLifeEvents],
    ["family_conflict", clauses.accessLifeEvents],
    ["death", clauses.accessLifeEvents],
    ["illness", clauses.accessLifeEvents],
    ["job_loss", clauses.accessLifeEvents],
    ["rent_arrears", clauses.accessArrears],
    ["mortgage_arrears", clauses.accessArrears],
    ["co_ownership_charges_arrears", clauses.accessArrears],
  ],
  clauses.accessLifeEvents,
);

export const PP_EX_CPA_2_DIR: DirectiveDefinition = Object.freeze({
  reference: REFERENCE,
  title: "Personnes physiques – Aides aux salariés en difficulté – Ex CIL-PASS Assistance",
  mode: "Prestation de services",
  modeKind: "service",
  openEntitlement: false,
  validatedOn: "2021-03-24",
  appliesFrom: "2021-06-01",
  withinAnnualEnvelope: false,
  clauses: Object.freeze(Object.values(clauses)),
  rules: Object.freeze({
    beneficiary: [employees, jobseekers, preRetirees, visale, naturalDisaster, technologicalDisaster],
    housing: [territory, occupancy],
    access,
  }),
});
