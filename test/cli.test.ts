// The `appui` command line, run as a real process (bin/appui), as a user or a script would run it.
import { spawn } from "node:child_process";
import { mkdtemp, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { validateSituation } from "../src/contracts/situation.ts";
import { evaluate } from "../src/core/rules/index.ts";
import { situationArbitrary } from "./support/situations.ts";

const APPUI = resolve(import.meta.dirname, "../bin/appui");
let workDir: string;

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), "appui-cli-"));
});
afterAll(async () => {
  await rm(workDir, { recursive: true, force: true });
});

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI from a directory outside the repository, feeding `stdin` to it. */
function appui(args: string[], stdin = "", command = APPUI): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { cwd: workDir, stdio: ["pipe", "pipe", "pipe"] });
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
    child.stdin.end(stdin);
  });
}

const jsonLines = (items: unknown[]) => `${items.map((item) => JSON.stringify(item)).join("\n")}\n`;
const parseOutput = (stdout: string) =>
  stdout
    .trimEnd()
    .split("\n")
    .map((line) => JSON.parse(line));

// An employee on a permanent contract in a private non-agricultural company of 50, behind with the rent, in
// Paris: a beneficiary under both versions (2021: any contract; 2025: contract in progress, permanent).
const employeeInArrears = (id: string, requestDate: string) => ({
  id,
  requestDate,
  person: {
    activity: "employee",
    employer: { sector: "private_non_agricultural", headcount: 50 },
    contract: { type: "permanent", start: "2019-03-01", end: null },
  },
  housing: { postcode: "75011", occupancy: "tenant" },
  situations: ["rent_arrears"],
});

// A jobseeker who left a qualifying employer on 2025-06-15 and asks on 2025-12-15, six months later:
// 2021 covers "demandeurs d'emploi ... dans les 12 mois suivants leur cessation d'activité", 2025 does not.
const jobseekerSixMonthsAfter = (id: string) => ({
  id,
  requestDate: "2025-12-15",
  person: {
    activity: "jobseeker",
    employer: { sector: "private_non_agricultural", headcount: 200 },
    activityEndDate: "2025-06-15",
  },
  housing: { postcode: "69003", occupancy: "tenant" },
  situations: ["rent_arrears"],
});

describe("appui eligibility", () => {
  it("writes one result per line, in order, with the directive chosen by the request date", async () => {
    const run = await appui(
      ["eligibility"],
      jsonLines([
        employeeInArrears("a", "2025-12-01"),
        // 2025 limits employers to the private non-agricultural sector: a public employer does not qualify.
        {
          ...employeeInArrears("b", "2025-12-01"),
          person: {
            ...employeeInArrears("b", "2025-12-01").person,
            employer: { sector: "public", headcount: 900 },
          },
        },
        employeeInArrears("c", "2023-03-01"),
        // 9 employees is below "10 salariés et plus".
        {
          ...employeeInArrears("d", "2023-03-01"),
          person: {
            ...employeeInArrears("d", "2023-03-01").person,
            employer: { sector: "private_non_agricultural", headcount: 9 },
          },
        },
      ]),
    );
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    const results = parseOutput(run.stdout);
    expect(results.map((result) => [result.id, result.directive, result.outcome])).toEqual([
      ["a", "PP_SERV_ASD_2_DIR", "eligible"],
      ["b", "PP_SERV_ASD_2_DIR", "ineligible"],
      ["c", "PP_EX_CPA_2_DIR", "eligible"],
      ["d", "PP_EX_CPA_2_DIR", "ineligible"],
    ]);
  });

  it("reports a line that is not JSON with its number, skips blank lines but counts them, and goes on", async () => {
    const input = `${JSON.stringify(employeeInArrears("first", "2025-12-01"))}\n\n   \n{"id": "broken",\n${JSON.stringify(employeeInArrears("last", "2025-12-01"))}\n`;
    const run = await appui(["eligibility"], input);
    expect(run.code).toBe(2);
    const results = parseOutput(run.stdout);
    expect(results).toHaveLength(3);
    expect(results[0].id).toBe("first");
    expect(results[1]).toEqual({
      line: 4,
      error: { code: "INVALID_JSON", message: expect.any(String), path: "" },
    });
    expect(results[1].error.message).toMatch(/JSON/);
    expect(results[2]).toMatchObject({ id: "last", outcome: "eligible" });
  });

  it("points at the faulty field with a JSON Pointer and echoes the id", async () => {
    const situation = employeeInArrears("bad-headcount", "2025-12-01");
    const broken = {
      ...situation,
      person: {
        ...situation.person,
        employer: { sector: "private_non_agricultural", headcount: "beaucoup" },
      },
    };
    const run = await appui(["eligibility"], jsonLines([broken]));
    expect(run.code).toBe(2);
    const [record] = parseOutput(run.stdout);
    expect(record.id).toBe("bad-headcount");
    expect(record.line).toBe(1);
    expect(record.error.path).toBe("/person/employer/headcount");
    expect(record.error.message.length).toBeGreaterThan(0);
  });

  it("rejects a postcode that does not exist", async () => {
    const situation = employeeInArrears("nowhere", "2025-12-01");
    const run = await appui(
      ["eligibility"],
      jsonLines([{ ...situation, housing: { postcode: "99999", occupancy: "tenant" } }]),
    );
    expect(run.code).toBe(2);
    expect(parseOutput(run.stdout)).toEqual([
      {
        id: "nowhere",
        line: 1,
        error: { code: "UNKNOWN_POSTCODE", message: expect.any(String), path: "/housing/postcode" },
      },
    ]);
  });

  it("has no directive to apply before 2021-06-01, and applies the first one on that day", async () => {
    const run = await appui(
      ["eligibility"],
      jsonLines([employeeInArrears("too-early", "2021-05-31"), employeeInArrears("first-day", "2021-06-01")]),
    );
    expect(run.code).toBe(2);
    const [early, firstDay] = parseOutput(run.stdout);
    expect(early).toMatchObject({ id: "too-early", line: 1, error: { code: "NO_DIRECTIVE_IN_FORCE" } });
    expect(firstDay).toMatchObject({ id: "first-day", directive: "PP_EX_CPA_2_DIR", outcome: "eligible" });
  });

  it("gives the same output from a file as from standard input", async () => {
    const input = `${jsonLines([employeeInArrears("x", "2024-01-10"), jobseekerSixMonthsAfter("y")])}not json\n`;
    const file = join(workDir, "situations.jsonl");
    await writeFile(file, input);
    const fromStdin = await appui(["eligibility"], input);
    const fromFile = await appui(["eligibility", file]);
    expect(fromFile.stdout).toBe(fromStdin.stdout);
    expect(fromFile.code).toBe(fromStdin.code);
    expect(parseOutput(fromFile.stdout)).toHaveLength(3);
  });

  it("explains in French, citing the clauses, one block per situation, in order", async () => {
    const run = await appui(
      ["eligibility", "--explain"],
      jsonLines([employeeInArrears("a", "2025-12-01"), employeeInArrears("b", "2023-03-01")]),
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/éligible/i);
    expect(run.stdout).not.toMatch(/"outcome"/);
    const first = run.stdout.search(/PP_SERV_ASD_2_DIR\/[\w-]+\/\d+/);
    const second = run.stdout.search(/PP_EX_CPA_2_DIR\/[\w-]+\/\d+/);
    expect(first).toBeGreaterThanOrEqual(0);
    expect(second).toBeGreaterThan(first);
    expect(run.stdout.slice(0, second)).toMatch(/\n\n/);
  });

  it("uses a temp worker hours threshold given with --param", async () => {
    // A two-month mission: under 2025 the temp worker qualifies only with enough mission hours (default 414).
    const tempWorker = {
      id: "interim",
      requestDate: "2025-12-01",
      person: {
        activity: "temp_worker",
        employer: { sector: "private_non_agricultural", headcount: 3000 },
        contract: { type: "temp_mission", start: "2025-11-01", end: "2025-12-31" },
        tempHoursLast12Months: 300,
      },
      housing: { postcode: "13001", occupancy: "tenant" },
      situations: ["rent_arrears"],
    };
    const byDefault = await appui(["eligibility"], jsonLines([tempWorker]));
    const lowered = await appui(
      ["eligibility", "--param", "tempWorkerMinHours=300"],
      jsonLines([tempWorker]),
    );
    expect(parseOutput(byDefault.stdout)[0].outcome).toBe("ineligible");
    expect(parseOutput(lowered.stdout)[0].outcome).toBe("eligible");
    const refused = await appui(["eligibility", "--param", "tempWorkerMinHours=beaucoup"], "");
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/tempWorkerMinHours/);
  });
});

describe("appui impact", () => {
  it("lists the situations whose outcome changes between 2021 and 2025, with the clauses responsible", async () => {
    const run = await appui(
      ["impact", "--from", "PP_EX_CPA_2_DIR", "--to", "PP_SERV_ASD_2_DIR"],
      jsonLines([employeeInArrears("stays", "2025-12-15"), jobseekerSixMonthsAfter("changes")]),
    );
    expect(run.code).toBe(0);
    const results = parseOutput(run.stdout);
    expect(results).toHaveLength(1);
    expect(results[0]).toMatchObject({
      id: "changes",
      changed: true,
      from: { directive: "PP_EX_CPA_2_DIR", outcome: "eligible" },
      to: { directive: "PP_SERV_ASD_2_DIR", outcome: "ineligible" },
    });
    expect(results[0].clauses.some((clause: string) => clause.startsWith("PP_EX_CPA_2_DIR/"))).toBe(true);
    expect(run.stderr).toMatch(/2 situations lues, 1 change d'issue/);
    expect(run.stderr).toMatch(/éligible → non éligible : 1/);
  });

  it("refuses an unknown directive reference", async () => {
    const run = await appui(["impact", "--from", "PP_EX_CPA_2_DIR", "--to", "PP_SERV_ASD_9_DIR"], "");
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/Directive inconnue : « PP_SERV_ASD_9_DIR »/);
    expect(run.stdout).toBe("");
  });
});

describe("appui usage", () => {
  it("prints its help, also through an npm-style bin symlink", async () => {
    const link = join(workDir, "appui-link");
    await symlink(APPUI, link);
    const run = await appui(["--help"], "", link);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/eligibility/);
    expect(run.stdout).toMatch(/Commandes/);
  });

  it("explains unknown commands and options in French with exit status 2", async () => {
    const command = await appui(["eligibilty"]);
    expect(command.code).toBe(2);
    expect(command.stderr).toMatch(/Commande inconnue : « eligibilty »/);
    const option = await appui(["eligibility", "--explian"]);
    expect(option.code).toBe(2);
    expect(option.stderr).toMatch(/Option inconnue : « --explian »/);
  });
});

describe("results are identical in the CLI and the module", () => {
  it("prints exactly what evaluate returns, line by line", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(situationArbitrary, { minLength: 1, maxLength: 40 }), async (situations) => {
        const run = await appui(["eligibility"], jsonLines(situations));
        const expected = situations.map((input, index) => {
          const validation = validateSituation(input);
          if (!validation.ok) return { id: input.id, line: index + 1, error: validation.errors[0] };
          return evaluate(validation.situation);
        });
        expect(parseOutput(run.stdout)).toEqual(expected);
        expect(run.code).toBe(expected.some((result) => "error" in result) ? 2 : 0);
      }),
      { numRuns: 4, seed: 20251120 },
    );
  });
});
