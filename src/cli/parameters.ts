// `--param key=value` overrides of the parameters that the directives leave to Action Logement Services.
import {
  DEFAULT_RULE_PARAMETERS,
  RULE_PARAMETER_DEFINITIONS,
  type RuleParameters,
} from "../core/rules/index.ts";
import { cliMessages } from "./messages.ts";
import { UsageError } from "./options.ts";

export function describeParameters(): string {
  return RULE_PARAMETER_DEFINITIONS.map(
    (definition) =>
      `${definition.key} (${cliMessages.parameterDescription(definition.label, definition.unit, definition.default, definition.min, definition.max)})`,
  ).join(" ; ");
}

/** Undefined when nothing is overridden, so that the engine uses (and records) its own defaults. */
export function parseParameterOverrides(texts: readonly string[]): RuleParameters | undefined {
  if (texts.length === 0) return undefined;
  const parameters: RuleParameters = { ...DEFAULT_RULE_PARAMETERS };
  for (const text of texts) {
    const equals = text.indexOf("=");
    if (equals <= 0) throw new UsageError(cliMessages.malformedParameter(text));
    const key = text.slice(0, equals);
    const definition = RULE_PARAMETER_DEFINITIONS.find((candidate) => candidate.key === key);
    if (definition === undefined) {
      const known = RULE_PARAMETER_DEFINITIONS.map((candidate) => candidate.key).join(", ");
      throw new UsageError(cliMessages.unknownParameter(key, known));
    }
    const raw = text.slice(equals + 1).trim();
    const value = raw === "" ? Number.NaN : Number(raw);
    if (!Number.isFinite(value) || value < definition.min || value > definition.max) {
      throw new UsageError(
        cliMessages.parameterOutOfRange(key, definition.min, definition.max, definition.unit),
      );
    }
    parameters[definition.key] = value;
  }
  return parameters;
}
