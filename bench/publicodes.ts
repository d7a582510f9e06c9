// The same eligibility rules written for Publicodes (the rules engine of French public services), as the
// benchmark's external baseline. Same readings as bare.ts; absent facts stay out of the Publicodes situation,
// so that Publicodes' own missing-value logic (a condition is undefined unless decided) gives "incomplete".
// Dates reach Publicodes as month numbers and days (it has no month arithmetic); the postcode reaches it as a
// territory (a lookup, not a rule).
import Engine from "publicodes";
import {
  type Outcome,
  SITUATION_KINDS,
  type Situation,
  type SituationKind,
} from "../src/core/rules/index.ts";
import { territoryByPrefix } from "./bare.ts";

const KINDS = SITUATION_KINDS;
const LISTED_2021: readonly SituationKind[] = [
  "financial_imbalance",
  "over_indebtedness",
  "separation",
  "family_conflict",
  "death",
  "illness",
  "job_loss",
  "rent_arrears",
  "mortgage_arrears",
  "co_ownership_charges_arrears",
];
const LISTED_2025: readonly SituationKind[] = [
  "over_indebtedness",
  "separation",
  "domestic_violence",
  "family_conflict",
  "death",
  "illness",
  "disability",
  "rent_arrears",
  "mortgage_arrears",
  "co_ownership_charges_arrears",
  "energy_poverty",
];
const OCCUPANCIES = ["tenant", "owner", "buyer", "occupant_without_title", "hosted", "homeless"];

const kindRule = (kind: SituationKind) => `situation ${kind}`;
const anyOf = (conditions: string[]) => ({ "une de ces conditions": conditions });
const allOf = (conditions: string[]) => ({ "toutes ces conditions": conditions });

/** A version's outcome from its conditions, each true, false or undefined (a fact is missing). */
function outcomeRules(version: string, conditions: string[]) {
  const rules: Record<string, unknown> = {};
  for (const condition of conditions) {
    rules[`${condition} refusé`] = allOf([`${condition} connu`, `${condition} = non`]);
    rules[`${condition} connu`] = { "est défini": condition };
    rules[`${condition} inconnu`] = { "est non défini": condition };
  }
  rules[`issue ${version}`] = {
    variations: [
      { si: anyOf(conditions.map((condition) => `${condition} refusé`)), alors: "'ineligible'" },
      { si: anyOf(conditions.map((condition) => `${condition} inconnu`)), alors: "'incomplete'" },
      { si: `accès listé ${version}`, alors: "'eligible'" },
      { sinon: "'review'" },
    ],
  };
  return rules;
}

const FIRST_DAY_2025 = (2025 * 12 + 10) * 32 + 20;

export const PUBLICODES_RULES: Record<string, unknown> = {
  // Facts (set from the situation; absent when unknown).
  activité: null,
  secteur: null,
  effectif: null,
  "contrat type": null,
  "début mois": null,
  "début jour": null,
  "fin ouverte": null,
  "fin mois": null,
  "fin jour": null,
  "fin jours dans le mois": null,
  "heures intérim": null,
  "contrat ESAT signé": null,
  "cessation mois": null,
  "cessation jour": null,
  "demande mois": null,
  "demande jour": null,
  "visale événement": null,
  "visale garantie": null,
  "sinistre nature": null,
  "sinistre déclaré": null,
  "logements inhabitables": null,
  territoire: null,
  occupation: null,
  ...Object.fromEntries(KINDS.map((kind) => [kindRule(kind), null])),
  // Parameter left to Action Logement Services.
  "seuil heures intérim": { valeur: 414 },

  "demande ordinal": { valeur: "demande mois * 32 + demande jour" },
  "début ordinal": { valeur: "début mois * 32 + début jour" },
  "fin ordinal": { valeur: "fin mois * 32 + fin jour" },
  "version 2025": { valeur: `demande ordinal >= ${FIRST_DAY_2025}` },
  "employeur éligible": allOf(["secteur = 'private_non_agricultural'", "effectif >= 10"]),
  "sinistre reconnu": anyOf(["sinistre naturel reconnu", "sinistre technologique reconnu"]),
  "sinistre naturel reconnu": allOf(["sinistre nature = 'natural'", "sinistre déclaré"]),
  "sinistre technologique reconnu": allOf([
    "sinistre nature = 'technological'",
    "sinistre déclaré",
    "logements inhabitables > 500",
  ]),
  "accès 2021": anyOf(KINDS.map(kindRule)),
  "accès listé 2021": anyOf(LISTED_2021.map(kindRule)),
  "accès 2025": anyOf(KINDS.map(kindRule)),
  "accès listé 2025": anyOf(LISTED_2025.map(kindRule)),

  // PP_EX_CPA_2_DIR (2021).
  "salarié 2021": anyOf(["activité = 'employee'", "activité = 'temp_worker'", "activité = 'pre_retiree'"]),
  "dans les 12 mois": { valeur: "demande ordinal <= (cessation mois + 12) * 32 + cessation jour" },
  "bénéficiaire 2021": anyOf([
    "motif salarié 2021",
    "motif demandeur emploi 2021",
    "motif visale 2021",
    "motif sinistre 2021",
  ]),
  "motif salarié 2021": allOf(["salarié 2021", "employeur éligible"]),
  "motif demandeur emploi 2021": allOf(["activité = 'jobseeker'", "employeur éligible", "dans les 12 mois"]),
  "motif visale 2021": allOf(["visale événement", "visale garantie"]),
  "motif sinistre 2021": allOf(["salarié 2021", "sinistre reconnu"]),
  "territoire 2021": anyOf(["territoire = 'metropolitan'", "territoire = 'drom'"]),
  "occupation 2021": anyOf(OCCUPANCIES.map((occupancy) => `occupation = '${occupancy}'`)),
  ...outcomeRules("2021", ["bénéficiaire 2021", "territoire 2021", "occupation 2021", "accès 2021"]),

  // PP_SERV_ASD_2_DIR (2025).
  "salarié 2025": anyOf(["activité = 'employee'", "activité = 'temp_worker'"]),
  "contrat en cours": allOf(["début ordinal <= demande ordinal", "contrat pas terminé"]),
  "contrat pas terminé": anyOf(["fin ouverte", "fin ordinal >= demande ordinal"]),
  "échéance trois mois": {
    valeur: "(début mois + 3) * 32 + jour échéance trois mois",
  },
  "jour échéance trois mois": { valeur: "début jour", plafond: "fin jours dans le mois" },
  "durée trois mois": anyOf([
    "contrat type = 'permanent'",
    "fin ouverte",
    "fin ordinal >= échéance trois mois",
  ]),
  "heures suffisantes": allOf(["activité = 'temp_worker'", "heures intérim >= seuil heures intérim"]),
  "motif salarié 2025": allOf(["salarié 2025", "employeur éligible", "contrat en cours", "durée ou heures"]),
  "durée ou heures": anyOf(["durée trois mois", "heures suffisantes"]),
  "motif ESAT 2025": allOf(["activité = 'esat_worker'", "contrat ESAT signé"]),
  "motif sinistre 2025": allOf(["salarié ou ESAT 2025", "sinistre reconnu"]),
  "salarié ou ESAT 2025": anyOf(["salarié 2025", "motif ESAT 2025"]),
  "bénéficiaire 2025": anyOf(["motif salarié 2025", "motif ESAT 2025", "motif sinistre 2025"]),
  "territoire 2025": anyOf([
    "territoire = 'metropolitan'",
    "territoire = 'drom'",
    "territoire = 'saint_martin'",
  ]),
  ...outcomeRules("2025", ["bénéficiaire 2025", "territoire 2025", "accès 2025"]),

  issue: { variations: [{ si: "version 2025", alors: "issue 2025" }, { sinon: "issue 2021" }] },
};

type PublicodesSituation = Record<string, string | number>;

const text = (value: string) => `'${value}'`;
const yesNo = (value: boolean) => (value ? "oui" : "non");
const monthOf = (date: string) => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
const dayOf = (date: string) => Number(date.slice(8, 10));
const daysInMonth = (date: string) =>
  new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)), 0)).getUTCDate();

export function toPublicodesSituation(situation: Situation): PublicodesSituation {
  const facts: PublicodesSituation = {
    "demande mois": monthOf(situation.requestDate),
    "demande jour": dayOf(situation.requestDate),
  };
  const person = situation.person;
  if (person?.activity !== undefined) facts.activité = text(person.activity);
  if (person?.employer?.sector !== undefined) facts.secteur = text(person.employer.sector);
  if (person?.employer?.headcount !== undefined) facts.effectif = person.employer.headcount;
  const contract = person?.contract;
  if (contract?.type !== undefined) facts["contrat type"] = text(contract.type);
  if (contract?.start !== undefined) {
    facts["début mois"] = monthOf(contract.start);
    facts["début jour"] = dayOf(contract.start);
  }
  if (contract?.end === null) facts["fin ouverte"] = "oui";
  else if (contract?.end !== undefined) {
    facts["fin ouverte"] = "non";
    facts["fin mois"] = monthOf(contract.end);
    facts["fin jour"] = dayOf(contract.end);
    facts["fin jours dans le mois"] = daysInMonth(contract.end);
  }
  if (person?.tempHoursLast12Months !== undefined) facts["heures intérim"] = person.tempHoursLast12Months;
  if (person?.esatSupportContractSigned !== undefined) {
    facts["contrat ESAT signé"] = yesNo(person.esatSupportContractSigned);
  }
  if (person?.activityEndDate !== undefined) {
    facts["cessation mois"] = monthOf(person.activityEndDate);
    facts["cessation jour"] = dayOf(person.activityEndDate);
  }
  // No VISALE event or disaster in the situation means none happened (not an unknown fact).
  const visale = situation.visale;
  if (visale === undefined) facts["visale événement"] = "non";
  else {
    if (visale.exceptionalEvent !== undefined) facts["visale événement"] = yesNo(visale.exceptionalEvent);
    if (visale.guaranteeEligible !== undefined) facts["visale garantie"] = yesNo(visale.guaranteeEligible);
  }
  const disaster = situation.disaster;
  if (disaster === undefined) facts["sinistre nature"] = text("none");
  else {
    if (disaster.kind !== undefined) facts["sinistre nature"] = text(disaster.kind);
    if (disaster.officiallyDeclared !== undefined)
      facts["sinistre déclaré"] = yesNo(disaster.officiallyDeclared);
    if (disaster.uninhabitableDwellings !== undefined) {
      facts["logements inhabitables"] = disaster.uninhabitableDwellings;
    }
  }
  if (situation.housing?.postcode !== undefined)
    facts.territoire = text(territoryByPrefix(situation.housing.postcode));
  if (situation.housing?.occupancy !== undefined) facts.occupation = text(situation.housing.occupancy);
  if (situation.situations !== undefined) {
    const present = new Set(situation.situations);
    for (const kind of KINDS) facts[kindRule(kind)] = yesNo(present.has(kind));
  }
  return facts;
}

export function createPublicodesEvaluator(): (situation: Situation) => Outcome {
  const silent = { log() {}, warn() {}, error() {} };
  const engine = new Engine(PUBLICODES_RULES as ConstructorParameters<typeof Engine>[0], { logger: silent });
  return (situation) => {
    engine.setSituation(toPublicodesSituation(situation) as Parameters<typeof engine.setSituation>[0]);
    return engine.evaluate("issue").nodeValue as Outcome;
  };
}
