import { describe, expect, it } from "vitest";
import { directiveByReference } from "../rules/index.ts";
import {
  AID_STATUSES,
  type AidCommand,
  aidEligibility,
  aidTransition,
  approvalStep,
  envelopeDirectiveProblem,
  termsProblems,
} from "./aids.ts";

const LOAN = {
  kind: "loan",
  maxAmountCents: 500_000,
  rateBp: 0,
  maxDurationMonths: 36,
  deferralMonths: 0,
} as const;
const GRANT = {
  kind: "grant",
  maxAmountCents: 200_000,
  rateBp: 0,
  maxDurationMonths: null,
  deferralMonths: 0,
} as const;

describe("aid lifecycle", () => {
  it("follows proposed → approved → repaying → repaid for a loan, and disbursed for a grant", () => {
    expect(aidTransition("queued", "offer", "loan")).toEqual({ ok: true, status: "proposed" });
    expect(aidTransition("proposed", "approve", "loan")).toEqual({ ok: true, status: "approved" });
    expect(aidTransition("approved", "disburse", "loan")).toEqual({ ok: true, status: "repaying" });
    expect(aidTransition("approved", "disburse", "grant")).toEqual({ ok: true, status: "disbursed" });
    expect(aidTransition("repaying", "repay", "loan")).toEqual({ ok: true, status: "repaying" });
    expect(aidTransition("in_arrears", "repay", "loan", { fullyRepaid: true })).toEqual({
      ok: true,
      status: "repaid",
    });
    expect(aidTransition("repaying", "flag_arrears", "loan")).toEqual({ ok: true, status: "in_arrears" });
    expect(aidTransition("in_arrears", "repay", "loan")).toEqual({ ok: true, status: "in_arrears" });
    expect(aidTransition("in_arrears", "repay", "loan", { arrearsCleared: true })).toEqual({
      ok: true,
      status: "repaying",
    });
    expect(aidTransition("in_arrears", "write_off", "loan")).toEqual({ ok: true, status: "written_off" });
  });

  it("refuses every other command with a French sentence, from every status", () => {
    const commands: AidCommand[] = ["offer", "approve", "refuse", "cancel", "disburse", "repay"];
    let refused = 0;
    for (const status of AID_STATUSES) {
      for (const command of commands) {
        const result = aidTransition(status, command, "grant");
        if (!result.ok) {
          refused++;
          expect(result.code).toBe("ILLEGAL_TRANSITION");
          expect(result.message).toMatch(/^Impossible d(e |')/);
        }
      }
    }
    // Terminal statuses accept nothing; a paid aid cannot be cancelled; a grant is never repaid.
    expect(aidTransition("disbursed", "cancel", "grant").ok).toBe(false);
    expect(aidTransition("cancelled", "approve", "grant").ok).toBe(false);
    expect(aidTransition("refused", "offer", "grant").ok).toBe(false);
    expect(aidTransition("disbursed", "repay", "grant").ok).toBe(false);
    expect(refused).toBeGreaterThan(40);
  });

  it("lets a proposal be withdrawn only before any decision", () => {
    const withdrawable = AID_STATUSES.filter((status) => aidTransition(status, "withdraw", "loan").ok);
    expect(withdrawable).toEqual(["queued", "proposed"]);
    expect(aidTransition("proposed", "withdraw", "grant")).toEqual({ ok: true, status: "cancelled" });
    const late = aidTransition("approved", "withdraw", "grant");
    expect(late.ok).toBe(false);
    if (!late.ok) {
      expect(late.message).toBe(
        "Impossible de retirer une aide approuvée : seule une proposition encore en attente de décision (proposée ou en file d'attente) peut être retirée. Une aide approuvée et non versée s'annule par un contrôleur budgétaire.",
      );
    }
  });
});

describe("who may receive an aid", () => {
  const productDirectives = ["PP_SERV_ASD_2_DIR"];

  it("refuses a 2021 case, whose directive is a service, citing its mode of intervention", () => {
    const result = aidEligibility({
      directive: directiveByReference("PP_EX_CPA_2_DIR"),
      caseStatus: "follow_up",
      productDirectives: ["PP_SERV_ASD_2_DIR", "PP_EX_CPA_2_DIR"],
    });
    expect(result).toMatchObject({
      ok: false,
      code: "SERVICE_ONLY_DIRECTIVE",
      clause: "PP_EX_CPA_2_DIR/mode",
    });
    expect(result.ok === false && result.message).toContain("« Prestation de services »");
  });

  it("accepts an admitted 2025 case, not one still being assessed or closed", () => {
    const directive = directiveByReference("PP_SERV_ASD_2_DIR");
    expect(aidEligibility({ directive, caseStatus: "admitted", productDirectives })).toEqual({ ok: true });
    expect(aidEligibility({ directive, caseStatus: "action_plan", productDirectives })).toEqual({ ok: true });
    for (const caseStatus of ["request_received", "eligibility_assessed", "refused", "closed"]) {
      expect(aidEligibility({ directive, caseStatus, productDirectives })).toMatchObject({
        code: "CASE_NOT_ADMITTED",
      });
    }
    expect(aidEligibility({ directive, caseStatus: "admitted", productDirectives: [] })).toMatchObject({
      code: "PRODUCT_NOT_FOR_DIRECTIVE",
    });
  });

  it("lets the catalogue name only directives that draw on the envelope", () => {
    expect(envelopeDirectiveProblem("PP_SERV_ASD_2_DIR", directiveByReference("PP_SERV_ASD_2_DIR"))).toBe(
      undefined,
    );
    expect(envelopeDirectiveProblem("PP_EX_CPA_2_DIR", directiveByReference("PP_EX_CPA_2_DIR"))).toContain(
      "Prestation de services",
    );
    expect(envelopeDirectiveProblem("XX", undefined)).toContain("« XX »");
  });
});

describe("terms against the product", () => {
  it("names the field at fault", () => {
    expect(termsProblems(LOAN, { amountCents: 500_000, durationMonths: 36 })).toEqual([]);
    expect(termsProblems(LOAN, { amountCents: 500_001 }).map((p) => p.field)).toEqual(["amountCents"]);
    expect(termsProblems(LOAN, { amountCents: 10.5 }).map((p) => p.field)).toEqual(["amountCents"]);
    expect(termsProblems(LOAN, { amountCents: 100, durationMonths: 37 }).map((p) => p.field)).toEqual([
      "durationMonths",
    ]);
    expect(termsProblems(GRANT, { amountCents: 100, durationMonths: 12 }).map((p) => p.field)).toEqual([
      "durationMonths",
    ]);
    expect(termsProblems(LOAN, { amountCents: 500_001 })[0]?.message).toContain("5\u202f000,00\u00a0€");
  });
});

describe("four-eyes approval", () => {
  const base = { thresholdCents: 300_000, proposerUserId: "p", firstApproverUserId: null, actorUserId: "a" };

  it("commits at once up to the threshold, in two steps by two controllers above it", () => {
    expect(approvalStep({ ...base, amountCents: 300_000 })).toEqual({ ok: true, step: "commit" });
    expect(approvalStep({ ...base, amountCents: 300_001 })).toEqual({ ok: true, step: "first_approval" });
    expect(approvalStep({ ...base, amountCents: 300_001, firstApproverUserId: "a" })).toMatchObject({
      ok: false,
      code: "ALREADY_FIRST_APPROVED",
    });
    expect(
      approvalStep({ ...base, amountCents: 300_001, firstApproverUserId: "b", actorUserId: "a" }),
    ).toEqual({ ok: true, step: "commit" });
  });

  it("never lets the proposer approve", () => {
    expect(approvalStep({ ...base, amountCents: 1, actorUserId: "p" })).toMatchObject({ code: "FOUR_EYES" });
    expect(approvalStep({ ...base, amountCents: 900_000, actorUserId: "p" })).toMatchObject({
      code: "FOUR_EYES",
    });
  });
});
