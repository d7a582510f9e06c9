// What the routes of a case's content share: who may read the sensitive topics, turning the diagnosis
// core's refusals into problems, and running a change through the case's transaction (version, timeline,
// audit), either at the version the caller read (If-Match) or at the current one (a partner's update of an
// action, a survey answer: their own precondition is elsewhere).

import { eq } from "drizzle-orm";
import type { FastifyRequest } from "fastify";
import { isInScope } from "../../../core/access/index.ts";
import { DIAGNOSIS_ERROR_KINDS, type DiagnosisError } from "../../../core/diagnosis/index.ts";
import type { CaseRecord, CaseRow } from "../../../db/cases/repository.ts";
import type { Database, Drizzle } from "../../../db/database.ts";
import { cases } from "../../../db/schema/index.ts";
import { HttpProblem } from "../../http/problems.ts";
import {
  actorOf,
  asProblems,
  auditContext,
  type CaseChange,
  CaseNotFoundError,
  changeCase,
  expectedVersion,
  StaleCaseError,
  scopedResource,
  sessionOf,
} from "../cases/caseAccess.ts";
import { contentProblemMessages } from "./messages.fr.ts";

type Compute = (row: CaseRow, tx: Drizzle) => Promise<CaseChange> | CaseChange;

/** The counsellor in charge and the agency's manager (`cases.sensitive.read` in scope), nobody else. */
export function mayReadSensitive(request: FastifyRequest, record: CaseRecord): boolean {
  return isInScope(actorOf(sessionOf(request)), "cases.sensitive.read", scopedResource(record));
}

/** 409 when a refusal is about the state (with the clause it rests on), else 400 naming each field. */
export function contentProblem(errors: readonly DiagnosisError[]): HttpProblem {
  const conflict = errors.find((error) => DIAGNOSIS_ERROR_KINDS[error.code] === "conflict");
  if (conflict !== undefined) {
    return new HttpProblem(
      409,
      conflict.code,
      contentProblemMessages.actionConflict.title,
      conflict.message,
      {
        ...(conflict.clause === undefined ? {} : { clause: conflict.clause }),
        errors: [{ path: conflict.path, code: conflict.code, message: conflict.message }],
      },
    );
  }
  return HttpProblem.of(400, "validation_failed", {
    errors: errors.map((error) => ({ path: error.path, code: error.code, message: error.message })),
  });
}

/** A change at the case version the caller read (If-Match: 428 without, 412 when stale). */
export async function changeAtReadVersion(
  db: Database,
  request: FastifyRequest,
  record: CaseRecord,
  compute: Compute,
): Promise<CaseRow> {
  const version = expectedVersion(request, record.row.version);
  return asProblems(() =>
    changeCase(
      db,
      { caseId: record.row.id, expectedVersion: version, context: auditContext(request) },
      compute,
    ),
  );
}

/**
 * A change at the case's current version, retried when another change lands in between: for changes
 * whose precondition is not the case's version (an action's own ETag, a one-time survey token).
 */
export async function changeAtCurrentVersion(
  db: Database,
  caseId: string,
  context: Parameters<typeof changeCase>[1]["context"],
  compute: Compute,
): Promise<CaseRow> {
  return asProblems(async () => {
    for (let attempt = 1; ; attempt++) {
      const [current] = await db.drizzle
        .select({ version: cases.version })
        .from(cases)
        .where(eq(cases.id, caseId));
      if (current === undefined) throw new CaseNotFoundError();
      try {
        return await changeCase(db, { caseId, expectedVersion: current.version, context }, compute);
      } catch (error) {
        if (!(error instanceof StaleCaseError) || attempt >= 5) throw error;
      }
    }
  });
}
