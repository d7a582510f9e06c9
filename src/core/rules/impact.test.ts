// What changes for a case when PP_SERV_ASD_2_DIR replaces PP_EX_CPA_2_DIR: the case system flags open
// cases with it on 2025-11-20.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createSituationGenerator } from "../../../bench/generate.ts";
import { directiveByReference, evaluateUnder, impact } from "./index.ts";
import type { Situation } from "./types.ts";

const V2021 = directiveByReference("PP_EX_CPA_2_DIR");
const V2025 = directiveByReference("PP_SERV_ASD_2_DIR");
if (V2021 === undefined || V2025 === undefined) throw new Error("both versions are defined");

const qualifying = { sector: "private_non_agricultural" as const, headcount: 200 };
const paris = { postcode: "75011", occupancy: "tenant" as const };

/** Permanent employee of a company of 200, tenant in Paris, in arrears: covered by both versions. */
const employee: Situation = {
  requestDate: "2025-11-10",
  person: {
    activity: "employee",
    employer: qualifying,
    contract: { type: "permanent", start: "2019-03-01", end: null },
  },
  housing: paris,
  situations: ["rent_arrears"],
};

describe("impact of PP_SERV_ASD_2_DIR on open cases", () => {
  it("a jobseeker covered in 2021 (« demandeurs d'emploi ... dans les 12 mois ») is not in 2025", () => {
    const jobseeker: Situation = {
      id: "case-jobseeker",
      requestDate: "2025-11-10",
      person: { activity: "jobseeker", employer: qualifying, activityEndDate: "2025-06-15" },
      housing: paris,
      situations: ["rent_arrears"],
    };
    const result = impact(jobseeker, V2021, V2025);
    expect(result.id).toBe("case-jobseeker");
    expect(result.changed).toBe(true);
    expect(result.from.directive).toBe("PP_EX_CPA_2_DIR");
    expect(result.from.outcome).toBe("eligible");
    expect(result.to.directive).toBe("PP_SERV_ASD_2_DIR");
    expect(result.to.outcome).toBe("ineligible");
    expect(result.clauses).toContain("PP_EX_CPA_2_DIR/beneficiaires/2");
    // Housing and access are unaffected: their clauses are not flagged.
    expect(result.clauses.some((clause) => /\/(logement|acces|occupation)\//.test(clause))).toBe(false);
  });

  it("a Saint-Martin tenant outside the 2021 territory becomes covered in 2025", () => {
    const saintMartin: Situation = { ...employee, housing: { postcode: "97150", occupancy: "tenant" } };
    const result = impact(saintMartin, V2021, V2025);
    expect(result.changed).toBe(true);
    expect(result.from.outcome).toBe("ineligible");
    expect(result.to.outcome).toBe("eligible");
    expect(result.clauses).toEqual(["PP_EX_CPA_2_DIR/logement/1", "PP_SERV_ASD_2_DIR/logement/1"]);
  });

  it("a pre-retiree loses the service (« Les préretraités sont assimilés à des salariés » is gone)", () => {
    const preRetiree: Situation = { ...employee, person: { activity: "pre_retiree", employer: qualifying } };
    const result = impact(preRetiree, V2021, V2025);
    expect([result.from.outcome, result.to.outcome]).toEqual(["eligible", "ineligible"]);
    expect(result.clauses).toContain("PP_EX_CPA_2_DIR/beneficiaires/3");
  });

  it("a VISALE household loses the service", () => {
    const household: Situation = {
      ...employee,
      person: { activity: "student" },
      visale: { exceptionalEvent: true, guaranteeEligible: true },
    };
    const result = impact(household, V2021, V2025);
    expect([result.from.outcome, result.to.outcome]).toEqual(["eligible", "ineligible"]);
    expect(result.clauses).toContain("PP_EX_CPA_2_DIR/beneficiaires/4");
  });

  it("an ESAT worker with a signed contract gains the service", () => {
    const esat: Situation = {
      ...employee,
      person: { activity: "esat_worker", esatSupportContractSigned: true },
    };
    const result = impact(esat, V2021, V2025);
    expect([result.from.outcome, result.to.outcome]).toEqual(["ineligible", "eligible"]);
    expect(result.clauses).toContain("PP_SERV_ASD_2_DIR/beneficiaires/3");
  });

  it("domestic violence: left to the counsellor in 2021, cited in 2025", () => {
    const violence: Situation = { ...employee, situations: ["domestic_violence"] };
    const result = impact(violence, V2021, V2025);
    expect([result.from.outcome, result.to.outcome]).toEqual(["review", "eligible"]);
    expect(result.clauses).toContain("PP_SERV_ASD_2_DIR/acces/2");
  });

  it("job loss: cited in 2021, left to the counsellor in 2025", () => {
    const jobLoss: Situation = { ...employee, situations: ["job_loss"] };
    const result = impact(jobLoss, V2021, V2025);
    expect([result.from.outcome, result.to.outcome]).toEqual(["eligible", "review"]);
    expect(result.clauses).toContain("PP_EX_CPA_2_DIR/acces/2");
  });

  describe("a temp worker on a two-week mission", () => {
    const temp = (hours: number): Situation => ({
      ...employee,
      person: {
        activity: "temp_worker",
        employer: qualifying,
        contract: { type: "temp_mission", start: "2025-11-03", end: "2025-11-17" },
        tempHoursLast12Months: hours,
      },
    });
    it("with 414 hours: covered by both, unchanged", () => {
      const result = impact(temp(414), V2021, V2025);
      expect(result.changed).toBe(false);
      expect(result.clauses).toEqual([]);
      expect(result.to.outcome).toBe("eligible");
    });
    it("with 100 hours: loses the service on the temp workers' clause", () => {
      const result = impact(temp(100), V2021, V2025);
      expect([result.from.outcome, result.to.outcome]).toEqual(["eligible", "ineligible"]);
      expect(result.clauses).toContain("PP_SERV_ASD_2_DIR/beneficiaires/2");
    });
    it("with 100 hours and a threshold set to 100: unchanged, and the threshold is recorded", () => {
      const result = impact(temp(100), V2021, V2025, { tempWorkerMinHours: 100 });
      expect(result.changed).toBe(false);
      expect(result.to.parameters).toEqual({ tempWorkerMinHours: 100 });
    });
  });

  it("unchanged situations have changed=false and no clauses", () => {
    const result = impact({ ...employee, id: "case-1" }, V2021, V2025);
    expect(result).toMatchObject({ id: "case-1", changed: false, clauses: [] });
    expect(result.from.outcome).toBe("eligible");
    expect(result.to.outcome).toBe("eligible");
  });

  it("the results inside carry no id (the impact carries it once); without an id, none at all", () => {
    const withId = impact({ ...employee, id: "case-2" }, V2021, V2025);
    expect("id" in withId.from).toBe(false);
    expect("id" in withId.to).toBe(false);
    expect("id" in impact(employee, V2021, V2025)).toBe(false);
  });

  it("on generated situations: both results are the versions' own, changed is whether the outcomes differ, and flagged clauses exist only then", () => {
    const next = createSituationGenerator(99);
    const pool = Array.from({ length: 3000 }, (_, index) => next(index));
    fc.assert(
      fc.property(fc.constantFrom(...pool), (situation) => {
        const result = impact(situation, V2021, V2025);
        const { id: _a, ...from } = evaluateUnder(V2021, situation);
        const { id: _b, ...to } = evaluateUnder(V2025, situation);
        expect(result.from).toEqual(from);
        expect(result.to).toEqual(to);
        expect(result.changed).toBe(from.outcome !== to.outcome);
        if (!result.changed) expect(result.clauses).toEqual([]);
        else expect(result.clauses.length).toBeGreaterThan(0);
        const known = new Set([...V2021.clauses, ...V2025.clauses].map((clause) => clause.id));
        for (const clause of result.clauses) expect(known.has(clause)).toBe(true);
        expect(impact(situation, V2025, V2025).changed).toBe(false);
      }),
      { seed: 5, numRuns: 1000 },
    );
  });
});
