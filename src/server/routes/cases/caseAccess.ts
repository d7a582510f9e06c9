// TEMPORARY (issue 13, while the routes move to src/services): the former helpers of the case routes,
// rebuilt on the services so that the route folders not yet moved keep working. Deleted when the last
// route calls a service.
import type { FastifyReply, FastifyRequest } from "fastify";
import type { CaseDetail } from "../../../contracts/cases.ts";
import type { Action, Actor } from "../../../core/access/index.ts";
import type { CaseError } from "../../../core/cases/index.ts";
import type { CaseRecord, CaseRow } from "../../../db/cases/repository.ts";
import type { Database, Drizzle } from "../../../db/database.ts";
import type { AuditContext, Caller } from "../../../services/caller.ts";
import {
  caseNotFound as caseNotFoundError,
  loadCaseInScope as loadInScope,
  scopedResource,
} from "../../../services/cases/access.ts";
import {
  type CaseChange,
  caseRefusal,
  changeCase as changeCaseInService,
  lifecycleChange,
} from "../../../services/cases/change.ts";
import { caseMessages } from "../../../services/cases/messages.fr.ts";
import { freshCaseView } from "../../../services/cases/view.ts";
import type { ServiceContext } from "../../../services/context.ts";
import { DomainError } from "../../../services/errors.ts";
import { serviceMessages } from "../../../services/messages.fr.ts";
import { staleVersion } from "../../../services/versions.ts";
import type { SessionContext } from "../../auth/sessions.ts";
import { callerOf } from "../../http/caller.ts";
import { ifMatch, setEtag } from "../../http/preconditions.ts";
import { HttpProblem, problemOf } from "../../http/problems.ts";
import type { AppInstance } from "../../types.ts";
import { caseDetail } from "./presenters.ts";

export type { CaseChange };
export { lifecycleChange, scopedResource, setEtag };

export const caseProblemMessages = { ...caseMessages, preconditionRequired: serviceMessages.versionRequired };

export class CaseCommandError extends Error {
  constructor(readonly error: CaseError) {
    super(error.code);
  }
}
export class StaleCaseError extends Error {
  constructor(readonly currentVersion: number) {
    super("stale");
  }
}
export class CaseNotFoundError extends Error {}

export function caseNotFound(): HttpProblem {
  return problemOf(caseNotFoundError());
}

export function actorOf(auth: SessionContext): Actor {
  return { userId: auth.user.id, role: auth.role, organisationId: auth.organisation?.id ?? null };
}

export function sessionOf(request: FastifyRequest): SessionContext {
  if (request.auth === null) throw HttpProblem.of(401, "unauthenticated");
  return request.auth;
}

export function auditContext(request: FastifyRequest): AuditContext {
  return {
    requestId: request.id,
    clientAddress: request.ip,
    actorUserId: request.auth?.user.id ?? null,
    actorRole: request.auth?.role ?? null,
    organisationId: request.auth?.organisation?.id ?? null,
  };
}

const contextOf = (db: Drizzle) =>
  ({ db: { drizzle: db }, now: () => new Date() }) as unknown as ServiceContext;

export async function loadCaseInScope(
  db: Drizzle,
  request: FastifyRequest,
  id: string,
  change?: Action,
): Promise<CaseRecord> {
  return asProblems(() => loadInScope(contextOf(db), callerOf(request), id, change));
}

export function etagOf(version: number): string {
  return `"${version}"`;
}

export function expectedVersion(request: FastifyRequest, currentVersion: number): number {
  const expected = ifMatch(request);
  if (expected === undefined) {
    throw new HttpProblem(
      428,
      "precondition_required",
      "En-tête If-Match manquant",
      caseMessages.stale.detail,
    );
  }
  if (expected === "any" || expected.includes(currentVersion)) return currentVersion;
  throw preconditionFailed(currentVersion);
}

export function preconditionFailed(currentVersion: number): HttpProblem {
  return problemOf(staleVersion(currentVersion, caseMessages.stale));
}

export function caseErrorProblem(error: CaseError, fieldPath?: (field: string) => string): HttpProblem {
  return problemOf(caseRefusal(error, fieldPath));
}

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
    if (error instanceof DomainError) throw problemOf(error);
    throw error;
  }
}

const callerOfContext = (context: AuditContext): Caller => ({
  actor:
    context.actorUserId === null || context.actorUserId === undefined
      ? null
      : {
          userId: context.actorUserId,
          role: context.actorRole as Actor["role"],
          organisationId: context.organisationId ?? null,
          organisationKind: null,
        },
  requestId: context.requestId ?? null,
  clientAddress: context.clientAddress ?? null,
});

export async function changeCase(
  db: Database,
  request: { caseId: string; expectedVersion: number; context: AuditContext },
  compute: (row: CaseRow, tx: Drizzle) => Promise<CaseChange> | CaseChange,
): Promise<CaseRow> {
  return changeCaseInService(
    { db, now: () => new Date() } as unknown as ServiceContext,
    callerOfContext(request.context),
    { caseId: request.caseId, expected: [request.expectedVersion] },
    compute,
  );
}

export type PrepareChange = (
  row: CaseRow,
) =>
  | Promise<(row: CaseRow, tx: Drizzle) => Promise<CaseChange> | CaseChange>
  | ((row: CaseRow, tx: Drizzle) => Promise<CaseChange> | CaseChange);

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
  const view = await asProblems(() => freshCaseView(app.services, record.row.id));
  setEtag(reply, view.record.row.version);
  return caseDetail(view);
}
