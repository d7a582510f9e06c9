// Dated rule parameters: the use case and the repository, the public route, their effect on POST
// /api/v1/eligibility, over real HTTP on a real database (once per kind); and `appui parameters` as a real
// process on PGlite.
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { evaluate, type Situation } from "../src/core/rules/index.ts";
import { migrate } from "../src/db/migrate.ts";
import { parameterHistory, parametersInForce } from "../src/db/ruleParameters.ts";
import { SYSTEM_CALLER } from "../src/services/caller.ts";
import { DomainError } from "../src/services/errors.ts";
import { recordParameterValue } from "../src/services/parameters/index.ts";
import { DATABASE_KINDS, suiteName, type TestDatabase } from "./support/databases.ts";
import { type RunningServer, startServer } from "./support/server.ts";

const PROBLEM_JSON = /^application\/problem\+json/;

// A temp worker on a two-month mission with 500 mission hours over twelve months, behind with the rent in
// Paris: under the 2025 directive, a beneficiary when the minimum is 414 hours, not when it is 600.
const tempWorker = (requestDate: string, missionStart: string, missionEnd: string): Situation => ({
  id: `temp-${requestDate}`,
  requestDate,
  person: {
    activity: "temp_worker",
    employer: { sector: "private_non_agricultural", headcount: 80 },
    contract: { type: "temp_mission", start: missionStart, end: missionEnd },
    tempHoursLast12Months: 500,
  },
  housing: { postcode: "75011", occupancy: "tenant" },
  situations: ["rent_arrears"],
});
const DECEMBER_2025 = tempWorker("2025-12-15", "2025-12-01", "2026-01-31");
const FEBRUARY_2026 = tempWorker("2026-02-16", "2026-02-02", "2026-03-31");

for (const kind of DATABASE_KINDS) {
  describe.skipIf(kind.skipReason !== undefined)(suiteName(kind, "Rule parameters"), () => {
    let database: TestDatabase;
    let server: RunningServer;

    beforeAll(async () => {
      database = await kind.open();
      await migrate(database.db);
      server = await startServer(database.db, {
        rateLimits: { eligibility: { max: 10_000, timeWindow: "1 minute" } },
      });
    });

    afterAll(async () => {
      await server?.close();
      await database?.dispose();
    });

    const evaluateOverHttp = async (body: unknown) => {
      const response = await fetch(`${server.url}/api/v1/eligibility`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      expect(response.status).toBe(200);
      return response.json();
    };

    it("serves the definitions, the default values and an empty history before any change", async () => {
      const response = await fetch(`${server.url}/api/v1/rule-parameters`);
      expect(response.status).toBe(200);
      const body = await response.json();
      expect(body.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(body.values).toEqual({ tempWorkerMinHours: 414 });
      expect(body.history).toEqual([]);
      expect(body.definitions).toEqual([
        {
          key: "tempWorkerMinHours",
          label: expect.stringMatching(/intérimaires/),
          unit: "heures",
          default: 414,
          min: 0,
          max: 8784,
          integer: true,
          clause: "PP_SERV_ASD_2_DIR/beneficiaires/2",
        },
      ]);
      expect(await parametersInForce(database.db, "2026-02-16")).toEqual({ tempWorkerMinHours: 414 });
      const { results } = await evaluateOverHttp({ situations: [DECEMBER_2025, FEBRUARY_2026] });
      expect(results.map((result: { outcome: string }) => result.outcome)).toEqual(["eligible", "eligible"]);
    });

    it("refuses values outside the definition, with a French reason, and records nothing", async () => {
      const attempts: [Record<string, unknown>, string, RegExp][] = [
        [{ value: -1 }, "value", /comprise entre 0 et 8784 \(heures\)/],
        [{ value: 1.5 }, "value", /nombre entier/],
        [{ value: 99_999 }, "value", /comprise entre 0 et 8784/],
        [{ value: "450" }, "value", /doit être un nombre/],
        [{ key: "tempWorkerMaxHours" }, "key", /Paramètre inconnu : « tempWorkerMaxHours »/],
        [{ appliesFrom: "2026-02-30" }, "appliesFrom", /Date d'application invalide/],
        [{ reason: "   " }, "reason", /motif/],
      ];
      for (const [change, field, message] of attempts) {
        const attempt = recordParameterValue(server.app.services, SYSTEM_CALLER, {
          key: "tempWorkerMinHours",
          value: 450,
          appliesFrom: "2026-01-01",
          reason: "Essai",
          ...change,
        });
        await expect(attempt).rejects.toBeInstanceOf(DomainError);
        await expect(attempt).rejects.toMatchObject({
          issues: [
            { path: `/${field}`, code: "INVALID_PARAMETER_VALUE", message: expect.stringMatching(message) },
          ],
        });
      }
      expect(await parameterHistory(database.db)).toEqual([]);
    });

    it("applies a value from its date on: a 2026 evaluation uses it and records it, a 2025 one does not", async () => {
      const recorded = await recordParameterValue(server.app.services, SYSTEM_CALLER, {
        key: "tempWorkerMinHours",
        value: 600,
        appliesFrom: "2026-01-01",
        reason: "Décision du conseil d'administration",
      });
      expect(recorded).toMatchObject({ key: "tempWorkerMinHours", value: 600, appliesFrom: "2026-01-01" });

      const { results } = await evaluateOverHttp({ situations: [DECEMBER_2025, FEBRUARY_2026] });
      expect(results[0]).toMatchObject({ outcome: "eligible", parameters: { tempWorkerMinHours: 414 } });
      expect(results[1]).toMatchObject({ outcome: "ineligible", parameters: { tempWorkerMinHours: 600 } });
      // Exactly the module's answer with the parameters in force on each date.
      expect(results).toEqual([
        JSON.parse(JSON.stringify(evaluate(DECEMBER_2025))),
        JSON.parse(JSON.stringify(evaluate(FEBRUARY_2026, { tempWorkerMinHours: 600 }))),
      ]);
      const single = await evaluateOverHttp(FEBRUARY_2026);
      expect(single).toEqual(results[1]);
      expect(single.reasons.map((reason: { clause: string }) => reason.clause)).toContain(
        "PP_SERV_ASD_2_DIR/beneficiaires/2",
      );

      expect(await parametersInForce(database.db, "2025-12-31")).toEqual({ tempWorkerMinHours: 414 });
      expect(await parametersInForce(database.db, "2026-01-01")).toEqual({ tempWorkerMinHours: 600 });
    });

    it("keeps every value in the history; a later record for the same date supersedes without erasing", async () => {
      await recordParameterValue(server.app.services, SYSTEM_CALLER, {
        key: "tempWorkerMinHours",
        value: 450,
        appliesFrom: "2026-01-01",
        reason: "Correction : 450 heures",
      });
      await recordParameterValue(server.app.services, SYSTEM_CALLER, {
        key: "tempWorkerMinHours",
        value: 380,
        appliesFrom: "2030-01-01",
        reason: "Valeur future",
      });
      const history = await parameterHistory(database.db, "tempWorkerMinHours");
      expect(history.map((record) => [record.appliesFrom, record.value])).toEqual([
        ["2026-01-01", 600],
        ["2026-01-01", 450],
        ["2030-01-01", 380],
      ]);
      expect(await parametersInForce(database.db, "2026-06-01")).toEqual({ tempWorkerMinHours: 450 });
      expect(await parametersInForce(database.db, "2030-01-01")).toEqual({ tempWorkerMinHours: 380 });

      const response = await fetch(`${server.url}/api/v1/rule-parameters?date=2026-06-01`);
      expect(response.status).toBe(200);
      const body = await response.json();
      expect(body.values).toEqual({ tempWorkerMinHours: 450 });
      expect(body.history).toEqual([
        {
          key: "tempWorkerMinHours",
          value: 600,
          appliesFrom: "2026-01-01",
          recordedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
          reason: "Décision du conseil d'administration",
        },
        expect.objectContaining({ value: 450, reason: "Correction : 450 heures" }),
        expect.objectContaining({ value: 380, appliesFrom: "2030-01-01" }),
      ]);
      // Today's values: the 2026 correction, not the future one.
      const today = await (await fetch(`${server.url}/api/v1/rule-parameters`)).json();
      expect(today.values.tempWorkerMinHours).toBe(today.date >= "2030-01-01" ? 380 : 450);

      const invalid = await fetch(`${server.url}/api/v1/rule-parameters?date=2026-13-01`);
      expect(invalid.status).toBe(400);
      expect(invalid.headers.get("content-type")).toMatch(PROBLEM_JSON);
      expect((await invalid.json()).errors).toEqual([
        expect.objectContaining({ path: "/date", code: "INVALID_DATE" }),
      ]);
    });

    it("offers no way to change a value over HTTP without an account", async () => {
      for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
        const response = await fetch(`${server.url}/api/v1/rule-parameters`, {
          method,
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ key: "tempWorkerMinHours", value: 1, appliesFrom: "2026-01-01" }),
        });
        expect(response.status).toBeGreaterThanOrEqual(400);
        expect(response.status).toBeLessThan(500);
      }
      expect(await parameterHistory(database.db)).toHaveLength(3);
    });
  });
}

// Each run opens the embedded database in a new process: seconds each on a busy machine.
describe("appui parameters", { timeout: 300_000 }, () => {
  const APPUI = resolve(import.meta.dirname, "../bin/appui");
  let dataDir: string;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), "appui-parameters-"));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  /** Runs bin/appui on a fresh embedded database in `dataDir`. */
  const appui = (args: string[]) =>
    new Promise<{ code: number | null; stdout: string; stderr: string }>((done, fail) => {
      const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: "silent" };
      delete env.DATABASE_URL;
      const child = spawn(APPUI, args, { cwd: dataDir, env, stdio: ["ignore", "pipe", "pipe"] });
      let stdout = "";
      let stderr = "";
      child.stdout.setEncoding("utf8").on("data", (text: string) => {
        stdout += text;
      });
      child.stderr.setEncoding("utf8").on("data", (text: string) => {
        stderr += text;
      });
      child.on("error", fail);
      child.on("close", (code) => done({ code, stdout, stderr }));
    });

  it("asks for the migrations on a database that has none", async () => {
    const run = await appui(["parameters", "list"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/appui db migrate/);
  });

  it("lists the defaults, records values, lists the new one and keeps both in the history", async () => {
    expect((await appui(["db", "migrate"])).code).toBe(0);

    const before = await appui(["parameters", "list"]);
    expect(before.code).toBe(0);
    expect(before.stdout).toMatch(/tempWorkerMinHours = 414 heures \(valeur par défaut\)/);

    const first = await appui([
      "parameters",
      "set",
      "tempWorkerMinHours",
      "600",
      "--from",
      "2026-01-01",
      "--reason",
      "Décision du conseil d'administration",
    ]);
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(
      /Valeur enregistrée : tempWorkerMinHours = 600 heures, à partir du 2026-01-01/,
    );
    const second = await appui([
      "parameters",
      "set",
      "tempWorkerMinHours",
      "450",
      "--from=2026-03-01",
      "--reason=Révision",
    ]);
    expect(second.code).toBe(0);

    const list = await appui(["parameters", "list", "--date", "2026-02-01"]);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/Paramètres en vigueur le 2026-02-01/);
    expect(list.stdout).toMatch(/tempWorkerMinHours = 600 heures \(depuis le 2026-01-01\)/);
    const json = await appui(["parameters", "list", "--date", "2026-03-01", "--json"]);
    expect(JSON.parse(json.stdout).parameters[0]).toMatchObject({ value: 450, appliesFrom: "2026-03-01" });

    const history = await appui(["parameters", "history"]);
    expect(history.code).toBe(0);
    const lines = history.stdout.trimEnd().split("\n");
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(
      /^2026-01-01 {2}tempWorkerMinHours = 600 .*Décision du conseil d'administration$/,
    );
    expect(lines[1]).toMatch(/^2026-03-01 {2}tempWorkerMinHours = 450 .*Révision$/);
    const jsonHistory = await appui(["parameters", "history", "tempWorkerMinHours", "--json"]);
    expect(
      jsonHistory.stdout
        .trimEnd()
        .split("\n")
        .map((line) => JSON.parse(line).value),
    ).toEqual([600, 450]);
  });

  it("refuses bad input with exit status 2 and a French message, recording nothing", async () => {
    const cases: [string[], RegExp][] = [
      [
        ["set", "tempWorkerMinHours", "-5", "--from", "2026-01-01", "--reason", "x"],
        /comprise entre 0 et 8784/,
      ],
      [["set", "tempWorkerMinHours", "1.5", "--from", "2026-01-01", "--reason", "x"], /nombre entier/],
      [
        ["set", "tempWorkerMinHours", "99999", "--from", "2026-01-01", "--reason", "x"],
        /comprise entre 0 et 8784/,
      ],
      [
        ["set", "tempWorkerMinHours", "beaucoup", "--from", "2026-01-01", "--reason", "x"],
        /doit être un nombre/,
      ],
      [
        ["set", "tempWorkerMinHours", "500", "--from", "2026-02-30", "--reason", "x"],
        /Date invalide pour « --from »/,
      ],
      [["set", "tempWorkerMinHours", "500", "--reason", "x"], /« --from » est obligatoire/],
      [["set", "tempWorkerMinHours", "500", "--from", "2026-01-01"], /« --reason » est obligatoire/],
      [["set", "heures", "500", "--from", "2026-01-01", "--reason", "x"], /Paramètre inconnu : « heures »/],
      [["set", "tempWorkerMinHours"], /Indiquez le paramètre et sa valeur/],
      [["rename"], /Sous-commande inconnue : « rename »/],
    ];
    // None of them opens the database: they can run side by side.
    const runs = await Promise.all(cases.map(([args]) => appui(["parameters", ...args])));
    for (const [index, [args, message]] of cases.entries()) {
      expect(runs[index]?.code, args.join(" ")).toBe(2);
      expect(runs[index]?.stderr).toMatch(message);
    }
    const history = await appui(["parameters", "history", "--json"]);
    expect(history.stdout.trimEnd().split("\n")).toHaveLength(2);
  });

  it("is listed in the general help and has its own", async () => {
    const general = await appui(["--help"]);
    expect(general.stdout).toMatch(/parameters list\|history\|set/);
    const own = await appui(["parameters", "--help"]);
    expect(own.code).toBe(0);
    expect(own.stdout).toMatch(/--from AAAA-MM-JJ --reason/);
    expect(own.stdout).toMatch(/tempWorkerMinHours \(/);
  });
});
