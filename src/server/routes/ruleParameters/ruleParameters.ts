// /api/v1/rule-parameters: the settings that the directives leave to Action Logement Services. GET (public)
// gives their values in force and their full history; POST (administrators) records a new dated value,
// with its reason, and its audit entry in the same transaction. GET /records (administrators) lists every
// recorded value, the finance threshold included, with who recorded it, and is audited.
import Type from "typebox";
import { RULE_PARAMETER_DEFINITIONS } from "../../../core/rules/index.ts";
import {
  listParameterRecords,
  REASON_MAX_LENGTH,
  recordParameterValue,
  ruleParametersOn,
} from "../../../services/parameters/index.ts";
import { callerOf } from "../../http/caller.ts";
import { problemResponses } from "../../http/problems.ts";
import { ruleParameterMessages } from "../../messages.fr.ts";
import type { AppInstance } from "../../types.ts";
import { parameterRecordMessages } from "./messages.fr.ts";
import { parameterRecordList, parametersOn, recordedValue } from "./presenters.ts";

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

export async function ruleParameterRoutes(app: AppInstance): Promise<void> {
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
    async (request) => parametersOn(await ruleParametersOn(app.services, request.query.date)),
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
      const records = await listParameterRecords(app.services, callerOf(request));
      reply.header("cache-control", "no-store");
      return parameterRecordList(records);
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
    async (request, reply) =>
      reply
        .code(201)
        .send(recordedValue(await recordParameterValue(app.services, callerOf(request), request.body))),
  );
}
