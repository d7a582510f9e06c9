// Properties over generated command sequences, from requests under both directives. Two commands in three are
// well formed (mostly one of nextSteps) so that runs reach every state; the others are anything,
// including blank motives, dates before the request, snapshots under another directive and unknown reasons.
// The seed is fixed, so a failure replays identically.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { OUTCOMES } from "../rules/types.ts";
import { caseProblems, nextSteps, openCase, transition } from "./machine.ts";
import {
  CASE_ERROR_CODES,
  CASE_STATUSES,
  type Case,
  type CaseCommand,
  type CaseStatus,
  CLOSURE_REASONS,
  COMMAND_TYPES,
  type CommandType,
  type TransitionResult,
} from "./types.ts";

const SEED = 20251120;
const RUNS = 400;

function plusDays(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The latest day the case knows of: a well-formed date is never before it. */
function latestDay(state: Case): string {
  return [state.requestedOn, state.eligibility?.assessedOn, state.engagement?.on]
    .filter((day): day is string => day !== undefined)
    .sort()
    .at(-1) as string;
}

// --- Generated steps: each is turned into a command from the state it applies to ----------------------------

type Step =
  | {
      readonly kind: "guided";
      /** Any well-formed command rather than one of nextSteps (so that forbidden ones are tried too). */
      readonly any: boolean;
      readonly pick: number;
      readonly pick2: number;
      readonly days: number;
      readonly outcome: number;
    }
  | {
      readonly kind: "raw";
      readonly type: string;
      readonly text: string | undefined;
      readonly days: number;
      readonly badDate: boolean;
      readonly directive: string;
      readonly outcome: string;
      readonly reason: string | undefined;
    };

const guidedStep: fc.Arbitrary<Step> = fc.record({
  kind: fc.constant("guided" as const),
  any: fc.oneof({ arbitrary: fc.constant(true), weight: 1 }, { arbitrary: fc.constant(false), weight: 3 }),
  // Mostly the first step listed (the one that moves the case forward), so that runs go deep.
  pick: fc.oneof({ arbitrary: fc.constant(0), weight: 4 }, { arbitrary: fc.nat(20), weight: 1 }),
  pick2: fc.nat(20),
  days: fc.nat(40),
  outcome: fc.nat(3),
});

const rawStep: fc.Arbitrary<Step> = fc.record({
  kind: fc.constant("raw" as const),
  type: fc.oneof(fc.constantFrom(...COMMAND_TYPES), fc.constantFrom("delete", "reopen", "")),
  text: fc.option(fc.constantFrom("", "   ", "\n", "Motif écrit.", "Hospitalisée."), { nil: undefined }),
  days: fc.integer({ min: -10, max: 40 }),
  badDate: fc.boolean(),
  directive: fc.constantFrom("PP_EX_CPA_2_DIR", "PP_SERV_ASD_2_DIR", "PP_OTHER"),
  outcome: fc.constantFrom(...OUTCOMES, "maybe"),
  reason: fc.option(fc.constantFrom(...CLOSURE_REASONS, "done"), { nil: undefined }),
});

const requestDate = fc
  .integer({ min: 0, max: 6 * 365 })
  .map((days) => plusDays("2021-06-01", days))
  .chain((day) => fc.constantFrom(day, "2025-11-19", "2025-11-20"));

const scenario = fc.record({
  requestedOn: requestDate,
  steps: fc.array(fc.oneof({ arbitrary: guidedStep, weight: 2 }, { arbitrary: rawStep, weight: 1 }), {
    maxLength: 30,
  }),
});

function wellFormed(
  state: Case,
  type: CommandType,
  pick: number,
  days: number,
  outcome: number,
): CaseCommand {
  const on = plusDays(latestDay(state), days);
  switch (type) {
    case "assessEligibility":
    case "reassess":
      return {
        type,
        snapshot: {
          directive: state.directive,
          outcome: OUTCOMES[outcome % 4] ?? "eligible",
          engineVersion: "1.0.0",
          assessedOn: on,
        },
      };
    case "admit":
    case "refuse":
    case "redirect":
      return { type, motive: "Motif écrit par le conseiller." };
    case "signEngagement":
      return { type, on };
    case "waiveEngagement":
      return { type, reason: "La personne est hospitalisée.", on };
    case "close": {
      const reasons = nextSteps(state).find((s) => s.command === "close")?.reasons ?? CLOSURE_REASONS;
      return { type, reason: reasons[pick % reasons.length] ?? "abandoned", on };
    }
    default:
      return { type } as CaseCommand;
  }
}

function commandFor(state: Case, step: Step): CaseCommand {
  if (step.kind === "guided") {
    const steps = nextSteps(state);
    const chosen = step.any
      ? (COMMAND_TYPES[step.pick2 % COMMAND_TYPES.length] as CommandType)
      : (steps[step.pick % Math.max(steps.length, 1)]?.command ?? "close");
    return wellFormed(state, chosen, step.pick2, step.days, step.outcome);
  }
  const on = step.badDate ? "31/12/2025" : plusDays(state.requestedOn, step.days);
  const snapshot = {
    directive: step.directive,
    outcome: step.outcome,
    engineVersion: "1.0.0",
    assessedOn: on,
  };
  return {
    type: step.type,
    snapshot,
    motive: step.text,
    reason: step.type === "close" ? step.reason : step.text,
    on,
  } as unknown as CaseCommand;
}

interface Trace {
  readonly states: Case[];
  readonly results: { before: Case; snapshot: Case; command: CaseCommand; result: TransitionResult }[];
}

function run(requestedOn: string, steps: readonly Step[]): Trace {
  const opened = openCase({ requestedOn });
  if (!opened.ok) throw new Error(opened.error.message);
  let state = opened.state;
  const trace: Trace = { states: [state], results: [] };
  for (const step of steps) {
    const command = commandFor(state, step);
    const snapshot = structuredClone(state);
    const result = transition(state, command);
    trace.results.push({ before: state, snapshot, command, result });
    if (result.ok) state = result.state;
    trace.states.push(state);
  }
  return trace;
}

const RANK: Record<CaseStatus, number> = {
  request_received: 0,
  eligibility_assessed: 1,
  admitted: 2,
  refused: 2,
  redirected: 2,
  diagnosis: 3,
  action_plan: 4,
  engagement: 5,
  follow_up: 6,
  closed: 7,
};

const property = (check: (trace: Trace) => void) =>
  fc.assert(
    fc.property(scenario, ({ requestedOn, steps }) => check(run(requestedOn, steps))),
    { seed: SEED, numRuns: RUNS },
  );

describe("properties of any sequence of commands", () => {
  it("never reaches an undefined or inconsistent state", () => {
    property(({ states }) => {
      for (const state of states) {
        expect(CASE_STATUSES).toContain(state.status);
        expect(caseProblems(state)).toEqual([]);
      }
    });
  });

  it("a PP_EX_CPA_2_DIR case never reaches follow-up without a signed engagement", () => {
    property(({ states }) => {
      for (const state of states) {
        if (
          state.directive === "PP_EX_CPA_2_DIR" &&
          (state.status === "follow_up" || state.engagement !== null)
        ) {
          expect(state.engagement?.kind).toBe("signed");
        }
      }
    });
  });

  it("closed is terminal: every later command is refused (CASE_CLOSED, or UNKNOWN_COMMAND for garbage)", () => {
    property(({ results }) => {
      for (const { before, command, result } of results) {
        if (before.status !== "closed") continue;
        const known = (COMMAND_TYPES as readonly string[]).includes(command.type);
        expect(!result.ok && result.error.code).toBe(known ? "CASE_CLOSED" : "UNKNOWN_COMMAND");
      }
    });
  });

  it("every refused command leaves the state unchanged, with a stable code and a French message", () => {
    property(({ results, states }) => {
      results.forEach(({ before, snapshot, result }, index) => {
        expect(before).toEqual(snapshot);
        if (result.ok) {
          expect(result.events.length).toBeGreaterThan(0);
          return;
        }
        expect(states[index + 1]).toBe(before);
        expect(CASE_ERROR_CODES).toContain(result.error.code);
        expect(result.error.message).toMatch(/\S/);
        expect(result.error.message).not.toMatch(/undefined/);
      });
    });
  });

  it("a decision, once taken, never changes; the status never goes back", () => {
    property(({ states }) => {
      for (let index = 1; index < states.length; index++) {
        const previous = states[index - 1] as Case;
        const current = states[index] as Case;
        if (previous.decision !== null) expect(current.decision).toEqual(previous.decision);
        expect(RANK[current.status]).toBeGreaterThanOrEqual(RANK[previous.status]);
        expect(current.directive).toBe(previous.directive);
        expect(current.requestedOn).toBe(previous.requestedOn);
      }
    });
  });

  it("nextSteps lists exactly the commands that can succeed, well formed, from the state", () => {
    property(({ states }) => {
      for (const state of states) {
        const listed = new Set(nextSteps(state).map((s) => s.command));
        for (const type of COMMAND_TYPES) {
          const result = transition(state, wellFormed(state, type, 0, 0, 0));
          expect(result.ok, `${state.status} ${type}`).toBe(listed.has(type));
        }
      }
    });
  });
});

describe("the generator reaches every state under both directives", () => {
  it("covers each status and the waived engagement", () => {
    const reached = new Set<string>();
    for (const { requestedOn, steps } of fc.sample(scenario, { seed: SEED, numRuns: RUNS })) {
      for (const state of run(requestedOn, steps).states) {
        reached.add(`${state.directive} ${state.status}`);
        if (state.engagement) reached.add(`${state.directive} engagement ${state.engagement.kind}`);
      }
    }
    for (const directive of ["PP_EX_CPA_2_DIR", "PP_SERV_ASD_2_DIR"]) {
      for (const status of CASE_STATUSES) expect(reached).toContain(`${directive} ${status}`);
    }
    expect(reached).toContain("PP_SERV_ASD_2_DIR engagement waived");
    expect(reached).not.toContain("PP_EX_CPA_2_DIR engagement waived");
  });
});
