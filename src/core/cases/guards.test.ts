// The guards one by one: what the directives (and « Droit ouvert : non ») require at each step, with the
// clause each guard cites, its stable code, the field at fault and its French message.
import { describe, expect, it } from "vitest";
import { DIRECTIVES } from "../rules/index.ts";
import { OUTCOMES } from "../rules/types.ts";
import { caseAfter, journeyTo, snapshotSummary } from "./journeys.ts";
import {
  allowedClosureReasons,
  CASE_STATES,
  caseProblems,
  nextSteps,
  openCase,
  transition,
} from "./machine.ts";
import {
  CASE_STATUS_LABELS,
  CLOSURE_REASON_LABELS,
  COMMAND_LABELS,
  caseErrorMessage,
} from "./messages.fr.ts";
import { CASE_POLICIES, casePolicy } from "./policy.ts";
import {
  CASE_ERROR_CODES,
  CASE_STATUSES,
  type Case,
  type CaseCommand,
  type CaseError,
  CLOSURE_REASONS,
  COMMAND_TYPES,
} from "./types.ts";

const Y2021 = { directive: "PP_EX_CPA_2_DIR", requestedOn: "2024-03-01" } as const;
const Y2025 = { directive: "PP_SERV_ASD_2_DIR", requestedOn: "2025-12-01" } as const;

function at(year: typeof Y2021 | typeof Y2025, status: Case["status"]): Case {
  return caseAfter(year.requestedOn, journeyTo(status, year.directive, year.requestedOn));
}

function assessed(year: typeof Y2021 | typeof Y2025, outcome: (typeof OUTCOMES)[number]): Case {
  return caseAfter(year.requestedOn, [
    { type: "assessEligibility", snapshot: snapshotSummary(year.directive, outcome, year.requestedOn) },
  ]);
}

function refused(state: Case, command: CaseCommand): CaseError {
  const before = structuredClone(state);
  const result = transition(state, command);
  expect(state).toEqual(before);
  if (result.ok) throw new Error(`expected a refusal, got ${result.state.status}`);
  return result.error;
}

function accepted(state: Case, command: CaseCommand) {
  const result = transition(state, command);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  expect(caseProblems(result.state)).toEqual([]);
  return result;
}

describe("the clauses the guards cite", () => {
  it("every directive version has a case policy, and no policy is without a directive", () => {
    expect(DIRECTIVES.map((d) => d.reference).sort()).toEqual(Object.keys(CASE_POLICIES).sort());
  });

  it.each(DIRECTIVES.map((d) => [d.reference, d] as const))(
    "%s: the cited clauses exist and say so",
    (_, d) => {
      const policy = casePolicy(d.reference);
      expect(policy).toBeDefined();
      if (policy === undefined) return;
      const engagement = d.clauses.find((c) => c.id === policy.engagementClause);
      const followUp = d.clauses.find((c) => c.id === policy.followUpClause);
      expect(engagement?.kind).toBe("principle");
      expect(followUp?.topic).toBe("follow_up");
      expect(followUp?.text).toContain("protocole d'engagement réciproque");
      if (policy.engagement === "always_signed") {
        expect(engagement?.text).toContain("protocole d'engagement réciproque signé");
      } else {
        expect(engagement?.topic).toBe("engagement");
        expect(engagement?.text).toContain("Le cas échéant, la signature d'un engagement réciproque");
      }
    },
  );

  it("reads 2021 as always signed and 2025 as « le cas échéant »", () => {
    expect(casePolicy("PP_EX_CPA_2_DIR")).toMatchObject({
      engagement: "always_signed",
      engagementClause: "PP_EX_CPA_2_DIR/caracteristiques/3",
      followUpClause: "PP_EX_CPA_2_DIR/caracteristiques/4",
    });
    expect(casePolicy("PP_SERV_ASD_2_DIR")).toMatchObject({
      engagement: "when_appropriate",
      engagementClause: "PP_SERV_ASD_2_DIR/principes/4",
      followUpClause: "PP_SERV_ASD_2_DIR/principes/5",
    });
    expect(casePolicy("toString")).toBeUndefined();
  });
});

describe("opening a case", () => {
  it.each([
    ["2021-06-01", "PP_EX_CPA_2_DIR"],
    ["2025-11-19", "PP_EX_CPA_2_DIR"],
    ["2025-11-20", "PP_SERV_ASD_2_DIR"],
    ["2026-03-15", "PP_SERV_ASD_2_DIR"],
  ])("a request of %s is judged under %s", (requestedOn, directive) => {
    const result = openCase({ requestedOn });
    expect(result.ok && result.state).toEqual({
      status: "request_received",
      directive,
      requestedOn,
      eligibility: null,
      decision: null,
      engagement: null,
      closure: null,
    });
    expect(result.ok && result.events).toEqual([{ type: "request_received", directive, requestedOn }]);
  });

  it("refuses a request before the first directive, and a date that is not one", () => {
    const early = openCase({ requestedOn: "2021-05-31" });
    expect(!early.ok && early.error).toMatchObject({ code: "NO_DIRECTIVE_IN_FORCE", field: "requestedOn" });
    expect(!early.ok && early.error.message).toContain("31/05/2021");
    for (const requestedOn of ["2025-02-30", "01/12/2025", "", "2025-12-1"]) {
      const bad = openCase({ requestedOn });
      expect(!bad.ok && bad.error).toMatchObject({ code: "INVALID_DATE", field: "requestedOn" });
    }
  });
});

describe("assessment", () => {
  const state = at(Y2025, "request_received");

  it("keeps a summary of the snapshot and nothing else", () => {
    const snapshot = { ...snapshotSummary(Y2025.directive, "review", "2025-12-02"), snapshotId: "s-1" };
    const result = accepted(state, {
      type: "assessEligibility",
      snapshot: { ...snapshot, extra: 1 } as never,
    });
    expect(result.state.eligibility).toEqual(snapshot);
    expect(result.events).toEqual([{ type: "eligibility_assessed", snapshot }]);
  });

  it("refuses a snapshot judged under another directive than the case's", () => {
    const error = refused(state, {
      type: "assessEligibility",
      snapshot: snapshotSummary("PP_EX_CPA_2_DIR", "eligible", "2025-12-01"),
    });
    expect(error).toMatchObject({ code: "SNAPSHOT_DIRECTIVE_MISMATCH", field: "snapshot.directive" });
    expect(error.message).toContain("PP_SERV_ASD_2_DIR");
  });

  it.each([
    [{ outcome: "maybe" }, "INVALID_SNAPSHOT", "snapshot.outcome"],
    [{ engineVersion: " " }, "INVALID_SNAPSHOT", "snapshot.engineVersion"],
    [{ directive: "" }, "INVALID_SNAPSHOT", "snapshot.directive"],
    [{ assessedOn: "2025-13-01" }, "INVALID_DATE", "snapshot.assessedOn"],
    [{ assessedOn: "2025-11-30" }, "DATE_BEFORE_REQUEST", "snapshot.assessedOn"],
  ])("refuses %o: %s on %s", (change, code, field) => {
    const snapshot = { ...snapshotSummary(Y2025.directive, "eligible", "2025-12-01"), ...change };
    expect(refused(state, { type: "assessEligibility", snapshot } as CaseCommand)).toMatchObject({
      code,
      field,
    });
  });

  it("refuses a missing snapshot", () => {
    expect(refused(state, { type: "assessEligibility" } as CaseCommand)).toMatchObject({
      code: "INVALID_SNAPSHOT",
      field: "snapshot",
    });
  });
});

describe("the decision: « Droit ouvert : non », the counsellor decides", () => {
  for (const year of [Y2021, Y2025]) {
    for (const outcome of OUTCOMES) {
      const departsWhenAdmitted = outcome !== "eligible";
      it(`${year.directive}: admitting a case « ${outcome} » ${departsWhenAdmitted ? "needs" : "does not need"} a motive`, () => {
        const state = assessed(year, outcome);
        if (departsWhenAdmitted) {
          for (const motive of [undefined, "", "   \n"]) {
            const error = refused(state, { type: "admit", ...(motive === undefined ? {} : { motive }) });
            expect(error).toMatchObject({ code: "MOTIVE_REQUIRED", field: "motive" });
            expect(error.message).toContain("Droit ouvert : non");
            expect(error.clause).toBeUndefined();
          }
        }
        const result = accepted(state, { type: "admit", motive: "  Situation urgente, à examiner.  " });
        expect(result.state.decision).toEqual({
          kind: "admitted",
          motive: "Situation urgente, à examiner.",
          outcome,
        });
        expect(result.events).toEqual([
          {
            type: "decision_taken",
            decision: result.state.decision,
            departsFromOutcome: departsWhenAdmitted,
          },
        ]);
        if (!departsWhenAdmitted) {
          expect(accepted(state, { type: "admit" }).state.decision).toEqual({ kind: "admitted", outcome });
        }
      });

      const departsWhenRefused = outcome === "eligible";
      it(`${year.directive}: refusing a case « ${outcome} » ${departsWhenRefused ? "needs" : "does not need"} a motive`, () => {
        const state = assessed(year, outcome);
        if (departsWhenRefused) {
          const error = refused(state, { type: "refuse", motive: " " });
          expect(error).toMatchObject({ code: "MOTIVE_REQUIRED", field: "motive" });
          expect(error.message).toContain("refuser un dossier dont le résultat est « éligible »");
        } else {
          expect(accepted(state, { type: "refuse" }).state.decision).toEqual({ kind: "refused", outcome });
        }
        expect(accepted(state, { type: "refuse", motive: "Motif." }).state.status).toBe("refused");
      });

      it(`${year.directive}: redirecting a case « ${outcome} » always needs a motive`, () => {
        const state = assessed(year, outcome);
        expect(refused(state, { type: "redirect", motive: "" })).toMatchObject({
          code: "MOTIVE_REQUIRED",
          field: "motive",
        });
        expect(refused(state, {} as never).code).toBe("UNKNOWN_COMMAND");
        const result = accepted(state, { type: "redirect", motive: "Orientée vers le CCAS." });
        expect(result.state.decision).toEqual({
          kind: "redirected",
          motive: "Orientée vers le CCAS.",
          outcome,
        });
      });
    }
  }

  it("refuses to decide before the assessment, and to decide twice", () => {
    expect(refused(at(Y2025, "request_received"), { type: "admit" }).code).toBe("NOT_ASSESSED");
    const error = refused(at(Y2025, "diagnosis"), { type: "refuse", motive: "x" });
    expect(error.code).toBe("DECISION_ALREADY_TAKEN");
    expect(error.message).toContain("admission");
  });
});

describe("re-assessment never silently changes the decision", () => {
  it("keeps the decision, replaces the snapshot and says when the new outcome contradicts the decision", () => {
    const state = at(Y2021, "action_plan");
    const snapshot = snapshotSummary(Y2021.directive, "ineligible", "2024-04-02", "1.1.0");
    const result = accepted(state, { type: "reassess", snapshot });
    expect(result.state).toEqual({ ...state, eligibility: snapshot });
    expect(result.state.decision).toBe(state.decision);
    expect(result.events).toEqual([
      {
        type: "eligibility_reassessed",
        previous: state.eligibility,
        snapshot,
        decision: "admitted",
        outcomeChanged: true,
        departsFromDecision: true,
      },
    ]);
  });

  it("before a decision, only the snapshot changes", () => {
    const state = assessed(Y2025, "incomplete");
    const snapshot = snapshotSummary(Y2025.directive, "eligible", "2025-12-03");
    const result = accepted(state, { type: "reassess", snapshot });
    expect(result.state.status).toBe("eligibility_assessed");
    expect(result.events[0]).toMatchObject({
      decision: null,
      outcomeChanged: true,
      departsFromDecision: false,
    });
  });

  it("refuses a re-assessment dated before the previous one, or under another directive", () => {
    const state = caseAfter(Y2025.requestedOn, [
      { type: "assessEligibility", snapshot: snapshotSummary(Y2025.directive, "eligible", "2025-12-10") },
    ]);
    expect(
      refused(state, {
        type: "reassess",
        snapshot: snapshotSummary(Y2025.directive, "eligible", "2025-12-09"),
      }),
    ).toMatchObject({ code: "DATE_BEFORE_PREVIOUS_STEP", field: "snapshot.assessedOn" });
    expect(
      refused(state, {
        type: "reassess",
        snapshot: snapshotSummary(Y2021.directive, "eligible", "2025-12-11"),
      }).code,
    ).toBe("SNAPSHOT_DIRECTIVE_MISMATCH");
  });
});

describe("the reciprocal engagement", () => {
  it("PP_EX_CPA_2_DIR: waiving is refused, citing « protocole d'engagement réciproque signé »", () => {
    const error = refused(at(Y2021, "action_plan"), {
      type: "waiveEngagement",
      reason: "La personne refuse de signer.",
      on: "2024-03-02",
    });
    expect(error).toMatchObject({
      code: "ENGAGEMENT_WAIVER_NOT_ALLOWED",
      clause: "PP_EX_CPA_2_DIR/caracteristiques/3",
    });
    expect(error.message).toContain("signé");
  });

  it("PP_EX_CPA_2_DIR: the plan's actions cannot start before the engagement is signed", () => {
    const error = refused(at(Y2021, "action_plan"), { type: "startFollowUp" });
    expect(error).toMatchObject({
      code: "ENGAGEMENT_NOT_SIGNED",
      clause: "PP_EX_CPA_2_DIR/caracteristiques/3",
    });
    expect(error.message).toContain("L'engagement réciproque n'est pas signé");
  });

  it("PP_EX_CPA_2_DIR: a case holding a waived engagement (never produced by the machine) cannot start", () => {
    const forged: Case = {
      ...at(Y2021, "engagement"),
      engagement: { kind: "waived", on: "2024-03-01", reason: "x" },
    };
    expect(caseProblems(forged)).toContain("a waived engagement under a signed-only directive");
    expect(refused(forged, { type: "startFollowUp" }).code).toBe("ENGAGEMENT_NOT_SIGNED");
  });

  it("PP_SERV_ASD_2_DIR: waiving needs a written reason, citing « Le cas échéant »", () => {
    const state = at(Y2025, "action_plan");
    for (const reason of ["", "  ", undefined]) {
      const error = refused(state, { type: "waiveEngagement", reason, on: "2025-12-02" } as CaseCommand);
      expect(error).toMatchObject({
        code: "WAIVER_REASON_REQUIRED",
        field: "reason",
        clause: "PP_SERV_ASD_2_DIR/principes/4",
      });
    }
    const waived = accepted(state, { type: "waiveEngagement", reason: " Hospitalisée. ", on: "2025-12-02" });
    expect(waived.state.engagement).toEqual({ kind: "waived", on: "2025-12-02", reason: "Hospitalisée." });
    expect(waived.events).toEqual([
      {
        type: "engagement_waived",
        on: "2025-12-02",
        reason: "Hospitalisée.",
        clause: "PP_SERV_ASD_2_DIR/principes/4",
      },
    ]);
    const followUp = accepted(waived.state, { type: "startFollowUp" });
    expect(followUp.state.status).toBe("follow_up");
    expect(followUp.events).toEqual([{ type: "follow_up_started", clause: "PP_SERV_ASD_2_DIR/principes/5" }]);
  });

  it("PP_SERV_ASD_2_DIR: the person may still sign after a waiver; the signature replaces it, the status stays", () => {
    const waiver = { kind: "waived", on: "2025-12-05", reason: "Hospitalisée." } as const;
    for (const status of ["engagement", "follow_up"] as const) {
      const state = caseAfter("2025-12-01", [
        ...journeyTo("action_plan", Y2025.directive, "2025-12-01"),
        { type: "waiveEngagement", reason: waiver.reason, on: waiver.on },
        ...(status === "follow_up" ? [{ type: "startFollowUp" } as const] : []),
      ]);
      expect(nextSteps(state).map((s) => s.command)).toContain("signEngagement");
      expect(refused(state, { type: "signEngagement", on: "2025-12-04" })).toMatchObject({
        code: "DATE_BEFORE_PREVIOUS_STEP",
        field: "on",
      });
      const signed = accepted(state, { type: "signEngagement", on: "2025-12-20" });
      expect(signed.state).toEqual({ ...state, engagement: { kind: "signed", on: "2025-12-20" } });
      expect(signed.events).toEqual([
        {
          type: "engagement_signed",
          on: "2025-12-20",
          clause: "PP_SERV_ASD_2_DIR/principes/4",
          replacesWaiver: waiver,
        },
      ]);
      expect(nextSteps(signed.state).map((s) => s.command)).not.toContain("signEngagement");
      expect(refused(signed.state, { type: "signEngagement", on: "2025-12-21" }).code).toBe(
        "ILLEGAL_TRANSITION",
      );
    }
  });

  it("PP_SERV_ASD_2_DIR: follow-up needs the engagement signed or waived first", () => {
    const error = refused(at(Y2025, "action_plan"), { type: "startFollowUp" });
    expect(error).toMatchObject({ code: "ENGAGEMENT_NOT_RECORDED", clause: "PP_SERV_ASD_2_DIR/principes/4" });
  });

  it.each([Y2021, Y2025])("$directive: the signature date is a day, not before the request", (year) => {
    const state = at(year, "action_plan");
    expect(refused(state, { type: "signEngagement", on: "demain" })).toMatchObject({
      code: "INVALID_DATE",
      field: "on",
    });
    expect(refused(state, { type: "signEngagement", on: "2021-06-01" })).toMatchObject({
      code: "DATE_BEFORE_REQUEST",
      field: "on",
    });
    const signed = accepted(state, { type: "signEngagement", on: year.requestedOn });
    expect(signed.state.engagement).toEqual({ kind: "signed", on: year.requestedOn });
    expect(signed.events[0]).toMatchObject({
      type: "engagement_signed",
      clause: casePolicy(year.directive)?.engagementClause,
    });
  });
});

describe("closure", () => {
  it.each([Y2021, Y2025])("$directive: needs a known reason and a day not before the request", (year) => {
    const state = at(year, "follow_up");
    expect(refused(state, { type: "close", on: year.requestedOn } as CaseCommand)).toMatchObject({
      code: "CLOSURE_REASON_REQUIRED",
      field: "reason",
    });
    expect(refused(state, { type: "close", reason: "done", on: year.requestedOn } as never).code).toBe(
      "CLOSURE_REASON_REQUIRED",
    );
    expect(refused(state, { type: "close", reason: "resolved", on: "2020-01-01" })).toMatchObject({
      code: "DATE_BEFORE_REQUEST",
      field: "on",
    });
    expect(refused(state, { type: "close", reason: "resolved" } as CaseCommand)).toMatchObject({
      code: "INVALID_DATE",
      field: "on",
    });
    const closed = accepted(state, { type: "close", reason: "partly_resolved", on: year.requestedOn });
    expect(closed.state.closure).toEqual({ reason: "partly_resolved", on: year.requestedOn });
    expect(closed.events).toEqual([
      { type: "case_closed", closure: closed.state.closure, from: "follow_up" },
    ]);
  });

  it("is not dated before the engagement or the latest assessment", () => {
    const state = caseAfter("2025-12-01", [
      ...journeyTo("action_plan", Y2025.directive, "2025-12-01"),
      { type: "signEngagement", on: "2025-12-15" },
    ]);
    expect(refused(state, { type: "close", reason: "abandoned", on: "2025-12-14" })).toMatchObject({
      code: "DATE_BEFORE_PREVIOUS_STEP",
      field: "on",
    });
    expect(accepted(state, { type: "close", reason: "abandoned", on: "2025-12-15" }).state.status).toBe(
      "closed",
    );
  });

  it.each(
    CASE_STATUSES.filter((s) => s !== "closed").flatMap((status) =>
      CLOSURE_REASONS.map((reason) => ({
        status,
        reason,
        allowed: allowedClosureReasons(status).includes(reason),
      })),
    ),
  )("from $status, reason $reason: allowed $allowed", ({ status, reason, allowed }) => {
    const state = at(Y2025, status);
    const command: CaseCommand = { type: "close", reason, on: "2025-12-01" };
    if (allowed) expect(accepted(state, command).state.closure?.reason).toBe(reason);
    else
      expect(refused(state, command)).toMatchObject({ code: "CLOSURE_REASON_NOT_ALLOWED", field: "reason" });
  });

  it("resolved only after the follow-up; redirected only once decided", () => {
    expect(allowedClosureReasons("follow_up")).toEqual(CLOSURE_REASONS);
    expect(allowedClosureReasons("engagement")).not.toContain("resolved");
    expect(allowedClosureReasons("eligibility_assessed")).toEqual(["abandoned", "unreachable"]);
    expect(allowedClosureReasons("closed")).toEqual([]);
  });

  it("is terminal", () => {
    const state = at(Y2025, "closed");
    for (const type of COMMAND_TYPES) {
      expect(refused(state, { type } as CaseCommand).code).toBe("CASE_CLOSED");
    }
    expect(nextSteps(state)).toEqual([]);
  });
});

describe("robustness", () => {
  it("refuses an unknown command and a case under an unknown directive", () => {
    const state = at(Y2025, "admitted");
    expect(refused(state, { type: "delete" } as never)).toMatchObject({
      code: "UNKNOWN_COMMAND",
      field: "type",
    });
    expect(refused(state, null as never).code).toBe("UNKNOWN_COMMAND");
    expect(refused({ ...state, directive: "PP_X" }, { type: "startDiagnosis" }).code).toBe(
      "UNKNOWN_DIRECTIVE",
    );
    expect(nextSteps({ ...state, directive: "PP_X" })).toEqual([]);
  });
});

describe("French messages and labels", () => {
  it("every state, command and closure reason has a label", () => {
    expect(CASE_STATES.map((s) => s.status)).toEqual([...CASE_STATUSES]);
    for (const { status, label } of CASE_STATES) expect(label).toBe(CASE_STATUS_LABELS[status]);
    for (const type of COMMAND_TYPES) expect(COMMAND_LABELS[type]).toMatch(/^\p{Lu}/u);
    for (const reason of CLOSURE_REASONS) expect(CLOSURE_REASON_LABELS[reason]).toMatch(/\S/);
  });

  it("every error code has a French message, even without parameters", () => {
    for (const code of CASE_ERROR_CODES) {
      const message = caseErrorMessage(code);
      expect(message, code).toMatch(/\S/);
      expect(message, code).not.toMatch(/undefined|null/);
    }
  });

  it("names the step and the command of an illegal transition", () => {
    const error = refused(at(Y2025, "refused"), { type: "startDiagnosis" });
    expect(error.message).toBe(
      "Action impossible : « commencer le diagnostic social » n'est pas possible quand le dossier est à l'étape « refusé ».",
    );
  });
});
