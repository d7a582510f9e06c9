// /api/v1/finance/envelopes: a year's envelope (open, read in real time, allocations, forecast) and the
// dated four-eyes threshold. Totals are summed from the aids when read; changes run under the envelope lock.
import { and, count, eq, sum } from "drizzle-orm";
import Type from "typebox";
import {
  AllocationsSchema,
  EnvelopeViewSchema,
  ForecastViewSchema,
  OpenEnvelopeSchema,
  ThresholdInForceSchema,
  ThresholdSchema,
} from "../../../contracts/finance.ts";
import {
  ALERT_LABELS,
  alertLevel,
  available,
  DEFAULT_FOUR_EYES_THRESHOLD_CENTS,
  FOUR_EYES_THRESHOLD_KEY,
  forecastExhaustion,
  monthlyConsumption,
  projectedMonthly,
  seasonalProjection,
} from "../../../core/finance/index.ts";
import { todayInParis } from "../../../core/time/index.ts";
import type { Database, Drizzle } from "../../../db/database.ts";
import { fourEyesThresholdInForce, offerQueue, recordFinanceAudit } from "../../../db/finance/aids.ts";
import {
  commitmentMovements,
  type EnvelopeRow,
  envelopeState,
  findEnvelope,
  openYearEnvelope,
  replaceAllocations,
} from "../../../db/finance/envelopes.ts";
import { FinanceNotFoundError } from "../../../db/finance/errors.ts";
import { aids, ruleParameterValues } from "../../../db/schema/index.ts";
import { problemResponses } from "../../http/problems.ts";
import type { AppInstance } from "../../types.ts";
import { asProblems, financeActor, inMoneyLane, requireCalendarDate } from "./financeAccess.ts";
import { financeMessages } from "./messages.fr.ts";
import type { MoneyLane } from "./moneyLane.ts";

const YearParams = Type.Object({ year: Type.Integer({ minimum: 2000, maximum: 2999 }) });

/** The envelope as a budget controller reads it: every total, nationally and per allocation. */
export async function envelopeView(tx: Drizzle, envelope: EnvelopeRow) {
  const state = await envelopeState(tx, envelope);
  const [queued] = await tx
    .select({ count: count(), cents: sum(aids.amountCents) })
    .from(aids)
    .where(and(eq(aids.year, envelope.year), eq(aids.status, "queued")));
  const used = state.national.reserved + state.national.committed;
  const level = alertLevel(envelope.nationalCents, used);
  return {
    year: envelope.year,
    nationalCents: envelope.nationalCents,
    reservedCents: state.national.reserved,
    committedCents: state.national.committed,
    disbursedCents: state.national.disbursed,
    availableCents: available(state),
    queuedCount: queued?.count ?? 0,
    queuedCents: Number(queued?.cents ?? 0),
    level,
    label: ALERT_LABELS[level],
    allocations: envelope.allocations.map((allocation) => {
      const amounts = state.byAllocation[allocation.code] ?? { reserved: 0, committed: 0, disbursed: 0 };
      return {
        ...allocation,
        reservedCents: amounts.reserved,
        committedCents: amounts.committed,
        disbursedCents: amounts.disbursed,
        availableCents: available(state, allocation.code),
      };
    }),
  };
}

export async function envelopeRoutes(
  app: AppInstance,
  options: { db: Database; lane: MoneyLane },
): Promise<void> {
  const db = options.db.drizzle;
  const { lane } = options;

  app.post(
    "/api/v1/finance/envelopes",
    {
      config: { permission: "envelope.manage" },
      schema: {
        tags: ["finance"],
        summary: financeMessages.summaries.openEnvelope,
        body: OpenEnvelopeSchema,
        response: { 201: EnvelopeViewSchema, ...problemResponses(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      const actor = financeActor(request);
      const view = await inMoneyLane(db, lane, async (tx) => {
        const envelope = await openYearEnvelope(tx, {
          ...request.body,
          allocations: request.body.allocations ?? [],
          openedByUserId: actor.userId,
        });
        await recordFinanceAudit(tx, actor, {
          action: "envelope.opened",
          targetType: "envelope",
          targetId: envelope.id,
          details: {
            year: envelope.year,
            nationalCents: envelope.nationalCents,
            allocations: envelope.allocations.length,
          },
        });
        // Proposals waiting for this year, or left over from earlier ones, are offered in request order.
        await offerQueue(tx, envelope, actor, true);
        return envelopeView(tx, envelope);
      });
      return reply.code(201).send(view);
    },
  );

  app.get(
    "/api/v1/finance/envelopes/:year",
    {
      config: { permission: "envelope.read" },
      schema: {
        tags: ["finance"],
        summary: financeMessages.summaries.getEnvelope,
        params: YearParams,
        response: { 200: EnvelopeViewSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      asProblems(async () => {
        const envelope = await findEnvelope(db, request.params.year);
        if (envelope === undefined) throw new FinanceNotFoundError("envelope");
        return envelopeView(db, envelope);
      }),
  );

  app.put(
    "/api/v1/finance/envelopes/:year/allocations",
    {
      config: { permission: "envelope.manage" },
      schema: {
        tags: ["finance"],
        summary: financeMessages.summaries.allocations,
        params: YearParams,
        body: AllocationsSchema,
        response: { 200: EnvelopeViewSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const actor = financeActor(request);
      return inMoneyLane(db, lane, async (tx) => {
        const envelope = await replaceAllocations(tx, request.params.year, request.body.allocations);
        await recordFinanceAudit(tx, actor, {
          action: "envelope.allocations_replaced",
          targetType: "envelope",
          targetId: envelope.id,
          details: {
            year: envelope.year,
            allocations: envelope.allocations.map(({ code, amountCents }) => ({ code, amountCents })),
          },
        });
        await offerQueue(tx, envelope, actor, false);
        return envelopeView(tx, envelope);
      });
    },
  );

  app.get(
    "/api/v1/finance/envelopes/:year/forecast",
    {
      config: { permission: "envelope.read" },
      schema: {
        tags: ["finance"],
        summary: financeMessages.summaries.forecast,
        params: YearParams,
        querystring: Type.Object(
          { asOf: Type.Optional(Type.String({ description: "Date du calcul (AAAA-MM-JJ)." })) },
          { additionalProperties: false },
        ),
        response: { 200: ForecastViewSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const asOf = request.query.asOf ?? todayInParis();
      requireCalendarDate("/asOf", asOf);
      return asProblems(async () => {
        const year = request.params.year;
        const envelope = await findEnvelope(db, year);
        if (envelope === undefined) throw new FinanceNotFoundError("envelope");
        const monthly = monthlyConsumption(year, await commitmentMovements(db, year));
        // A date outside the year reads the year as it stood at its end (or before it started).
        const day =
          asOf < `${year}-01-01` ? `${year}-01-01` : asOf > `${year}-12-31` ? `${year}-12-31` : asOf;
        const linear = forecastExhaustion({ national: envelope.nationalCents, monthly, asOf: day });
        // Last year's months give the season, when there is a last year to read.
        const seasonal =
          linear.left > 0
            ? seasonalProjection({
                national: envelope.nationalCents,
                monthly,
                lastYear: monthlyConsumption(year - 1, await commitmentMovements(db, year - 1)),
                asOf: day,
              })
            : undefined;
        const forecast =
          seasonal === undefined
            ? linear
            : {
                ...linear,
                exhaustionDate: seasonal.exhaustionDate,
                exhaustedWithinYear: seasonal.exhaustionDate !== null,
              };
        const alerts: string[] = [];
        if (forecast.level === "alert_80") alerts.push(financeMessages.alert80(year));
        if (forecast.level === "alert_95" || forecast.level === "exhausted") {
          alerts.push(financeMessages.alert95(year));
        }
        if (forecast.exhaustedWithinYear && forecast.exhaustionDate !== null && forecast.left > 0) {
          alerts.push(financeMessages.exhaustionBeforeYearEnd(year, forecast.exhaustionDate));
        }
        return {
          year,
          asOf: day,
          nationalCents: envelope.nationalCents,
          monthlyCents: monthly,
          consumedCents: forecast.consumed,
          leftCents: forecast.left,
          consumedBp: forecast.consumedBp,
          pacePerMonthCents: forecast.pacePerMonth,
          windowMonths: forecast.windowMonths,
          method: seasonal === undefined ? ("linear" as const) : ("seasonal" as const),
          projectedYearEndCents: seasonal?.yearEnd ?? null,
          exhaustionDate: forecast.exhaustionDate,
          exhaustedWithinYear: forecast.exhaustedWithinYear,
          level: forecast.level,
          label: forecast.label,
          alerts,
          // A past year has nothing left to project.
          projectedMonthlyCents:
            asOf > `${year}-12-31`
              ? Array.from({ length: 12 }, () => null)
              : projectedMonthly({ monthly, asOf: day, pacePerMonth: linear.pacePerMonth, seasonal }),
        };
      });
    },
  );

  app.get(
    "/api/v1/finance/four-eyes-threshold",
    {
      config: { permission: "envelope.read" },
      schema: {
        tags: ["finance"],
        summary: financeMessages.summaries.thresholdInForce,
        querystring: Type.Object(
          {
            date: Type.Optional(
              Type.String({ description: "Date de lecture (AAAA-MM-JJ), aujourd'hui par défaut." }),
            ),
          },
          { additionalProperties: false },
        ),
        response: { 200: ThresholdInForceSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const date = request.query.date ?? todayInParis();
      requireCalendarDate("/date", date);
      const inForce = await fourEyesThresholdInForce(db, date);
      return { ...inForce, defaultCents: DEFAULT_FOUR_EYES_THRESHOLD_CENTS };
    },
  );

  app.post(
    "/api/v1/finance/four-eyes-threshold",
    {
      config: { permission: "rule_parameters.change" },
      schema: {
        tags: ["finance"],
        summary: financeMessages.summaries.threshold,
        body: ThresholdSchema,
        response: {
          201: Type.Object({ valueCents: Type.Integer(), appliesFrom: Type.String({ format: "date" }) }),
          ...problemResponses(400, 401, 403),
        },
      },
    },
    async (request, reply) => {
      const actor = financeActor(request);
      const { valueCents, appliesFrom, reason } = request.body;
      requireCalendarDate("/appliesFrom", appliesFrom);
      await db.transaction(async (tx) => {
        const [row] = await tx
          .insert(ruleParameterValues)
          .values({
            key: FOUR_EYES_THRESHOLD_KEY,
            value: valueCents,
            appliesFrom,
            reason: reason.trim(),
            recordedByUserId: actor.userId,
          })
          .returning({ id: ruleParameterValues.id });
        await recordFinanceAudit(tx, actor, {
          action: "rule_parameter.recorded",
          targetType: "rule_parameter",
          targetId: row?.id ?? null,
          details: { key: FOUR_EYES_THRESHOLD_KEY, value: valueCents, appliesFrom },
        });
      });
      return reply.code(201).send({ valueCents, appliesFrom });
    },
  );
}
