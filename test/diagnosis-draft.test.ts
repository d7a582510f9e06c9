// The diagnosis form's model, without a browser: a recorded diagnosis comes back unchanged through the form,
// what stops a draft from being sent is named by field id in the order the status line reads it, the
// sensitive topics travel only for those who may read them, and the budget shows before the form is complete.
import { describe, expect, it } from "vitest";
import type { DiagnosisView } from "../src/contracts/diagnosis.ts";
import type { Diagnosis } from "../src/core/diagnosis/index.ts";
import {
  diagnosisOf,
  draftOf,
  emptyDraft,
  liveBudget,
  newDebt,
  sensitiveShown,
} from "../web/src/workspace/case/diagnosis/draft.ts";
import { workspaceMessages } from "../web/src/workspace/messages.fr.ts";

const text = workspaceMessages.diagnosis;

const RECORDED: Diagnosis = {
  household: [
    { relation: "beneficiary", age: 38, dependant: false },
    { relation: "child", age: 9, dependant: true },
  ],
  income: [{ kind: "salary", monthlyCents: 185_050 }],
  expenses: [{ kind: "rent", monthlyCents: 72_000 }],
  debts: [
    { kind: "rent_arrears", creditor: "Bailleur", amountCents: 240_000, arrearsCents: 0, stage: "reminder" },
  ],
  housing: {
    occupancy: "tenant",
    monthlyCostCents: 72_000,
    landlordType: "private",
    procedure: { kind: "eviction", stage: "summons" },
  },
  employment: { activity: "employee", contractType: "permanent", workingTime: "full_time" },
  sensitive: { health: "Suivi en cours" },
};

const viewOf = (diagnosis: Diagnosis, sensitiveHidden = false): DiagnosisView => ({
  caseId: "00000000-0000-4000-8000-000000000001",
  diagnosis,
  budget: {},
  sensitiveHidden,
  diagnosedOn: "2025-03-04",
  updatedAt: "2025-03-04T10:00:00.000Z",
  updatedBy: null,
});

describe("the diagnosis form's draft", () => {
  it("gives back the recorded diagnosis it was drawn from", () => {
    const draft = draftOf(viewOf(RECORDED));
    expect(draft.income).toEqual([{ kind: "salary", amount: expect.stringMatching(/^1\s850,50$/) }]);
    expect(diagnosisOf(draft, true)).toEqual({ diagnosis: RECORDED, errors: {} });
  });

  it("starts a new diagnosis with the beneficiary alone, and says what is missing by field id", () => {
    expect(draftOf(null)).toEqual(emptyDraft());
    expect(sensitiveShown(null)).toBe(true);
    const { diagnosis, errors } = diagnosisOf(emptyDraft(), true);
    expect(diagnosis).toBeUndefined();
    expect(errors).toEqual({
      "diag-member-0-age": text.ageError,
      "diag-occupancy": text.required,
      "diag-activity": text.required,
    });
    // The order the status line names them in, and the first one focused on « Enregistrer maintenant ».
    expect(Object.keys(errors)).toEqual(["diag-member-0-age", "diag-occupancy", "diag-activity"]);
  });

  it("checks amounts and creditors, leaving an unsaid arrears amount at zero", () => {
    const draft = draftOf(viewOf(RECORDED));
    draft.income = [{ kind: "salary", amount: "12 34,5" }];
    draft.debts = [...draft.debts, { ...newDebt(), amount: "300" }];
    expect(diagnosisOf(draft, true).errors).toEqual({
      "diag-income-0-amount": text.amountError,
      "diag-debt-1-creditor": text.required,
    });
    draft.income = [{ kind: "salary", amount: "1 000" }];
    draft.debts[1] = { ...newDebt(), creditor: " Banque ", amount: "300" };
    expect(diagnosisOf(draft, true).diagnosis?.debts[1]).toEqual({
      kind: "rent_arrears",
      creditor: "Banque",
      amountCents: 30_000,
      arrearsCents: 0,
      stage: "none",
    });
  });

  it("sends a procedure only with its stage, and optional answers only when given", () => {
    const draft = draftOf(viewOf(RECORDED));
    draft.housing = { ...draft.housing, procedureStage: "", landlordType: "", housingCost: "" };
    draft.employment = { ...draft.employment, contractType: "", workingTime: "" };
    const { diagnosis } = diagnosisOf(draft, true);
    expect(diagnosis?.housing).toEqual({ occupancy: "tenant" });
    expect(diagnosis?.employment).toEqual({ activity: "employee" });
  });

  it("sends the sensitive topics only for those who may read them, without empty ones", () => {
    const hidden = viewOf({ ...RECORDED, sensitive: undefined }, true);
    expect(sensitiveShown(hidden)).toBe(false);
    expect(diagnosisOf(draftOf(hidden), false).diagnosis).not.toHaveProperty("sensitive");
    const draft = draftOf(viewOf(RECORDED));
    draft.sensitive = { health: "  ", violence: " Signalée ", notes: "" };
    expect(diagnosisOf(draft, true).diagnosis?.sensitive).toEqual({ violence: "Signalée" });
  });

  it("computes the budget as soon as ages and amounts read as numbers, before the rest is answered", () => {
    const draft = emptyDraft();
    expect(liveBudget(draft)).toBeUndefined();
    draft.household = [{ relation: "beneficiary", age: "38", dependant: false }];
    draft.income = [{ kind: "salary", amount: "1 850,00" }];
    draft.expenses = [{ kind: "rent", amount: "720" }];
    expect(liveBudget(draft)?.remainingIncomeCents).toBe(113_000);
    draft.expenses = [{ kind: "rent", amount: "7 20" }];
    expect(liveBudget(draft)).toBeUndefined();
  });
});
