// validateSituation: the one gate of situations for the API, the CLI and the web forms. It accepts what
// the rules can evaluate and names each field at fault by its JSON Pointer.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createSituationGenerator } from "../../bench/generate.ts";
import { validateSituation } from "./situation.ts";

const employee = {
  requestDate: "2026-01-15",
  person: {
    activity: "employee",
    employer: { sector: "private_non_agricultural", headcount: 50 },
    contract: { type: "permanent", start: "2020-01-01", end: null },
  },
  housing: { postcode: "75011", occupancy: "tenant" },
  situations: ["rent_arrears"],
};

function errorsOf(input: unknown) {
  const validation = validateSituation(input);
  if (validation.ok) throw new Error(`expected ${JSON.stringify(input)} to be rejected`);
  return validation.errors;
}

const withPath = (path: string, value: unknown): Record<string, unknown> => {
  const copy = structuredClone(employee) as Record<string, unknown>;
  const keys = path.slice(1).split("/");
  let node = copy;
  for (const key of keys.slice(0, -1)) {
    node[key] ??= {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys[keys.length - 1] as string] = value;
  return copy;
};

describe("validateSituation accepts", () => {
  it("a request date alone: every other fact may be absent", () => {
    expect(validateSituation({ requestDate: "2025-11-20" })).toEqual({
      ok: true,
      situation: { requestDate: "2025-11-20" },
    });
  });

  it("a complete situation, returned unchanged", () => {
    const validation = validateSituation(employee);
    expect(validation.ok).toBe(true);
    if (validation.ok) expect(validation.situation).toEqual(employee);
  });

  it.each(["2021-06-01", "2025-11-19", "2025-11-20", "2030-01-01"])("the request date %s", (requestDate) => {
    expect(validateSituation({ ...employee, requestDate }).ok).toBe(true);
  });

  it.each(["75011", "20000", "97150", "97133", "97500", "98000", "98800"])(
    "the existing postcode %s, even outside the territories (the rules say not met)",
    (postcode) => {
      expect(validateSituation(withPath("/housing/postcode", postcode)).ok).toBe(true);
    },
  );

  it("an empty list of situations (the rules answer ineligible)", () => {
    expect(validateSituation({ ...employee, situations: [] }).ok).toBe(true);
  });

  it("a contract that ends the day it starts", () => {
    const input = withPath("/person/contract", {
      type: "fixed_term",
      start: "2026-01-05",
      end: "2026-01-05",
    });
    expect(validateSituation(input).ok).toBe(true);
  });

  it("everything the benchmark generator produces", () => {
    for (const seed of [1, 2, 3]) {
      const next = createSituationGenerator(seed);
      const rejected: string[] = [];
      for (let index = 0; index < 3000; index++) {
        const situation = next(index);
        const validation = validateSituation(situation);
        if (!validation.ok && rejected.length < 3) {
          rejected.push(`${JSON.stringify(situation)} → ${JSON.stringify(validation.errors)}`);
        }
      }
      expect(rejected).toEqual([]);
    }
  });
});

describe("validateSituation rejects", () => {
  it("a situation without a request date", () => {
    const { requestDate: _requestDate, ...input } = employee;
    expect(errorsOf(input)).toEqual([expect.objectContaining({ code: "REQUIRED", path: "/requestDate" })]);
  });

  it.each(["2021-05-31", "2020-01-01"])(
    "the request date %s, before any directive applies",
    (requestDate) => {
      expect(errorsOf({ ...employee, requestDate })).toEqual([
        expect.objectContaining({ code: "NO_DIRECTIVE_IN_FORCE", path: "/requestDate" }),
      ]);
    },
  );

  it.each(["2025-02-29", "2025-13-01", "2025-04-31", "15/01/2026", "2026-1-15", ""])(
    "the request date %j, not a calendar day",
    (requestDate) => {
      expect(errorsOf({ ...employee, requestDate })).toEqual([
        expect.objectContaining({ code: "INVALID_DATE", path: "/requestDate" }),
      ]);
    },
  );

  it.each([
    ["/person/contract/start", "2026-02-30"],
    ["/person/contract/end", "2026-02-30"],
    ["/person/activityEndDate", "2025-11-31"],
  ])("an impossible date at %s", (path, value) => {
    expect(errorsOf(withPath(path, value))).toEqual([
      expect.objectContaining({ code: "INVALID_DATE", path }),
    ]);
  });

  it.each(["7501", "750111", "7501A", "75 011", ""])("the malformed postcode %j", (postcode) => {
    expect(errorsOf(withPath("/housing/postcode", postcode))).toEqual([
      expect.objectContaining({ code: "INVALID_POSTCODE", path: "/housing/postcode" }),
    ]);
  });

  it.each(["00000", "99999", "75000", "97700"])(
    "the postcode %s, absent from the official list",
    (postcode) => {
      expect(errorsOf(withPath("/housing/postcode", postcode))).toEqual([
        expect.objectContaining({ code: "UNKNOWN_POSTCODE", path: "/housing/postcode" }),
      ]);
    },
  );

  it("a contract that ends before it starts", () => {
    const input = withPath("/person/contract", {
      type: "fixed_term",
      start: "2026-01-05",
      end: "2026-01-04",
    });
    expect(errorsOf(input)).toEqual([
      expect.objectContaining({ code: "CONTRACT_END_BEFORE_START", path: "/person/contract/end" }),
    ]);
  });

  it.each([
    ["/person/activity", "ceo"],
    ["/person/employer/sector", "private"],
    ["/person/contract/type", "cdi"],
    ["/housing/occupancy", "squatter"],
    ["/disaster/kind", "flood"],
  ])("the unknown value at %s", (path, value) => {
    expect(errorsOf(withPath(path, value))).toEqual([
      expect.objectContaining({ code: "INVALID_VALUE", path }),
    ]);
  });

  it("an unknown kind of situation, pointing at the list item", () => {
    expect(errorsOf({ ...employee, situations: ["rent_arrears", "boredom"] })).toEqual([
      expect.objectContaining({ path: "/situations/1" }),
    ]);
  });

  it("the same situation given twice", () => {
    expect(errorsOf({ ...employee, situations: ["death", "death"] })).toEqual([
      expect.objectContaining({ code: "DUPLICATE_VALUE", path: "/situations" }),
    ]);
  });

  it.each([
    ["/person/employer/headcount", -1],
    ["/person/tempHoursLast12Months", -5],
    ["/person/tempHoursLast12Months", 8785], // more hours than a leap year holds
    ["/disaster/uninhabitableDwellings", -1],
  ])("the out-of-range number at %s (%d)", (path, value) => {
    expect(errorsOf(withPath(path, value))).toEqual([
      expect.objectContaining({ code: "OUT_OF_RANGE", path }),
    ]);
  });

  it.each([
    ["/person/employer/headcount", 10.5],
    ["/disaster/uninhabitableDwellings", 500.5],
  ])("a fractional count at %s", (path, value) => {
    expect(errorsOf(withPath(path, value)).map((error) => error.path)).toEqual([path]);
  });

  it.each([
    ["/person/nickname", "Jo"],
    ["/housing/floor", 3],
    ["/salary", 2000],
  ])("the unexpected field %s", (path, value) => {
    expect(errorsOf(withPath(path, value))).toEqual([
      expect.objectContaining({ code: "UNKNOWN_FIELD", path }),
    ]);
  });

  it.each([null, "2026-01-15", 42, [], true])("the non-object %j", (input) => {
    expect(validateSituation(input).ok).toBe(false);
  });

  it("several faults at once, each at its own pointer, with a French message", () => {
    const input = {
      ...employee,
      person: {
        ...employee.person,
        activity: "ceo",
        employer: { sector: "private_non_agricultural", headcount: -3 },
      },
      housing: { postcode: "7501", occupancy: "tenant" },
    };
    const errors = errorsOf(input);
    expect(errors.map((error) => error.path).sort()).toEqual([
      "/housing/postcode",
      "/person/activity",
      "/person/employer/headcount",
    ]);
    for (const error of errors) expect(error.message).toMatch(/^[A-ZÀ-Ý].+\.$/);
  });
});

describe("validateSituation on generated situations with one wrong type", () => {
  // A value of another JSON type for each kind of field.
  const wrongValue = (value: unknown): unknown => {
    if (typeof value === "string") return 20251120;
    if (typeof value === "number") return String(value);
    if (typeof value === "boolean") return value ? "oui" : 0;
    if (Array.isArray(value)) return "rent_arrears";
    if (value === null) return false;
    return [value];
  };

  function leaves(value: unknown, pointer = ""): string[] {
    if (value !== null && typeof value === "object" && !Array.isArray(value)) {
      return [
        pointer,
        ...Object.entries(value).flatMap(([key, child]) => leaves(child, `${pointer}/${key}`)),
      ].filter((candidate) => candidate !== "");
    }
    return [pointer];
  }

  const next = createSituationGenerator(42);
  const pool = Array.from({ length: 2000 }, (_, index) => next(index));

  it("are rejected, every error pointing at the field changed", () => {
    fc.assert(
      fc.property(fc.constantFrom(...pool), fc.nat(), (situation, pick) => {
        const pointers = leaves(situation);
        const pointer = pointers[pick % pointers.length] as string;
        const copy = structuredClone(situation) as unknown as Record<string, unknown>;
        const keys = pointer.slice(1).split("/");
        let node = copy;
        for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
        const last = keys[keys.length - 1] as string;
        node[last] = wrongValue(node[last]);
        const validation = validateSituation(copy);
        expect(validation.ok).toBe(false);
        if (!validation.ok) expect(validation.errors.map((error) => error.path)).toEqual([pointer]);
      }),
      { seed: 4, numRuns: 1000 },
    );
  });
});
