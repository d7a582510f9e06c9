// `appui parameters list|history|set`: the dated rule parameters kept in the database (same variables as
// `npm start`: DATABASE_URL, or PGlite under DATA_DIR). Recording a value appends to the history; it never
// changes an earlier row. Until the HTTP API has its administrator role, this is how a value is changed.
// The use cases (and the database code) are imported only once the arguments are checked, so that a mistake
// is refused at once.
import {
  isCalendarDate,
  parameterValueProblem,
  RULE_PARAMETER_DEFINITIONS,
  type RuleParameterKey,
} from "../core/rules/index.ts";
import { SYSTEM_CALLER } from "../services/caller.ts";
import type { ServiceContext } from "../services/context.ts";
import { DomainError } from "../services/errors.ts";
import type { ParameterRecord } from "../services/parameters/index.ts";
import { withServiceContext } from "./configuredDatabase.ts";
import { cliMessages, PARAMETERS_HELP } from "./messages.ts";
import { parseOptions, UsageError } from "./options.ts";
import { describeParameters } from "./parameters.ts";

const NEGATIVE_NUMBER = /^-\d/;
const SHIELD = "\u0000";
const KEYS = RULE_PARAMETER_DEFINITIONS.map((definition) => definition.key);

export async function runParametersCommand(args: string[]): Promise<number> {
  const [subcommand, ...rest] = args;
  if (subcommand === undefined || subcommand === "--help" || subcommand === "-h") {
    if (subcommand === undefined) {
      process.stderr.write(`${cliMessages.missingParametersSubcommand}\n\n${helpText()}\n`);
      return 2;
    }
    return help();
  }
  if (subcommand === "list") return list(rest);
  if (subcommand === "history") return history(rest);
  if (subcommand === "set") return set(rest);
  throw new UsageError(cliMessages.unknownParametersSubcommand(subcommand));
}

async function list(args: string[]): Promise<number> {
  const options = parseOptions(args, { values: { date: "single" }, flags: ["json"] });
  if (options.flags.has("help")) return help();
  if (options.positionals.length > 0)
    throw new UsageError(cliMessages.unexpectedArgument(options.positionals[0] ?? ""));
  const given = options.values.get("date")?.[0];
  if (given !== undefined && !isCalendarDate(given)) {
    throw new UsageError(cliMessages.invalidParameterDate("--date", given));
  }
  return withServices(async (context, parameters) => {
    const { date, values, appliesFrom } = await parameters.ruleParametersOn(context, given);
    const rows = RULE_PARAMETER_DEFINITIONS.map((definition) => ({
      ...definition,
      value: values[definition.key],
      appliesFrom: appliesFrom[definition.key],
    }));
    if (options.flags.has("json")) {
      process.stdout.write(`${JSON.stringify({ date, parameters: rows })}\n`);
      return 0;
    }
    process.stdout.write(`${cliMessages.parametersInForceOn(date)}\n`);
    for (const row of rows) {
      process.stdout.write(
        `${cliMessages.parameterLine(row.key, row.value, row.unit, row.appliesFrom)}\n` +
          `  ${cliMessages.parameterDefinitionLine(row.label, row.min, row.max, row.default, row.clause)}\n`,
      );
    }
    return 0;
  });
}

async function history(args: string[]): Promise<number> {
  const options = parseOptions(args, { flags: ["json"] });
  if (options.flags.has("help")) return help();
  if (options.positionals.length > 1)
    throw new UsageError(cliMessages.unexpectedArgument(options.positionals[1] ?? ""));
  const key = options.positionals[0];
  if (key !== undefined) checkKey(key);
  return withServices(async (context, parameters) => {
    const records = await parameters.parameterHistoryOf(context, key);
    if (options.flags.has("json")) {
      for (const record of records) process.stdout.write(`${JSON.stringify(recordJson(record))}\n`);
      return 0;
    }
    if (records.length === 0) {
      process.stdout.write(`${cliMessages.emptyParameterHistory}\n`);
      return 0;
    }
    for (const record of records) {
      process.stdout.write(
        `${cliMessages.historyLine(record.appliesFrom, record.key, record.value, record.recordedAt.toISOString(), record.reason)}\n`,
      );
    }
    return 0;
  });
}

async function set(args: string[]): Promise<number> {
  // A negative value (-3) is a value to refuse with its reason, not an unknown option: shield it from the
  // option parser, which treats every word starting with "-" as an option.
  const shielded = args.map((arg) => (NEGATIVE_NUMBER.test(arg) ? `${SHIELD}${arg}` : arg));
  const options = parseOptions(shielded, { values: { from: "single", reason: "single" } });
  if (options.flags.has("help")) return help();
  const unshield = (text: string | undefined) => text?.replace(SHIELD, "");
  for (const [name, values] of options.values)
    options.values.set(
      name,
      values.map((text) => unshield(text) ?? text),
    );
  const [key, rawValue, ...extra] = options.positionals.map((text) => unshield(text) ?? text);
  if (key === undefined || rawValue === undefined) throw new UsageError(cliMessages.setNeedsKeyAndValue);
  if (extra.length > 0) throw new UsageError(cliMessages.unexpectedArgument(extra[0] ?? ""));
  checkKey(key);
  const from = options.values.get("from")?.[0];
  if (from === undefined) throw new UsageError(cliMessages.missingOption("--from"));
  if (!isCalendarDate(from)) throw new UsageError(cliMessages.invalidParameterDate("--from", from));
  const reason = options.values.get("reason")?.[0];
  if (reason === undefined || reason.trim() === "")
    throw new UsageError(cliMessages.missingOption("--reason"));
  // A strict decimal number: Number("") is 0 and Number("0x10") is 16, neither is meant.
  const value = /^-?\d+(\.\d+)?$/.test(rawValue.trim()) ? Number(rawValue) : Number.NaN;
  // Checked before opening the database, so that a wrong value is refused even without one.
  const problem = parameterValueProblem(key, value);
  if (problem !== undefined) throw new UsageError(cliMessages.parameterRefused(key, rawValue, problem));
  return withServices(async (context, parameters) => {
    try {
      // Audited like the users command: the trail keeps who changed a rule's value, even from a shell.
      const record = await parameters.recordParameterValue(
        context,
        SYSTEM_CALLER,
        { key, value, appliesFrom: from, reason },
        "cli",
      );
      const unit = RULE_PARAMETER_DEFINITIONS.find((definition) => definition.key === key)?.unit ?? "";
      process.stdout.write(
        `${cliMessages.parameterRecorded(record.key, record.value, unit, record.appliesFrom)}\n`,
      );
      return 0;
    } catch (error) {
      const issue = error instanceof DomainError ? error.issues[0] : undefined;
      if (issue === undefined) throw error;
      throw new UsageError(cliMessages.parameterRefused(key, rawValue, issue.message));
    }
  });
}

function helpText(): string {
  return PARAMETERS_HELP.replace("PARAMETERS", describeParameters());
}

function help(): number {
  process.stdout.write(`${helpText()}\n`);
  return 0;
}

function checkKey(key: string): asserts key is RuleParameterKey {
  if (!(KEYS as string[]).includes(key))
    throw new UsageError(cliMessages.unknownParameter(key, KEYS.join(", ")));
}

function recordJson(record: ParameterRecord) {
  return {
    key: record.key,
    value: record.value,
    appliesFrom: record.appliesFrom,
    recordedAt: record.recordedAt.toISOString(),
    recordedByUserId: record.recordedByUserId,
    reason: record.reason,
  };
}

type ParameterUseCases = typeof import("../services/parameters/index.ts");

/** Runs `work` on the configured database with the parameters' use cases, both loaded on demand. */
function withServices(
  work: (context: ServiceContext, parameters: ParameterUseCases) => Promise<number>,
): Promise<number> {
  return withServiceContext(async (context) =>
    work(context, await import("../services/parameters/index.ts")),
  );
}
