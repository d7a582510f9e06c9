// Structured logs (pino). Personal data must never reach them: requests are logged as method + path +
// route pattern only (no path, no query string, no headers, no body), and a redaction list covers the places where
// a careless log call could put them anyway.
import type { FastifyReply, FastifyRequest } from "fastify";
import pino, { type DestinationStream, type Logger } from "pino";
import type { LogLevel } from "../config/config.ts";

export const REDACTED_PATHS = [
  "req.headers.authorization",
  "req.headers.cookie",
  "req.headers['x-csrf-token']",
  "req.body",
  "req.query",
  "res.headers['set-cookie']",
  "headers.authorization",
  "headers.cookie",
  "body",
  "query",
  "password",
  "*.password",
  "email",
  "*.email",
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
        // Only what locates the fault: driver errors carry the offending values in other fields.
        err: (error: Error & { code?: unknown }) => ({
          type: error.name,
          code: error.code,
          message: error.message,
          stack: error.stack,
        }),
      },
    },
    destination,
  );
}
