// Turns every error into an RFC 9457 problem. Bad input (validation, malformed JSON, wrong media type,
// oversized body) is a 4xx with a stable code; only a fault of ours is a 500, logged without its data.
import type { FastifyError } from "fastify";
import { UnreadableSecretError } from "../../crypto/secretBox.ts";
import { findSqlStateError } from "../../db/errors.ts";
import { DomainError } from "../../services/errors.ts";
import {
  HttpProblem,
  PROBLEM_SCHEMA_ID,
  ProblemDetailsSchema,
  problemOf,
  sendProblem,
  type ValidationIssue,
} from "../http/problems.ts";
import { fallbackValidationMessage, type ProblemCode, validationMessages } from "../messages.fr.ts";
import type { AppInstance } from "../types.ts";

/** Fastify's own client-error codes, mapped to our stable codes. */
const FASTIFY_CODES: Record<string, ProblemCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: "invalid_json",
  FST_ERR_CTP_EMPTY_JSON_BODY: "empty_body",
  FST_ERR_CTP_BODY_TOO_LARGE: "body_too_large",
  FST_ERR_CTP_INVALID_MEDIA_TYPE: "unsupported_media_type",
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: "bad_request",
  FST_ERR_CTP_INVALID_TYPE: "unsupported_media_type",
};

export function registerErrors(app: AppInstance): void {
  app.addSchema(ProblemDetailsSchema);

  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof HttpProblem) return sendProblem(reply, error);
    if (error instanceof DomainError) return sendProblem(reply, problemOf(error));
    if (error.validation) {
      const errors = error.validation.map((issue) => toValidationIssue(issue));
      return sendProblem(reply, HttpProblem.of(400, "validation_failed", { errors }));
    }
    const databaseProblem = fromDatabaseError(error);
    if (databaseProblem !== undefined) {
      request.log.info({ errorCode: findSqlStateError(error)?.code }, "input rejected by the database");
      return sendProblem(reply, databaseProblem);
    }
    if (error instanceof UnreadableSecretError) {
      // A missing previous key (DATA_ENCRYPTION_KEYS_PREVIOUS) or an altered row: the operator must act.
      request.log.error(
        { keyId: error.keyId, reason: error.reason },
        "stored encrypted value unreadable with the configured keys",
      );
      return sendProblem(reply, HttpProblem.of(500, "encrypted_data_unreadable"));
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      // The message of a client error can quote the input (JSON.parse does): log its code only.
      request.log.info({ errorCode: error.code, statusCode: status }, "client error");
      const code =
        (error.code !== undefined ? FASTIFY_CODES[error.code] : undefined) ?? codeForStatus(status);
      return sendProblem(reply, HttpProblem.of(status, code));
    }
    request.log.error({ err: error }, "unexpected error");
    return sendProblem(reply, HttpProblem.of(500, "internal_error"));
  });
}

/** SQLSTATE classes that mean the input was wrong, not the server: 22 data exception, 23 constraint. */
function fromDatabaseError(error: unknown): HttpProblem | undefined {
  const code = findSqlStateError(error)?.code;
  if (code === undefined) return undefined;
  if (code.startsWith("22")) return HttpProblem.of(400, "invalid_value");
  if (code.startsWith("23")) return HttpProblem.of(409, "conflict");
  return undefined;
}

function codeForStatus(status: number): ProblemCode {
  if (status === 404) return "not_found";
  if (status === 405) return "method_not_allowed";
  if (status === 413) return "body_too_large";
  if (status === 415) return "unsupported_media_type";
  if (status === 429) return "too_many_requests";
  return "bad_request";
}

interface RawValidationIssue {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
}

function toValidationIssue(raw: RawValidationIssue): ValidationIssue {
  let path = raw.instancePath;
  // A missing field is reported on its parent by JSON Schema; point at the field itself.
  if (raw.keyword === "required" && typeof raw.params.missingProperty === "string") {
    path = `${path}/${escapePointer(raw.params.missingProperty)}`;
  }
  if (raw.keyword === "additionalProperties" && typeof raw.params.additionalProperty === "string") {
    path = `${path}/${escapePointer(raw.params.additionalProperty)}`;
  }
  const message = validationMessages[raw.keyword]?.(raw.params) ?? fallbackValidationMessage;
  return { path: path === "" ? "/" : path, code: raw.keyword, message };
}

function escapePointer(segment: string): string {
  return segment.replaceAll("~", "~0").replaceAll("/", "~1");
}

export { PROBLEM_SCHEMA_ID };
