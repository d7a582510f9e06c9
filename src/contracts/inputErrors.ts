// Turns JSON Schema validation errors into our input errors: one per field at fault, with a stable
// code, a French message and the field's JSON Pointer. Shared by every payload validated outside Fastify.
import { INPUT_MESSAGES, TYPE_NAMES } from "./messages.fr.ts";

export interface InputError {
  code: string;
  message: string;
  /** JSON Pointer (RFC 6901) of the field at fault; "" for the whole document. */
  path: string;
}

export interface SchemaError {
  keyword: string;
  schemaPath: string;
  instancePath: string;
  params: Record<string, unknown>;
}

export const escapePointer = (segment: string) => segment.replace(/~/g, "~0").replace(/\//g, "~1");

// When several errors concern one field, the most telling one is reported.
const PRIORITY = [
  "required",
  "additionalProperties",
  "format",
  "pattern",
  "enum",
  "type",
  "minimum",
  "maximum",
];

function rank(error: SchemaError): number {
  const index = PRIORITY.indexOf(error.keyword);
  return index === -1 ? PRIORITY.length : index;
}

export function inputErrorsFrom(
  errors: Iterable<SchemaError>,
  patternCodes: Record<string, string> = {},
): InputError[] {
  const byPath = new Map<string, SchemaError[]>();
  const result: InputError[] = [];
  for (const error of errors) {
    if (error.keyword === "boolean") continue; // "schema is false": the additionalProperties error says it better
    if (error.keyword === "required") {
      for (const name of (error.params.requiredProperties as string[] | undefined) ?? []) {
        result.push({
          code: "REQUIRED",
          message: INPUT_MESSAGES.required,
          path: `${error.instancePath}/${escapePointer(name)}`,
        });
      }
      continue;
    }
    if (error.keyword === "additionalProperties") {
      for (const name of (error.params.additionalProperties as string[] | undefined) ?? []) {
        result.push({
          code: "UNKNOWN_FIELD",
          message: INPUT_MESSAGES.unknownField,
          path: `${error.instancePath}/${escapePointer(name)}`,
        });
      }
      continue;
    }
    const list = byPath.get(error.instancePath) ?? [];
    list.push(error);
    byPath.set(error.instancePath, list);
  }
  for (const [path, list] of byPath) {
    const best = [...list].sort((a, b) => rank(a) - rank(b))[0] as SchemaError;
    result.push(toInputError(path, best, list, patternCodes));
  }
  return result;
}

function toInputError(
  path: string,
  error: SchemaError,
  all: SchemaError[],
  patternCodes: Record<string, string>,
): InputError {
  const params = error.params;
  switch (error.keyword) {
    case "format":
      return { code: "INVALID_DATE", message: INPUT_MESSAGES.invalidDate, path };
    case "pattern": {
      const code = patternCodes[String(params.pattern)] ?? "INVALID_FORMAT";
      return {
        code,
        message: code === "INVALID_POSTCODE" ? INPUT_MESSAGES.invalidPostcode : INPUT_MESSAGES.invalid,
        path,
      };
    }
    case "enum":
      return {
        code: "INVALID_VALUE",
        message: INPUT_MESSAGES.invalidValue(params.allowedValues as unknown[]),
        path,
      };
    case "type": {
      // A nullable field fails both branches: name every type it accepts.
      const expected = all
        .filter((candidate) => candidate.keyword === "type")
        .map((candidate) => TYPE_NAMES[String(candidate.params.type)] ?? String(candidate.params.type));
      return { code: "INVALID_TYPE", message: INPUT_MESSAGES.invalidType(expected.join(" ou ")), path };
    }
    case "minimum":
    case "exclusiveMinimum":
      return {
        code: "OUT_OF_RANGE",
        message: INPUT_MESSAGES.outOfRange(Number(params.limit ?? params.comparison ?? 0), "min"),
        path,
      };
    case "maximum":
    case "exclusiveMaximum":
      return {
        code: "OUT_OF_RANGE",
        message: INPUT_MESSAGES.outOfRange(Number(params.limit ?? params.comparison ?? 0), "max"),
        path,
      };
    case "maxLength":
      return { code: "TOO_LONG", message: INPUT_MESSAGES.tooLong(Number(params.limit)), path };
    case "uniqueItems":
      return { code: "DUPLICATE_VALUE", message: INPUT_MESSAGES.duplicate, path };
    case "maxItems":
      return { code: "TOO_MANY_ITEMS", message: INPUT_MESSAGES.tooMany(Number(params.limit)), path };
    case "minItems":
      return { code: "TOO_FEW_ITEMS", message: INPUT_MESSAGES.tooFew(Number(params.limit)), path };
    default:
      return { code: "INVALID_VALUE", message: INPUT_MESSAGES.invalid, path };
  }
}
