// Command-line option parsing with French error messages (node:util parseArgs reports errors in English).
import { cliMessages } from "./messages.ts";

export class UsageError extends Error {}

export interface OptionSpec {
  /** Options that take a value; "repeatable" ones may be given several times. */
  values?: Record<string, "single" | "repeatable">;
  flags?: readonly string[];
}

export interface ParsedOptions {
  values: Map<string, string[]>;
  flags: Set<string>;
  positionals: string[];
}

/** Parses `--name value`, `--name=value`, boolean `--flag`, `-h`; `--` ends the options; `-` is a positional. */
export function parseOptions(args: readonly string[], spec: OptionSpec): ParsedOptions {
  const valueKinds = spec.values ?? {};
  const flags = new Set<string>(["help", ...(spec.flags ?? [])]);
  const parsed: ParsedOptions = { values: new Map(), flags: new Set(), positionals: [] };
  for (let index = 0; index < args.length; index++) {
    const arg = args[index] as string;
    if (arg === "--") {
      parsed.positionals.push(...args.slice(index + 1));
      break;
    }
    if (arg === "-h") {
      parsed.flags.add("help");
      continue;
    }
    if (!arg.startsWith("-") || arg === "-") {
      parsed.positionals.push(arg);
      continue;
    }
    if (!arg.startsWith("--")) throw new UsageError(cliMessages.unknownOption(arg));
    const equals = arg.indexOf("=");
    const name = arg.slice(2, equals === -1 ? undefined : equals);
    const display = `--${name}`;
    const kind = valueKinds[name];
    if (kind !== undefined) {
      let value: string | undefined;
      if (equals !== -1) value = arg.slice(equals + 1);
      else {
        value = args[index + 1];
        index++;
      }
      if (value === undefined || value === "") throw new UsageError(cliMessages.missingOptionValue(display));
      const previous = parsed.values.get(name) ?? [];
      if (kind === "single" && previous.length > 0) throw new UsageError(cliMessages.repeatedOption(display));
      parsed.values.set(name, [...previous, value]);
    } else if (flags.has(name)) {
      if (equals !== -1) throw new UsageError(cliMessages.unexpectedOptionValue(display));
      parsed.flags.add(name);
    } else {
      throw new UsageError(cliMessages.unknownOption(display));
    }
  }
  return parsed;
}
