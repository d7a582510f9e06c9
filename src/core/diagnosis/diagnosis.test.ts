// The rules of a diagnosis beyond its shape, one by one, with the field at fault and the French message.
import { describe, expect, it } from "vitest";
import { diagnosisProblems, normaliseDiagnosis } from "./diagnosis.ts";
import type { Diagnosis } from "./types.ts";

const VALID: Diagnosis = {
  household: [
    { relation: "beneficiary", age: 41, dependant: false },
    { relation: "child", age: 12, dependant: true },
  ],
  income: [{ kind: "salary", monthlyCents: 175_000 }],
  expenses: [{ kind: "rent", monthlyCents: 72_000 }],
  debts: [
    {
      kind: "rent_arrears",
      creditor: "Office HLM",
      amountCents: 216_000,
      arrearsCents: 216_000,
      stage: "summons",
    },
  ],
  housing: {
    occupancy: "tenant",
    monthlyCostCents: 72_000,
    landlordType: "social",
    procedure: { kind: "eviction", stage: "summons" },
  },
  employment: {
    activity: "employee",
    contractType: "permanent",
    workingTime: "full_time",
    since: "2019-04-01",
  },
  sensitive: { health: "Arrêt maladie de deux mois.", notes: "Rappeler après l'audience." },
};

describe("diagnosisProblems", () => {
  it("accepts a complete diagnosis", () => {
    expect(diagnosisProblems(VALID, "2025-12-01")).toEqual([]);
  });

  it.each<[string, Partial<Diagnosis>, string, string, RegExp]>([
    [
      "no beneficiary",
      { household: [{ relation: "partner", age: 40, dependant: false }] },
      "NO_BENEFICIARY",
      "/household",
      /bénéficiaire/,
    ],
    [
      "two beneficiaries",
      { household: [...VALID.household, { relation: "beneficiary", age: 30, dependant: false }] },
      "SEVERAL_BENEFICIARIES",
      "/household/2/relation",
      /un seul/,
    ],
    [
      "arrears above the debt",
      {
        debts: [
          { kind: "energy", creditor: "EDF", amountCents: 10_000, arrearsCents: 10_001, stage: "none" },
        ],
      },
      "ARREARS_EXCEED_AMOUNT",
      "/debts/0/arrearsCents",
      /100,01.*dépassent.*100,00/,
    ],
    [
      "a blank creditor",
      { debts: [{ kind: "energy", creditor: "  ", amountCents: 1, arrearsCents: 0, stage: "none" }] },
      "BLANK_TEXT",
      "/debts/0/creditor",
      /vide/,
    ],
    [
      "a landlord for an owner",
      { housing: { occupancy: "owner", landlordType: "private" } },
      "LANDLORD_NOT_TENANT",
      "/housing/landlordType",
      /locataire/,
    ],
    [
      "a rent without housing",
      { housing: { occupancy: "homeless", monthlyCostCents: 30_000 } },
      "HOUSING_COST_WITHOUT_HOUSING",
      "/housing/monthlyCostCents",
      /sans logement/,
    ],
    [
      "an eviction of an owner",
      { housing: { occupancy: "owner", procedure: { kind: "eviction", stage: "judgment" } } },
      "PROCEDURE_NOT_FOR_OCCUPANCY",
      "/housing/procedure/kind",
      /expulsion.*propriétaire/,
    ],
    [
      "a seizure of a tenant's home",
      { housing: { occupancy: "tenant", procedure: { kind: "property_seizure", stage: "summons" } } },
      "PROCEDURE_NOT_FOR_OCCUPANCY",
      "/housing/procedure/kind",
      /Saisie immobilière.*locataire/,
    ],
    [
      "an eviction order in a seizure",
      { housing: { occupancy: "buyer", procedure: { kind: "property_seizure", stage: "eviction_order" } } },
      "EVICTION_ORDER_NOT_SEIZURE",
      "/housing/procedure/stage",
      /force publique/,
    ],
    [
      "a job starting after today",
      { employment: { activity: "employee", since: "2025-12-02" } },
      "DATE_IN_FUTURE",
      "/employment/since",
      /2 décembre 2025.*futur/,
    ],
    [
      "a day that does not exist",
      { employment: { activity: "employee", since: "2025-02-29" } },
      "INVALID_DATE",
      "/employment/since",
      /AAAA-MM-JJ/,
    ],
  ])("refuses %s", (_, change, code, path, message) => {
    const problems = diagnosisProblems({ ...VALID, ...change }, "2025-12-01");
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code, path });
    expect(problems[0]?.message).toMatch(message);
  });

  it("hosted people and occupants without title may face an eviction; owners and buyers a seizure", () => {
    for (const occupancy of ["tenant", "occupant_without_title", "hosted"] as const) {
      expect(
        diagnosisProblems({
          ...VALID,
          housing: { occupancy, procedure: { kind: "eviction", stage: "eviction_order" } },
        }),
      ).toEqual([]);
    }
    for (const occupancy of ["owner", "buyer"] as const) {
      expect(
        diagnosisProblems({
          ...VALID,
          housing: { occupancy, procedure: { kind: "property_seizure", stage: "judgment" } },
        }),
      ).toEqual([]);
    }
  });
});

describe("normaliseDiagnosis", () => {
  it("trims texts and drops empty labels and sensitive topics, so that « nothing written » has one form", () => {
    const normalised = normaliseDiagnosis({
      ...VALID,
      income: [
        { kind: "other", monthlyCents: 5_000, label: "  Vente de meubles " },
        { kind: "salary", monthlyCents: 1, label: " " },
      ],
      debts: [{ kind: "energy", creditor: " EDF ", amountCents: 1, arrearsCents: 0, stage: "none" }],
      sensitive: { health: "  ", violence: " Violences conjugales signalées. ", notes: "" },
    });
    expect(normalised.income).toEqual([
      { kind: "other", monthlyCents: 5_000, label: "Vente de meubles" },
      { kind: "salary", monthlyCents: 1 },
    ]);
    expect(normalised.debts[0]?.creditor).toBe("EDF");
    expect(normalised.sensitive).toEqual({ violence: "Violences conjugales signalées." });
    expect(normaliseDiagnosis({ ...VALID, sensitive: { health: "" } })).not.toHaveProperty("sensitive");
  });
});
