// Structured logs (pino). Personal data must never reach them: requests are logged as method + path +
// route pattern only (no path, no query string, no headers, no body), and a redaction list covers the places where
// a careless log call could put them anyway.
import type { FastifyReply, FastifyRequest } from "fastify";
import pino, { type DestinationStream, type Logger } from "pino";
import type { LogLevel } from "../config/config.ts";
import { findSqlStateError, isDrizzleQueryError } from "../db/errors.ts";

export const REDACTED_PATHS = [
  "req.headers.authorization",
  "req.headers.cookie",
  "req.headers['x-csrf-token']",
  "req.body",
  "req.query",
  "res.headers['set-cookie']",
  "headers.authorization",
  "headers.cookie",
  "headers['x-csrf-token']",
  "headers['set-cookie']",
  "body",
  "query",
  "password",
  "*.password",
  "email",
  "*.email",
  "passwordHash",
  "*.passwordHash",
  "newPassword",
  "*.newPassword",
  "currentPassword",
  "*.currentPassword",
  "csrfToken",
  "*.csrfToken",
  "token",
  "*.token",
  "totpSecret",
  "*.totpSecret",
  "totpCode",
  "*.totpCode",
  "recoveryCode",
  "*.recoveryCode",
  "recoveryCodes",
  "*.recoveryCodes",
  "secret",
  "*.secret",
  "err.detail",
  "err.where",
];

export function createLogger(level: LogLevel, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: undefined,
      redact: { paths: REDACTED_PATHS, censor: "[masqué]" },
      serializers: {
        req: (request: FastifyRequest) => ({
          method: request.method,
          // The route pattern, not the URL: paths and query strings can carry names, emails, search terms.
          route: request.routeOptions?.url ?? "(no route)",
        }),
        res: (reply: FastifyReply) => ({ statusCode: reply.statusCode }),
        err: serializeError,
      },
    },
    destination,
  );
}

/**
 * Only what locates the fault. PostgreSQL quotes the rejected value in some messages (SQLSTATE class 22),
 * Drizzle lists the query's parameters in its own, and drivers attach row values in `detail`: for
 * database errors, keep codes, names of constraint/table/column, the parameterised query and the stack frames.
 */
export function serializeError(error: Error & { code?: unknown }): Record<string, unknown> {
  const sqlError = findSqlStateError(error);
  const drizzle = isDrizzleQueryError(error);
  if (sqlError === undefined && !drizzle) {
    return { type: error.name, code: error.code, message: error.message, stack: error.stack };
  }
  const cause = error.cause instanceof Error ? error.cause : undefined;
  return {
    type: error.name,
    code: sqlError?.code,
    constraint: sqlError?.constraint,
    table: sqlError?.table,
    column: sqlError?.column,
    query: drizzle ? error.query : undefined,
    // A failure without SQLSTATE (closed connection, timeout) says nothing about the data.
    cause: sqlError === undefined && cause !== undefined ? `${cause.name}: ${cause.message}` : undefined,
    stack: stackFrames(error.stack),
  };
}

function stackFrames(stack: string | undefined): string | undefined {
  return stack
    ?.split("\n")
    .filter((line) => line.startsWith("    at "))
    .join("\n");
}
