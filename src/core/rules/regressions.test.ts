// Behaviours found by reading the texts against the engine's first version, kept as regressions.
import { describe, expect, it } from "vitest";
import { compareDirectives, DIRECTIVES, diffWords, evaluate } from "./index.ts";
import type { Situation } from "./types.ts";

const [v2021, v2025] = DIRECTIVES;

describe("regressions", () => {
  it("a short-mission temp worker whose hours are missing is pointed to the hours clause", () => {
    const situation: Situation = {
      requestDate: "2026-01-15",
      person: {
        activity: "temp_worker",
        employer: { sector: "private_non_agricultural", headcount: 300 },
        contract: { type: "temp_mission", start: "2026-01-05", end: "2026-02-05" },
      },
      housing: { postcode: "75011", occupancy: "tenant" },
      situations: ["rent_arrears"],
    };
    const result = evaluate(situation);
    expect(result.outcome).toBe("incomplete");
    expect(result.missing).toEqual(["/person/tempHoursLast12Months"]);
    expect(result.reasons).toContainEqual(
      expect.objectContaining({ clause: "PP_SERV_ASD_2_DIR/beneficiaires/2", status: "unknown" }),
    );
  });

  it("word differences rebuild both texts exactly, spaces included", () => {
    const segments = diffWords("x y z", "x y");
    const side = (kind: string) =>
      segments
        .filter((segment) => segment.kind !== kind)
        .map((segment) => segment.text)
        .join("");
    expect(side("added")).toBe("x y z");
    expect(side("removed")).toBe("x y");
    const comparison = compareDirectives(
      v2021 as (typeof DIRECTIVES)[number],
      v2025 as (typeof DIRECTIVES)[number],
    );
    const listening = comparison.rows.find((row) => row.topic === "listening");
    expect(
      listening?.segments
        .filter((segment) => segment.kind !== "added")
        .map((segment) => segment.text)
        .join(""),
    ).toBe("Une écoute personnalisée ;");
  });

  it("a jobseeker whose activity had not yet ended on the request date is not covered (2021)", () => {
    const situation: Situation = {
      requestDate: "2023-05-10",
      person: {
        activity: "jobseeker",
        employer: { sector: "private_non_agricultural", headcount: 50 },
        activityEndDate: "2024-01-01",
      },
      housing: { postcode: "75011", occupancy: "tenant" },
      situations: ["rent_arrears"],
    };
    const result = evaluate(situation);
    expect(result.outcome).toBe("ineligible");
    expect(result.reasons).toContainEqual(
      expect.objectContaining({ clause: "PP_EX_CPA_2_DIR/beneficiaires/2", status: "not_met" }),
    );
  });
});
