// Deterministic generator of realistic situations for the rules benchmark: both directive periods and their
// boundaries, every activity, missing facts, metropolitan and overseas postcodes (including existing
// postcodes outside the covered territories), disasters and VISALE events. Every postcode comes from the
// official list (@etalab/decoupage-administratif), so every generated situation is valid input.
import { createRequire } from "node:module";
import {
  type Activity,
  type CONTRACT_TYPES,
  OCCUPANCIES,
  EMPLOYER_SECTORS as SECTORS,
  SITUATION_KINDS,
  type Situation,
  type SituationKind,
} from "../src/core/rules/index.ts";

/** sfc32: small, fast, and good enough for test data; the same seed always gives the same situations. */
export function createRandom(seed: number): () => number {
  let a = 0x9e3779b9;
  let b = 0x243f6a88;
  let c = 0xb7e15162;
  let d = seed >>> 0;
  const next = () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    let t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    t = (t + d) | 0;
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 16; i++) next();
  return next;
}

// Dates as day numbers from 2005-01-01, turned into shared ISO strings (one string per day, not per situation).
const EPOCH = Date.UTC(2005, 0, 1);
const DAYS = 9000;
const ISO_DAYS: string[] = Array.from({ length: DAYS }, (_, day) =>
  new Date(EPOCH + day * 86_400_000).toISOString().slice(0, 10),
);
const dayOf = (iso: string) => Math.round((Date.parse(iso) - EPOCH) / 86_400_000);
const iso = (day: number) => ISO_DAYS[Math.max(0, Math.min(DAYS - 1, day))] as string;

/** Same day `months` later, on the last day of the month when that day does not exist (2024-11-30 + 3 = 2025-02-28). */
function addMonths(date: string, months: number): string {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7)) - 1 + months;
  const day = Number(date.slice(8, 10));
  const targetYear = year + Math.floor(month / 12);
  const targetMonth = ((month % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate();
  return new Date(Date.UTC(targetYear, targetMonth, Math.min(day, lastDay))).toISOString().slice(0, 10);
}

const FIRST_2021 = dayOf("2021-06-01");
const FIRST_2025 = dayOf("2025-11-20");
const LAST_REQUEST = dayOf("2027-12-31");

interface Postcodes {
  metropolitan: string[];
  drom: string[];
  outside: string[];
}

function loadPostcodes(): Postcodes {
  const require = createRequire(import.meta.url);
  const communes = require("@etalab/decoupage-administratif/data/communes.json") as {
    codesPostaux?: string[];
  }[];
  const all = new Set<string>();
  for (const commune of communes) for (const postcode of commune.codesPostaux ?? []) all.add(postcode);
  const sorted = [...all].sort();
  // 971 to 976 except Saint-Barthélemy (97133), Saint-Martin (97150) and Saint-Pierre-et-Miquelon (975).
  const isDrom = (postcode: string) =>
    /^97[1-46]/.test(postcode) && postcode !== "97133" && postcode !== "97150";
  return {
    metropolitan: sorted.filter((postcode) => !postcode.startsWith("97") && !postcode.startsWith("98")),
    drom: sorted.filter(isDrom),
    outside: sorted.filter((postcode) => /^(975|98)/.test(postcode) || postcode === "97133"),
  };
}

const ACTIVITIES: readonly [Activity, number][] = [
  ["employee", 40],
  ["temp_worker", 12],
  ["esat_worker", 5],
  ["jobseeker", 13],
  ["pre_retiree", 6],
  ["student", 6],
  ["retired", 6],
  ["self_employed", 6],
  ["other", 6],
];

export function createSituationGenerator(seed: number): (index: number) => Situation {
  const random = createRandom(seed);
  const postcodes = loadPostcodes();
  const chance = (probability: number) => random() < probability;
  const integer = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const weighted = <T>(items: readonly [T, number][]): T => {
    const total = items.reduce((sum, [, weight]) => sum + weight, 0);
    let draw = random() * total;
    for (const [item, weight] of items) {
      draw -= weight;
      if (draw < 0) return item;
    }
    return (items[items.length - 1] as [T, number])[0];
  };
  // Each fact is absent now and then: the engine must answer "incomplete" rather than guess.
  const missing = () => chance(0.025);

  const requestDay = (): number => {
    const draw = random();
    if (draw < 0.05) return FIRST_2025 + integer(-3, 3);
    if (draw < 0.07) return FIRST_2021 + integer(0, 5);
    if (draw < 0.52) return integer(FIRST_2021, FIRST_2025 - 1);
    return integer(FIRST_2025, LAST_REQUEST);
  };

  const headcount = () =>
    chance(0.15) ? pick([9, 10, 11]) : Math.round(Math.exp(random() * Math.log(20000)));

  return (index) => {
    const requestDate = iso(requestDay());
    const request = dayOf(requestDate);
    const activity = weighted(ACTIVITIES);
    const situation: Situation = { id: `s${index}`, requestDate };
    const person: NonNullable<Situation["person"]> = {};
    if (!missing()) person.activity = activity;

    const working = activity === "employee" || activity === "temp_worker";
    const formerlyWorking = activity === "jobseeker" || activity === "pre_retiree";
    if (working || formerlyWorking || (activity === "esat_worker" && chance(0.2))) {
      const employer: NonNullable<typeof person.employer> = {};
      if (!missing())
        employer.sector = weighted([
          [SECTORS[0], 75],
          [SECTORS[1], 10],
          [SECTORS[2], 15],
        ]);
      if (!missing()) employer.headcount = headcount();
      if (!missing()) person.employer = employer;
    }
    if (working) {
      const type =
        activity === "temp_worker"
          ? chance(0.9)
            ? "temp_mission"
            : "permanent"
          : weighted<(typeof CONTRACT_TYPES)[number]>([
              ["permanent", 55],
              ["fixed_term", 28],
              ["apprenticeship", 10],
              ["other", 7],
            ]);
      const start = chance(0.03) ? request + integer(1, 60) : request - integer(0, 3000);
      let end: string | null;
      if (type === "permanent") end = chance(0.85) ? null : iso(start + integer(30, 4000));
      else if (chance(0.25)) {
        // Around the 3-month planned duration of the 2025 text.
        const threeMonths = dayOf(addMonths(iso(start), 3));
        end = iso(threeMonths + integer(-2, 1));
      } else if (type === "temp_mission") end = iso(start + integer(1, 200));
      else end = iso(start + integer(20, 900));
      const contract: NonNullable<typeof person.contract> = {};
      if (!missing()) contract.type = type;
      if (!missing()) contract.start = iso(start);
      if (!missing()) contract.end = end;
      if (!missing()) person.contract = contract;
    }
    if (activity === "temp_worker" && !missing()) {
      person.tempHoursLast12Months = chance(0.2) ? integer(410, 418) : integer(0, 1600);
    }
    if (activity === "esat_worker" && !missing()) person.esatSupportContractSigned = chance(0.8);
    if (formerlyWorking && !missing()) {
      // Around the "12 mois suivants leur cessation d'activité" of the 2021 text.
      const endDay = chance(0.2)
        ? dayOf(addMonths(requestDate, -12)) + integer(-2, 2)
        : request - integer(0, 900);
      person.activityEndDate = iso(Math.min(endDay, request));
    }
    if (!missing()) situation.person = person;

    if (chance(0.08)) {
      const visale: NonNullable<Situation["visale"]> = {};
      if (!missing()) visale.exceptionalEvent = chance(0.6);
      if (!missing()) visale.guaranteeEligible = chance(0.7);
      situation.visale = visale;
    }
    if (chance(0.06)) {
      const disaster: NonNullable<Situation["disaster"]> = {};
      const kind = chance(0.5) ? "natural" : "technological";
      if (!missing()) disaster.kind = kind;
      if (!missing()) disaster.officiallyDeclared = chance(0.8);
      if (kind === "technological" && !missing()) {
        disaster.uninhabitableDwellings = chance(0.3) ? integer(499, 502) : integer(0, 3000);
      }
      situation.disaster = disaster;
    }

    const housing: NonNullable<Situation["housing"]> = {};
    if (!missing()) {
      const draw = random();
      housing.postcode =
        draw < 0.82
          ? pick(postcodes.metropolitan)
          : draw < 0.92
            ? pick(postcodes.drom)
            : draw < 0.95
              ? "97150"
              : pick(postcodes.outside);
    }
    if (!missing()) housing.occupancy = pick(OCCUPANCIES);
    if (!missing()) situation.housing = housing;

    if (!missing()) {
      const kinds = new Set<SituationKind>();
      const count = chance(0.03) ? 0 : integer(1, 3);
      for (let i = 0; i < count; i++) kinds.add(pick(SITUATION_KINDS));
      situation.situations = [...kinds];
    }
    return situation;
  };
}
