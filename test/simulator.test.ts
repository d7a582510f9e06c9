// The simulator's answers → situation mapping, without a browser: which questions are asked, and what the
// rules engine receives.

import { describe, expect, it } from "vitest";
import { validateSituation } from "../src/contracts/situation.ts";
import { evaluate, FACT_LABELS } from "../src/core/rules/index.ts";
import { frenchToday, isoDay } from "../web/src/frenchDates.ts";
import {
  type Answers,
  buildSituation,
  FIELD_OF_POINTER,
  initialAnswers,
  relevance,
} from "../web/src/simulator/answers.ts";

const answers = (overrides: Partial<Answers>): Answers => ({ ...initialAnswers(), ...overrides });

describe("simulator answers", () => {
  it("defaults the request date to today in Europe/Paris", () => {
    // 23:30 UTC on 31 December is already 1 January in Paris.
    expect(frenchToday(new Date("2025-12-31T23:30:00Z"))).toBe("01/01/2026");
    expect(initialAnswers(new Date("2025-06-15T10:00:00Z")).requestDate).toBe("15/06/2025");
  });

  it("reads French dates, and rejects days that do not exist", () => {
    expect(isoDay("01/12/2025")).toBe("2025-12-01");
    expect(isoDay("1/2/2025")).toBe("2025-02-01");
    expect(isoDay("2025-12-01")).toBe("2025-12-01");
    expect(isoDay("29/02/2025")).toBeUndefined();
    expect(isoDay("demain")).toBeUndefined();
  });

  it("asks only what the answers make relevant", () => {
    expect(relevance(answers({}))).toMatchObject({ employer: false, contractDates: false, esat: false });
    expect(relevance(answers({ activity: "employee", contractType: "permanent" }))).toMatchObject({
      employer: true,
      formerEmployer: false,
      contractType: true,
      contractEnd: false,
      tempHours: false,
      disaster: true,
    });
    expect(relevance(answers({ activity: "jobseeker" }))).toMatchObject({
      employer: true,
      formerEmployer: true,
      activityEnd: true,
      contractDates: false,
      disaster: false,
    });
    expect(relevance(answers({ activity: "esat_worker" }))).toMatchObject({ esat: true, employer: false });
    // VISALE households are a 2021 ground only.
    expect(relevance(answers({ requestDate: "19/11/2025" })).visale).toBe(true);
    expect(relevance(answers({ requestDate: "20/11/2025" })).visale).toBe(false);
    // A temp worker's hours: only for a 2025 mission under 3 months.
    const temp = { activity: "temp_worker", requestDate: "01/12/2025", contractStart: "01/11/2025" } as const;
    expect(relevance(answers({ ...temp, contractEnd: "31/12/2025" })).tempHours).toBe(true);
    expect(relevance(answers({ ...temp, contractEnd: "01/03/2026" })).tempHours).toBe(false);
  });

  it("builds the situation the rules engine evaluates: an eligible 2025 employee", () => {
    const { situation, dateErrors } = buildSituation(
      answers({
        requestDate: "01/12/2025",
        activity: "employee",
        sector: "private_non_agricultural",
        headcount: "50",
        contractType: "permanent",
        contractStart: "01/01/2020",
        postcode: "75011",
        occupancy: "tenant",
        situations: ["rent_arrears"],
      }),
    );
    expect(dateErrors).toEqual([]);
    expect(situation).toEqual({
      requestDate: "2025-12-01",
      person: {
        activity: "employee",
        employer: { sector: "private_non_agricultural", headcount: 50 },
        contract: { type: "permanent", start: "2020-01-01", end: null },
      },
      housing: { postcode: "75011", occupancy: "tenant" },
      situations: ["rent_arrears"],
    });
    const validation = validateSituation(situation);
    expect(validation.ok && evaluate(validation.situation).outcome).toBe("eligible");
  });

  it("leaves out answers that are no longer relevant, and a postcode still being typed", () => {
    const { situation } = buildSituation(
      answers({ activity: "student", sector: "public", headcount: "3", postcode: "750" }),
    );
    expect(situation).toEqual({
      requestDate: initialAnswers().requestDate.split("/").reverse().join("-"),
      person: { activity: "student" },
    });
    expect(buildSituation(answers({ postcode: "750" }), { postcodeDone: true }).situation).toMatchObject({
      housing: { postcode: "750" },
    });
  });

  it("reports dates that are not calendar days, and passes typed numbers the validator then rejects", () => {
    const built = buildSituation(answers({ requestDate: "31/02/2025" }));
    expect(built.dateErrors).toEqual(["requestDate"]);
    const headcount = buildSituation(answers({ activity: "employee", headcount: "beaucoup" }));
    const validation = validateSituation(headcount.situation);
    expect(validation.ok).toBe(false);
    if (!validation.ok)
      expect(validation.errors.map((error) => error.path)).toContain("/person/employer/headcount");
  });

  it("maps every fact the engine can name to a field of the form", () => {
    for (const pointer of Object.keys(FACT_LABELS)) expect(FIELD_OF_POINTER[pointer]).toBeDefined();
  });
});
