// `appui eligibility [file] [--explain] [--param key=value]`: one result per JSON Lines situation, in order.
import {
  type EligibilityResult,
  evaluate,
  explain,
  NoDirectiveInForceError,
  type RuleParameters,
} from "../core/rules/index.ts";
import { openInput, transformLines } from "./jsonLines.ts";
import { cliMessages, ELIGIBILITY_HELP } from "./messages.ts";
import { parseOptions, UsageError } from "./options.ts";
import { describeParameters, parseParameterOverrides } from "./parameters.ts";
import { type LineErrorRecord, lineErrorRecord, readSituationLine } from "./situationLine.ts";

export async function runEligibility(args: readonly string[]): Promise<number> {
  const options = parseOptions(args, { values: { param: "repeatable" }, flags: ["explain"] });
  if (options.flags.has("help")) {
    process.stdout.write(`${ELIGIBILITY_HELP.replace("PARAMETERS", describeParameters())}\n`);
    return 0;
  }
  if (options.positionals.length > 1) throw new UsageError(cliMessages.tooManyFiles);
  const parameters = parseParameterOverrides(options.values.get("param") ?? []);
  const explainMode = options.flags.has("explain");
  const input = await openInput(options.positionals[0]);

  let invalidLines = 0;
  let blocks = 0;
  await transformLines(input, process.stdout, (line, lineNumber) => {
    const read = evaluateLine(line, lineNumber, parameters);
    if (!read.ok) invalidLines++;
    if (!explainMode) return `${JSON.stringify(read.ok ? read.result : read.record)}\n`;
    const block = read.ok ? explain(read.result) : explainError(read.record);
    return `${blocks++ === 0 ? "" : "\n"}${block.trimEnd()}\n`;
  });
  return invalidLines === 0 ? 0 : 2;
}

type EvaluatedLine = { ok: true; result: EligibilityResult } | { ok: false; record: LineErrorRecord };

function evaluateLine(
  line: string,
  lineNumber: number,
  parameters: RuleParameters | undefined,
): EvaluatedLine {
  const read = readSituationLine(line, lineNumber);
  if (!read.ok) return read;
  try {
    return { ok: true, result: evaluate(read.situation, parameters) };
  } catch (error) {
    // validateSituation already rejects such dates; this keeps the two modules' checks from drifting apart.
    if (!(error instanceof NoDirectiveInForceError)) throw error;
    const message = cliMessages.noDirectiveInForce(read.situation.requestDate);
    const record = lineErrorRecord(read.situation.id, lineNumber, {
      code: "NO_DIRECTIVE_IN_FORCE",
      message,
      path: "/requestDate",
    });
    return { ok: false, record };
  }
}

function explainError(record: LineErrorRecord): string {
  return cliMessages.explainedLineError(record.line, record.error.message, record.error.path);
}
