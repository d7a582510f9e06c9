// The settings that the directives leave to Action Logement Services, with their bounds. The server keeps
// their dated history; the engine only needs the values in force, and records them in every result.
import { RULE_ERRORS } from "./messages.fr.ts";
import type { RuleParameterKey, RuleParameters } from "./types.ts";

export interface RuleParameterDefinition {
  readonly key: RuleParameterKey;
  /** French label, as administrators read it. */
  readonly label: string;
  readonly unit: string;
  readonly default: number;
  readonly min: number;
  readonly max: number;
  readonly integer: boolean;
  /** The clause that leaves this value to Action Logement Services. */
  readonly clause: string;
}

export const RULE_PARAMETER_DEFINITIONS: readonly RuleParameterDefinition[] = Object.freeze([
  Object.freeze({
    key: "tempWorkerMinHours",
    label: "Nombre minimal d'heures de mission des intérimaires sur les 12 derniers mois",
    unit: "heures",
    default: 414,
    min: 0,
    // Hours in a leap year: no one can have worked more over twelve months.
    max: 8784,
    integer: true,
    clause: "PP_SERV_ASD_2_DIR/beneficiaires/2",
  }),
]);

export const DEFAULT_RULE_PARAMETERS: Readonly<RuleParameters> = Object.freeze({
  tempWorkerMinHours: 414,
});

/** The French reason why `value` cannot be used for `key`, or undefined when it can. */
export function parameterValueProblem(key: RuleParameterKey, value: unknown): string | undefined {
  const definition = RULE_PARAMETER_DEFINITIONS.find((candidate) => candidate.key === key);
  if (definition === undefined) return RULE_ERRORS.unknownParameter(key);
  if (typeof value !== "number" || !Number.isFinite(value)) return RULE_ERRORS.parameterNotNumber;
  if (definition.integer && !Number.isInteger(value)) return RULE_ERRORS.parameterNotInteger;
  if (value < definition.min || value > definition.max) {
    return RULE_ERRORS.parameterOutOfRange(definition.min, definition.max, definition.unit);
  }
  return undefined;
}

/** One recorded value: from `appliesFrom` on, until a later record for the same key. */
export interface ParameterEntry {
  readonly key: RuleParameterKey;
  readonly value: number;
  readonly appliesFrom: string;
}

/**
 * The parameter values in force on each date, from a history sorted by `appliesFrom` then by recording
 * order: per key, the last entry whose `appliesFrom` is not after the date (on a tie, the one recorded last:
 * a correction), else the default. Each date gets one frozen object, shared by every call with that date.
 * Pure, so that the server and the browser simulator pick the same values.
 */
export class ParameterTimeline<Entry extends ParameterEntry = ParameterEntry> {
  private readonly byDate = new Map<string, Readonly<RuleParameters>>();

  constructor(readonly history: readonly Entry[]) {}

  inForce(date: string): Readonly<RuleParameters> {
    const known = this.byDate.get(date);
    if (known !== undefined) return known;
    const values: RuleParameters = { ...DEFAULT_RULE_PARAMETERS };
    for (const entry of this.history) {
      if (entry.appliesFrom > date) break;
      values[entry.key] = entry.value;
    }
    const frozen = Object.freeze(values);
    this.byDate.set(date, frozen);
    return frozen;
  }
}
