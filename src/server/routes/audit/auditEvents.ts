// GET /api/v1/audit-events: auditors search the trail by actor, target, case, person, action and period,
// newest first; GET /api/v1/audit-events/export: the same filters, as JSON Lines.

import { Readable } from "node:stream";
import Type from "typebox";
import { CASE_REFERENCE_PATTERN } from "../../../contracts/cases.ts";
import { todayInParis } from "../../../core/time/index.ts";
import { exportAuditTrail, searchAuditTrail } from "../../../services/audit/index.ts";
import { callerOf } from "../../http/caller.ts";
import { problemResponses } from "../../http/problems.ts";
import { auditMessages } from "../../messages.fr.ts";
import type { AppInstance } from "../../types.ts";
import { auditActorMessages } from "./messages.fr.ts";
import { auditPage, exportLine } from "./presenters.ts";

const Nullable = <T extends Type.TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

const SearchSchema = Type.Object(
  {
    actor: Type.Optional(Type.String({ format: "uuid", description: auditMessages.actorDescription })),
    // Ids only: no @ or spaces, so that nobody searches the trail by email or name.
    target: Type.Optional(
      Type.String({ pattern: "^[A-Za-z0-9._:-]{1,100}$", description: auditMessages.targetDescription }),
    ),
    case: Type.Optional(Type.String({ format: "uuid", description: auditMessages.caseDescription })),
    person: Type.Optional(
      Type.String({ pattern: CASE_REFERENCE_PATTERN, description: auditMessages.personDescription }),
    ),
    action: Type.Optional(
      Type.String({
        pattern: "^[a-z_]+(\\.[a-z_]+)*$",
        maxLength: 100,
        description: auditMessages.actionDescription,
      }),
    ),
    from: Type.Optional(Type.String({ format: "date-time", description: auditMessages.fromDescription })),
    to: Type.Optional(Type.String({ format: "date-time", description: auditMessages.toDescription })),
    before: Type.Optional(Type.Integer({ minimum: 1, description: auditMessages.beforeDescription })),
    limit: Type.Integer({
      minimum: 1,
      maximum: 200,
      default: 50,
      description: auditMessages.limitDescription,
    }),
  },
  { additionalProperties: false },
);

const ExportSchema = Type.Object(
  {
    actor: SearchSchema.properties.actor,
    target: SearchSchema.properties.target,
    case: SearchSchema.properties.case,
    person: SearchSchema.properties.person,
    action: SearchSchema.properties.action,
    from: SearchSchema.properties.from,
    to: SearchSchema.properties.to,
  },
  { additionalProperties: false },
);

const ActorSchema = Type.Object(
  {
    account: Type.Union([Type.Literal("active"), Type.Literal("deactivated"), Type.Literal("deleted")], {
      description: auditActorMessages.actorAccountDescription,
    }),
    displayName: Nullable(Type.String({ description: auditActorMessages.actorNameDescription })),
    role: Nullable(Type.String({ description: auditActorMessages.actorRoleDescription })),
  },
  { description: auditActorMessages.actorObjectDescription },
);

const AuditEventSchema = Type.Object({
  id: Type.String({ format: "uuid" }),
  seq: Type.Integer(),
  occurredAt: Type.String({ format: "date-time" }),
  actorUserId: Nullable(Type.String()),
  actorRole: Nullable(Type.String()),
  organisationId: Nullable(Type.String()),
  action: Type.String(),
  targetType: Nullable(Type.String()),
  targetId: Nullable(Type.String()),
  requestId: Nullable(Type.String()),
  clientAddress: Nullable(Type.String()),
  details: Type.Record(Type.String(), Type.Unknown()),
  prevHash: Type.String(),
  hash: Type.String(),
});

/** A search result: the stored entry, plus its author as known today (not part of the hashed entry). */
const FoundEventSchema = Type.Object({ ...AuditEventSchema.properties, actor: Nullable(ActorSchema) });

const PageSchema = Type.Object({
  items: Type.Array(FoundEventSchema),
  nextCursor: Nullable(Type.Integer()),
});

export async function auditRoutes(app: AppInstance): Promise<void> {
  app.get(
    "/api/v1/audit-events",
    {
      schema: {
        tags: ["audit"],
        summary: auditMessages.searchSummary,
        description: auditMessages.searchDescription,
        querystring: SearchSchema,
        response: { 200: PageSchema, ...problemResponses(400, 401, 403, 404) },
      },
      config: { permission: "audit.read" },
    },
    async (request) => auditPage(await searchAuditTrail(app.services, callerOf(request), request.query)),
  );

  app.get(
    "/api/v1/audit-events/export",
    {
      schema: {
        tags: ["audit"],
        summary: auditMessages.exportSummary,
        description: auditMessages.exportDescription,
        querystring: ExportSchema,
        produces: ["application/x-ndjson"],
        response: { ...problemResponses(400, 401, 403, 404) },
      },
      config: { permission: "audit.export" },
    },
    async (request, reply) => {
      const events = await exportAuditTrail(app.services, callerOf(request), request.query);
      async function* lines() {
        for await (const event of events) yield exportLine(event);
      }
      const day = todayInParis(app.services.now());
      return reply
        .type("application/x-ndjson; charset=utf-8")
        .header("content-disposition", `attachment; filename="journal-audit-${day}.jsonl"`)
        .header("cache-control", "no-store")
        .send(Readable.from(lines()));
    },
  );
}
