// The result told in French (CLI --explain): which directive applied, the outcome, every reason with the
// clause it rests on, and the facts still needed, by their French names.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createSituationGenerator } from "../../../bench/generate.ts";
import { evaluate, explain } from "./index.ts";
import type { Situation } from "./types.ts";

const employee = (requestDate: string): Situation => ({
  id: "dossier-7",
  requestDate,
  person: {
    activity: "employee",
    employer: { sector: "private_non_agricultural", headcount: 50 },
    contract: { type: "permanent", start: "2019-03-01", end: null },
  },
  housing: { postcode: "75011", occupancy: "tenant" },
  situations: ["rent_arrears"],
});

/** Words of the JSON vocabulary that must not leak into a French explanation. */
const ENGLISH = /\b(eligible|ineligible|incomplete|review|not_met|unknown|missing|met)\b/;

describe("explain", () => {
  it("2021: names the directive, its period in French, the outcome and each reason with its clause", () => {
    const result = evaluate(employee("2023-05-10"));
    const text = explain(result);
    expect(text).toContain("dossier-7");
    expect(text).toContain("PP_EX_CPA_2_DIR");
    expect(text).toContain("1er juin 2021");
    expect(text).toContain("19 novembre 2025");
    expect(text).toMatch(/éligible/);
    expect(text).not.toMatch(/non éligible/);
    for (const reason of result.reasons) {
      expect(text).toContain(reason.clause);
      expect(text).toContain(reason.text);
    }
    expect(text).toContain("PP_EX_CPA_2_DIR/beneficiaires/1");
    expect(text).not.toMatch(ENGLISH);
    expect(text.endsWith("\n")).toBe(true);
  });

  it("2025: in force since 20 novembre 2025, and the temp workers' threshold applied", () => {
    const text = explain(evaluate(employee("2026-01-15")));
    expect(text).toContain("PP_SERV_ASD_2_DIR");
    expect(text).toContain("20 novembre 2025");
    expect(text).toContain("414");
    const lowered = explain(evaluate(employee("2026-01-15"), { tempWorkerMinHours: 300 }));
    expect(lowered).toContain("300");
    expect(lowered).not.toContain("414");
  });

  it("says that the result does not open an automatic right (« Droit ouvert : non »)", () => {
    expect(explain(evaluate(employee("2023-05-10")))).toMatch(/droit/i);
    expect(explain(evaluate(employee("2026-01-15")))).toMatch(/droit/i);
  });

  it("ineligible: says so in French and cites the clause not met", () => {
    const situation: Situation = {
      ...employee("2023-05-10"),
      housing: { postcode: "97150", occupancy: "tenant" },
    };
    const text = explain(evaluate(situation));
    expect(text).toMatch(/non éligible/);
    expect(text).toContain("PP_EX_CPA_2_DIR/logement/1");
    expect(text).toMatch(/non remplie/);
  });

  it("review: says the counsellor decides", () => {
    const situation: Situation = { ...employee("2026-01-15"), situations: ["job_loss"] };
    const text = explain(evaluate(situation));
    expect(text).toMatch(/conseiller/);
    expect(text).toContain("PP_SERV_ASD_2_DIR/acces/2");
  });

  it("incomplete: lists the missing facts by their French names, not their JSON pointers", () => {
    const situation: Situation = {
      requestDate: "2023-05-10",
      person: { activity: "employee", employer: { sector: "private_non_agricultural" } },
      housing: {},
      situations: ["death"],
    };
    const result = evaluate(situation);
    expect(result.outcome).toBe("incomplete");
    const text = explain(result);
    expect(text).toMatch(/incomplet/);
    expect(text).toMatch(/effectif/);
    expect(text).toMatch(/code postal/);
    expect(text).toMatch(/statut d'occupation/);
    for (const pointer of result.missing) expect(text).not.toContain(pointer);
  });

  it("a temp worker's missing hours are named as mission hours", () => {
    const situation: Situation = {
      requestDate: "2026-01-15",
      person: {
        activity: "temp_worker",
        employer: { sector: "private_non_agricultural", headcount: 300 },
        contract: { type: "temp_mission", start: "2026-01-05", end: "2026-02-05" },
      },
      housing: { postcode: "75011" },
      situations: ["rent_arrears"],
    };
    const text = explain(evaluate(situation));
    expect(text).toMatch(/heures de mission/);
    expect(text).not.toContain("/person/tempHoursLast12Months");
  });

  it("on generated situations: every reason and every missing fact is told, never a raw pointer", () => {
    const next = createSituationGenerator(3);
    const pool = Array.from({ length: 2000 }, (_, index) => next(index));
    fc.assert(
      fc.property(fc.constantFrom(...pool), (situation) => {
        const result = evaluate(situation);
        const text = explain(result);
        for (const reason of result.reasons) expect(text).toContain(`${reason.text} (${reason.clause})`);
        for (const pointer of result.missing) expect(text).not.toContain(pointer);
        expect(text).not.toMatch(ENGLISH);
      }),
      { seed: 8, numRuns: 500 },
    );
  });
});
