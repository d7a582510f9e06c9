// GET /api/v1/rule-parameters: the settings that the directives leave to Action Logement Services, their
// values in force and their full history. Public read; a change needs the administrator role, which the
// HTTP API does not have yet: `appui parameters set` records one meanwhile.
import Type from "typebox";
import { isCalendarDate, RULE_PARAMETER_DEFINITIONS } from "../../../core/rules/index.ts";
import type { Database } from "../../../db/database.ts";
import { loadParameterTimeline, todayInParis } from "../../../db/ruleParameters.ts";
import { ruleParameterMessages } from "../../messages.fr.ts";
import { HttpProblem, problemResponses } from "../../problem.ts";
import type { AppInstance } from "../../types.ts";

const IsoDate = Type.String({ format: "date" });

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
}
