// Conditions that both versions impose in the same words, written once. Each answers in three-valued
// logic: a fact that is absent leaves the condition UNKNOWN unless the other facts already decide it.
import { NO, need, UNKNOWN, YES } from "./findings.ts";
import { type Territory, territoryOfPostcode } from "./territory/territory.ts";
import type { Situation } from "./types.ts";

type Person = NonNullable<Situation["person"]>;

export const SECTOR_NOT_QUALIFYING = 10;
export const HEADCOUNT_TOO_SMALL = 11;
export type EmployerTruth =
  | typeof YES
  | typeof UNKNOWN
  | typeof SECTOR_NOT_QUALIFYING
  | typeof HEADCOUNT_TOO_SMALL;

/** "entreprises du secteur privé non agricole de 10 salariés et plus": headcount ≥ 10. */
export function qualifyingEmployer(person: Person | undefined, missing: string[]): EmployerTruth {
  const employer = person?.employer;
  const sector = employer?.sector;
  const headcount = employer?.headcount;
  if (sector !== undefined && sector !== "private_non_agricultural") return SECTOR_NOT_QUALIFYING;
  if (headcount !== undefined && headcount < 10) return HEADCOUNT_TOO_SMALL;
  if (sector !== undefined && headcount !== undefined) return YES;
  if (sector === undefined) need(missing, "/person/employer/sector");
  if (headcount === undefined) need(missing, "/person/employer/headcount");
  return UNKNOWN;
}

/** Whether the activity is one of `accepted`; UNKNOWN (and noted) when the activity is absent. */
export function activityIn(
  person: Person | undefined,
  accepted: readonly string[],
  missing: string[],
): typeof YES | typeof NO | typeof UNKNOWN {
  const activity = person?.activity;
  if (activity === undefined) {
    need(missing, "/person/activity");
    return UNKNOWN;
  }
  return accepted.includes(activity) ? YES : NO;
}

export const NO_DISASTER = 20;
export const NOT_DECLARED = 21;
export const TOO_FEW_DWELLINGS = 22;
export type DisasterTruth =
  | typeof YES
  | typeof UNKNOWN
  | typeof NO_DISASTER
  | typeof NOT_DECLARED
  | typeof TOO_FEW_DWELLINGS;

/**
 * A natural hazard officially recognised ("arrêté de catastrophe naturelle"), or a technological disaster
 * declared in the Journal officiel that made strictly more than 500 dwellings uninhabitable.
 */
export function recognisedDisaster(
  situation: Situation,
  kind: "natural" | "technological",
  missing: string[],
): DisasterTruth {
  const disaster = situation.disaster;
  if (disaster === undefined) return NO_DISASTER;
  if (disaster.kind !== undefined && disaster.kind !== kind) return NO_DISASTER;
  if (disaster.officiallyDeclared === false) return NOT_DECLARED;
  const dwellings = disaster.uninhabitableDwellings;
  if (kind === "technological" && dwellings !== undefined && dwellings <= 500) return TOO_FEW_DWELLINGS;
  const complete =
    disaster.kind !== undefined &&
    disaster.officiallyDeclared !== undefined &&
    (kind === "natural" || dwellings !== undefined);
  if (complete) return YES;
  if (disaster.kind === undefined) need(missing, "/disaster/kind");
  if (disaster.officiallyDeclared === undefined) need(missing, "/disaster/officiallyDeclared");
  if (kind === "technological" && dwellings === undefined) need(missing, "/disaster/uninhabitableDwellings");
  return UNKNOWN;
}

export const UNKNOWN_POSTCODE = 30;
export type TerritoryAnswer = Territory | typeof UNKNOWN | typeof UNKNOWN_POSTCODE;

export function territoryOf(situation: Situation, missing: string[]): TerritoryAnswer {
  const postcode = situation.housing?.postcode;
  if (postcode === undefined) {
    need(missing, "/housing/postcode");
    return UNKNOWN;
  }
  return territoryOfPostcode(postcode) ?? UNKNOWN_POSTCODE;
}
