// Every command from every state, under both directives: the table says where each legal command leads and
// which stable error code each illegal one returns. A refusal leaves the state as it was.
import { describe, expect, it } from "vitest";
import { caseAfter, journeyTo, snapshotSummary } from "./journeys.ts";
import { caseProblems, transition } from "./machine.ts";
import {
  CASE_STATUSES,
  type CaseCommand,
  type CaseStatus,
  COMMAND_TYPES,
  type CommandType,
} from "./types.ts";

const CASES = [
  { directive: "PP_EX_CPA_2_DIR", requestedOn: "2024-03-01" },
  { directive: "PP_SERV_ASD_2_DIR", requestedOn: "2025-12-01" },
] as const;

/** A well-formed command of each type, so that only the state decides (motives given, dates valid). */
function wellFormed(type: CommandType, directive: string, on: string): CaseCommand {
  switch (type) {
    case "assessEligibility":
    case "reassess":
      return { type, snapshot: snapshotSummary(directive, "review", on) };
    case "admit":
    case "refuse":
    case "redirect":
      return { type, motive: "Motif écrit par le conseiller." };
    case "signEngagement":
      return { type, on };
    case "waiveEngagement":
      return { type, reason: "La personne ne peut pas se déplacer ; accord oral recueilli.", on };
    case "close":
      return { type, reason: "abandoned", on };
    default:
      return { type } as CaseCommand;
  }
}

type Expected = CaseStatus | `!${string}`;
const SAME = "=";
const DECIDED = "!DECISION_ALREADY_TAKEN";
const ILLEGAL = "!ILLEGAL_TRANSITION";

// Rows: the state; columns: the command (COMMAND_TYPES order). `=` keeps the status.
const COLUMNS: readonly CommandType[] = [
  "assessEligibility",
  "reassess",
  "admit",
  "refuse",
  "redirect",
  "startDiagnosis",
  "proposePlan",
  "signEngagement",
  "waiveEngagement",
  "startFollowUp",
  "close",
];

function table(directive: string): Record<CaseStatus, readonly (Expected | typeof SAME)[]> {
  const signedOnly = directive === "PP_EX_CPA_2_DIR";
  const waive = signedOnly ? "!ENGAGEMENT_WAIVER_NOT_ALLOWED" : "engagement";
  const followFromPlan = signedOnly ? "!ENGAGEMENT_NOT_SIGNED" : "!ENGAGEMENT_NOT_RECORDED";
  const A = "!ALREADY_ASSESSED";
  // biome-ignore format: the table reads as a grid (columns in the order of COLUMNS)
  return {
    request_received:     ["eligibility_assessed", "!NOT_ASSESSED", "!NOT_ASSESSED", "!NOT_ASSESSED", "!NOT_ASSESSED", ILLEGAL, ILLEGAL, ILLEGAL, ILLEGAL, ILLEGAL, "closed"],
    eligibility_assessed: [A, SAME, "admitted", "refused", "redirected", ILLEGAL, ILLEGAL, ILLEGAL, ILLEGAL, ILLEGAL, "closed"],
    admitted:             [A, SAME, DECIDED, DECIDED, DECIDED, "diagnosis", ILLEGAL, ILLEGAL, ILLEGAL, ILLEGAL, "closed"],
    refused:              [A, SAME, DECIDED, DECIDED, DECIDED, ILLEGAL, ILLEGAL, ILLEGAL, ILLEGAL, ILLEGAL, "closed"],
    redirected:           [A, SAME, DECIDED, DECIDED, DECIDED, ILLEGAL, ILLEGAL, ILLEGAL, ILLEGAL, ILLEGAL, "closed"],
    diagnosis:            [A, SAME, DECIDED, DECIDED, DECIDED, ILLEGAL, "action_plan", ILLEGAL, ILLEGAL, ILLEGAL, "closed"],
    action_plan:          [A, SAME, DECIDED, DECIDED, DECIDED, ILLEGAL, ILLEGAL, "engagement", waive, followFromPlan, "closed"],
    engagement:           [A, SAME, DECIDED, DECIDED, DECIDED, ILLEGAL, ILLEGAL, ILLEGAL, ILLEGAL, "follow_up", "closed"],
    follow_up:            [A, SAME, DECIDED, DECIDED, DECIDED, ILLEGAL, ILLEGAL, ILLEGAL, ILLEGAL, ILLEGAL, "closed"],
    closed:               Array(11).fill("!CASE_CLOSED"),
  };
}

const ROWS = CASES.flatMap(({ directive, requestedOn }) =>
  CASE_STATUSES.flatMap((status) =>
    COLUMNS.map((command, index) => ({
      directive,
      requestedOn,
      status,
      command,
      expected: table(directive)[status][index] as string,
    })),
  ),
);

describe("the transition table", () => {
  it("covers every state and every command under every directive", () => {
    expect([...COLUMNS].sort()).toEqual([...COMMAND_TYPES].sort());
    expect(ROWS).toHaveLength(CASES.length * CASE_STATUSES.length * COMMAND_TYPES.length);
  });

  it.each(ROWS)(
    "$directive: $status + $command → $expected",
    ({ directive, requestedOn, status, command, expected }) => {
      const state = caseAfter(requestedOn, journeyTo(status, directive, requestedOn));
      expect(state.status).toBe(status);
      expect(state.directive).toBe(directive);
      const before = structuredClone(state);
      const result = transition(state, wellFormed(command, directive, requestedOn));
      expect(state).toEqual(before);
      if (expected.startsWith("!")) {
        expect(result.ok).toBe(false);
        if (result.ok) return;
        expect(result.error.code).toBe(expected.slice(1));
        expect(result.error.message).toMatch(/\S/);
        expect(result.error.message).not.toMatch(/undefined|null|NaN/);
      } else {
        expect(result.ok, result.ok ? "" : `${result.error.code}: ${result.error.message}`).toBe(true);
        if (!result.ok) return;
        expect(result.state.status).toBe(expected === SAME ? status : expected);
        expect(result.events.length).toBeGreaterThan(0);
        expect(caseProblems(result.state)).toEqual([]);
      }
    },
  );
});
