// /api/v1/finance/alerts: the envelope's consumption alerts (80 %, 95 %, exhausted), raised by the
// proposal or approval that crossed the line. Budget controllers read them all and acknowledge them;
// managers read the national ones and those of their agency's or region's allocation.
import { eq } from "drizzle-orm";
import Type from "typebox";
import { AlertListSchema, AlertViewSchema } from "../../../contracts/finance.ts";
import { type Role, scopeOf } from "../../../core/access/index.ts";
import type { Database, Drizzle } from "../../../db/database.ts";
import type { FinanceActor } from "../../../db/finance/aids.ts";
import { recordFinanceAudit } from "../../../db/finance/aids.ts";
import {
  type AlertAudience,
  acknowledgeEnvelopeAlert,
  listEnvelopeAlerts,
} from "../../../db/finance/alerts.ts";
import { organisations } from "../../../db/schema/index.ts";
import { problemResponses } from "../../http/problems.ts";
import type { AppInstance } from "../../types.ts";
import { asProblems, financeActor } from "./financeAccess.ts";
import { financeMessages } from "./messages.fr.ts";

/** A manager's allocations are the ones coded with their agency's id or its region. */
async function audienceOf(db: Drizzle, actor: FinanceActor): Promise<AlertAudience> {
  if (scopeOf(actor.role as Role, "envelope.read") === "all") return { all: true };
  if (actor.organisationId === null) return { all: false, codes: [] };
  const [organisation] = await db
    .select({ region: organisations.region })
    .from(organisations)
    .where(eq(organisations.id, actor.organisationId));
  return {
    all: false,
    codes: organisation === undefined ? [actor.organisationId] : [actor.organisationId, organisation.region],
  };
}

export async function alertRoutes(app: AppInstance, options: { db: Database }): Promise<void> {
  const db = options.db.drizzle;

  app.get(
    "/api/v1/finance/alerts",
    {
      config: { permission: "envelope.read" },
      schema: {
        tags: ["finance"],
        summary: financeMessages.summaries.listAlerts,
        querystring: Type.Object(
          {
            year: Type.Integer({ minimum: 2000, maximum: 2999 }),
            open: Type.Optional(Type.Boolean({ description: "true : seulement celles non encore lues." })),
          },
          { additionalProperties: false },
        ),
        response: { 200: AlertListSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const actor = financeActor(request);
      const items = await listEnvelopeAlerts(
        db,
        { year: request.query.year, open: request.query.open },
        await audienceOf(db, actor),
      );
      return { items };
    },
  );

  app.post(
    "/api/v1/finance/alerts/:id/acknowledge",
    {
      config: { permission: "alerts.acknowledge" },
      schema: {
        tags: ["finance"],
        summary: financeMessages.summaries.acknowledgeAlert,
        params: Type.Object({ id: Type.String({ format: "uuid" }) }),
        response: { 200: AlertViewSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const actor = financeActor(request);
      return asProblems(() =>
        db.transaction(async (tx) => {
          const alert = await acknowledgeEnvelopeAlert(tx, request.params.id, actor.userId);
          await recordFinanceAudit(tx, actor, {
            action: "envelope.alert_acknowledged",
            targetType: "envelope_alert",
            targetId: alert.id,
            details: { year: alert.year, level: alert.level, scope: alert.scope, scopeCode: alert.scopeCode },
          });
          return alert;
        }),
      );
    },
  );
}
