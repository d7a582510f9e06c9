// The managers' statistics (GET /api/v1/statistics) and the agency's counsellors (GET
// /api/v1/agency/counsellors): aggregates of one agency only. No person's name, contact or free text
// ever appears here; the only names are those of the agency's staff, to read their caseload.
import Type, { type Static } from "typebox";
import { CASE_STATUSES, CLOSURE_REASONS, DECISION_KINDS } from "../core/cases/index.ts";
import { CLOSURE_OUTCOMES } from "../core/diagnosis/index.ts";
import { REQUEST_CHANNELS } from "./cases.ts";

const Day = (description: string) => Type.String({ format: "date", description });
const Count = Type.Integer({ minimum: 0 });
const Nullable = <T extends Type.TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const StatisticsQuerySchema = Type.Object(
  {
    from: Type.Optional(Day("Premier jour de la période (inclus). Par défaut : il y a 12 mois.")),
    to: Type.Optional(Day("Dernier jour de la période (inclus). Par défaut : aujourd'hui.")),
  },
  { additionalProperties: false },
);
export type StatisticsQuery = Static<typeof StatisticsQuerySchema>;

const ByChannel = Type.Object(
  Object.fromEntries(REQUEST_CHANNELS.map((channel) => [channel, Count])) as Record<
    (typeof REQUEST_CHANNELS)[number],
    typeof Count
  >,
);

const DurationSummary = Type.Object({
  count: Type.Integer({ minimum: 0, description: "Nombre de dossiers mesurés." }),
  median: Nullable(Type.Integer({ description: "Médiane, en jours." })),
  p90: Nullable(
    Type.Integer({ description: "9e décile (90 % des dossiers en ce délai ou moins), en jours." }),
  ),
});

export const StatisticsSchema = Type.Object({
  period: Type.Object({ from: Day("Premier jour."), to: Day("Dernier jour.") }),
  opened: Type.Object(
    {
      total: Count,
      byChannel: ByChannel,
      byDirective: Type.Array(Type.Object({ directive: Type.String(), count: Count })),
      byMonth: Type.Array(
        Type.Object({
          month: Type.String({ pattern: "^\\d{4}-\\d{2}$" }),
          total: Count,
          byChannel: ByChannel,
          byDirective: Type.Array(Type.Object({ directive: Type.String(), count: Count })),
        }),
      ),
    },
    { description: "Demandes reçues pendant la période (date de la demande)." },
  ),
  decisions: Type.Object(
    { byKind: Type.Array(Type.Object({ kind: Type.Enum(DECISION_KINDS), count: Count })) },
    { description: "Décisions prises sur les demandes reçues pendant la période." },
  ),
  current: Type.Object(
    {
      byStatus: Type.Array(Type.Object({ status: Type.Enum(CASE_STATUSES), count: Count })),
      openCases: Count,
      unassignedOpenCases: Count,
      overdueActions: Count,
      casesWithOverdueActions: Count,
    },
    { description: "État du portefeuille aujourd'hui, quelle que soit la période." },
  ),
  counsellors: Type.Array(
    Type.Object({
      id: Type.String({ format: "uuid" }),
      displayName: Type.String(),
      openCases: Count,
      overdueActions: Count,
    }),
    {
      description: "Dossiers ouverts (non clôturés) et actions en retard de chaque conseiller, aujourd'hui.",
    },
  ),
  quality: Type.Object(
    {
      toFirstContact: DurationSummary,
      toDiagnosis: DurationSummary,
      toClosure: DurationSummary,
    },
    { description: "Délais depuis la demande, pour les étapes atteintes pendant la période." },
  ),
  closures: Type.Object(
    {
      total: Count,
      byReason: Type.Array(Type.Object({ reason: Type.Enum(CLOSURE_REASONS), count: Count })),
      byOutcome: Type.Array(Type.Object({ outcome: Type.Enum(CLOSURE_OUTCOMES), count: Count })),
    },
    { description: "Dossiers clôturés pendant la période : motifs et résultats obtenus." },
  ),
  survey: Type.Object(
    {
      answered: Count,
      byRating: Type.Array(Type.Object({ rating: Type.Integer({ minimum: 1, maximum: 5 }), count: Count })),
    },
    { description: "Réponses au questionnaire de satisfaction reçues pendant la période." },
  ),
});
export type Statistics = Static<typeof StatisticsSchema>;

export const AgencyCounsellorsSchema = Type.Array(
  Type.Object({
    id: Type.String({ format: "uuid" }),
    displayName: Type.String(),
    openCases: Count,
  }),
);
export type AgencyCounsellors = Static<typeof AgencyCounsellorsSchema>;
