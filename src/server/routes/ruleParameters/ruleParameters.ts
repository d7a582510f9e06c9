// /api/v1/rule-parameters: the settings that the directives leave to Action Logement Services. GET (public)
// gives their values in force and their full history; POST (administrators) records a new dated value,
// with its reason, and its audit entry in the same transaction.
import Type from "typebox";
import { isCalendarDate, RULE_PARAMETER_DEFINITIONS } from "../../../core/rules/index.ts";
import type { Database } from "../../../db/database.ts";
import {
  loadParameterTimeline,
  ParameterValueError,
  REASON_MAX_LENGTH,
  recordParameterValue,
  todayInParis,
} from "../../../db/ruleParameters.ts";
import { recordAudit } from "../../audit/auditTrail.ts";
import { ruleParameterMessages } from "../../messages.fr.ts";
import { HttpProblem, problemResponses } from "../../problem.ts";
import type { AppInstance } from "../../types.ts";

const IsoDate = Type.String({ format: "date" });

const NewValueSchema = Type.Object(
  {
    key: Type.Enum(RULE_PARAMETER_DEFINITIONS.map((definition) => definition.key)),
    value: Type.Number({ description: "Nouvelle valeur, dans les bornes du paramètre." }),
    appliesFrom: Type.String({ format: "date", description: "Premier jour d'application (AAAA-MM-JJ)." }),
    reason: Type.String({ minLength: 1, maxLength: REASON_MAX_LENGTH, description: "Motif du changement." }),
  },
  { additionalProperties: false },
);

const RecordedValueSchema = Type.Object({
  key: Type.String(),
  value: Type.Number(),
  appliesFrom: IsoDate,
  recordedAt: Type.String({ format: "date-time" }),
  reason: Type.Union([Type.String(), Type.Null()]),
});

const RuleParametersSchema = Type.Object({
  date: Type.String({ format: "date", description: "Date des valeurs en vigueur renvoyées." }),
  values: Type.Object(
    { tempWorkerMinHours: Type.Number() },
    { description: "Valeurs en vigueur à cette date (par défaut, celles de la définition)." },
  ),
  definitions: Type.Array(
    Type.Object({
      key: Type.String(),
      label: Type.String(),
      unit: Type.String(),
      default: Type.Number(),
      min: Type.Number(),
      max: Type.Number(),
      integer: Type.Boolean(),
      clause: Type.String({ description: "Article qui laisse cette valeur à Action Logement Services." }),
    }),
  ),
  history: Type.Array(
    Type.Object({
      key: Type.String(),
      value: Type.Number(),
      appliesFrom: IsoDate,
      recordedAt: Type.String({ format: "date-time" }),
      reason: Type.Union([Type.String(), Type.Null()]),
    }),
    { description: "Valeurs enregistrées, par date d'application puis d'enregistrement." },
  ),
});

export async function ruleParameterRoutes(app: AppInstance, options: { db: Database }): Promise<void> {
  app.get(
    "/api/v1/rule-parameters",
    {
      schema: {
        tags: ["rules"],
        summary: ruleParameterMessages.summary,
        description: ruleParameterMessages.description,
        querystring: Type.Object(
          { date: Type.Optional(Type.String({ description: ruleParameterMessages.dateDescription })) },
          { additionalProperties: false },
        ),
        response: { 200: RuleParametersSchema, ...problemResponses(400) },
      },
    },
    async (request) => {
      const date = request.query.date ?? todayInParis();
      if (!isCalendarDate(date)) {
        throw HttpProblem.of(400, "validation_failed", {
          errors: [{ path: "/date", code: "INVALID_DATE", message: ruleParameterMessages.invalidDate }],
        });
      }
      const timeline = await loadParameterTimeline(options.db);
      return {
        date,
        values: timeline.inForce(date),
        definitions: RULE_PARAMETER_DEFINITIONS.map((definition) => ({ ...definition })),
        history: timeline.history.map((record) => ({
          key: record.key,
          value: record.value,
          appliesFrom: record.appliesFrom,
          recordedAt: record.recordedAt.toISOString(),
          reason: record.reason,
        })),
      };
    },
  );

  app.post(
    "/api/v1/rule-parameters",
    {
      config: { permission: "rule_parameters.change" },
      schema: {
        tags: ["rules"],
        summary: ruleParameterMessages.recordSummary,
        description: ruleParameterMessages.recordDescription,
        body: NewValueSchema,
        response: { 201: RecordedValueSchema, ...problemResponses(400, 401, 403, 415) },
      },
    },
    async (request, reply) => {
      const actor = request.auth;
      if (actor === null) throw HttpProblem.of(401, "unauthenticated");
      try {
        const record = await recordParameterValue(
          options.db,
          { ...request.body, recordedByUserId: actor.user.id },
          (tx, recorded) =>
            recordAudit(tx, {
              action: "rule_parameter.recorded",
              actorUserId: actor.user.id,
              actorRole: actor.role,
              organisationId: actor.organisation?.id ?? null,
              targetType: "rule_parameter",
              targetId: recorded.id,
              requestId: request.id,
              clientAddress: request.ip,
              details: { key: recorded.key, value: recorded.value, appliesFrom: recorded.appliesFrom },
            }),
        );
        return reply.code(201).send({
          key: record.key,
          value: record.value,
          appliesFrom: record.appliesFrom,
          recordedAt: record.recordedAt.toISOString(),
          reason: record.reason,
        });
      } catch (error) {
        if (!(error instanceof ParameterValueError)) throw error;
        throw HttpProblem.of(400, "validation_failed", {
          errors: [{ path: `/${error.field}`, code: "INVALID_PARAMETER_VALUE", message: error.message }],
        });
      }
    },
  );
}
