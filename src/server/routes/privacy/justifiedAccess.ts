// Auditors and case content: a written justification first (POST .../access-justifications), then the case
// and its timeline, read only, for a limited time. Without a justification in force: 403, saying so. Every
// read names the justification it was made under in the audit trail. The sensitive topics are never shown.
import type { FastifyRequest } from "fastify";
import Type from "typebox";
import type { AccessJustificationRequest } from "../../../contracts/privacy.ts";
import { isInScope } from "../../../core/access/index.ts";
import { recordAudit } from "../../../db/audit/append.ts";
import { type CaseRecord, caseTimeline, findCase } from "../../../db/cases/repository.ts";
import { caseViewOf } from "../../../services/cases/view.ts";
import { HttpProblem, problemResponses } from "../../http/problems.ts";
import { activeJustification, recordJustification } from "../../privacy/justifications.ts";
import type { AppInstance } from "../../types.ts";
import { actorOf, auditContext, caseNotFound, scopedResource, sessionOf } from "../cases/caseAccess.ts";
import { caseDetail, timelineItem } from "../cases/presenters.ts";
import { CaseIdParams } from "../cases/reads.ts";
import { privacyProblemMessages, privacyRouteMessages } from "./messages.fr.ts";

const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

export async function justifiedAccessRoutes(app: AppInstance): Promise<void> {
  const db = app.db.drizzle;
  const now = () => app.authOptions.now();

  /** The case if it exists and lies within the auditor's scope (national: every case), else 404. */
  async function caseForAuditor(request: FastifyRequest, id: string): Promise<CaseRecord> {
    if (!UUID.test(id)) throw caseNotFound();
    const record = await findCase(db, id);
    if (record === undefined) throw caseNotFound();
    if (!isInScope(actorOf(sessionOf(request)), "cases.read_justified", scopedResource(record))) {
      throw caseNotFound();
    }
    return record;
  }

  /** The justification in force for this auditor and case; 403 in French without one. */
  async function justificationFor(request: FastifyRequest, record: CaseRecord): Promise<string> {
    const found = await activeJustification(db, {
      caseId: record.row.id,
      auditorUserId: sessionOf(request).user.id,
      now: now(),
    });
    if (found === undefined) {
      const { title, detail } = privacyProblemMessages.justificationRequired;
      throw new HttpProblem(403, "justification_required", title, detail);
    }
    return found.id;
  }

  app.post(
    "/api/v1/cases/:id/access-justifications",
    {
      config: { permission: "cases.read_justified" },
      schema: {
        tags: ["privacy"],
        summary: privacyRouteMessages.justifySummary,
        description: privacyRouteMessages.justifyDescription,
        params: CaseIdParams,
        body: Type.Ref("AccessJustificationRequest"),
        response: { 201: Type.Ref("AccessJustification"), ...problemResponses(400, 401, 403, 404, 415) },
      },
      // The case id is checked when the case is loaded (a malformed id is no case: 404).
      preValidation: async (request) => {
        request.body ??= {};
      },
    },
    async (request, reply) => {
      const { id } = request.params as { id: string };
      const record = await caseForAuditor(request, id);
      const body = request.body as AccessJustificationRequest;
      const stored = await recordJustification(db, {
        caseId: record.row.id,
        organisationId: record.row.organisationId,
        reason: body.reason.trim(),
        context: auditContext(request),
        now: now(),
      });
      reply.code(201);
      return {
        id: stored.id,
        caseId: stored.caseId,
        grantedAt: stored.grantedAt.toISOString(),
        expiresAt: stored.expiresAt.toISOString(),
      };
    },
  );

  app.get(
    "/api/v1/cases/:id/justified-read",
    {
      config: { permission: "cases.read_justified" },
      schema: {
        tags: ["privacy"],
        summary: privacyRouteMessages.justifiedReadSummary,
        description: privacyRouteMessages.justifiedReadDescription,
        params: CaseIdParams,
        response: { 200: Type.Ref("CaseDetail"), ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const record = await caseForAuditor(request, request.params.id);
      const justificationId = await justificationFor(request, record);
      await recordAudit(db, {
        ...auditContext(request),
        action: "case.read",
        targetType: "case",
        targetId: record.row.id,
        details: { version: record.row.version, justificationId },
      });
      return caseDetail(await caseViewOf(app.services, record));
    },
  );

  app.get(
    "/api/v1/cases/:id/justified-read/timeline",
    {
      config: { permission: "cases.read_justified" },
      schema: {
        tags: ["privacy"],
        summary: privacyRouteMessages.justifiedTimelineSummary,
        params: CaseIdParams,
        response: { 200: Type.Ref("CaseTimeline"), ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const record = await caseForAuditor(request, request.params.id);
      const justificationId = await justificationFor(request, record);
      await recordAudit(db, {
        ...auditContext(request),
        action: "case.timeline_read",
        targetType: "case",
        targetId: record.row.id,
        details: { justificationId },
      });
      return { items: (await caseTimeline(db, record.row.id)).map(timelineItem) };
    },
  );
}
