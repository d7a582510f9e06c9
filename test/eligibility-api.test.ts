// POST /api/v1/eligibility and the directive routes, over real HTTP on a real database, once per kind.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validateSituation } from "../src/contracts/situation.ts";
import { evaluate } from "../src/core/rules/index.ts";
import { migrate } from "../src/db/migrate.ts";
import { DATABASE_KINDS, suiteName, type TestDatabase } from "./support/databases.ts";
import { type RunningServer, startServer } from "./support/server.ts";
import { situationArbitrary } from "./support/situations.ts";

const PROBLEM_JSON = /^application\/problem\+json/;

/** What the module answers, as it travels in JSON (an absent id is left out). */
function moduleAnswer(input: unknown): unknown {
  const validation = validateSituation(input);
  if (!validation.ok) return { errors: validation.errors };
  return JSON.parse(JSON.stringify(evaluate(validation.situation)));
}

const employee = (requestDate: string, extra: Record<string, unknown> = {}) => ({
  requestDate,
  person: {
    activity: "employee",
    employer: { sector: "private_non_agricultural", headcount: 50 },
    contract: { type: "permanent", start: "2019-03-01", end: null },
  },
  housing: { postcode: "75011", occupancy: "tenant" },
  situations: ["rent_arrears"],
  ...extra,
});

for (const kind of DATABASE_KINDS) {
  describe.skipIf(kind.skipReason !== undefined)(suiteName(kind, "Eligibility API"), () => {
    let database: TestDatabase;
    let server: RunningServer;
    let limited: RunningServer;

    beforeAll(async () => {
      database = await kind.open();
      await migrate(database.db);
      // The suite sends far more than the default 60 requests a minute; a second server keeps a small limit.
      server = await startServer(database.db, {
        rateLimits: { eligibility: { max: 100_000, timeWindow: "1 minute" } },
      });
      limited = await startServer(database.db, {
        rateLimits: { eligibility: { max: 3, timeWindow: "1 minute" } },
      });
    });

    afterAll(async () => {
      await limited?.close();
      await server?.close();
      await database?.dispose();
    });

    const post = (body: unknown, target: RunningServer = server) =>
      fetch(`${target.url}/api/v1/eligibility`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: typeof body === "string" ? body : JSON.stringify(body),
      });

    it("answers each situation exactly what the module's evaluate returns", async () => {
      await fc.assert(
        fc.asyncProperty(situationArbitrary, async (situation) => {
          const response = await post(situation);
          const expected = moduleAnswer(situation);
          const body = await response.json();
          if ("errors" in (expected as object)) {
            expect(response.status).toBe(400);
            expect(response.headers.get("content-type")).toMatch(PROBLEM_JSON);
            expect(body.code).toBe("validation_failed");
            expect(body.errors).toEqual((expected as { errors: unknown[] }).errors);
          } else {
            expect(response.status).toBe(200);
            expect(body).toEqual(expected);
          }
        }),
        { numRuns: 40, seed: 20_251_120 },
      );
    });

    it("answers a batch with one result per situation, in order", async () => {
      const situations = fc
        .sample(situationArbitrary, { numRuns: 120, seed: 4 })
        .filter((situation) => validateSituation(situation).ok);
      expect(situations.length).toBeGreaterThan(50);
      const response = await post({ situations });
      expect(response.status).toBe(200);
      const body = await response.json();
      expect(body.results).toEqual(situations.map(moduleAnswer));
      expect(body.results.map((result: { id: string }) => result.id)).toEqual(
        situations.map((situation) => situation.id),
      );
    });

    it("evaluates a batch of 1000 and refuses 1001, naming /situations", async () => {
      const thousand = Array.from({ length: 1000 }, (_, index) =>
        employee(index % 2 === 0 ? "2024-05-02" : "2026-02-10", { id: `s${index}` }),
      );
      const started = performance.now();
      const response = await post({ situations: thousand });
      const elapsed = performance.now() - started;
      expect(response.status).toBe(200);
      const body = await response.json();
      expect(body.results).toHaveLength(1000);
      expect(body.results[999]).toMatchObject({ id: "s999", directive: "PP_SERV_ASD_2_DIR" });
      expect(body.results[998]).toMatchObject({ id: "s998", directive: "PP_EX_CPA_2_DIR" });
      process.stderr.write(`[${kind.kind}] batch of 1000 situations: ${elapsed.toFixed(0)} ms\n`);

      const tooMany = await post({ situations: [...thousand, employee("2026-02-10")] });
      expect(tooMany.status).toBe(400);
      expect(tooMany.headers.get("content-type")).toMatch(PROBLEM_JSON);
      const problem = await tooMany.json();
      expect(problem).toMatchObject({ status: 400, code: "validation_failed" });
      expect(problem.errors).toEqual([
        { path: "/situations", code: "TOO_MANY_ITEMS", message: expect.stringMatching(/au plus 1\s000/) },
      ]);
    });

    it("reports an invalid field with its JSON Pointer, code and French message", async () => {
      const single = employee("2026-02-10");
      single.person.employer.headcount = -3;
      const response = await post(single);
      expect(response.status).toBe(400);
      expect(response.headers.get("content-type")).toMatch(PROBLEM_JSON);
      const problem = await response.json();
      expect(problem).toMatchObject({
        status: 400,
        code: "validation_failed",
        instance: "/api/v1/eligibility",
      });
      expect(problem.errors).toEqual([
        {
          path: "/person/employer/headcount",
          code: "OUT_OF_RANGE",
          message: "La valeur doit être au moins 0.",
        },
      ]);
    });

    it("prefixes the paths of a batch's errors with /situations/<index>", async () => {
      const situations = [0, 1, 2, 3, 4].map((index) => employee("2026-02-10", { id: `s${index}` }));
      situations[3] = employee("2026-02-10", { housing: { postcode: "00000", occupancy: "tenant" } });
      situations[4] = { ...employee("2026-02-10"), requestDate: "2026-02-30" };
      const response = await post({ situations });
      expect(response.status).toBe(400);
      const problem = await response.json();
      expect(problem.errors).toEqual([
        {
          path: "/situations/3/housing/postcode",
          code: "UNKNOWN_POSTCODE",
          message: "Ce code postal n'existe pas dans la liste officielle des codes postaux.",
        },
        {
          path: "/situations/4/requestDate",
          code: "INVALID_DATE",
          message: expect.stringMatching(/AAAA-MM-JJ/),
        },
      ]);
      const unknownField = await post({ situations, extra: 1 });
      expect((await unknownField.json()).errors).toEqual([
        { path: "/extra", code: "UNKNOWN_FIELD", message: "Ce champ n'est pas attendu." },
      ]);
    });

    it("refuses a request date before the first directive with NO_DIRECTIVE_IN_FORCE at /requestDate", async () => {
      const response = await post(employee("2021-05-31"));
      expect(response.status).toBe(400);
      const problem = await response.json();
      expect(problem.errors).toEqual([
        {
          path: "/requestDate",
          code: "NO_DIRECTIVE_IN_FORCE",
          message: expect.stringMatching(/Aucune directive n'est en vigueur.*2021-05-31/),
        },
      ]);
    });

    it("refuses bodies that are not a JSON object with a problem", async () => {
      const malformed = await post('{"requestDate": "2026-02-10"');
      expect(malformed.status).toBe(400);
      expect(malformed.headers.get("content-type")).toMatch(PROBLEM_JSON);
      expect(await malformed.json()).toMatchObject({ code: "invalid_json" });

      const text = await fetch(`${server.url}/api/v1/eligibility`, {
        method: "POST",
        headers: { "content-type": "text/plain" },
        body: "requestDate=2026-02-10",
      });
      expect(text.status).toBe(415);
      expect(text.headers.get("content-type")).toMatch(PROBLEM_JSON);

      for (const body of ["[1, 2]", "42", "null"]) {
        const response = await post(body);
        expect(response.status).toBe(400);
        const problem = await response.json();
        expect(problem.errors).toEqual([{ path: "/", code: "INVALID_TYPE", message: expect.any(String) }]);
      }
    });

    it("limits the requests per client and answers 429 as a problem", async () => {
      for (let index = 0; index < 3; index++) {
        expect((await post(employee("2026-02-10"), limited)).status).toBe(200);
      }
      const refused = await post(employee("2026-02-10"), limited);
      expect(refused.status).toBe(429);
      expect(refused.headers.get("content-type")).toMatch(PROBLEM_JSON);
      expect(refused.headers.get("retry-after")).toMatch(/^\d+$/);
      expect(await refused.json()).toMatchObject({ status: 429, code: "too_many_requests" });
      // Other routes are not counted against it.
      expect((await fetch(`${limited.url}/api/v1/directives`)).status).toBe(200);
    });

    it("documents the body and the responses in the OpenAPI document", async () => {
      const document = await (await fetch(`${server.url}/api/v1/openapi.json`)).json();
      const operation = document.paths["/api/v1/eligibility"].post;
      expect(operation.summary).toMatch(/éligibilité/);
      const body = JSON.stringify(operation.requestBody.content["application/json"].schema);
      expect(body).toContain("#/components/schemas/Situation");
      expect(body).toContain('"maxItems":1000');
      expect(JSON.stringify(operation.responses["200"])).toContain("#/components/schemas/EligibilityResult");
      for (const status of ["400", "413", "429"]) {
        expect(JSON.stringify(operation.responses[status])).toContain("ProblemDetails");
      }
      expect(document.components.schemas.Situation.properties.requestDate).toBeDefined();
      expect(document.paths["/api/v1/directives"].get.responses).toHaveProperty("200");
      expect(document.paths["/api/v1/directives/comparison"].get.parameters).toEqual(
        expect.arrayContaining([expect.objectContaining({ name: "from", in: "query" })]),
      );
      expect(document.paths["/api/v1/rule-parameters"].get.responses).toHaveProperty("200");
    });

    it("lists the two directive versions with their dates and clauses", async () => {
      const response = await fetch(`${server.url}/api/v1/directives`);
      expect(response.status).toBe(200);
      const { directives } = await response.json();
      expect(directives.map((directive: { reference: string }) => directive.reference)).toEqual([
        "PP_EX_CPA_2_DIR",
        "PP_SERV_ASD_2_DIR",
      ]);
      expect(directives[0]).toMatchObject({
        appliesFrom: "2021-06-01",
        appliesUntil: "2025-11-19",
        openEntitlement: false,
      });
      expect(directives[1]).toMatchObject({ appliesFrom: "2025-11-20", appliesUntil: null });
      expect(directives[1].clauses.length).toBeGreaterThan(5);
      expect(directives[1].clauses[0]).toEqual({
        id: expect.stringMatching(/^PP_SERV_ASD_2_DIR\//),
        topic: expect.any(String),
        heading: expect.any(String),
        kind: expect.stringMatching(/^(eligibility|principle)$/),
        text: expect.any(String),
        condition: expect.any(String),
      });
      expect(directives[0]).not.toHaveProperty("rules");
    });

    it("compares two versions clause by clause, and refuses an unknown reference at its query field", async () => {
      const response = await fetch(
        `${server.url}/api/v1/directives/comparison?from=PP_EX_CPA_2_DIR&to=PP_SERV_ASD_2_DIR`,
      );
      expect(response.status).toBe(200);
      const comparison = await response.json();
      expect(comparison).toMatchObject({ from: "PP_EX_CPA_2_DIR", to: "PP_SERV_ASD_2_DIR" });
      const changes = new Set(comparison.rows.map((row: { change: string }) => row.change));
      expect(changes.has("changed")).toBe(true);
      const temps = comparison.rows.find((row: { topic: string }) => row.topic === "temp_workers");
      expect(temps.to[0].id).toMatch(/^PP_SERV_ASD_2_DIR\//);
      expect(temps.segments.length).toBeGreaterThan(0);

      const unknown = await fetch(
        `${server.url}/api/v1/directives/comparison?from=PP_EX_CPA_3_DIR&to=PP_SERV_ASD_2_DIR`,
      );
      expect(unknown.status).toBe(400);
      expect(unknown.headers.get("content-type")).toMatch(PROBLEM_JSON);
      const problem = await unknown.json();
      expect(problem.errors).toEqual([
        {
          path: "/from",
          code: "UNKNOWN_DIRECTIVE",
          message:
            "Directive inconnue : « PP_EX_CPA_3_DIR ». Références connues : PP_EX_CPA_2_DIR, PP_SERV_ASD_2_DIR.",
        },
      ]);
      const missing = await fetch(`${server.url}/api/v1/directives/comparison?from=PP_EX_CPA_2_DIR`);
      expect(missing.status).toBe(400);
      expect((await missing.json()).errors).toEqual([
        expect.objectContaining({ path: "/to", code: "required" }),
      ]);
    });
  });
}
