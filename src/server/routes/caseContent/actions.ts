// The action plan's actions. Counsellors and managers: GET/POST /api/v1/cases/{id}/actions and PATCH
// /api/v1/cases/{id}/actions/{actionId}. Partner workers: GET/PATCH /api/v1/referrals/{id}/actions[/{actionId}],
// only the actions assigned to their organisation in a case referred to it. Each change moves the case's
// version and lands on the timeline and in the audit trail in one transaction; an action carries its own
// ETag so that a partner, who never reads the case, can update it safely.

import { eq } from "drizzle-orm";
import type { FastifyReply, FastifyRequest } from "fastify";
import Type from "typebox";
import type { ActionView } from "../../../contracts/diagnosis.ts";
import { isInScope } from "../../../core/access/index.ts";
import { CASE_STATUS_LABELS } from "../../../core/cases/index.ts";
import {
  ACTION_KIND_LABELS,
  ACTION_STATUS_LABELS,
  type ActionInput,
  type ActionUpdate,
  actionProblems,
  daysOverdue,
  isOverdue,
  newAction,
  rentalServiceNotice,
  updateAction,
} from "../../../core/diagnosis/index.ts";
import type { Occupancy } from "../../../core/rules/index.ts";
import { todayInParis } from "../../../core/time/index.ts";
import { recordAudit } from "../../../db/audit/append.ts";
import {
  type ActionRecord,
  findAction,
  findDiagnosisRow,
  insertAction,
  listActions,
  planActionOf,
  updateActionRow,
} from "../../../db/caseContent/repository.ts";
import { type CaseRecord, findCase, findOrganisations } from "../../../db/cases/repository.ts";
import { aidProducts } from "../../../db/schema/index.ts";
import { HttpProblem, problemResponses } from "../../http/problems.ts";
import type { AppInstance } from "../../types.ts";
import {
  actorOf,
  auditContext,
  caseNotFound,
  caseProblemMessages,
  etagOf,
  loadCaseInScope,
  scopedResource,
  sessionOf,
} from "../cases/caseAccess.ts";
import { changeAtCurrentVersion, changeAtReadVersion, contentProblem } from "./access.ts";
import { DIAGNOSIS_OPEN } from "./diagnosis.ts";
import { contentProblemMessages, contentRouteMessages } from "./messages.fr.ts";

const ActionParams = Type.Object(
  {
    id: Type.String({ format: "uuid", description: "Identifiant du dossier." }),
    actionId: Type.String({ format: "uuid", description: "Identifiant de l'action." }),
  },
  { additionalProperties: false },
);
const CaseParams = Type.Object(
  { id: Type.String({ format: "uuid", description: "Identifiant du dossier." }) },
  { additionalProperties: false },
);

export function actionView(record: ActionRecord, directive: string, today: string): ActionView {
  const action = planActionOf(record);
  return {
    id: record.id,
    caseId: record.caseId,
    kind: record.kind,
    kindLabel: ACTION_KIND_LABELS[record.kind],
    title: record.title,
    catalogueItemId: record.catalogueItemId,
    externalAid: record.externalAid,
    owner: record.owner,
    partnerOrganisation:
      record.partnerOrganisationId === null
        ? null
        : { id: record.partnerOrganisationId, name: record.partnerOrganisationName ?? "" },
    dueOn: record.dueOn,
    status: record.status,
    statusLabel: ACTION_STATUS_LABELS[record.status],
    outcome: record.outcome,
    overdue: isOverdue(action, today),
    daysOverdue: daysOverdue(action, today),
    version: record.version,
    notice: record.kind === "rental_service" ? rentalServiceNotice(directive) : null,
    createdAt: record.createdAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
  };
}

function actionNotFound(): HttpProblem {
  const { title, detail } = contentProblemMessages.actionNotFound;
  return new HttpProblem(404, "action_not_found", title, detail);
}

function invalidField(path: string, code: string, message: string): HttpProblem {
  return HttpProblem.of(400, "validation_failed", { errors: [{ path, code, message }] });
}

/** The action's version the caller read, from If-Match (428 without, 412 when the action moved). */
function expectedActionVersion(request: FastifyRequest, current: number): number {
  const header = request.headers["if-match"];
  if (header === undefined || header.trim() === "") {
    const { title, detail } = caseProblemMessages.preconditionRequired;
    throw new HttpProblem(428, "precondition_required", title, detail);
  }
  const tags = header.split(",").map((tag) => tag.trim());
  if (tags.includes("*") || tags.includes(etagOf(current))) return current;
  throw actionPreconditionFailed(current);
}

function actionPreconditionFailed(current: number): HttpProblem {
  const { title, detail } = contentProblemMessages.actionPreconditionFailed;
  return new HttpProblem(412, "precondition_failed", title, detail, { currentEtag: etagOf(current) });
}

export async function actionRoutes(app: AppInstance): Promise<void> {
  const db = app.db;

  async function occupancyOf(caseId: string): Promise<Occupancy | undefined> {
    const row = await findDiagnosisRow(db.drizzle, caseId);
    return (row?.data as { housing?: { occupancy?: Occupancy } } | undefined)?.housing?.occupancy;
  }

  /** A partner's view: the case must be referred to their organisation (else 404, as for any case). */
  async function loadReferredCase(request: FastifyRequest, id: string): Promise<CaseRecord> {
    const record = await findCase(db.drizzle, id);
    const actor = actorOf(sessionOf(request));
    if (record === undefined || !isInScope(actor, "referrals.read", scopedResource(record))) {
      throw caseNotFound();
    }
    return record;
  }

  /** The one update handler, for counsellors and partners alike. */
  async function update(
    request: FastifyRequest,
    reply: FastifyReply,
    record: CaseRecord,
    actionId: string,
    partnerOrganisationId: string | undefined,
  ): Promise<ActionView> {
    const found = await findAction(db.drizzle, record.row.id, actionId);
    if (found === undefined) throw actionNotFound();
    if (partnerOrganisationId !== undefined && found.partnerOrganisationId !== partnerOrganisationId) {
      throw actionNotFound();
    }
    const version = expectedActionVersion(request, found.version);
    const change = request.body as ActionUpdate;
    const context = { directive: record.row.directive, requestedOn: record.row.requestedOn };
    await changeAtCurrentVersion(db, record.row.id, auditContext(request), async (row, tx) => {
      if (row.status === "closed") {
        const { title, detail } = contentProblemMessages.caseClosed;
        throw new HttpProblem(409, "CASE_CLOSED", title, detail);
      }
      const current = await findAction(tx, row.id, found.id);
      if (current === undefined) throw actionNotFound();
      if (current.version !== version) throw actionPreconditionFailed(current.version);
      const result = updateAction(planActionOf(current), change, context);
      if (!result.ok) throw contentProblem([result.error]);
      if (
        result.changed.length > 0 &&
        !(await updateActionRow(tx, { id: current.id, expectedVersion: version, action: result.action }))
      ) {
        throw actionPreconditionFailed(version + 1);
      }
      const data = {
        actionId: current.id,
        changed: result.changed,
        status: result.action.status,
        dueOn: result.action.dueOn,
        ...(partnerOrganisationId === undefined ? {} : { byPartnerOrganisationId: partnerOrganisationId }),
      };
      return {
        events: result.changed.length === 0 ? [] : [{ type: "action_updated", data }],
        audit: { action: "case.action_updated", details: data },
      };
    });
    const fresh = await findAction(db.drizzle, record.row.id, found.id);
    if (fresh === undefined) throw actionNotFound();
    reply.header("etag", etagOf(fresh.version));
    return actionView(fresh, record.row.directive, todayInParis());
  }

  const listResponse = { 200: Type.Ref("ActionList"), ...problemResponses(400, 401, 403, 404) };
  const updateSchema = (summary: string) => ({
    tags: ["cases"],
    summary,
    description: contentRouteMessages.actionsUpdateDescription,
    params: ActionParams,
    headers: Type.Object({
      "if-match": Type.Optional(Type.String({ description: contentRouteMessages.ifMatchAction })),
    }),
    body: Type.Ref("ActionUpdate"),
    response: { 200: Type.Ref("ActionView"), ...problemResponses(400, 401, 403, 404, 409, 412, 415, 428) },
  });

  app.get(
    "/api/v1/cases/:id/actions",
    {
      config: { permission: "cases.read" },
      schema: {
        tags: ["cases"],
        summary: contentRouteMessages.actionsListSummary,
        params: CaseParams,
        response: listResponse,
      },
    },
    async (request) => {
      const record = await loadCaseInScope(db.drizzle, request, request.params.id);
      await recordAudit(db.drizzle, {
        ...auditContext(request),
        action: "case.actions_read",
        targetType: "case",
        targetId: record.row.id,
      });
      const today = todayInParis();
      return {
        items: (await listActions(db.drizzle, record.row.id)).map((a) =>
          actionView(a, record.row.directive, today),
        ),
      };
    },
  );

  app.post(
    "/api/v1/cases/:id/actions",
    {
      config: { permission: "cases.change" },
      schema: {
        tags: ["cases"],
        summary: contentRouteMessages.actionsCreateSummary,
        description: contentRouteMessages.actionsCreateDescription,
        params: CaseParams,
        headers: Type.Object({
          "if-match": Type.Optional(Type.String({ description: contentRouteMessages.ifMatchCase })),
        }),
        body: Type.Ref("ActionInput"),
        response: {
          201: Type.Ref("ActionView"),
          ...problemResponses(400, 401, 403, 404, 409, 412, 415, 428),
        },
      },
    },
    async (request, reply) => {
      const record = await loadCaseInScope(db.drizzle, request, request.params.id, "cases.change");
      const input = request.body as ActionInput;
      const occupancy = await occupancyOf(record.row.id);
      const problems = actionProblems(input, {
        directive: record.row.directive,
        requestedOn: record.row.requestedOn,
        ...(occupancy === undefined ? {} : { occupancy }),
      });
      if (problems.length > 0) throw contentProblem(problems);
      if (input.partnerOrganisationId !== undefined) {
        const [partner] = await findOrganisations(db.drizzle, [input.partnerOrganisationId]);
        if (partner?.kind !== "partner") {
          throw invalidField("/partnerOrganisationId", "NOT_A_PARTNER", contentProblemMessages.notAPartner);
        }
        if (!record.referredOrganisationIds.includes(partner.id)) {
          const { title, detail } = contentProblemMessages.partnerNotReferred;
          throw new HttpProblem(409, "PARTNER_NOT_REFERRED", title, detail);
        }
      }
      if (input.catalogueItemId !== undefined) {
        const [product] = await db.drizzle
          .select({ id: aidProducts.id })
          .from(aidProducts)
          .where(eq(aidProducts.id, input.catalogueItemId));
        if (product === undefined) {
          throw invalidField(
            "/catalogueItemId",
            "UNKNOWN_CATALOGUE_ITEM",
            contentProblemMessages.unknownCatalogueItem,
          );
        }
      }
      const action = newAction(input);
      const userId = sessionOf(request).user.id;
      let actionId = "";
      await changeAtReadVersion(db, request, record, async (row, tx) => {
        if (!DIAGNOSIS_OPEN.includes(row.status)) {
          const { title, detail } = contentProblemMessages.planNotOpen;
          throw new HttpProblem(
            409,
            "PLAN_NOT_OPEN",
            title,
            detail(CASE_STATUS_LABELS[row.status].toLowerCase()),
          );
        }
        const stored = await insertAction(tx, { caseId: row.id, action, userId });
        actionId = stored.id;
        const data = {
          actionId: stored.id,
          kind: action.kind,
          owner: action.owner,
          dueOn: action.dueOn,
          ...(action.partnerOrganisationId === undefined
            ? {}
            : { partnerOrganisationId: action.partnerOrganisationId }),
        };
        return {
          events: [{ type: "action_added", data }],
          audit: { action: "case.action_added", details: data },
        };
      });
      const fresh = await findAction(db.drizzle, record.row.id, actionId);
      if (fresh === undefined) throw actionNotFound();
      reply.header("etag", etagOf(fresh.version));
      return reply.code(201).send(actionView(fresh, record.row.directive, todayInParis()));
    },
  );

  app.patch(
    "/api/v1/cases/:id/actions/:actionId",
    {
      config: { permission: "cases.change" },
      schema: updateSchema(contentRouteMessages.actionsUpdateSummary),
    },
    async (request, reply) => {
      const record = await loadCaseInScope(db.drizzle, request, request.params.id, "cases.change");
      return update(request, reply, record, request.params.actionId, undefined);
    },
  );

  app.get(
    "/api/v1/referrals/:id/actions",
    {
      config: { permission: "referrals.read" },
      schema: {
        tags: ["referrals"],
        summary: contentRouteMessages.partnerActionsListSummary,
        params: CaseParams,
        response: listResponse,
      },
    },
    async (request) => {
      const record = await loadReferredCase(request, request.params.id);
      const organisationId = sessionOf(request).organisation?.id ?? "";
      await recordAudit(db.drizzle, {
        ...auditContext(request),
        action: "referral.actions_read",
        targetType: "case",
        targetId: record.row.id,
      });
      const today = todayInParis();
      const items = await listActions(db.drizzle, record.row.id, organisationId);
      return { items: items.map((a) => actionView(a, record.row.directive, today)) };
    },
  );

  app.patch(
    "/api/v1/referrals/:id/actions/:actionId",
    {
      config: { permission: "referrals.actions.change" },
      schema: { ...updateSchema(contentRouteMessages.partnerActionsUpdateSummary), tags: ["referrals"] },
    },
    async (request, reply) => {
      const record = await loadReferredCase(request, request.params.id);
      const actor = actorOf(sessionOf(request));
      if (!isInScope(actor, "referrals.actions.change", scopedResource(record))) throw caseNotFound();
      return update(request, reply, record, request.params.actionId, actor.organisationId ?? "");
    },
  );
}
