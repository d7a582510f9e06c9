// /api/v1/finance/catalogue: the aid products in force on a date and their full history (read by staff who
// propose or decide), and recording a dated new version (administrators).
import Type from "typebox";
import { ProductInputSchema, ProductViewSchema } from "../../../contracts/finance.ts";
import { isAllowed } from "../../../core/access/index.ts";
import { todayInParis } from "../../../core/time/index.ts";
import { recordAudit } from "../../../db/audit/append.ts";
import type { Database } from "../../../db/database.ts";
import {
  catalogueHistory,
  catalogueOn,
  type ProductRow,
  recordProduct,
} from "../../../db/finance/catalogue.ts";
import { staffMember, staffNames } from "../../../db/finance/staffNames.ts";
import { problemResponses } from "../../http/problems.ts";
import type { AppInstance } from "../../types.ts";
import { asProblems, financeActor, requireCalendarDate } from "./financeAccess.ts";
import { financeMessages } from "./messages.fr.ts";

/** A product version as answered, naming who recorded it (`names` from `staffNames`; null: nobody named). */
function productView(row: ProductRow, names: ReadonlyMap<string, string> | null) {
  return {
    id: row.id,
    code: row.code,
    version: row.version,
    kind: row.kind,
    name: row.name,
    maxAmountCents: row.maxAmountCents,
    rateBp: row.rateBp,
    maxDurationMonths: row.maxDurationMonths,
    deferralMonths: row.deferralMonths,
    directives: row.directives,
    active: row.active,
    appliesFrom: row.appliesFrom,
    recordedAt: row.recordedAt.toISOString(),
    recordedBy: names === null ? null : staffMember(names, row.recordedByUserId),
    reason: row.reason,
  };
}

export async function catalogueRoutes(app: AppInstance, options: { db: Database }): Promise<void> {
  const db = options.db.drizzle;

  app.get(
    "/api/v1/finance/catalogue",
    {
      config: { permission: "catalogue.read" },
      schema: {
        tags: ["finance"],
        summary: financeMessages.summaries.catalogue,
        querystring: Type.Object(
          { date: Type.Optional(Type.String({ description: "Date (AAAA-MM-JJ), aujourd'hui par défaut." })) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            date: Type.String({ format: "date" }),
            products: Type.Array(ProductViewSchema, {
              description: "Versions en vigueur, produits retirés exclus.",
            }),
            history: Type.Array(ProductViewSchema),
          }),
          ...problemResponses(400, 401, 403),
        },
      },
    },
    async (request) => {
      const date = request.query.date ?? todayInParis();
      requireCalendarDate("/date", date);
      const inForce = (await catalogueOn(db, date)).filter((row) => row.active);
      const history = await catalogueHistory(db);
      // Who recorded a version is staff personal data: only those who manage the catalogue read it; the
      // counsellors proposing aids and the budget controllers get the terms without the name.
      const role = request.auth?.role;
      const namesShown = role !== undefined && isAllowed(role, "catalogue.manage");
      const names = namesShown
        ? await staffNames(
            db,
            [...inForce, ...history].map((row) => row.recordedByUserId),
          )
        : null;
      return {
        date,
        products: inForce.map((row) => productView(row, names)),
        history: history.map((row) => productView(row, names)),
      };
    },
  );

  app.post(
    "/api/v1/finance/catalogue",
    {
      config: { permission: "catalogue.manage" },
      schema: {
        tags: ["finance"],
        summary: financeMessages.summaries.recordProduct,
        body: ProductInputSchema,
        response: { 201: ProductViewSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const actor = financeActor(request);
      requireCalendarDate("/appliesFrom", request.body.appliesFrom);
      const view = await asProblems(() =>
        db.transaction(async (tx) => {
          const recorded = await recordProduct(tx, request.body, actor.userId);
          await recordAudit(tx, {
            action: "catalogue.product_recorded",
            actorUserId: actor.userId,
            actorRole: actor.role,
            organisationId: actor.organisationId,
            requestId: actor.requestId,
            clientAddress: actor.clientAddress,
            targetType: "aid_product",
            targetId: recorded.id,
            details: {
              code: recorded.code,
              version: recorded.version,
              maxAmountCents: recorded.maxAmountCents,
              rateBp: recorded.rateBp,
              appliesFrom: recorded.appliesFrom,
              active: recorded.active,
            },
          });
          return productView(recorded, await staffNames(tx, [recorded.recordedByUserId]));
        }),
      );
      return reply.code(201).send(view);
    },
  );
}
