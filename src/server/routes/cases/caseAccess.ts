// What every case route shares: loading a case within the caller's scope (another agency's case is a 404,
// never a 403), the ETag / If-Match rules of optimistic concurrency, and turning the state machine's
// refusals into problems. The case sub-resources (diagnosis, plan, documents, aids) use the same helpers.
import type { FastifyReply, FastifyRequest } from "fastify";
import type { CaseDetail } from "../../../contracts/cases.ts";
import { type Action, type Actor, isInScope, type ScopedResource } from "../../../core/access/index.ts";
import { CASE_ERROR_KINDS, type CaseError } from "../../../core/cases/index.ts";
import type { AuditContext } from "../../../db/cases/repository.ts";
import {
  type CaseChange,
  CaseCommandError,
  CaseNotFoundError,
  type CaseRecord,
  type CaseRow,
  changeCase,
  findCase,
  StaleCaseError,
} from "../../../db/cases/repository.ts";
import type { Drizzle } from "../../../db/database.ts";
import type { SessionContext } from "../../auth/sessions.ts";
import { HttpProblem } from "../../problem.ts";
import type { AppInstance } from "../../types.ts";
import { requestAuditFields } from "../auth/auth.ts";
import { caseProblemMessages } from "./messages.fr.ts";
import { caseDetail } from "./presenters.ts";

const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

export function caseNotFound(): HttpProblem {
  const { title, detail } = caseProblemMessages.notFound;
  return new HttpProblem(404, "case_not_found", title, detail);
}

export function actorOf(auth: SessionContext): Actor {
  return { userId: auth.user.id, role: auth.role, organisationId: auth.organisation?.id ?? null };
}

export function scopedResource(record: CaseRecord): ScopedResource {
  return {
    organisationId: record.row.organisationId,
    ownerUserId: record.row.counsellorUserId,
    referredOrganisationIds: record.referredOrganisationIds,
  };
}

/** The caller's session; the auth plugin has already refused a request without one on these routes. */
export function sessionOf(request: FastifyRequest): SessionContext {
  if (request.auth === null) throw HttpProblem.of(401, "unauthenticated");
  return request.auth;
}

export function auditContext(request: FastifyRequest): AuditContext {
  return requestAuditFields(request);
}

/**
 * The case `id` if the caller may read it (`cases.read`), else 404. With `change`, also checks that the
 * caller may perform it on this case: a case the caller can read but not change (a colleague's) is a 403.
 */
export async function loadCaseInScope(
  db: Drizzle,
  request: FastifyRequest,
  id: string,
  change?: Action,
): Promise<CaseRecord> {
  const actor = actorOf(sessionOf(request));
  // Checked here too: some routes validate their input by hand, and a malformed id is simply no case.
  if (!UUID.test(id)) throw caseNotFound();
  const record = await findCase(db, id);
  if (record === undefined) throw caseNotFound();
  const resource = scopedResource(record);
  if (!isInScope(actor, "cases.read", resource)) throw caseNotFound();
  if (change !== undefined && !isInScope(actor, change, resource)) {
    const { title, detail } = caseProblemMessages.notAssigned;
    throw new HttpProblem(403, "case_not_assigned", title, detail);
  }
  return record;
}

// --- ETag / If-Match ----------------------------------------------------------------------------------------

export function etagOf(version: number): string {
  return `"${version}"`;
}

export function setEtag(reply: FastifyReply, version: number): void {
  reply.header("etag", etagOf(version));
}

/**
 * The version the caller read, from If-Match: required on every change (428 without), and it must be the
 * case's current one (412 otherwise). Strong comparison (RFC 9110): a weak tag never matches; `*` matches.
 */
export function expectedVersion(request: FastifyRequest, currentVersion: number): number {
  const header = request.headers["if-match"];
  if (header === undefined || header.trim() === "") {
    const { title, detail } = caseProblemMessages.preconditionRequired;
    throw new HttpProblem(428, "precondition_required", title, detail);
  }
  const tags = header.split(",").map((tag) => tag.trim());
  if (tags.includes("*") || tags.includes(etagOf(currentVersion))) return currentVersion;
  throw preconditionFailed(currentVersion);
}

export function preconditionFailed(currentVersion: number): HttpProblem {
  const { title, detail } = caseProblemMessages.preconditionFailed;
  return new HttpProblem(412, "precondition_failed", title, detail, { currentEtag: etagOf(currentVersion) });
}

// --- Refusals -----------------------------------------------------------------------------------------------

/**
 * A refusal of the state machine: 409 when the case's state forbids the command, 422 when a field is
 * missing or wrong (`fieldPath` turns the command's field into the body's JSON Pointer).
 */
export function caseErrorProblem(
  error: CaseError,
  fieldPath: (field: string) => string = (field) => `/${field.replaceAll(".", "/")}`,
): HttpProblem {
  const clause = error.clause === undefined ? {} : { clause: error.clause };
  if (CASE_ERROR_KINDS[error.code] === "conflict") {
    return new HttpProblem(409, error.code, caseProblemMessages.refused.title, error.message, clause);
  }
  return new HttpProblem(422, error.code, caseProblemMessages.invalidStep.title, error.message, {
    ...clause,
    errors: [
      {
        path: error.field === undefined ? "/" : fieldPath(error.field),
        code: error.code,
        message: error.message,
      },
    ],
  });
}

/** Runs a change and turns the repository's refusals into problems. */
export async function asProblems<T>(
  run: () => Promise<T>,
  fieldPath?: (field: string) => string,
): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof CaseCommandError) throw caseErrorProblem(error.error, fieldPath);
    if (error instanceof StaleCaseError) throw preconditionFailed(error.currentVersion);
    if (error instanceof CaseNotFoundError) throw caseNotFound();
    throw error;
  }
}

// --- The one way to change a case over HTTP ------------------------------------------------------------------

/** What a change does to the case as it is in the transaction; it may write rows of its own with `tx`. */
export type ComputeChange = (row: CaseRow, tx: Drizzle) => Promise<CaseChange> | CaseChange;

/**
 * Runs before the transaction, on the case as loaded: reads and checks that need the database (PGlite has
 * one connection, which the transaction holds), then returns the change.
 */
export type PrepareChange = (row: CaseRow) => Promise<ComputeChange> | ComputeChange;

/**
 * Every change of a case over HTTP: the case within the caller's scope (404 outside, 403 when `permission`
 * does not cover it), If-Match (428, 412), the change with its events and audit entry in one transaction,
 * then the case as it now is, with its new ETag.
 */
export async function runCaseStep(
  app: AppInstance,
  request: FastifyRequest,
  reply: FastifyReply,
  permission: Action,
  prepare: PrepareChange,
  fieldPath?: (field: string) => string,
): Promise<CaseDetail> {
  const { id } = request.params as { id: string };
  const record = await loadCaseInScope(app.db.drizzle, request, id, permission);
  const version = expectedVersion(request, record.row.version);
  const compute = await prepare(record.row);
  await asProblems(
    () =>
      changeCase(
        app.db,
        { caseId: record.row.id, expectedVersion: version, context: auditContext(request) },
        compute,
      ),
    fieldPath,
  );
  const fresh = await findCase(app.db.drizzle, record.row.id);
  if (fresh === undefined) throw caseNotFound();
  setEtag(reply, fresh.row.version);
  return caseDetail(app.db.drizzle, fresh, app.config.dataDecryptionKeys);
}
