// `npm run bench:rules [-- --quick] [-- --continue-on-disagreement]`
// Evaluations per second of the rules engine with reasons, of the same rules in Publicodes and of a bare
// function, on the same generated situations, after checking that the three agree on every outcome; then
// the CLI's throughput and peak memory on as many JSON Lines. Targets from issue 4; exit status 1 on a
// disagreement or a missed target.
import { validateSituation } from "../src/contracts/situation.ts";
import { evaluate, type Outcome, type Situation } from "../src/core/rules/index.ts";
import { bareOutcome } from "./bare.ts";
import { measureCli } from "./cliRun.ts";
import { createSituationGenerator } from "./generate.ts";
import { createPublicodesEvaluator } from "./publicodes.ts";

const args = new Set(process.argv.slice(2));
const quick = args.has("--quick");
const continueOnDisagreement = args.has("--continue-on-disagreement");
const COUNT = quick ? 50_000 : 1_000_000;
const PUBLICODES_SAMPLE = quick ? 2_000 : 20_000;
const SEED = 20251120;
const TARGETS = { engineOverPublicodes: 1000, engineOverBare: 0.25, cliPeakMegabytes: 200 };

const OUTCOME_CODES: Record<Outcome, number> = { eligible: 1, ineligible: 2, review: 3, incomplete: 4 };
const format = (value: number, digits = 0) =>
  value.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });
const verdict = (pass: boolean) => (pass ? "PASS" : "MISS");
let failed = false;

console.log(`Rules benchmark: ${format(COUNT)} situations (seed ${SEED})${quick ? ", quick run" : ""}`);

// 1. Generate and validate: every generated situation must be valid input.
let started = performance.now();
const generate = createSituationGenerator(SEED);
const situations: Situation[] = new Array(COUNT);
for (let index = 0; index < COUNT; index++) situations[index] = generate(index);
console.log(`generated in ${format((performance.now() - started) / 1000, 1)} s`);
started = performance.now();
const invalid: string[] = [];
for (const situation of situations) {
  const validation = validateSituation(situation);
  if (!validation.ok && invalid.length < 5)
    invalid.push(`${JSON.stringify(situation)}\n    ${JSON.stringify(validation.errors[0])}`);
}
if (invalid.length > 0) {
  console.log(`generator produced invalid situations (first ${invalid.length}):\n  ${invalid.join("\n  ")}`);
  process.exit(1);
}
console.log(`validated in ${format((performance.now() - started) / 1000, 1)} s`);

// 2. Agreement: bare vs engine on every situation, Publicodes vs engine on the sample.
const sample = situations.slice(0, PUBLICODES_SAMPLE);
const publicodes = createPublicodesEvaluator();
const distribution = new Map<string, number>();
function compare(name: string, list: readonly Situation[], other: (situation: Situation) => Outcome): number {
  const differences: string[] = [];
  let count = 0;
  for (const situation of list) {
    const result = evaluate(situation);
    const theirs = other(situation);
    if (name === "bare") {
      const key = `${result.directive} ${result.outcome}`;
      distribution.set(key, (distribution.get(key) ?? 0) + 1);
    }
    if (result.outcome === theirs) continue;
    count++;
    if (differences.length < 5) {
      differences.push(
        `${JSON.stringify(situation)}\n    engine: ${result.outcome} (missing ${JSON.stringify(result.missing)}; ` +
          `${result.reasons.map((reason) => `${reason.clause}=${reason.status}`).join(", ")})\n    ${name}: ${theirs}`,
      );
    }
  }
  console.log(
    `check ${name} vs engine on ${format(list.length)} situations: ${count === 0 ? "agree" : `${format(count)} DISAGREE`}`,
  );
  if (differences.length > 0) console.log(`  first differences:\n  ${differences.join("\n  ")}`);
  return count;
}
const disagreements =
  compare("bare", situations, (situation) => bareOutcome(situation)) +
  compare("publicodes", sample, publicodes);
console.log(
  `outcomes: ${[...distribution.entries()]
    .sort()
    .map(([key, count]) => `${key} ${format((100 * count) / COUNT, 1)}%`)
    .join(", ")}`,
);
if (disagreements > 0) {
  failed = true;
  if (!continueOnDisagreement) {
    console.log("implementations disagree: a directive has been read two ways; not timing.");
    process.exit(1);
  }
}

// 3. Timing. Every outcome goes into a checksum so that no evaluation can be optimised away.
// The engine and the bare function are timed in alternating passes and each keeps its best: on a shared
// machine, load that comes and goes then weighs on both alike instead of on whichever ran during it. Before
// each pass the garbage of earlier phases is collected (when run with --expose-gc, as `npm run bench:rules`
// does), so that a major collection of the million generated situations is not billed to the pass that
// happens to trigger it; the engine's own garbage (its results) still counts in its time.
let checksum = 0;
const collectGarbage = (globalThis as { gc?: () => void }).gc;
function time(list: readonly Situation[], evaluateOne: (situation: Situation) => Outcome): number {
  collectGarbage?.();
  const begin = performance.now();
  for (let index = 0; index < list.length; index++) {
    checksum = (checksum * 31 + OUTCOME_CODES[evaluateOne(list[index] as Situation)] + index) | 0;
  }
  return list.length / ((performance.now() - begin) / 1000);
}
const withEngine = (situation: Situation) => evaluate(situation).outcome;
const withBare = (situation: Situation) => bareOutcome(situation);
// Warm-up: the agreement pass above already ran every implementation; one more short pass each before timing.
time(situations.slice(0, 50_000), withEngine);
time(situations.slice(0, 50_000), withBare);
time(sample.slice(0, 500), publicodes);
const ROUNDS = 4;
let engineRate = 0;
let bareRate = 0;
for (let round = 0; round < ROUNDS; round++) {
  engineRate = Math.max(engineRate, time(situations, withEngine));
  bareRate = Math.max(bareRate, time(situations, withBare));
}
const publicodesRate = time(sample, publicodes);
const overPublicodes = engineRate / publicodesRate;
const overBare = engineRate / bareRate;
console.log(
  `engine (evaluate, with reasons): ${format(engineRate)} evaluations/s (best of ${ROUNDS} passes alternating with the bare function${collectGarbage === undefined ? ", run without --expose-gc" : ""})`,
);
console.log(
  `publicodes (setSituation + evaluate, ${format(sample.length)} sample): ${format(publicodesRate)} evaluations/s`,
);
console.log(`bare function (outcome only): ${format(bareRate)} evaluations/s`);
console.log(
  `engine / publicodes = ${format(overPublicodes)}x (target >= ${TARGETS.engineOverPublicodes}x) ${verdict(overPublicodes >= TARGETS.engineOverPublicodes)}`,
);
console.log(
  `engine / bare = ${format(overBare, 3)}x (target >= ${TARGETS.engineOverBare}x) ${verdict(overBare >= TARGETS.engineOverBare)}`,
);
console.log(`(checksum ${checksum})`);
if (overPublicodes < TARGETS.engineOverPublicodes || overBare < TARGETS.engineOverBare) failed = true;

// 4. The CLI on as many JSON Lines, streamed through a pipe.
const cli = await measureCli(COUNT, (index) => situations[index] as Situation);
const megabytes = cli.peakResidentBytes / (1024 * 1024);
const cliOk = cli.exitCode === 0 && cli.outputLines === cli.lines;
console.log(
  `CLI bin/appui eligibility: ${format(cli.lines)} lines in ${format(cli.seconds, 1)} s = ${format(cli.lines / cli.seconds)} lines/s, ` +
    `${format(cli.outputLines)} results, exit ${cli.exitCode}${cliOk ? "" : " UNEXPECTED"}`,
);
if (cli.stderr !== "") console.log(`  CLI stderr: ${cli.stderr.slice(0, 500)}`);
console.log(
  `CLI peak resident memory: ${format(megabytes, 1)} MB (target < ${TARGETS.cliPeakMegabytes} MB) ${verdict(megabytes < TARGETS.cliPeakMegabytes)}`,
);
if (!cliOk || megabytes >= TARGETS.cliPeakMegabytes) failed = true;

process.exit(failed ? 1 : 0);
