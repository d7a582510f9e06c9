// Properties that hold for every situation, checked on generated ones: the benchmark's realistic
// generator (bench/generate.ts) and a fast-check arbitrary that reaches the boundaries. Seeds are fixed, so
// a failure replays identically.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bareOutcome } from "../../../bench/bare.ts";
import { createSituationGenerator } from "../../../bench/generate.ts";
import {
  ACTIVITIES,
  CONTRACT_TYPES,
  DIRECTIVES,
  directiveInForce,
  evaluate,
  evaluateUnder,
  SITUATION_KINDS,
} from "./index.ts";
import type { ClauseTopic, EligibilityResult, Situation, SituationKind } from "./types.ts";

const SEED = 20251120;

// --- Inputs ------------------------------------------------------------------------------------------------

const KINDS = SITUATION_KINDS;
// The kinds each text cites (read from the texts, not from the engine).
const LISTED: Record<string, readonly SituationKind[]> = {
  PP_EX_CPA_2_DIR: [
    "financial_imbalance",
    "over_indebtedness",
    "separation",
    "family_conflict",
    "death",
    "illness",
    "job_loss",
    "rent_arrears",
    "mortgage_arrears",
    "co_ownership_charges_arrears",
  ],
  PP_SERV_ASD_2_DIR: [
    "over_indebtedness",
    "separation",
    "domestic_violence",
    "family_conflict",
    "death",
    "illness",
    "disability",
    "rent_arrears",
    "mortgage_arrears",
    "co_ownership_charges_arrears",
    "energy_poverty",
  ],
};
const CONTRACTS = CONTRACT_TYPES;
const POSTCODES = [
  "75011",
  "20000",
  "69003",
  "97110",
  "97200",
  "97300",
  "97400",
  "97600",
  "97150",
  "97133",
  "97500",
  "98000",
  "98800",
];

const DAY = 86_400_000;
const isoDay = (time: number) => new Date(time).toISOString().slice(0, 10);
/** Dates from 2019 (contracts and activity ends) to 2027, denser around both versions' first days. */
const dateArb = fc.oneof(
  fc
    .integer({ min: Date.UTC(2019, 0, 1) / DAY, max: Date.UTC(2027, 11, 31) / DAY })
    .map((day) => isoDay(day * DAY)),
  fc.constantFrom("2021-06-01", "2025-11-19", "2025-11-20", "2024-02-29", "2025-11-30", "2026-02-28"),
);
const requestArb = fc.oneof(
  fc
    .integer({ min: Date.UTC(2021, 5, 1) / DAY, max: Date.UTC(2027, 11, 31) / DAY })
    .map((day) => isoDay(day * DAY)),
  fc.constantFrom("2021-06-01", "2025-11-19", "2025-11-20", "2026-02-28"),
);

const situationArb: fc.Arbitrary<Situation> = fc
  .record(
    {
      requestDate: requestArb,
      person: fc.record(
        {
          activity: fc.constantFrom(...ACTIVITIES),
          employer: fc.record(
            {
              sector: fc.constantFrom(
                "private_non_agricultural",
                "private_agricultural",
                "public",
              ) as fc.Arbitrary<"private_non_agricultural" | "private_agricultural" | "public">,
              headcount: fc.constantFrom(0, 5, 9, 10, 11, 50, 5000),
            },
            { requiredKeys: [] },
          ),
          contract: fc.record(
            { type: fc.constantFrom(...CONTRACTS), start: dateArb, end: fc.option(dateArb, { nil: null }) },
            { requiredKeys: [] },
          ),
          tempHoursLast12Months: fc.oneof(fc.integer({ min: 0, max: 2000 }), fc.constantFrom(413, 414)),
          esatSupportContractSigned: fc.boolean(),
          activityEndDate: dateArb,
        },
        { requiredKeys: [] },
      ),
      visale: fc.record(
        { exceptionalEvent: fc.boolean(), guaranteeEligible: fc.boolean() },
        { requiredKeys: [] },
      ),
      disaster: fc.record(
        {
          kind: fc.constantFrom("natural", "technological") as fc.Arbitrary<"natural" | "technological">,
          officiallyDeclared: fc.boolean(),
          uninhabitableDwellings: fc.oneof(fc.integer({ min: 0, max: 3000 }), fc.constantFrom(500, 501)),
        },
        { requiredKeys: [] },
      ),
      housing: fc.record(
        {
          postcode: fc.constantFrom(...POSTCODES),
          occupancy: fc.constantFrom(
            "tenant",
            "owner",
            "buyer",
            "occupant_without_title",
            "hosted",
            "homeless",
          ) as fc.Arbitrary<"tenant" | "owner" | "buyer" | "occupant_without_title" | "hosted" | "homeless">,
        },
        { requiredKeys: [] },
      ),
      situations: fc.subarray([...KINDS], { maxLength: 4 }),
    },
    { requiredKeys: ["requestDate"] },
  )
  .map((situation) => {
    // A contract cannot end before it starts (validation rejects it).
    const contract = situation.person?.contract;
    if (contract?.start !== undefined && typeof contract.end === "string" && contract.end < contract.start) {
      const start = contract.start;
      contract.start = contract.end;
      contract.end = start;
    }
    return situation as Situation;
  });

/** Situations from the benchmark's generator, several seeds. */
function generated(seed: number, count: number): Situation[] {
  const next = createSituationGenerator(seed);
  return Array.from({ length: count }, (_, index) => next(index));
}
const POOL = [...generated(1, 6000), ...generated(2, 6000)];
const ELIGIBLE_POOL = POOL.filter((situation) => evaluate(situation).outcome === "eligible");

// --- Helpers -----------------------------------------------------------------------------------------------

/** JSON Pointers of every fact (leaf value; the situations list counts as one fact) but the request date and id. */
function facts(situation: Situation): string[] {
  const pointers: string[] = [];
  const walk = (value: unknown, pointer: string) => {
    if (value !== null && typeof value === "object" && !Array.isArray(value)) {
      for (const [key, child] of Object.entries(value)) walk(child, `${pointer}/${key}`);
    } else if (pointer !== "/requestDate" && pointer !== "/id") pointers.push(pointer);
  };
  walk(situation, "");
  return pointers;
}

function without(situation: Situation, pointer: string): Situation {
  const copy = structuredClone(situation) as unknown as Record<string, unknown>;
  const keys = pointer.slice(1).split("/");
  let node = copy;
  for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
  delete node[keys[keys.length - 1] as string];
  return copy as unknown as Situation;
}

/** The same data with the keys of every object in another order. */
function reorder(value: unknown, random: () => number): unknown {
  if (Array.isArray(value)) return value.map((item) => reorder(item, random));
  if (value === null || typeof value !== "object") return value;
  const entries = Object.entries(value);
  for (let index = entries.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [entries[index], entries[other]] = [
      entries[other] as [string, unknown],
      entries[index] as [string, unknown],
    ];
  }
  return Object.fromEntries(entries.map(([key, child]) => [key, reorder(child, random)]));
}

const topicOf = (result: EligibilityResult, clauseId: string): ClauseTopic | undefined =>
  DIRECTIVES.find((directive) => directive.reference === result.directive)?.clauses.find(
    (clause) => clause.id === clauseId,
  )?.topic;
const BENEFICIARY_TOPICS: readonly ClauseTopic[] = [
  "employees",
  "jobseekers",
  "pre_retirees",
  "temp_workers",
  "esat_workers",
  "visale",
  "natural_disaster",
  "technological_disaster",
];
const REQUIRED_TOPICS: readonly ClauseTopic[] = [
  "territory",
  "occupancy",
  "access_financial",
  "access_life_events",
  "access_arrears",
];

const RUNS = { seed: SEED, numRuns: 1000 };

// --- Properties --------------------------------------------------------------------------------------------

describe("missing facts", () => {
  it("the pools hold enough eligible situations of both versions to matter", () => {
    const references = new Set(ELIGIBLE_POOL.map((situation) => evaluate(situation).directive));
    expect(ELIGIBLE_POOL.length).toBeGreaterThan(1000);
    expect(references).toEqual(new Set(["PP_EX_CPA_2_DIR", "PP_SERV_ASD_2_DIR"]));
  });

  it("removing one fact from an eligible situation leaves it eligible (the fact was not needed) or incomplete, naming that fact", () => {
    fc.assert(
      fc.property(fc.constantFrom(...ELIGIBLE_POOL), fc.nat(), (situation, pick) => {
        const pointers = facts(situation);
        const pointer = pointers[pick % pointers.length] as string;
        const result = evaluate(without(situation, pointer));
        expect(["eligible", "incomplete"]).toContain(result.outcome);
        if (result.outcome === "incomplete") expect(result.missing).toContain(pointer);
      }),
      RUNS,
    );
  });

  it("without the postcode or the situations, an eligible situation is never eligible", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ELIGIBLE_POOL),
        fc.constantFrom("/housing/postcode", "/situations"),
        (situation, pointer) => {
          const result = evaluate(without(situation, pointer));
          expect(result.outcome).toBe("incomplete");
          expect(result.missing).toContain(pointer);
        },
      ),
      RUNS,
    );
  });

  it("2021: without the occupancy status, never eligible; 2025: the status is not needed", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ELIGIBLE_POOL.filter((situation) => situation.housing?.occupancy !== undefined)),
        (situation) => {
          const result = evaluate(without(situation, "/housing/occupancy"));
          if (result.directive === "PP_EX_CPA_2_DIR") {
            expect(result.outcome).toBe("incomplete");
            expect(result.missing).toEqual(["/housing/occupancy"]);
          } else {
            expect(result.outcome).toBe("eligible");
          }
        },
      ),
      RUNS,
    );
  });

  it("without the activity, never eligible, except a 2021 household under VISALE", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ELIGIBLE_POOL.filter((situation) => situation.person?.activity !== undefined)),
        (situation) => {
          const result = evaluate(without(situation, "/person/activity"));
          const visale =
            situation.visale?.exceptionalEvent === true && situation.visale.guaranteeEligible === true;
          if (result.directive === "PP_EX_CPA_2_DIR" && visale) expect(result.outcome).toBe("eligible");
          else expect(result.outcome).toBe("incomplete");
        },
      ),
      RUNS,
    );
  });

  it("removing a fact never turns a decided outcome into another decided one (only into incomplete)", () => {
    fc.assert(
      fc.property(situationArb, fc.nat(), (situation, pick) => {
        const before = evaluate(situation).outcome;
        const pointers = facts(situation).filter((pointer) => !/^\/(visale|disaster)$/.test(pointer));
        fc.pre(pointers.length > 0);
        const after = evaluate(without(situation, pointers[pick % pointers.length] as string)).outcome;
        if (after !== before) expect(after).toBe("incomplete");
      }),
      RUNS,
    );
  });
});

describe("situations", () => {
  it("adding a situation the text cites never turns eligible into ineligible, and settles a review", () => {
    fc.assert(
      fc.property(situationArb, fc.nat(), (situation, pick) => {
        const before = evaluate(situation);
        const listed = LISTED[before.directive] as readonly SituationKind[];
        const kind = listed[pick % listed.length] as SituationKind;
        const kinds = situation.situations ?? [];
        const after = evaluate({ ...situation, situations: kinds.includes(kind) ? kinds : [...kinds, kind] });
        if (before.outcome === "eligible" || before.outcome === "review")
          expect(after.outcome).toBe("eligible");
        if (before.outcome !== "ineligible") expect(after.outcome).not.toBe("ineligible");
      }),
      RUNS,
    );
  });

  it("adding any situation to an eligible one keeps it eligible (one cited situation suffices)", () => {
    fc.assert(
      fc.property(fc.constantFrom(...ELIGIBLE_POOL), fc.constantFrom(...KINDS), (situation, kind) => {
        const kinds = situation.situations ?? [];
        const result = evaluate({
          ...situation,
          situations: kinds.includes(kind) ? kinds : [kind, ...kinds],
        });
        expect(result.outcome).toBe("eligible");
      }),
      RUNS,
    );
  });
});

describe("thresholds only ever open the service wider as the figure grows", () => {
  // « 10 salariés et plus », « plus de 500 logements », the minimum of mission hours: a larger headcount, more
  // dwellings or more hours, or a lower threshold, never close a way that was open.
  const rank = { ineligible: 0, incomplete: 1, review: 2, eligible: 3 } as const;
  const stillEligible = (before: EligibilityResult, after: EligibilityResult) =>
    before.outcome !== "eligible" || after.outcome === "eligible";

  it("a larger employer headcount", () => {
    fc.assert(
      fc.property(situationArb, fc.integer({ min: 1, max: 5000 }), (situation, extra) => {
        const headcount = situation.person?.employer?.headcount;
        fc.pre(headcount !== undefined);
        const larger = structuredClone(situation);
        (larger.person as { employer: { headcount: number } }).employer.headcount =
          (headcount as number) + extra;
        return stillEligible(evaluate(situation), evaluate(larger));
      }),
      RUNS,
    );
  });

  it("more uninhabitable dwellings", () => {
    fc.assert(
      fc.property(situationArb, fc.integer({ min: 1, max: 5000 }), (situation, extra) => {
        const dwellings = situation.disaster?.uninhabitableDwellings;
        fc.pre(dwellings !== undefined);
        const worse = {
          ...situation,
          disaster: { ...situation.disaster, uninhabitableDwellings: (dwellings as number) + extra },
        };
        return stillEligible(evaluate(situation), evaluate(worse));
      }),
      RUNS,
    );
  });

  it("more mission hours, or a lower threshold", () => {
    fc.assert(
      fc.property(
        situationArb,
        fc.integer({ min: 0, max: 2000 }),
        fc.integer({ min: 0, max: 2000 }),
        (situation, threshold, lower) => {
          const hours = situation.person?.tempHoursLast12Months;
          const parameters = { tempWorkerMinHours: threshold };
          const before = evaluate(situation, parameters);
          const lowered = evaluate(situation, { tempWorkerMinHours: Math.min(threshold, lower) });
          if (rank[lowered.outcome] < rank[before.outcome] && before.outcome === "eligible") return false;
          if (hours === undefined) return true;
          const more = { ...situation, person: { ...situation.person, tempHoursLast12Months: hours + 100 } };
          return stillEligible(before, evaluate(more, parameters));
        },
      ),
      RUNS,
    );
  });
});

describe("determinism", () => {
  it("results do not depend on the order of the keys", () => {
    fc.assert(
      fc.property(situationArb, fc.integer(), (situation, seed) => {
        let state = seed;
        const random = () => {
          state = (Math.imul(state, 1_103_515_245) + 12_345) | 0;
          return (state >>> 0) / 4_294_967_296;
        };
        expect(evaluate(reorder(situation, random) as Situation)).toEqual(evaluate(situation));
      }),
      RUNS,
    );
  });

  it("the same situation always gives the same result, whatever was evaluated in between, and results are not changed afterwards", () => {
    fc.assert(
      fc.property(situationArb, situationArb, (first, second) => {
        const result = evaluate(first);
        const snapshot = JSON.stringify(result);
        evaluate(second);
        evaluate(first, { tempWorkerMinHours: 1 });
        expect(JSON.stringify(result)).toBe(snapshot);
        expect(evaluate(structuredClone(first))).toEqual(result);
      }),
      RUNS,
    );
  });

  it("the outcome does not depend on the order of the situations list", () => {
    fc.assert(
      fc.property(situationArb, (situation) => {
        fc.pre((situation.situations?.length ?? 0) > 1);
        const reversed = { ...situation, situations: [...(situation.situations ?? [])].reverse() };
        const a = evaluate(situation);
        const b = evaluate(reversed);
        expect(b.outcome).toBe(a.outcome);
        expect([...b.missing].sort()).toEqual([...a.missing].sort());
      }),
      RUNS,
    );
  });

  it("the input is not modified", () => {
    fc.assert(
      fc.property(situationArb, (situation) => {
        const copy = structuredClone(situation);
        evaluate(situation);
        expect(situation).toEqual(copy);
      }),
      { ...RUNS, numRuns: 500 },
    );
  });
});

describe("reasons", () => {
  it("every reason cites an eligibility clause of the directive applied, the one in force on the request date", () => {
    fc.assert(
      fc.property(situationArb, (situation) => {
        const result = evaluate(situation);
        const directive = directiveInForce(situation.requestDate);
        const problems = result.reasons.flatMap((reason) => {
          const clause = directive?.clauses.find((candidate) => candidate.id === reason.clause);
          if (clause === undefined) return [`${reason.clause} is not a clause of ${directive?.reference}`];
          if (clause.kind !== "eligibility") return [`${reason.clause} is a ${clause.kind} clause`];
          if (!["met", "not_met", "unknown"].includes(reason.status))
            return [`${reason.clause}: ${reason.status}`];
          return reason.text.length > 0 ? [] : [`${reason.clause} has no text`];
        });
        return (
          result.directive === directive?.reference && result.reasons.length > 0 && problems.length === 0
        );
      }),
      RUNS,
    );
  });

  it("eligible ⇒ nothing missing, a beneficiary ground met, and no required condition not met", () => {
    fc.assert(
      fc.property(fc.oneof(situationArb, fc.constantFrom(...ELIGIBLE_POOL)), (situation) => {
        const result = evaluate(situation);
        fc.pre(result.outcome === "eligible");
        expect(result.missing).toEqual([]);
        const topics = result.reasons.map(
          (reason) => [topicOf(result, reason.clause), reason.status] as const,
        );
        expect(
          topics.some(
            ([topic, status]) => status === "met" && BENEFICIARY_TOPICS.includes(topic as ClauseTopic),
          ),
        ).toBe(true);
        expect(
          topics.filter(
            ([topic, status]) => status === "not_met" && REQUIRED_TOPICS.includes(topic as ClauseTopic),
          ),
        ).toEqual([]);
        expect(
          result.reasons.some(
            (reason) => topicOf(result, reason.clause) === "territory" && reason.status === "met",
          ),
        ).toBe(true);
      }),
      RUNS,
    );
  });

  it("ineligible ⇒ a condition not met; incomplete ⇒ facts missing and a condition unknown; review ⇒ nothing missing", () => {
    fc.assert(
      fc.property(situationArb, (situation) => {
        const result = evaluate(situation);
        const statuses = result.reasons.map((reason) => reason.status);
        if (result.outcome === "ineligible") expect(statuses).toContain("not_met");
        if (result.outcome === "incomplete") {
          expect(result.missing.length).toBeGreaterThan(0);
          expect(statuses).toContain("unknown");
          expect(new Set(result.missing).size).toBe(result.missing.length);
        }
        if (result.outcome === "review") expect(result.missing).toEqual([]);
      }),
      RUNS,
    );
  });

  it("every missing pointer names a fact absent from the situation", () => {
    fc.assert(
      fc.property(situationArb, (situation) => {
        const present = new Set(facts(situation));
        for (const pointer of evaluate(situation).missing) expect(present.has(pointer), pointer).toBe(false);
      }),
      RUNS,
    );
  });
});

describe("the engine agrees with the bare reading (bench/bare.ts)", () => {
  it("on the benchmark generator's situations, both versions, with the default threshold", () => {
    const disagreements: string[] = [];
    for (const seed of [7, 8]) {
      for (const situation of generated(seed, 10_000)) {
        const engine = evaluate(situation).outcome;
        const bare = bareOutcome(situation);
        if (engine !== bare && disagreements.length < 5)
          disagreements.push(`${JSON.stringify(situation)}: engine ${engine}, bare ${bare}`);
      }
    }
    expect(disagreements).toEqual([]);
  });

  it("on generated situations with any temp workers' threshold", () => {
    fc.assert(
      fc.property(fc.constantFrom(...POOL), fc.integer({ min: 0, max: 2000 }), (situation, hours) => {
        expect(evaluate(situation, { tempWorkerMinHours: hours }).outcome).toBe(
          bareOutcome(situation, hours),
        );
      }),
      RUNS,
    );
  });

  it("on boundary-seeking situations (fast-check)", () => {
    fc.assert(
      fc.property(situationArb, (situation) => {
        expect(evaluate(situation).outcome).toBe(bareOutcome(situation));
      }),
      { ...RUNS, numRuns: 4000 },
    );
  });

  it("evaluateUnder a version gives what evaluate gives on a date that version is in force", () => {
    fc.assert(
      fc.property(situationArb, (situation) => {
        const directive = directiveInForce(situation.requestDate);
        if (directive === undefined) throw new Error("generated dates are all in force");
        expect(evaluateUnder(directive, situation)).toEqual(evaluate(situation));
      }),
      { ...RUNS, numRuns: 500 },
    );
  });
});
