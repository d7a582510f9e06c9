// PP_SERV_ASD_2_DIR (in force from 2025-11-20), clause by clause and boundary by boundary. Every expected
// value comes from the directive text and the readings of issue 4.
import { describe, expect, it } from "vitest";
import { checkRow, type EligibilityRow } from "../../../test/support/eligibilityRows.ts";
import { evaluate } from "./index.ts";
import type { EligibilityResult, Situation, SituationKind } from "./types.ts";

const REF = "PP_SERV_ASD_2_DIR";
// Clause ids, numbered in the order the text prints them within each section.
const EMPLOYEES = `${REF}/beneficiaires/1`;
const TEMP_WORKERS = `${REF}/beneficiaires/2`;
const ESAT = `${REF}/beneficiaires/3`;
const NATURAL = `${REF}/beneficiaires/4`;
const TECHNOLOGICAL = `${REF}/beneficiaires/5`;
const OCCUPANCY = `${REF}/beneficiaires/6`;
const TERRITORY = `${REF}/logement/1`;
const ACCESS_OVER_INDEBTEDNESS = `${REF}/acces/1`;
const ACCESS_LIFE_EVENTS = `${REF}/acces/2`;
const ACCESS_ARREARS = `${REF}/acces/3`;
const ANY_ACCESS = new RegExp(`^${REF}/acces/\\d+$`);
const EMPLOYEES_OR_TEMP = new RegExp(`^${REF}/beneficiaires/[12]$`);

const REQUEST = "2026-01-15";
type Person = NonNullable<Situation["person"]>;
type Sector = "private_non_agricultural" | "private_agricultural" | "public";
const employer = (headcount: number, sector: Sector = "private_non_agricultural") => ({ sector, headcount });

/** An employee on a permanent contract in a private non-agricultural company of 50, tenant in Paris, in arrears. */
function base(): Situation {
  return {
    requestDate: REQUEST,
    person: {
      activity: "employee",
      employer: employer(50),
      contract: { type: "permanent", start: "2020-01-01", end: null },
    },
    housing: { postcode: "75011", occupancy: "tenant" },
    situations: ["rent_arrears"],
  };
}
const withPerson = (person: Person, extra: Partial<Situation> = {}): Situation => ({
  ...base(),
  person,
  ...extra,
});
const employeeWith = (contract: Person["contract"], requestDate = REQUEST, headcount = 50): Situation => ({
  ...base(),
  requestDate,
  person: { activity: "employee", employer: employer(headcount), contract },
});
/** A temp worker of a large agency on a one-month mission in progress. */
const tempWorker = (hours: number | undefined, extra: Partial<Person> = {}): Situation =>
  withPerson({
    activity: "temp_worker",
    employer: employer(300),
    contract: { type: "temp_mission", start: "2026-01-05", end: "2026-02-05" },
    ...(hours === undefined ? {} : { tempHoursLast12Months: hours }),
    ...extra,
  });

interface Row extends EligibilityRow {
  /** The temp workers' threshold in force, when the row sets one. */
  hours?: number;
}

const check = (result: EligibilityResult, row: Row): void => checkRow(REF, result, row);

const run = (row: Row) =>
  check(
    evaluate(row.situation, row.hours === undefined ? undefined : { tempWorkerMinHours: row.hours }),
    row,
  );

describe("PP_SERV_ASD_2_DIR employees (« contrat de travail en cours » « d'au moins 3 mois »)", () => {
  const rows: Row[] = [
    {
      name: "permanent, company of 10",
      situation: employeeWith({ type: "permanent", start: "2020-01-01", end: null }, REQUEST, 10),
      outcome: "eligible",
      reasons: [[EMPLOYEES, "met"]],
    },
    {
      name: "permanent, company of 9",
      situation: employeeWith({ type: "permanent", start: "2020-01-01", end: null }, REQUEST, 9),
      outcome: "ineligible",
      reasons: [[EMPLOYEES, "not_met"]],
    },
    {
      name: "agricultural company",
      situation: withPerson({
        activity: "employee",
        employer: employer(200, "private_agricultural"),
        contract: { type: "permanent", start: "2020-01-01", end: null },
      }),
      outcome: "ineligible",
      reasons: [[EMPLOYEES, "not_met"]],
    },
    {
      name: "public employer",
      situation: withPerson({
        activity: "employee",
        employer: employer(200, "public"),
        contract: { type: "permanent", start: "2020-01-01", end: null },
      }),
      outcome: "ineligible",
      reasons: [[EMPLOYEES, "not_met"]],
    },
    {
      name: "fixed term 2025-11-30 → 2026-02-27 (short of 3 months)",
      situation: employeeWith({ type: "fixed_term", start: "2025-11-30", end: "2026-02-27" }, "2025-12-15"),
      outcome: "ineligible",
      reasons: [[EMPLOYEES, "not_met"]],
    },
    {
      name: "fixed term 2025-11-30 → 2026-02-28 (3 months, clamped to February's end)",
      situation: employeeWith({ type: "fixed_term", start: "2025-11-30", end: "2026-02-28" }, "2025-12-15"),
      outcome: "eligible",
      reasons: [[EMPLOYEES, "met"]],
    },
    {
      name: "fixed term 2025-12-01 → 2026-03-01 (exactly 3 months)",
      situation: employeeWith({ type: "fixed_term", start: "2025-12-01", end: "2026-03-01" }, "2025-12-15"),
      outcome: "eligible",
      reasons: [[EMPLOYEES, "met"]],
    },
    {
      name: "fixed term 2025-12-01 → 2026-02-28 (one day short)",
      situation: employeeWith({ type: "fixed_term", start: "2025-12-01", end: "2026-02-28" }, "2025-12-15"),
      outcome: "ineligible",
      reasons: [[EMPLOYEES, "not_met"]],
    },
    {
      name: "apprenticeship of two years",
      situation: employeeWith({ type: "apprenticeship", start: "2025-09-01", end: "2027-08-31" }),
      outcome: "eligible",
      reasons: [[EMPLOYEES, "met"]],
    },
    {
      name: "contract not yet started",
      situation: employeeWith({ type: "permanent", start: "2026-02-01", end: null }),
      outcome: "ineligible",
      reasons: [[EMPLOYEES, "not_met"]],
    },
    {
      name: "contract starting the day of the request",
      situation: employeeWith({ type: "permanent", start: REQUEST, end: null }),
      outcome: "eligible",
      reasons: [[EMPLOYEES, "met"]],
    },
    {
      name: "contract ended the day before the request",
      situation: employeeWith({ type: "fixed_term", start: "2025-06-01", end: "2026-01-14" }),
      outcome: "ineligible",
      reasons: [[EMPLOYEES, "not_met"]],
    },
    {
      name: "contract ending the day of the request",
      situation: employeeWith({ type: "fixed_term", start: "2025-06-01", end: REQUEST }),
      outcome: "eligible",
      reasons: [[EMPLOYEES, "met"]],
    },
    {
      name: "open-ended contract of another type",
      situation: employeeWith({ type: "other", start: "2025-12-20", end: null }),
      outcome: "eligible",
      reasons: [[EMPLOYEES, "met"]],
    },
    {
      name: "permanent contract with a planned end in two weeks (a CDI qualifies)",
      situation: employeeWith({ type: "permanent", start: "2026-01-01", end: "2026-01-31" }),
      outcome: "eligible",
      reasons: [[EMPLOYEES, "met"]],
    },
    {
      name: "employee with a short contract and many hours (hours only for temp workers)",
      situation: withPerson({
        activity: "employee",
        employer: employer(50),
        contract: { type: "fixed_term", start: "2026-01-05", end: "2026-02-05" },
        tempHoursLast12Months: 1500,
      }),
      outcome: "ineligible",
      reasons: [[EMPLOYEES, "not_met"]],
    },
    {
      name: "permanent, end not given: is it still in progress?",
      situation: employeeWith({ type: "permanent", start: "2020-01-01" }),
      outcome: "incomplete",
      reasons: [[EMPLOYEES, "unknown"]],
      missing: ["/person/contract/end"],
    },
    {
      name: "open-ended, start not given",
      situation: employeeWith({ type: "permanent", end: null }),
      outcome: "incomplete",
      reasons: [[EMPLOYEES, "unknown"]],
      missing: ["/person/contract/start"],
    },
    {
      name: "headcount unknown",
      situation: withPerson({
        activity: "employee",
        employer: { sector: "private_non_agricultural" },
        contract: { type: "permanent", start: "2020-01-01", end: null },
      }),
      outcome: "incomplete",
      reasons: [[EMPLOYEES, "unknown"]],
      missing: ["/person/employer/headcount"],
    },
    {
      name: "student",
      situation: withPerson({ activity: "student" }),
      outcome: "ineligible",
      reasons: [[EMPLOYEES, "not_met"]],
    },
  ];
  it.each(rows)("$name → $outcome", run);

  it.each([
    ["2026-03-31", "eligible", "met"],
    ["2026-03-30", "ineligible", "not_met"],
  ] as const)("fixed term from 2025-12-31 to %s → %s", (end, outcome, status) =>
    run({
      name: `2025-12-31 → ${end}`,
      situation: employeeWith({ type: "fixed_term", start: "2025-12-31", end }),
      outcome,
      reasons: [[EMPLOYEES, status]],
    }),
  );

  it("activity not given: the employee and ESAT grounds cannot be decided", () => {
    const situation = withPerson({
      employer: employer(50),
      contract: { type: "permanent", start: "2020-01-01", end: null },
    });
    const result = evaluate(situation);
    expect(result.outcome).toBe("incomplete");
    expect(result.missing).toContain("/person/activity");
    expect(result.reasons).toContainEqual(expect.objectContaining({ clause: EMPLOYEES, status: "unknown" }));
  });

  it("no contract facts: start and end are needed", () => {
    const result = evaluate(withPerson({ activity: "employee", employer: employer(50) }));
    expect(result.outcome).toBe("incomplete");
    expect(result.missing).toEqual(
      expect.arrayContaining(["/person/contract/start", "/person/contract/end"]),
    );
    expect(result.reasons).toContainEqual(expect.objectContaining({ clause: EMPLOYEES, status: "unknown" }));
  });
});

describe("PP_SERV_ASD_2_DIR temp workers (« nombre d'heures minimal de mission sur les 12 derniers mois »)", () => {
  const rows: Row[] = [
    {
      name: "one-month mission, 414 hours",
      situation: tempWorker(414),
      outcome: "eligible",
      reasons: [[TEMP_WORKERS, "met"]],
    },
    {
      name: "one-month mission, 413 hours",
      situation: tempWorker(413),
      outcome: "ineligible",
      reasons: [[TEMP_WORKERS, "not_met"]],
    },
    {
      name: "one-month mission, 1600 hours",
      situation: tempWorker(1600),
      outcome: "eligible",
      reasons: [[TEMP_WORKERS, "met"]],
    },
    {
      name: "threshold set to 300: 300 hours",
      situation: tempWorker(300),
      hours: 300,
      outcome: "eligible",
      reasons: [[TEMP_WORKERS, "met"]],
    },
    {
      name: "threshold set to 300: 299 hours",
      situation: tempWorker(299),
      hours: 300,
      outcome: "ineligible",
      reasons: [[TEMP_WORKERS, "not_met"]],
    },
    {
      name: "threshold set to 500: 414 hours no longer suffice",
      situation: tempWorker(414),
      hours: 500,
      outcome: "ineligible",
      reasons: [[TEMP_WORKERS, "not_met"]],
    },
    {
      name: "threshold set to 0: any hours",
      situation: tempWorker(0),
      hours: 0,
      outcome: "eligible",
      reasons: [[TEMP_WORKERS, "met"]],
    },
    {
      name: "mission of 3 months: hours not needed",
      situation: tempWorker(0, {
        contract: { type: "temp_mission", start: "2026-01-05", end: "2026-04-05" },
      }),
      outcome: "eligible",
      reasons: [[EMPLOYEES, "met"]],
    },
    {
      name: "mission of 3 months less a day, 0 hours",
      situation: tempWorker(0, {
        contract: { type: "temp_mission", start: "2026-01-05", end: "2026-04-04" },
      }),
      outcome: "ineligible",
      reasons: [[TEMP_WORKERS, "not_met"]],
    },
    {
      name: "agency of 9, 1000 hours",
      situation: tempWorker(1000, { employer: employer(9) }),
      outcome: "ineligible",
      reasons: [[EMPLOYEES, "not_met"]],
    },
    {
      name: "mission not yet started, 1000 hours",
      situation: tempWorker(1000, {
        contract: { type: "temp_mission", start: "2026-01-20", end: "2026-02-20" },
      }),
      outcome: "ineligible",
      reasons: [[EMPLOYEES, "not_met"]],
    },
    {
      name: "mission ended, 1000 hours",
      situation: tempWorker(1000, {
        contract: { type: "temp_mission", start: "2025-12-01", end: "2026-01-10" },
      }),
      outcome: "ineligible",
      reasons: [[EMPLOYEES, "not_met"]],
    },
    {
      name: "short mission, hours not given",
      situation: tempWorker(undefined),
      outcome: "incomplete",
      reasons: [[EMPLOYEES_OR_TEMP, "unknown"]],
      missing: ["/person/tempHoursLast12Months"],
    },
  ];
  it.each(rows)("$name → $outcome", run);

  it("the result records the threshold it used", () => {
    expect(evaluate(tempWorker(300), { tempWorkerMinHours: 300 }).parameters).toEqual({
      tempWorkerMinHours: 300,
    });
    expect(evaluate(tempWorker(300)).parameters).toEqual({ tempWorkerMinHours: 414 });
  });
});

describe("PP_SERV_ASD_2_DIR ESAT workers (« ayant signé un contrat de soutien et d'aide par le travail »)", () => {
  const rows: Row[] = [
    {
      name: "contract signed",
      situation: withPerson({ activity: "esat_worker", esatSupportContractSigned: true }),
      outcome: "eligible",
      reasons: [[ESAT, "met"]],
    },
    {
      name: "contract not signed",
      situation: withPerson({ activity: "esat_worker", esatSupportContractSigned: false }),
      outcome: "ineligible",
      reasons: [[ESAT, "not_met"]],
    },
    {
      name: "signature unknown",
      situation: withPerson({ activity: "esat_worker" }),
      outcome: "incomplete",
      reasons: [[ESAT, "unknown"]],
      missing: ["/person/esatSupportContractSigned"],
    },
    {
      name: "an employee's signature flag is irrelevant",
      situation: withPerson({ activity: "student", esatSupportContractSigned: true }),
      outcome: "ineligible",
      reasons: [[ESAT, "not_met"]],
    },
  ];
  it.each(rows)("$name → $outcome", run);
});

describe("PP_SERV_ASD_2_DIR disasters (« Tout salarié, quels que soient le secteur et la taille de son entreprise, son contrat de travail »)", () => {
  const smallFarmHand: Person = {
    activity: "employee",
    employer: employer(3, "private_agricultural"),
    contract: { type: "fixed_term", start: "2026-01-05", end: "2026-01-25" },
  };
  const natural = { kind: "natural" as const, officiallyDeclared: true };
  const technological = (dwellings: number, officiallyDeclared = true) => ({
    kind: "technological" as const,
    officiallyDeclared,
    uninhabitableDwellings: dwellings,
  });
  const rows: Row[] = [
    {
      name: "employee of a small farm on a short contract, natural",
      situation: withPerson(smallFarmHand, { disaster: natural }),
      outcome: "eligible",
      reasons: [[NATURAL, "met"]],
    },
    {
      name: "natural not declared",
      situation: withPerson(smallFarmHand, { disaster: { kind: "natural", officiallyDeclared: false } }),
      outcome: "ineligible",
      reasons: [[NATURAL, "not_met"]],
    },
    {
      name: "technological, 501 dwellings",
      situation: withPerson(smallFarmHand, { disaster: technological(501) }),
      outcome: "eligible",
      reasons: [[TECHNOLOGICAL, "met"]],
    },
    {
      name: "technological, 500 dwellings",
      situation: withPerson(smallFarmHand, { disaster: technological(500) }),
      outcome: "ineligible",
      reasons: [[TECHNOLOGICAL, "not_met"]],
    },
    {
      name: "technological, 501 dwellings, not declared",
      situation: withPerson(smallFarmHand, { disaster: technological(501, false) }),
      outcome: "ineligible",
      reasons: [[TECHNOLOGICAL, "not_met"]],
    },
    {
      name: "technological, dwellings unknown",
      situation: withPerson(smallFarmHand, { disaster: { kind: "technological", officiallyDeclared: true } }),
      outcome: "incomplete",
      reasons: [[TECHNOLOGICAL, "unknown"]],
      missing: ["/disaster/uninhabitableDwellings"],
    },
    {
      name: "temp worker with a contract that ended, natural",
      situation: {
        ...tempWorker(0, { contract: { type: "temp_mission", start: "2025-10-01", end: "2025-12-01" } }),
        disaster: natural,
      },
      outcome: "eligible",
      reasons: [[NATURAL, "met"]],
    },
    {
      name: "student, natural",
      situation: withPerson({ activity: "student" }, { disaster: natural }),
      outcome: "ineligible",
      reasons: [[NATURAL, "not_met"]],
    },
    {
      name: "student, technological 501",
      situation: withPerson({ activity: "student" }, { disaster: technological(501) }),
      outcome: "ineligible",
      reasons: [[TECHNOLOGICAL, "not_met"]],
    },
    {
      name: "pre-retiree, natural (no pre-retirees in 2025)",
      situation: withPerson({ activity: "pre_retiree", employer: employer(500) }, { disaster: natural }),
      outcome: "ineligible",
      reasons: [[NATURAL, "not_met"]],
    },
    {
      name: "jobseeker, natural",
      situation: withPerson(
        { activity: "jobseeker", employer: employer(500), activityEndDate: "2025-12-01" },
        { disaster: natural },
      ),
      outcome: "ineligible",
      reasons: [[NATURAL, "not_met"]],
    },
    {
      name: "retired, technological 501",
      situation: withPerson({ activity: "retired" }, { disaster: technological(501) }),
      outcome: "ineligible",
      reasons: [[TECHNOLOGICAL, "not_met"]],
    },
  ];
  it.each(rows)("$name → $outcome", run);

  it("a temp worker short of hours is covered when a technological disaster struck", () => {
    const situation: Situation = { ...tempWorker(0), disaster: technological(501) };
    check(evaluate(situation), {
      name: "temp + tech",
      situation,
      outcome: "eligible",
      reasons: [[TECHNOLOGICAL, "met"]],
    });
  });
  it("an ESAT worker with a signed contract is covered (met by the ESAT ground or the disaster)", () => {
    const situation = withPerson(
      { activity: "esat_worker", esatSupportContractSigned: true },
      { disaster: natural },
    );
    expect(evaluate(situation).outcome).toBe("eligible");
  });
});

describe("PP_SERV_ASD_2_DIR: grounds of 2021 that are gone", () => {
  const rows: Row[] = [
    {
      name: "jobseeker one month after leaving a large company",
      situation: withPerson({
        activity: "jobseeker",
        employer: employer(500),
        activityEndDate: "2025-12-15",
      }),
      outcome: "ineligible",
      reasons: [[EMPLOYEES, "not_met"]],
    },
    {
      name: "pre-retiree of a large company",
      situation: withPerson({
        activity: "pre_retiree",
        employer: employer(500),
        activityEndDate: "2024-01-01",
      }),
      outcome: "ineligible",
      reasons: [[EMPLOYEES, "not_met"]],
    },
    {
      name: "student with a VISALE exceptional event, eligible to the guarantee",
      situation: withPerson(
        { activity: "student" },
        { visale: { exceptionalEvent: true, guaranteeEligible: true } },
      ),
      outcome: "ineligible",
      reasons: [[EMPLOYEES, "not_met"]],
    },
  ];
  it.each(rows)("$name → $outcome", (row) => {
    run(row);
    const result = evaluate(row.situation);
    expect(result.reasons.every((reason) => reason.clause.startsWith(`${REF}/`))).toBe(true);
  });
});

describe("PP_SERV_ASD_2_DIR housing: métropole, DROM « ou sur la collectivité territoriale de St Martin »", () => {
  const at = (postcode: string): Situation => ({ ...base(), housing: { postcode, occupancy: "owner" } });
  const covered = ["75011", "20000", "97110", "97200", "97300", "97400", "97600", "97150"];
  const outside = ["97133", "97500", "98000", "98800"];
  it.each(covered)("%s is covered", (postcode) =>
    run({ name: postcode, situation: at(postcode), outcome: "eligible", reasons: [[TERRITORY, "met"]] }),
  );
  it.each(outside)("%s is not covered", (postcode) =>
    run({
      name: postcode,
      situation: at(postcode),
      outcome: "ineligible",
      reasons: [[TERRITORY, "not_met"]],
    }),
  );
  it("no postcode: incomplete", () =>
    run({
      name: "none",
      situation: { ...base(), housing: { occupancy: "tenant" } },
      outcome: "incomplete",
      reasons: [[TERRITORY, "unknown"]],
      missing: ["/housing/postcode"],
    }));
});

describe("PP_SERV_ASD_2_DIR occupancy: « Tous les statuts d'occupation sont éligibles »", () => {
  it("an absent status does not matter", () =>
    run({
      name: "no status",
      situation: { ...base(), housing: { postcode: "75011" } },
      outcome: "eligible",
      reasons: [[OCCUPANCY, "met"]],
    }));
  it.each(["tenant", "owner", "buyer", "occupant_without_title", "hosted", "homeless"] as const)(
    "%s is eligible",
    (occupancy) =>
      run({
        name: occupancy,
        situation: { ...base(), housing: { postcode: "75011", occupancy } },
        outcome: "eligible",
        reasons: [[OCCUPANCY, "met"]],
      }),
  );
  it("no housing facts: only the postcode is missing", () => {
    const { housing: _housing, ...situation } = base();
    run({
      name: "no housing",
      situation,
      outcome: "incomplete",
      reasons: [[TERRITORY, "unknown"]],
      missing: ["/housing/postcode"],
    });
  });
});

describe("PP_SERV_ASD_2_DIR access: the situations the text cites", () => {
  const listed: [SituationKind, string][] = [
    ["over_indebtedness", ACCESS_OVER_INDEBTEDNESS],
    ["separation", ACCESS_LIFE_EVENTS],
    ["domestic_violence", ACCESS_LIFE_EVENTS],
    ["family_conflict", ACCESS_LIFE_EVENTS],
    ["death", ACCESS_LIFE_EVENTS],
    ["illness", ACCESS_LIFE_EVENTS],
    ["disability", ACCESS_LIFE_EVENTS],
    ["rent_arrears", ACCESS_ARREARS],
    ["mortgage_arrears", ACCESS_ARREARS],
    ["co_ownership_charges_arrears", ACCESS_ARREARS],
    ["energy_poverty", ACCESS_ARREARS],
  ];
  it.each(listed)("%s is cited (%s)", (kind, clause) =>
    run({
      name: kind,
      situation: { ...base(), situations: [kind] },
      outcome: "eligible",
      reasons: [[clause, "met"]],
    }),
  );
  const uncited: SituationKind[] = ["financial_imbalance", "job_loss", "other_life_accident"];
  it.each(uncited)("%s is not cited: left to the counsellor under « etc »", (kind) =>
    run({
      name: kind,
      situation: { ...base(), situations: [kind] },
      outcome: "review",
      reasons: [[ACCESS_LIFE_EVENTS, "unknown"]],
    }),
  );
  it("one cited situation among uncited ones suffices", () =>
    run({
      name: "mixed",
      situation: { ...base(), situations: ["job_loss", "energy_poverty"] },
      outcome: "eligible",
      reasons: [[ACCESS_ARREARS, "met"]],
    }));
  it("no situation: ineligible", () =>
    run({
      name: "empty",
      situation: { ...base(), situations: [] },
      outcome: "ineligible",
      reasons: [[ANY_ACCESS, "not_met"]],
    }));
  it("situations not given: incomplete", () => {
    const { situations: _situations, ...situation } = base();
    run({
      name: "absent",
      situation,
      outcome: "incomplete",
      reasons: [[ANY_ACCESS, "unknown"]],
      missing: ["/situations"],
    });
  });
  it("an uncited situation with a missing fact is incomplete, not review", () => {
    const situation: Situation = { ...base(), housing: {}, situations: ["job_loss"] };
    run({
      name: "review+missing",
      situation,
      outcome: "incomplete",
      reasons: [[TERRITORY, "unknown"]],
      missing: ["/housing/postcode"],
    });
  });
});
