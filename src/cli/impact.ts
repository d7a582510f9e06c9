// `appui impact --from REF --to REF [file]`: the situations whose outcome changes between two directive
// versions, with the clauses responsible; a French summary goes to stderr.
import {
  DIRECTIVES,
  type DirectiveWithRules,
  directiveByReference,
  impact,
  type Outcome,
} from "../core/rules/index.ts";
import { openInput, transformLines } from "./jsonLines.ts";
import { cliMessages, IMPACT_HELP } from "./messages.ts";
import { parseOptions, UsageError } from "./options.ts";
import { parseParameterOverrides } from "./parameters.ts";
import { readSituationLine } from "./situationLine.ts";

export async function runImpact(args: readonly string[]): Promise<number> {
  const options = parseOptions(args, { values: { from: "single", to: "single", param: "repeatable" } });
  if (options.flags.has("help")) {
    process.stdout.write(`${IMPACT_HELP.replace("REFERENCES", knownReferences())}\n`);
    return 0;
  }
  const from = directiveOption(options.values.get("from"), "--from");
  const to = directiveOption(options.values.get("to"), "--to");
  if (options.positionals.length > 1) throw new UsageError(cliMessages.tooManyFiles);
  const parameters = parseParameterOverrides(options.values.get("param") ?? []);
  const input = await openInput(options.positionals[0]);

  let read = 0;
  let changed = 0;
  let invalidLines = 0;
  const pairs = new Map<string, { from: Outcome; to: Outcome; count: number }>();
  await transformLines(input, process.stdout, (line, lineNumber) => {
    const parsed = readSituationLine(line, lineNumber);
    if (!parsed.ok) {
      invalidLines++;
      return `${JSON.stringify(parsed.record)}\n`;
    }
    read++;
    const result = impact(parsed.situation, from, to, parameters);
    if (!result.changed) return undefined;
    changed++;
    const key = `${result.from.outcome}>${result.to.outcome}`;
    const pair = pairs.get(key);
    if (pair === undefined) pairs.set(key, { from: result.from.outcome, to: result.to.outcome, count: 1 });
    else pair.count++;
    return `${JSON.stringify(result)}\n`;
  });

  const summary = [cliMessages.impactSummary(read, changed, invalidLines)];
  for (const pair of [...pairs.values()].sort((a, b) => b.count - a.count)) {
    summary.push(cliMessages.impactPair(pair.from, pair.to, pair.count));
  }
  process.stderr.write(`${summary.join("\n")}\n`);
  return invalidLines === 0 ? 0 : 2;
}

function directiveOption(values: string[] | undefined, name: string): DirectiveWithRules {
  const reference = values?.[0];
  if (reference === undefined) throw new UsageError(cliMessages.missingDirectiveOption(name));
  const directive = directiveByReference(reference);
  if (directive === undefined)
    throw new UsageError(cliMessages.unknownDirective(reference, knownReferences()));
  return directive;
}

function knownReferences(): string {
  return DIRECTIVES.map((directive) => directive.reference).join(", ");
}
