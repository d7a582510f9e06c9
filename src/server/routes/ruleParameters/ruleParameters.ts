// /api/v1/rule-parameters: the settings that the directives leave to Action Logement Services. GET (public)
// gives their values in force and their full history; POST (administrators) records a new dated value,
// with its reason, and its audit entry in the same transaction. GET /records (administrators) lists every
// recorded value, the finance threshold included, with who recorded it, and is audited.
import Type from "typebox";
import { isCalendarDate, RULE_PARAMETER_DEFINITIONS } from "../../../core/rules/index.ts";
import { todayInParis } from "../../../core/time/index.ts";
import { recordAudit } from "../../../db/audit/append.ts";
import type { Database } from "../../../db/database.ts";
import {
  authoredParameterRecords,
  loadParameterTimeline,
  ParameterValueError,
  REASON_MAX_LENGTH,
  recordParameterValue,
} from "../../../db/ruleParameters.ts";
import { HttpProblem, problemResponses } from "../../http/problems.ts";
import { ruleParameterMessages } from "../../messages.fr.ts";
import type { AppInstance } from "../../types.ts";
import { requestAuditFields } from "../auth/auth.ts";
import { parameterRecordMessages } from "./messages.fr.ts";

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

const StaffMemberSchema = Type.Object({ id: Type.String({ format: "uuid" }), displayName: Type.String() });

const ParameterRecordsSchema = Type.Object({
  items: Type.Array(
    Type.Object({
      key: Type.String(),
      label: Type.String(),
      value: Type.Number(),
      unit: Type.String(),
      appliesFrom: IsoDate,
      reason: Type.Union([Type.String(), Type.Null()]),
      recordedAt: Type.String({ format: "date-time" }),
      recordedBy: Type.Union([StaffMemberSchema, Type.Null()]),
    }),
    { description: "Valeurs enregistrées, la plus récente d'abord." },
  ),
});

/** Label and unit of a recorded key: a rule parameter's definition, else the finance texts, else the key. */
function describeKey(key: string): { label: string; unit: string } {
  const definition = RULE_PARAMETER_DEFINITIONS.find((candidate) => candidate.key === key);
  if (definition !== undefined) return { label: definition.label, unit: definition.unit };
  return parameterRecordMessages.labels[key] ?? { label: key, unit: "" };
}

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

  // Staff names stay off the public GET above (the simulator reads it): who recorded what is for admins.
  app.get(
    "/api/v1/rule-parameters/records",
    {
      config: { permission: "rule_parameters.change" },
      schema: {
        tags: ["rules"],
        summary: parameterRecordMessages.summary,
        description: parameterRecordMessages.description,
        response: { 200: ParameterRecordsSchema, ...problemResponses(401, 403) },
      },
    },
    async (request, reply) => {
      const records = await authoredParameterRecords(options.db);
      // Who recorded each value is staff personal data: the read is traced, as the users' list is.
      await recordAudit(options.db.drizzle, {
        ...requestAuditFields(request),
        action: "rule_parameter.records_listed",
        targetType: "rule_parameter",
        details: { returned: records.length },
      });
      reply.header("cache-control", "no-store");
      return {
        items: records.map((record) => ({
          key: record.key,
          ...describeKey(record.key),
          value: record.value,
          appliesFrom: record.appliesFrom,
          reason: record.reason,
          recordedAt: record.recordedAt.toISOString(),
          recordedBy:
            record.recordedByUserId === null
              ? null
              : { id: record.recordedByUserId, displayName: record.recordedByName ?? "" },
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
              ...requestAuditFields(request),
              action: "rule_parameter.recorded",
              targetType: "rule_parameter",
              targetId: recorded.id,
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
