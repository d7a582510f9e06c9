// What the counsellor learns and plans in a demo case: the situation assessed on the request, the diagnosis
// (household, budget, debts, housing, work) and the action plan drawn from it. Each is checked by the pure
// core as the application would check it, so the demo holds nothing a counsellor could not have entered.
import {
  type ActionInput,
  actionProblems,
  budgetOf,
  type Diagnosis,
  diagnosisProblems,
} from "../core/diagnosis/index.ts";
import type { Situation } from "../core/rules/index.ts";
import { addDays } from "./calendar.ts";
import type { Random } from "./random.ts";

/** An employee in rent arrears, the typical request: eligible under either directive. */
export function demoSituation(requestedOn: string, postcode: string): Situation {
  return {
    requestDate: requestedOn,
    person: {
      activity: "employee",
      employer: { sector: "private_non_agricultural", headcount: 120 },
      contract: { type: "permanent", start: "2018-09-01", end: null },
    },
    housing: { postcode, occupancy: "tenant" },
    situations: ["rent_arrears"],
  };
}

/** A household of one or two adults and up to three children, with a budget that is tight or in debt. */
export function demoDiagnosis(random: Random, withSensitive: boolean): Diagnosis {
  const children = random.int(0, 3);
  const couple = random.chance(0.5);
  const occupancy = random.pick(["tenant", "tenant", "tenant", "tenant", "buyer", "hosted"] as const);
  const rent = occupancy === "hosted" ? 0 : random.int(55, 110) * 1_000;
  const arrears = occupancy !== "hosted" && random.chance(0.6) ? random.int(10, 50) * 10_000 : 0;
  const diagnosis: Diagnosis = {
    household: [
      { relation: "beneficiary", age: random.int(24, 60), dependant: false },
      ...(couple ? [{ relation: "partner" as const, age: random.int(24, 60), dependant: false }] : []),
      ...Array.from({ length: children }, () => ({
        relation: "child" as const,
        age: random.int(0, 17),
        dependant: true,
      })),
    ],
    income: [
      { kind: "salary", monthlyCents: random.int(1_350, 2_600) * 100 },
      ...(couple && random.chance(0.6)
        ? [{ kind: "salary" as const, monthlyCents: random.int(900, 2_000) * 100 }]
        : []),
      ...(children > 0 ? [{ kind: "family_benefits" as const, monthlyCents: children * 14_150 }] : []),
      ...(occupancy === "tenant" && random.chance(0.5)
        ? [{ kind: "housing_benefit" as const, monthlyCents: random.int(80, 300) * 100 }]
        : []),
    ],
    expenses: [
      ...(rent > 0
        ? [{ kind: occupancy === "buyer" ? ("mortgage" as const) : ("rent" as const), monthlyCents: rent }]
        : []),
      { kind: "energy", monthlyCents: random.int(60, 200) * 100 },
      { kind: "insurance", monthlyCents: random.int(30, 90) * 100 },
      { kind: "telecom", monthlyCents: random.int(30, 70) * 100 },
      { kind: "transport", monthlyCents: random.int(40, 180) * 100 },
      ...(random.chance(0.4)
        ? [{ kind: "debt_repayment" as const, monthlyCents: random.int(100, 350) * 100 }]
        : []),
    ],
    debts:
      arrears === 0
        ? []
        : [
            {
              kind: occupancy === "buyer" ? "mortgage_arrears" : "rent_arrears",
              creditor:
                occupancy === "buyer"
                  ? "Banque (démo)"
                  : random.pick(["Bailleur social (démo)", "Bailleur privé (démo)"]),
              amountCents: arrears,
              arrearsCents: arrears,
              stage: random.pick(["reminder", "formal_notice", "summons"] as const),
            },
          ],
    housing: {
      occupancy,
      ...(rent > 0 ? { monthlyCostCents: rent } : {}),
      ...(occupancy === "tenant" ? { landlordType: random.pick(["social", "private"] as const) } : {}),
      ...(arrears > 0
        ? {
            procedure: {
              kind: occupancy === "buyer" ? ("property_seizure" as const) : ("eviction" as const),
              stage: random.pick(["unpaid", "formal_notice", "summons"] as const),
            },
          }
        : {}),
    },
    employment: {
      activity: "employee",
      contractType: "permanent",
      workingTime: random.pick(["full_time", "part_time"] as const),
    },
    ...(withSensitive
      ? { sensitive: { notes: "Note de démonstration : situation fictive, aucune personne réelle." } }
      : {}),
  };
  const problems = diagnosisProblems(diagnosis);
  if (problems.length > 0) throw new Error(`demo diagnosis: ${problems.map((p) => p.code).join(", ")}`);
  return diagnosis;
}

/**
 * The plan agreed after the diagnosis: an outside aid to apply for and a housing step, a debt file when
 * little is left to live on, and the partner's budget coaching when the case was referred to it.
 */
export function demoPlan(
  random: Random,
  input: {
    diagnosis: Diagnosis;
    diagnosedOn: string;
    /** The partner the case was referred to, if it was. */
    partnerId: string | undefined;
    directive: string;
    requestedOn: string;
  },
): ActionInput[] {
  const { diagnosis, diagnosedOn, partnerId } = input;
  const plan: ActionInput[] = [
    {
      kind: "external_aid",
      externalAid: random.pick(["fsl", "caf", "ccas"] as const),
      title: "Constituer la demande d'aide",
      owner: "beneficiary",
      dueOn: addDays(diagnosedOn, random.int(10, 40)),
    },
    {
      kind: "rental_service",
      title: "Lever les freins à l'attribution d'un logement",
      owner: "counsellor",
      dueOn: addDays(diagnosedOn, random.int(20, 60)),
    },
    ...(budgetOf(diagnosis).remainingIncomeCents < 40_000
      ? [
          {
            kind: "external_aid" as const,
            externalAid: "over_indebtedness_file" as const,
            title: "Déposer un dossier de surendettement",
            owner: "counsellor" as const,
            dueOn: addDays(diagnosedOn, random.int(15, 45)),
          },
        ]
      : []),
    ...(partnerId !== undefined
      ? [
          {
            kind: "partner_referral" as const,
            title: "Accompagnement budgétaire par le partenaire",
            owner: "partner" as const,
            partnerOrganisationId: partnerId,
            dueOn: addDays(diagnosedOn, random.int(20, 90)),
          },
        ]
      : []),
  ];
  const context = {
    directive: input.directive,
    requestedOn: input.requestedOn,
    occupancy: diagnosis.housing.occupancy,
  };
  for (const action of plan) {
    const problems = actionProblems(action, context);
    if (problems.length > 0) throw new Error(`demo action: ${problems.map((p) => p.code).join(", ")}`);
  }
  return plan;
}
