// RFC 9457 problem details: the one error shape of the HTTP API.
import type { FastifyReply, FastifyRequest } from "fastify";
import Type, { type Static } from "typebox";
import type { DomainError, DomainErrorKind } from "../../services/errors.ts";
import { type ProblemCode, problemMessages } from "../messages.fr.ts";

export const ValidationIssueSchema = Type.Object({
  path: Type.String({ description: "JSON Pointer du champ en cause, par exemple /person/contract/start" }),
  code: Type.String({ description: "Mot-clé stable : required, type, minimum, ..." }),
  message: Type.String({ description: "Explication en français" }),
});
export type ValidationIssue = Static<typeof ValidationIssueSchema>;

export const PROBLEM_SCHEMA_ID = "ProblemDetails";

export const ProblemDetailsSchema = Type.Object(
  {
    type: Type.String({ description: "URI identifiant le type d'erreur (urn:appui:problem:<code>)" }),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String({ description: "Explication en français" }),
    code: Type.String({ description: "Code stable, à utiliser par les programmes" }),
    instance: Type.String({ description: "Chemin de la requête, sans paramètres" }),
    requestId: Type.String(),
    errors: Type.Optional(Type.Array(ValidationIssueSchema)),
  },
  { $id: PROBLEM_SCHEMA_ID, additionalProperties: true },
);
export type ProblemDetails = Static<typeof ProblemDetailsSchema>;

/**
 * Throw from a handler to answer with a problem. `code` is stable for programs; `detail` is French text
 * (take it from a messages module). Extra members become problem extensions.
 */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    readonly detail: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(code);
    this.name = "HttpProblem";
  }

  /** A problem whose title and detail come from the server's shared messages. */
  static of(status: number, code: ProblemCode, extensions: Record<string, unknown> = {}): HttpProblem {
    const { title, detail } = problemMessages[code];
    return new HttpProblem(status, code, title, detail, extensions);
  }
}

/** The HTTP status of each kind of refusal a use case can give. */
const STATUS_OF_KIND: Record<DomainErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  precondition_failed: 412,
  too_large: 413,
  unsupported_media_type: 415,
  unprocessable: 422,
  precondition_required: 428,
  unreadable_data: 500,
  unavailable: 503,
};

/** A use case's refusal as a problem: the one mapping from domain errors to HTTP. */
export function problemOf(error: DomainError): HttpProblem {
  return new HttpProblem(STATUS_OF_KIND[error.kind], error.code, error.title, error.detail, {
    ...error.extensions,
  });
}

/** A problem naming one field at fault, for what the HTTP layer checks itself (headers, query strings). */
export function invalidField(path: string, code: string, message: string): HttpProblem {
  return HttpProblem.of(400, "validation_failed", { errors: [{ path, code, message }] });
}

export function problemBody(
  request: FastifyRequest,
  problem: Pick<HttpProblem, "status" | "code" | "title" | "detail" | "extensions">,
): ProblemDetails {
  return {
    type: `urn:appui:problem:${problem.code}`,
    title: problem.title,
    status: problem.status,
    detail: problem.detail,
    code: problem.code,
    // Path only: query strings can carry personal data.
    instance: request.url.split("?")[0] ?? "/",
    requestId: request.id,
    ...problem.extensions,
  };
}

export function sendProblem(reply: FastifyReply, problem: HttpProblem): FastifyReply {
  return reply
    .code(problem.status)
    .type("application/problem+json; charset=utf-8")
    .send(problemBody(reply.request, problem));
}

/**
 * Response schemas for the given error statuses, for a route's `schema.response`, so that the OpenAPI
 * document shows them: `response: { 200: Thing, ...problemResponses(400, 404) }`.
 */
export function problemResponses<const Statuses extends readonly number[]>(
  ...statuses: Statuses
): Record<Statuses[number], ReturnType<typeof problemRef>> {
  return Object.fromEntries(statuses.map((status) => [status, problemRef()])) as Record<
    Statuses[number],
    ReturnType<typeof problemRef>
  >;
}

function problemRef() {
  return Type.Ref(PROBLEM_SCHEMA_ID, { description: "Problème (RFC 9457, application/problem+json)" });
}
