// Rule builders for clauses that both versions word alike: disasters, territory, the list of situations.
// Each version passes its own clauses, so every reason still cites the version that applies.
import {
  activityIn,
  HEADCOUNT_TOO_SMALL,
  NO_DISASTER,
  NOT_DECLARED,
  qualifyingEmployer,
  recognisedDisaster,
  SECTOR_NOT_QUALIFYING,
  TOO_FEW_DWELLINGS,
  territoryOf,
} from "./conditions.ts";
import { type AccessRule, type Finding, finding, NO, REVIEW, type Rule, UNKNOWN, YES } from "./findings.ts";
import { ACTIVITY_LABELS, REASONS } from "./messages.fr.ts";
import type { Territory } from "./territory/territory.ts";
import {
  ACTIVITIES,
  type Activity,
  type Clause,
  SITUATION_KINDS,
  type Situation,
  type SituationKind,
} from "./types.ts";

export type Truth3 = typeof NO | typeof YES | typeof UNKNOWN;
export const either = (a: Truth3, b: Truth3): Truth3 =>
  a === YES || b === YES ? YES : a === NO && b === NO ? NO : UNKNOWN;

/** "Not this ground" findings that name the activity given, one per activity, built once. */
export function activityMismatch(clause: Clause, text: (activity: string) => string): Map<Activity, Finding> {
  return new Map(
    ACTIVITIES.map((activity) => [activity, finding(clause, NO, text(ACTIVITY_LABELS[activity]))]),
  );
}

/** The finding for an activity that does not match, or undefined when the activity may match. */
export function mismatchOf(
  situation: Situation,
  accepted: readonly string[],
  mismatches: Map<Activity, Finding>,
  missing: string[],
): Finding | undefined {
  if (activityIn(situation.person, accepted, missing) !== NO) return undefined;
  return mismatches.get(situation.person?.activity as Activity);
}

export interface EmployerFindings {
  sector: Finding;
  headcount: Finding;
}

export function employerFindings(clause: Clause, former = false): EmployerFindings {
  return {
    sector: finding(clause, NO, former ? REASONS.formerEmployerSector : REASONS.employerSector),
    headcount: finding(clause, NO, former ? REASONS.formerEmployerHeadcount : REASONS.employerHeadcount),
  };
}

/**
 * The employer's finding when it fails, else YES or UNKNOWN. A number or a finding rather than an object
 * holding both: this runs several times per evaluation, and must not allocate.
 */
export function employerCheck(
  situation: Situation,
  findings: EmployerFindings,
  missing: string[],
): Finding | typeof YES | typeof UNKNOWN {
  const truth = qualifyingEmployer(situation.person, missing);
  if (truth === SECTOR_NOT_QUALIFYING) return findings.sector;
  if (truth === HEADCOUNT_TOO_SMALL) return findings.headcount;
  return truth;
}

/**
 * « Tout salarié, quels que soient le secteur et la taille de son entreprise, … confronté à » a recognised
 * natural hazard or a declared technological disaster; `victim` says who counts as a « salarié ».
 */
export function disasterGround(
  kind: "natural" | "technological",
  clause: Clause,
  victim: (situation: Situation, missing: string[]) => Truth3,
): Rule {
  const natural = kind === "natural";
  const met = finding(clause, YES, natural ? REASONS.naturalMet : REASONS.technologicalMet);
  const none = finding(clause, NO, natural ? REASONS.noNaturalDisaster : REASONS.noTechnologicalDisaster);
  const notDeclared = finding(
    clause,
    NO,
    natural ? REASONS.naturalNotDeclared : REASONS.technologicalNotDeclared,
  );
  const tooSmall = finding(clause, NO, REASONS.technologicalTooSmall);
  const notEmployee = finding(
    clause,
    NO,
    natural ? REASONS.naturalDisasterNotEmployee : REASONS.technologicalNotEmployee,
  );
  const unknown = finding(clause, UNKNOWN, REASONS.missingFacts);
  return (situation, _parameters, missing) => {
    const disaster = recognisedDisaster(situation, kind, missing);
    if (disaster === NO_DISASTER) return none;
    if (disaster === NOT_DECLARED) return notDeclared;
    if (disaster === TOO_FEW_DWELLINGS) return tooSmall;
    const person = victim(situation, missing);
    if (person === NO) return notEmployee;
    return person === YES && disaster === YES ? met : unknown;
  };
}

const TERRITORY_REASONS: Readonly<Record<Territory, string>> = {
  metropolitan: REASONS.territoryMetropolitan,
  drom: REASONS.territoryDrom,
  saint_martin: REASONS.territorySaintMartin,
  outside: REASONS.territoryOutside,
};

/** The housing must be in one of the `covered` territories; `notCovered` explains the others. */
export function territoryRule(
  clause: Clause,
  covered: readonly Territory[],
  notCovered: Partial<Record<Territory, string>> = {},
): Rule {
  const findingFor = (territory: Territory) =>
    covered.includes(territory)
      ? finding(clause, YES, TERRITORY_REASONS[territory])
      : finding(clause, NO, notCovered[territory] ?? REASONS.territoryOutside);
  const metropolitan = findingFor("metropolitan");
  const drom = findingFor("drom");
  const saintMartin = findingFor("saint_martin");
  const outside = findingFor("outside");
  const unknownPostcode = finding(clause, NO, REASONS.territoryUnknownPostcode);
  const unknown = finding(clause, UNKNOWN, REASONS.missingFacts);
  return (situation, _parameters, missing) => {
    const where = territoryOf(situation, missing);
    if (where === "metropolitan") return metropolitan;
    if (where === "drom") return drom;
    if (where === "saint_martin") return saintMartin;
    if (where === "outside") return outside;
    return where === UNKNOWN ? unknown : unknownPostcode;
  };
}

/**
 * "Les situations prises en charge": the kinds a version cites, each with its clause; every other kind is
 * left to the open list ("etc.") of `openList`, for the counsellor to weigh.
 */
export function accessRule(
  listed: readonly (readonly [SituationKind, Clause])[],
  openList: Clause,
): AccessRule {
  const cited = new Map(
    listed.map(([kind, clause]) => [kind, finding(clause, YES, REASONS.situationListed(kind))]),
  );
  const others = SITUATION_KINDS.filter((kind) => !cited.has(kind));
  return {
    listed: cited,
    unlisted: new Map(
      others.map((kind) => [kind, finding(openList, REVIEW, REASONS.situationForReview(kind))]),
    ),
    none: finding(openList, NO, REASONS.noSituation),
    unknown: finding(openList, UNKNOWN, REASONS.missingFacts),
  };
}
