// PP_EX_CPA_2_DIR (in force from 2021-06-01 to 2025-11-19), clause by clause and boundary by boundary.
// Every expected value comes from the directive text and the readings of issue 4.
import { describe, expect, it } from "vitest";
import { checkRow, type EligibilityRow } from "../../../test/support/eligibilityRows.ts";
import { evaluate, NoDirectiveInForceError } from "./index.ts";
import type { EligibilityResult, Situation, SituationKind } from "./types.ts";

const REF = "PP_EX_CPA_2_DIR";
// Clause ids, numbered in the order the text prints them within each section.
const EMPLOYEES = `${REF}/beneficiaires/1`;
const JOBSEEKERS = `${REF}/beneficiaires/2`;
const PRE_RETIREES = `${REF}/beneficiaires/3`;
const VISALE = `${REF}/beneficiaires/4`;
const NATURAL = `${REF}/beneficiaires/5`;
const TECHNOLOGICAL = `${REF}/beneficiaires/6`;
const TERRITORY = `${REF}/logement/1`;
const OCCUPANCY = `${REF}/occupation/1`;
const ACCESS_FINANCIAL = `${REF}/acces/1`;
const ACCESS_LIFE_EVENTS = `${REF}/acces/2`;
const ACCESS_ARREARS = `${REF}/acces/3`;
const ANY_ACCESS = new RegExp(`^${REF}/acces/\\d+$`);

const REQUEST = "2023-05-10";

/** An employee of a private non-agricultural company of 50, tenant in Paris, behind with the rent. */
function base(): Situation {
  return {
    requestDate: REQUEST,
    person: {
      activity: "employee",
      employer: { sector: "private_non_agricultural", headcount: 50 },
      contract: { type: "fixed_term", start: "2023-04-01", end: "2023-04-30" },
    },
    housing: { postcode: "75011", occupancy: "tenant" },
    situations: ["rent_arrears"],
  };
}

/** Someone with no ground of their own (a student), so that only the ground under test can open access. */
function student(extra: Partial<Situation> = {}): Situation {
  return { ...base(), person: { activity: "student" }, ...extra };
}

type Row = EligibilityRow;

const check = (result: EligibilityResult, row: Row): void => checkRow(REF, result, row);

const withPerson = (person: NonNullable<Situation["person"]>, extra: Partial<Situation> = {}): Situation => ({
  ...base(),
  person,
  ...extra,
});

const employer = (
  headcount: number,
  sector: "private_non_agricultural" | "private_agricultural" | "public",
) => ({
  sector,
  headcount,
});

describe("PP_EX_CPA_2_DIR beneficiaries: employees (« 10 salariés et plus, quelles que soient l'ancienneté et la nature du contrat »)", () => {
  const rows: Row[] = [
    {
      name: "10 employees",
      situation: withPerson({ activity: "employee", employer: employer(10, "private_non_agricultural") }),
      outcome: "eligible",
      reasons: [[EMPLOYEES, "met"]],
    },
    {
      name: "9 employees",
      situation: withPerson({ activity: "employee", employer: employer(9, "private_non_agricultural") }),
      outcome: "ineligible",
      reasons: [[EMPLOYEES, "not_met"]],
    },
    {
      name: "agricultural company of 500",
      situation: withPerson({ activity: "employee", employer: employer(500, "private_agricultural") }),
      outcome: "ineligible",
      reasons: [[EMPLOYEES, "not_met"]],
    },
    {
      name: "public employer",
      situation: withPerson({ activity: "employee", employer: employer(500, "public") }),
      outcome: "ineligible",
      reasons: [[EMPLOYEES, "not_met"]],
    },
    {
      name: "base: fixed-term contract of one month",
      situation: base(),
      outcome: "eligible",
      reasons: [[EMPLOYEES, "met"]],
    },
    {
      name: "temp worker on a two-week mission (any contract)",
      situation: withPerson({
        activity: "temp_worker",
        employer: employer(30, "private_non_agricultural"),
        contract: { type: "temp_mission", start: "2023-05-02", end: "2023-05-16" },
        tempHoursLast12Months: 20,
      }),
      outcome: "eligible",
      reasons: [[EMPLOYEES, "met"]],
    },
    {
      name: "apprentice hired the day of the request (any seniority)",
      situation: withPerson({
        activity: "employee",
        employer: employer(10, "private_non_agricultural"),
        contract: { type: "apprenticeship", start: REQUEST, end: "2025-05-09" },
      }),
      outcome: "eligible",
      reasons: [[EMPLOYEES, "met"]],
    },
    {
      name: "contract not needed at all in 2021",
      situation: withPerson({ activity: "employee", employer: employer(10, "private_non_agricultural") }),
      outcome: "eligible",
      reasons: [[EMPLOYEES, "met"]],
    },
    {
      name: "headcount unknown",
      situation: withPerson({ activity: "employee", employer: { sector: "private_non_agricultural" } }),
      outcome: "incomplete",
      reasons: [[EMPLOYEES, "unknown"]],
      missing: ["/person/employer/headcount"],
    },
    {
      name: "sector unknown",
      situation: withPerson({ activity: "employee", employer: { headcount: 10 } }),
      outcome: "incomplete",
      reasons: [[EMPLOYEES, "unknown"]],
      missing: ["/person/employer/sector"],
    },
    {
      name: "sector unknown but only 9 employees: decided",
      situation: withPerson({ activity: "employee", employer: { headcount: 9 } }),
      outcome: "ineligible",
      reasons: [[EMPLOYEES, "not_met"]],
    },
    {
      name: "self-employed",
      situation: withPerson({
        activity: "self_employed",
        employer: employer(50, "private_non_agricultural"),
      }),
      outcome: "ineligible",
      reasons: [[EMPLOYEES, "not_met"]],
    },
    {
      name: "retired",
      situation: withPerson({ activity: "retired" }),
      outcome: "ineligible",
      reasons: [[EMPLOYEES, "not_met"]],
    },
    {
      name: "ESAT worker (not named in 2021)",
      situation: withPerson({ activity: "esat_worker", esatSupportContractSigned: true }),
      outcome: "ineligible",
      reasons: [[EMPLOYEES, "not_met"]],
    },
  ];
  it.each(rows)("$name → $outcome", (row) => check(evaluate(row.situation), row));
});

describe("PP_EX_CPA_2_DIR beneficiaries: jobseekers (« dans les 12 mois suivants leur cessation d'activité »)", () => {
  const jobseeker = (
    activityEndDate: string | undefined,
    requestDate: string,
    headcount = 200,
  ): Situation => ({
    ...base(),
    requestDate,
    person: {
      activity: "jobseeker",
      employer: employer(headcount, "private_non_agricultural"),
      ...(activityEndDate === undefined ? {} : { activityEndDate }),
    },
  });
  const rows: Row[] = [
    {
      name: "left 2023-03-15, asks 2024-03-14 (day before)",
      situation: jobseeker("2023-03-15", "2024-03-14"),
      outcome: "eligible",
      reasons: [[JOBSEEKERS, "met"]],
    },
    {
      name: "left 2023-03-15, asks 2024-03-15 (same day, 12 months later)",
      situation: jobseeker("2023-03-15", "2024-03-15"),
      outcome: "eligible",
      reasons: [[JOBSEEKERS, "met"]],
    },
    {
      name: "left 2023-03-15, asks 2024-03-16 (day after)",
      situation: jobseeker("2023-03-15", "2024-03-16"),
      outcome: "ineligible",
      reasons: [[JOBSEEKERS, "not_met"]],
    },
    {
      name: "left 2024-02-29, asks 2025-02-28 (clamped to February's last day)",
      situation: jobseeker("2024-02-29", "2025-02-28"),
      outcome: "eligible",
      reasons: [[JOBSEEKERS, "met"]],
    },
    {
      name: "left 2024-02-29, asks 2025-03-01",
      situation: jobseeker("2024-02-29", "2025-03-01"),
      outcome: "ineligible",
      reasons: [[JOBSEEKERS, "not_met"]],
    },
    {
      name: "left 2024-01-31, asks 2025-01-31",
      situation: jobseeker("2024-01-31", "2025-01-31"),
      outcome: "eligible",
      reasons: [[JOBSEEKERS, "met"]],
    },
    {
      name: "asks the day after leaving",
      situation: jobseeker("2023-05-09", REQUEST),
      outcome: "eligible",
      reasons: [[JOBSEEKERS, "met"]],
    },
    {
      name: "former employer of 9",
      situation: jobseeker("2023-03-15", "2023-05-10", 9),
      outcome: "ineligible",
      reasons: [[JOBSEEKERS, "not_met"]],
    },
    {
      name: "former employer of 10",
      situation: jobseeker("2023-03-15", "2023-05-10", 10),
      outcome: "eligible",
      reasons: [[JOBSEEKERS, "met"]],
    },
    {
      name: "former employer agricultural",
      situation: {
        ...jobseeker("2023-03-15", REQUEST),
        person: {
          activity: "jobseeker",
          employer: employer(200, "private_agricultural"),
          activityEndDate: "2023-03-15",
        },
      },
      outcome: "ineligible",
      reasons: [[JOBSEEKERS, "not_met"]],
    },
    {
      name: "end of activity unknown",
      situation: jobseeker(undefined, REQUEST),
      outcome: "incomplete",
      reasons: [[JOBSEEKERS, "unknown"]],
      missing: ["/person/activityEndDate"],
    },
    {
      name: "former employer's headcount unknown",
      situation: {
        ...base(),
        person: {
          activity: "jobseeker",
          employer: { sector: "private_non_agricultural" },
          activityEndDate: "2023-03-15",
        },
      },
      outcome: "incomplete",
      reasons: [[JOBSEEKERS, "unknown"]],
      missing: ["/person/employer/headcount"],
    },
  ];
  it.each(rows)("$name → $outcome", (row) => check(evaluate(row.situation), row));
});

describe("PP_EX_CPA_2_DIR beneficiaries: pre-retirees (« assimilés à des salariés »)", () => {
  const rows: Row[] = [
    {
      name: "former employer of 10, private non-agricultural",
      situation: withPerson({
        activity: "pre_retiree",
        employer: employer(10, "private_non_agricultural"),
        activityEndDate: "2015-01-01",
      }),
      outcome: "eligible",
      reasons: [[PRE_RETIREES, "met"]],
    },
    {
      name: "former employer of 9",
      situation: withPerson({ activity: "pre_retiree", employer: employer(9, "private_non_agricultural") }),
      outcome: "ineligible",
      reasons: [[PRE_RETIREES, "not_met"]],
    },
    {
      name: "former employer public",
      situation: withPerson({ activity: "pre_retiree", employer: employer(900, "public") }),
      outcome: "ineligible",
      reasons: [[PRE_RETIREES, "not_met"]],
    },
    {
      name: "former employer unknown",
      situation: withPerson({ activity: "pre_retiree" }),
      outcome: "incomplete",
      reasons: [[PRE_RETIREES, "unknown"]],
      missing: ["/person/employer/sector", "/person/employer/headcount"],
    },
  ];
  it.each(rows)("$name → $outcome", (row) => check(evaluate(row.situation), row));
});

describe("PP_EX_CPA_2_DIR beneficiaries: VISALE (« Tout ménage ... sous réserve de son éligibilité à cette garantie »)", () => {
  const rows: Row[] = [
    {
      name: "exceptional event and eligible",
      situation: student({ visale: { exceptionalEvent: true, guaranteeEligible: true } }),
      outcome: "eligible",
      reasons: [[VISALE, "met"]],
    },
    {
      name: "exceptional event, not eligible",
      situation: student({ visale: { exceptionalEvent: true, guaranteeEligible: false } }),
      outcome: "ineligible",
      reasons: [[VISALE, "not_met"]],
    },
    {
      name: "eligible, no exceptional event",
      situation: student({ visale: { exceptionalEvent: false, guaranteeEligible: true } }),
      outcome: "ineligible",
      reasons: [[VISALE, "not_met"]],
    },
    {
      name: "neither",
      situation: student({ visale: { exceptionalEvent: false, guaranteeEligible: false } }),
      outcome: "ineligible",
      reasons: [[VISALE, "not_met"]],
    },
    {
      name: "no VISALE facts at all",
      situation: student(),
      outcome: "ineligible",
      reasons: [[VISALE, "not_met"]],
    },
    {
      name: "eligibility to the guarantee unknown",
      situation: student({ visale: { exceptionalEvent: true } }),
      outcome: "incomplete",
      reasons: [[VISALE, "unknown"]],
      missing: ["/visale/guaranteeEligible"],
    },
    {
      name: "both VISALE facts unknown",
      situation: student({ visale: {} }),
      outcome: "incomplete",
      reasons: [[VISALE, "unknown"]],
      missing: ["/visale/exceptionalEvent", "/visale/guaranteeEligible"],
    },
    {
      name: "retired household (any household)",
      situation: withPerson(
        { activity: "retired" },
        { visale: { exceptionalEvent: true, guaranteeEligible: true } },
      ),
      outcome: "eligible",
      reasons: [[VISALE, "met"]],
    },
    {
      name: "household whose person is not described at all",
      situation: {
        requestDate: REQUEST,
        visale: { exceptionalEvent: true, guaranteeEligible: true },
        housing: { postcode: "69003", occupancy: "hosted" },
        situations: ["separation"],
      },
      outcome: "eligible",
      reasons: [[VISALE, "met"]],
    },
  ];
  it.each(rows)("$name → $outcome", (row) => check(evaluate(row.situation), row));
});

describe("PP_EX_CPA_2_DIR beneficiaries: disasters (« Tout salarié, quels que soient le secteur et la taille de son entreprise »)", () => {
  const smallEmployee = { activity: "employee" as const, employer: employer(3, "private_agricultural") };
  const rows: Row[] = [
    {
      name: "employee of a small farm, natural disaster declared",
      situation: withPerson(smallEmployee, { disaster: { kind: "natural", officiallyDeclared: true } }),
      outcome: "eligible",
      reasons: [[NATURAL, "met"]],
    },
    {
      name: "employee of 9, natural disaster declared",
      situation: withPerson(
        { activity: "employee", employer: employer(9, "private_non_agricultural") },
        { disaster: { kind: "natural", officiallyDeclared: true } },
      ),
      outcome: "eligible",
      reasons: [[NATURAL, "met"]],
    },
    {
      name: "natural disaster not declared",
      situation: withPerson(smallEmployee, { disaster: { kind: "natural", officiallyDeclared: false } }),
      outcome: "ineligible",
      reasons: [[NATURAL, "not_met"]],
    },
    {
      name: "technological, declared, 501 dwellings",
      situation: withPerson(smallEmployee, {
        disaster: { kind: "technological", officiallyDeclared: true, uninhabitableDwellings: 501 },
      }),
      outcome: "eligible",
      reasons: [[TECHNOLOGICAL, "met"]],
    },
    {
      name: "technological, declared, 500 dwellings (not « plus de 500 »)",
      situation: withPerson(smallEmployee, {
        disaster: { kind: "technological", officiallyDeclared: true, uninhabitableDwellings: 500 },
      }),
      outcome: "ineligible",
      reasons: [[TECHNOLOGICAL, "not_met"]],
    },
    {
      name: "technological, 501 dwellings, not declared",
      situation: withPerson(smallEmployee, {
        disaster: { kind: "technological", officiallyDeclared: false, uninhabitableDwellings: 501 },
      }),
      outcome: "ineligible",
      reasons: [[TECHNOLOGICAL, "not_met"]],
    },
    {
      name: "technological, declared, dwellings unknown",
      situation: withPerson(smallEmployee, { disaster: { kind: "technological", officiallyDeclared: true } }),
      outcome: "incomplete",
      reasons: [[TECHNOLOGICAL, "unknown"]],
      missing: ["/disaster/uninhabitableDwellings"],
    },
    {
      name: "natural, declaration unknown",
      situation: withPerson(smallEmployee, { disaster: { kind: "natural" } }),
      outcome: "incomplete",
      reasons: [[NATURAL, "unknown"]],
      missing: ["/disaster/officiallyDeclared"],
    },
    {
      name: "temp worker of a small agency, natural disaster",
      situation: withPerson(
        { activity: "temp_worker", employer: employer(2, "private_non_agricultural") },
        { disaster: { kind: "natural", officiallyDeclared: true } },
      ),
      outcome: "eligible",
      reasons: [[NATURAL, "met"]],
    },
    {
      name: "pre-retiree of a public employer, natural disaster",
      situation: withPerson(
        { activity: "pre_retiree", employer: employer(5000, "public") },
        { disaster: { kind: "natural", officiallyDeclared: true } },
      ),
      outcome: "eligible",
      reasons: [[NATURAL, "met"]],
    },
    {
      name: "student, natural disaster declared",
      situation: student({ disaster: { kind: "natural", officiallyDeclared: true } }),
      outcome: "ineligible",
      reasons: [[NATURAL, "not_met"]],
    },
    {
      name: "student, technological disaster, 501 dwellings",
      situation: student({
        disaster: { kind: "technological", officiallyDeclared: true, uninhabitableDwellings: 501 },
      }),
      outcome: "ineligible",
      reasons: [[TECHNOLOGICAL, "not_met"]],
    },
    {
      name: "self-employed, natural disaster",
      situation: withPerson(
        { activity: "self_employed" },
        { disaster: { kind: "natural", officiallyDeclared: true } },
      ),
      outcome: "ineligible",
      reasons: [[NATURAL, "not_met"]],
    },
  ];
  it.each(rows)("$name → $outcome", (row) => check(evaluate(row.situation), row));
});

describe("PP_EX_CPA_2_DIR housing: « territoire métropolitain ou dans les DROM »", () => {
  const at = (postcode: string): Situation => ({ ...base(), housing: { postcode, occupancy: "tenant" } });
  const covered = ["75011", "20000", "97110", "97200", "97300", "97400", "97600"];
  const outside = ["97150", "97133", "97500", "98000", "98800"];
  it.each(covered)("%s is covered", (postcode) =>
    check(evaluate(at(postcode)), {
      name: postcode,
      situation: at(postcode),
      outcome: "eligible",
      reasons: [[TERRITORY, "met"]],
    }),
  );
  it.each(outside)("%s is not covered (Saint-Martin only from 2025; COM and Monaco never)", (postcode) =>
    check(evaluate(at(postcode)), {
      name: postcode,
      situation: at(postcode),
      outcome: "ineligible",
      reasons: [[TERRITORY, "not_met"]],
    }),
  );
  it("an unknown postcode leaves the outcome incomplete", () => {
    const situation: Situation = { ...base(), housing: { occupancy: "tenant" } };
    check(evaluate(situation), {
      name: "no postcode",
      situation,
      outcome: "incomplete",
      reasons: [[TERRITORY, "unknown"]],
      missing: ["/housing/postcode"],
    });
  });
});

describe("PP_EX_CPA_2_DIR occupancy: the six statuses listed", () => {
  const statuses = ["tenant", "owner", "buyer", "occupant_without_title", "hosted", "homeless"] as const;
  it.each(statuses)("%s is eligible", (occupancy) => {
    const situation: Situation = { ...base(), housing: { postcode: "75011", occupancy } };
    check(evaluate(situation), {
      name: occupancy,
      situation,
      outcome: "eligible",
      reasons: [[OCCUPANCY, "met"]],
    });
  });
  it("an absent status leaves the outcome incomplete", () => {
    const situation: Situation = { ...base(), housing: { postcode: "75011" } };
    check(evaluate(situation), {
      name: "no status",
      situation,
      outcome: "incomplete",
      reasons: [[OCCUPANCY, "unknown"]],
      missing: ["/housing/occupancy"],
    });
  });
  it("no housing facts at all: both are missing", () => {
    const { housing: _housing, ...situation } = base();
    check(evaluate(situation), {
      name: "no housing",
      situation,
      outcome: "incomplete",
      reasons: [
        [TERRITORY, "unknown"],
        [OCCUPANCY, "unknown"],
      ],
      missing: ["/housing/postcode", "/housing/occupancy"],
    });
  });
});

describe("PP_EX_CPA_2_DIR access: the situations the text cites", () => {
  const listed: [SituationKind, string][] = [
    ["financial_imbalance", ACCESS_FINANCIAL],
    ["over_indebtedness", ACCESS_FINANCIAL],
    ["separation", ACCESS_LIFE_EVENTS],
    ["family_conflict", ACCESS_LIFE_EVENTS],
    ["death", ACCESS_LIFE_EVENTS],
    ["illness", ACCESS_LIFE_EVENTS],
    ["job_loss", ACCESS_LIFE_EVENTS],
    ["rent_arrears", ACCESS_ARREARS],
    ["mortgage_arrears", ACCESS_ARREARS],
    ["co_ownership_charges_arrears", ACCESS_ARREARS],
  ];
  it.each(listed)("%s is cited (%s)", (kind, clause) => {
    const situation: Situation = { ...base(), situations: [kind] };
    check(evaluate(situation), { name: kind, situation, outcome: "eligible", reasons: [[clause, "met"]] });
  });

  const uncited: SituationKind[] = [
    "domestic_violence",
    "disability",
    "energy_poverty",
    "other_life_accident",
  ];
  it.each(uncited)("%s is not cited: left to the counsellor under « etc. »", (kind) => {
    const situation: Situation = { ...base(), situations: [kind] };
    check(evaluate(situation), {
      name: kind,
      situation,
      outcome: "review",
      reasons: [[ACCESS_LIFE_EVENTS, "unknown"]],
    });
  });

  it("one cited situation among uncited ones suffices", () => {
    const situation: Situation = {
      ...base(),
      situations: ["energy_poverty", "death", "other_life_accident"],
    };
    check(evaluate(situation), {
      name: "mixed",
      situation,
      outcome: "eligible",
      reasons: [[ACCESS_LIFE_EVENTS, "met"]],
    });
  });

  it("no situation at all: ineligible", () => {
    const situation: Situation = { ...base(), situations: [] };
    check(evaluate(situation), {
      name: "empty",
      situation,
      outcome: "ineligible",
      reasons: [[ANY_ACCESS, "not_met"]],
    });
  });

  it("situations not given: incomplete", () => {
    const { situations: _situations, ...situation } = base();
    check(evaluate(situation), {
      name: "absent",
      situation,
      outcome: "incomplete",
      reasons: [[ANY_ACCESS, "unknown"]],
      missing: ["/situations"],
    });
  });
});

describe("PP_EX_CPA_2_DIR combining the conditions", () => {
  it("a condition not met outweighs a missing fact", () => {
    const situation: Situation = { ...base(), housing: { postcode: "98800" } };
    expect(evaluate(situation).outcome).toBe("ineligible");
  });
  it("a missing fact outweighs a point left to the counsellor", () => {
    const situation: Situation = {
      ...base(),
      housing: { postcode: "75011" },
      situations: ["other_life_accident"],
    };
    const result = evaluate(situation);
    expect(result.outcome).toBe("incomplete");
    expect(result.missing).toEqual(["/housing/occupancy"]);
  });
  it("an uncited situation with a ground not met is ineligible, not review", () => {
    const situation: Situation = { ...student(), situations: ["other_life_accident"] };
    expect(evaluate(situation).outcome).toBe("ineligible");
  });
  it("grounds are alternatives: a small employer does not close the VISALE way", () => {
    const situation = withPerson(
      { activity: "employee", employer: employer(5, "private_non_agricultural") },
      { visale: { exceptionalEvent: true, guaranteeEligible: true } },
    );
    check(evaluate(situation), {
      name: "visale",
      situation,
      outcome: "eligible",
      reasons: [[VISALE, "met"]],
    });
  });
  it("a ground met makes the other grounds' missing facts irrelevant", () => {
    // Employee ground met; the disaster facts are incomplete but not needed.
    const situation: Situation = { ...base(), disaster: { kind: "technological" } };
    check(evaluate(situation), {
      name: "disaster noise",
      situation,
      outcome: "eligible",
      reasons: [[EMPLOYEES, "met"]],
    });
  });
});

describe("version chosen by the request date", () => {
  // A jobseeker covered by 2021 only: left a qualifying employer on 2025-06-01.
  const jobseeker = (requestDate: string): Situation => ({
    ...base(),
    requestDate,
    person: {
      activity: "jobseeker",
      employer: employer(200, "private_non_agricultural"),
      activityEndDate: "2025-06-01",
    },
  });

  it("2021-05-31: no directive in force", () => {
    const situation = { ...base(), requestDate: "2021-05-31" };
    expect(() => evaluate(situation)).toThrow(NoDirectiveInForceError);
    try {
      evaluate(situation);
    } catch (error) {
      expect((error as NoDirectiveInForceError).code).toBe("NO_DIRECTIVE_IN_FORCE");
      expect((error as NoDirectiveInForceError).requestDate).toBe("2021-05-31");
    }
  });
  it("2021-06-01: PP_EX_CPA_2_DIR applies from its first day", () => {
    const result = evaluate({ ...base(), requestDate: "2021-06-01" });
    expect(result.directive).toBe("PP_EX_CPA_2_DIR");
    expect(result.outcome).toBe("eligible");
  });
  it("2025-11-19: still PP_EX_CPA_2_DIR (the jobseeker is covered)", () => {
    const result = evaluate(jobseeker("2025-11-19"));
    expect(result.directive).toBe("PP_EX_CPA_2_DIR");
    expect(result.outcome).toBe("eligible");
  });
  it("2025-11-20: PP_SERV_ASD_2_DIR (the jobseeker is no longer covered)", () => {
    const result = evaluate(jobseeker("2025-11-20"));
    expect(result.directive).toBe("PP_SERV_ASD_2_DIR");
    expect(result.outcome).toBe("ineligible");
  });
  it("the temp workers' threshold (a 2025 parameter) does not affect 2021", () => {
    const situation = withPerson({
      activity: "temp_worker",
      employer: employer(30, "private_non_agricultural"),
      contract: { type: "temp_mission", start: "2023-05-02", end: "2023-05-16" },
      tempHoursLast12Months: 0,
    });
    expect(evaluate(situation, { tempWorkerMinHours: 2000 }).outcome).toBe("eligible");
  });
  it("the result echoes the situation's id and the parameters used", () => {
    const result = evaluate({ ...base(), id: "dossier-42" });
    expect(result.id).toBe("dossier-42");
    expect(result.parameters).toEqual({ tempWorkerMinHours: 414 });
  });
});
