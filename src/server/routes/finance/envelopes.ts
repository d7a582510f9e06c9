// /api/v1/finance/envelopes: a year's envelope (open, read in real time, allocations, forecast) and the
// dated four-eyes threshold. Schema → use case (src/services/finance/envelopes.ts) → the envelope.
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
  forecastEnvelope,
  openEnvelope,
  readEnvelope,
  readFourEyesThreshold,
  recordFourEyesThreshold,
  replaceAllocations,
} from "../../../services/finance/index.ts";
import { callerOf } from "../../http/caller.ts";
import { problemResponses } from "../../http/problems.ts";
import type { AppInstance } from "../../types.ts";
import { financeRouteMessages } from "./messages.fr.ts";

const { summaries } = financeRouteMessages;

const YearParams = Type.Object({ year: Type.Integer({ minimum: 2000, maximum: 2999 }) });

export async function envelopeRoutes(app: AppInstance): Promise<void> {
  app.post(
    "/api/v1/finance/envelopes",
    {
      config: { permission: "envelope.manage" },
      schema: {
        tags: ["finance"],
        summary: summaries.openEnvelope,
        body: OpenEnvelopeSchema,
        response: { 201: EnvelopeViewSchema, ...problemResponses(400, 401, 403, 409) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await openEnvelope(app.services, callerOf(request), request.body)),
  );

  app.get(
    "/api/v1/finance/envelopes/:year",
    {
      config: { permission: "envelope.read" },
      schema: {
        tags: ["finance"],
        summary: summaries.getEnvelope,
        params: YearParams,
        response: { 200: EnvelopeViewSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => readEnvelope(app.services, callerOf(request), request.params.year),
  );

  app.put(
    "/api/v1/finance/envelopes/:year/allocations",
    {
      config: { permission: "envelope.manage" },
      schema: {
        tags: ["finance"],
        summary: summaries.allocations,
        params: YearParams,
        body: AllocationsSchema,
        response: { 200: EnvelopeViewSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => replaceAllocations(app.services, callerOf(request), request.params.year, request.body),
  );

  app.get(
    "/api/v1/finance/envelopes/:year/forecast",
    {
      config: { permission: "envelope.read" },
      schema: {
        tags: ["finance"],
        summary: summaries.forecast,
        params: YearParams,
        querystring: Type.Object(
          { asOf: Type.Optional(Type.String({ description: "Date du calcul (AAAA-MM-JJ)." })) },
          { additionalProperties: false },
        ),
        response: { 200: ForecastViewSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => forecastEnvelope(app.services, callerOf(request), request.params.year, request.query),
  );

  app.get(
    "/api/v1/finance/four-eyes-threshold",
    {
      config: { permission: "envelope.read" },
      schema: {
        tags: ["finance"],
        summary: summaries.thresholdInForce,
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
    async (request) => readFourEyesThreshold(app.services, callerOf(request), request.query),
  );

  app.post(
    "/api/v1/finance/four-eyes-threshold",
    {
      config: { permission: "rule_parameters.change" },
      schema: {
        tags: ["finance"],
        summary: summaries.threshold,
        body: ThresholdSchema,
        response: {
          201: Type.Object({ valueCents: Type.Integer(), appliesFrom: Type.String({ format: "date" }) }),
          ...problemResponses(400, 401, 403),
        },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await recordFourEyesThreshold(app.services, callerOf(request), request.body)),
  );
}
