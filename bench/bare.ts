// The eligibility rules as one bare hand-written function returning only the outcome: the benchmark's
// speed-of-light reference, and a second reading of the directive texts checked against the engine.
// Written from the texts in the directives and the readings of issue 4, not from the engine's code.
//
// Three-valued logic throughout (Kleene): a fact that is absent makes a condition UNKNOWN unless the
// condition is already decided by the other facts ("or" with a met branch, "and" with a failed branch).
import type { Outcome, Situation, SituationKind } from "../src/core/rules/index.ts";

const NO = 0;
const YES = 1;
const UNKNOWN = 2;
type Truth = typeof NO | typeof YES | typeof UNKNOWN;

const and = (a: Truth, b: Truth): Truth =>
  a === NO || b === NO ? NO : a === YES && b === YES ? YES : UNKNOWN;
const or = (a: Truth, b: Truth): Truth =>
  a === YES || b === YES ? YES : a === NO && b === NO ? NO : UNKNOWN;
const truth = (value: boolean | undefined): Truth => (value === undefined ? UNKNOWN : value ? YES : NO);
const equals = <T>(value: T | undefined, expected: T): Truth =>
  value === undefined ? UNKNOWN : value === expected ? YES : NO;
const atLeast = (value: number | undefined, minimum: number): Truth =>
  value === undefined ? UNKNOWN : value >= minimum ? YES : NO;

/** Territory of an existing postcode, by its prefix (the postcode list itself is checked at validation). */
export type BareTerritory = "metropolitan" | "drom" | "saint_martin" | "outside";
export function territoryByPrefix(postcode: string): BareTerritory {
  if (postcode === "97150") return "saint_martin";
  if (postcode === "97133") return "outside"; // Saint-Barthélemy
  if (postcode.startsWith("97")) return postcode.charCodeAt(2) === 53 ? "outside" : "drom"; // 975: Saint-Pierre-et-Miquelon
  if (postcode.startsWith("98")) return "outside"; // Monaco and the Pacific territories
  return "metropolitan";
}

// Month arithmetic on ISO dates, the day clamped to the month's last day (2024-11-30 + 3 months = 2025-02-28).
// Digits are read with charCodeAt: this function is the speed reference, so it allocates nothing.
const digit = (text: string, at: number) => text.charCodeAt(at) - 48;
const monthIndex = (date: string) =>
  (digit(date, 0) * 1000 + digit(date, 1) * 100 + digit(date, 2) * 10 + digit(date, 3)) * 12 +
  digit(date, 5) * 10 +
  digit(date, 6) -
  1;
const dayOfMonth = (date: string) => digit(date, 8) * 10 + digit(date, 9);
function daysInMonth(index: number): number {
  const month = (index % 12) + 1;
  if (month === 2) {
    const year = Math.floor(index / 12);
    return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  }
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}
/** `date` is on or before `from` + `months`, the same day of the month (last day when it does not exist). */
function notAfterMonthsLater(date: string, from: string, months: number): boolean {
  const target = monthIndex(from) + months;
  const month = monthIndex(date);
  if (month !== target) return month < target;
  return dayOfMonth(date) <= Math.min(dayOfMonth(from), daysInMonth(target));
}
/** `date` is on or after `from` + `months` (same convention). */
function notBeforeMonthsLater(date: string, from: string, months: number): boolean {
  const target = monthIndex(from) + months;
  const month = monthIndex(date);
  if (month !== target) return month > target;
  return dayOfMonth(date) >= Math.min(dayOfMonth(from), daysInMonth(target));
}

// "Les situations prises en charge" of each text. Other kinds fall under its open "etc." list: review.
const LISTED_2021: ReadonlySet<SituationKind> = new Set<SituationKind>([
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
]);
const LISTED_2025: ReadonlySet<SituationKind> = new Set<SituationKind>([
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
]);
const REVIEW = 3;

function serviceAccess(kinds: readonly SituationKind[] | undefined, listed: ReadonlySet<SituationKind>) {
  if (kinds === undefined) return UNKNOWN;
  if (kinds.length === 0) return NO;
  for (const kind of kinds) if (listed.has(kind)) return YES;
  return REVIEW;
}

function disasterRecognised(disaster: Situation["disaster"]): Truth {
  if (disaster === undefined) return NO;
  const declared = truth(disaster.officiallyDeclared);
  const natural = and(equals(disaster.kind, "natural"), declared);
  const dwellings = disaster.uninhabitableDwellings;
  const technological = and(
    and(equals(disaster.kind, "technological"), declared),
    dwellings === undefined ? UNKNOWN : dwellings > 500 ? YES : NO,
  );
  return or(natural, technological);
}

const NO_PERSON: NonNullable<Situation["person"]> = {};

function qualifyingEmployer(person: NonNullable<Situation["person"]>): Truth {
  const employer = person.employer;
  return and(equals(employer?.sector, "private_non_agricultural"), atLeast(employer?.headcount, 10));
}

function beneficiary2021(situation: Situation): Truth {
  const person = situation.person ?? NO_PERSON;
  const activity = person.activity;
  // Temp workers are employees (of their agency); "Les préretraités sont assimilés à des salariés".
  const employee =
    activity === undefined
      ? UNKNOWN
      : activity === "employee" || activity === "temp_worker" || activity === "pre_retiree"
        ? YES
        : NO;
  const employer = qualifyingEmployer(person);
  const asEmployee = and(employee, employer);
  let asJobseeker: Truth = NO;
  if (activity === undefined || activity === "jobseeker") {
    const left = person.activityEndDate;
    // After the activity ended, and no later than the same day twelve months on.
    const withinTwelveMonths =
      left === undefined
        ? UNKNOWN
        : truth(left <= situation.requestDate && notAfterMonthsLater(situation.requestDate, left, 12));
    asJobseeker = and(and(equals(activity, "jobseeker"), employer), withinTwelveMonths);
  }
  const visale = situation.visale;
  const asVisale =
    visale === undefined ? NO : and(truth(visale.exceptionalEvent), truth(visale.guaranteeEligible));
  const asDisasterVictim = and(employee, disasterRecognised(situation.disaster));
  return or(or(asEmployee, asJobseeker), or(asVisale, asDisasterVictim));
}

function beneficiary2025(situation: Situation, tempWorkerMinHours: number): Truth {
  const person = situation.person ?? NO_PERSON;
  const activity = person.activity;
  const employee =
    activity === undefined ? UNKNOWN : activity === "employee" || activity === "temp_worker" ? YES : NO;
  const asEsatWorker = and(equals(activity, "esat_worker"), truth(person.esatSupportContractSigned));
  const asDisasterVictim = and(or(employee, asEsatWorker), disasterRecognised(situation.disaster));
  if (employee === NO) return or(asEsatWorker, asDisasterVictim);
  const contract = person.contract;
  const start = contract?.start;
  const end = contract?.end;
  const request = situation.requestDate;
  const started = start === undefined ? UNKNOWN : start <= request ? YES : NO;
  const notEnded = end === null ? YES : end === undefined ? UNKNOWN : end >= request ? YES : NO;
  const inProgress = and(started, notEnded);
  const openOrLong =
    end === null
      ? YES
      : end === undefined || start === undefined
        ? UNKNOWN
        : truth(notBeforeMonthsLater(end, start, 3));
  const threeMonths = or(equals(contract?.type, "permanent"), openOrLong);
  const enoughHours = and(
    equals(activity, "temp_worker"),
    atLeast(person.tempHoursLast12Months, tempWorkerMinHours),
  );
  const asEmployee = and(
    and(employee, qualifyingEmployer(person)),
    and(inProgress, or(threeMonths, enoughHours)),
  );
  return or(or(asEmployee, asEsatWorker), asDisasterVictim);
}

export function bareOutcome(situation: Situation, tempWorkerMinHours = 414): Outcome {
  const is2025 = situation.requestDate >= "2025-11-20";
  const housing = situation.housing;
  const postcode = housing?.postcode;
  let territory: Truth = UNKNOWN;
  if (postcode !== undefined) {
    const where = territoryByPrefix(postcode);
    territory =
      where === "metropolitan" || where === "drom" || (is2025 && where === "saint_martin") ? YES : NO;
  }
  // 2021 lists the occupancy statuses (all of them); 2025: "Tous les statuts d'occupation sont éligibles".
  const occupancy: Truth = is2025 || housing?.occupancy !== undefined ? YES : UNKNOWN;
  const access = serviceAccess(situation.situations, is2025 ? LISTED_2025 : LISTED_2021);
  if (territory === NO || access === NO) return "ineligible";
  const beneficiary = is2025 ? beneficiary2025(situation, tempWorkerMinHours) : beneficiary2021(situation);
  if (beneficiary === NO) return "ineligible";
  if (beneficiary === UNKNOWN || territory === UNKNOWN || occupancy === UNKNOWN || access === UNKNOWN) {
    return "incomplete";
  }
  return access === REVIEW ? "review" : "eligible";
}
