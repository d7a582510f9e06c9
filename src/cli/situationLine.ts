// Turns one JSON Lines line into a validated situation, or into the error record the CLI prints in its place.
import { type InputError, validateSituation } from "../contracts/situation.ts";
import type { Situation } from "../core/rules/index.ts";
import { cliMessages } from "./messages.ts";

export interface LineErrorRecord {
  id?: string;
  line: number;
  error: InputError;
}

export type SituationLine = { ok: true; situation: Situation } | { ok: false; record: LineErrorRecord };

export function readSituationLine(line: string, lineNumber: number): SituationLine {
  let input: unknown;
  try {
    input = JSON.parse(line);
  } catch {
    const error = { code: "INVALID_JSON", message: cliMessages.invalidJson, path: "" };
    return { ok: false, record: lineErrorRecord(undefined, lineNumber, error) };
  }
  const validation = validateSituation(input);
  if (validation.ok) return { ok: true, situation: validation.situation };
  const first = validation.errors[0] ?? {
    code: "INVALID_SITUATION",
    message: cliMessages.invalidSituation,
    path: "",
  };
  return { ok: false, record: lineErrorRecord(readableId(input), lineNumber, first) };
}

/** Keys in a fixed order ("id" first, only when readable) so that the output is stable. */
export function lineErrorRecord(
  id: string | undefined,
  lineNumber: number,
  error: InputError,
): LineErrorRecord {
  const copy = { code: error.code, message: error.message, path: error.path };
  return id === undefined ? { line: lineNumber, error: copy } : { id, line: lineNumber, error: copy };
}

function readableId(input: unknown): string | undefined {
  if (typeof input !== "object" || input === null || Array.isArray(input)) return undefined;
  const id = (input as { id?: unknown }).id;
  return typeof id === "string" ? id : undefined;
}
