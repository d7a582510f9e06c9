// GET /api/v1/statistics (and .csv): a manager's figures for their own agency. Aggregates only, so a read
// is not a read of anyone's personal data: no per-person audit entry, and nothing personal in the logs.
import { stringify } from "csv-stringify/sync";
import { REQUEST_CHANNELS } from "../../../contracts/cases.ts";
import {
  type Statistics,
  type StatisticsQuery,
  StatisticsQuerySchema,
  StatisticsSchema,
} from "../../../contracts/statistics.ts";
import { CASE_STATUSES, CLOSURE_REASONS, DECISION_KINDS } from "../../../core/cases/index.ts";
import { CLOSURE_OUTCOMES } from "../../../core/diagnosis/index.ts";
import {
  monthBuckets,
  monthsOf,
  type Period,
  resolvePeriod,
  summariseDurations,
  tally,
} from "../../../core/statistics/index.ts";
import { todayInParis } from "../../../core/time/index.ts";
import { type AgencyFigures, agencyFigures } from "../../../db/statistics.ts";
import { HttpProblem, problemResponses } from "../../http/problems.ts";
import type { AppInstance } from "../../types.ts";
import { agencyOf } from "./agency.ts";
import { STATISTICS_CSV_HEADINGS, statisticsRouteMessages } from "./messages.fr.ts";

const SURVEY_RATINGS = ["1", "2", "3", "4", "5"] as const;

function periodOf(query: StatisticsQuery): Period {
  const resolved = resolvePeriod(query, todayInParis());
  if (!resolved.ok) {
    const errors = resolved.problems.map(({ path, code, message }) => ({ path, code, message }));
    throw HttpProblem.of(400, "validation_failed", { errors });
  }
  return resolved.period;
}

/** The figures as the API shows them: complete tables (zeros included), durations summarised. */
export function presentStatistics(period: Period, figures: AgencyFigures): Statistics {
  const byMonth = monthBuckets(monthsOf(period), REQUEST_CHANNELS, figures.opened);
  const byChannel = Object.fromEntries(
    REQUEST_CHANNELS.map((channel) => [
      channel,
      byMonth.reduce((sum, month) => sum + month.byChannel[channel], 0),
    ]),
  ) as Statistics["opened"]["byChannel"];
  const byDirective = tally(
    [],
    figures.opened.map((row) => ({ key: row.directive, count: row.count })),
  ).map(({ key, count }) => ({ directive: key, count }));
  const byStatus = tally(CASE_STATUSES, figures.byStatus).filter((entry) =>
    (CASE_STATUSES as readonly string[]).includes(entry.key),
  );
  const ratings = tally(SURVEY_RATINGS, figures.ratings);
  return {
    period,
    opened: {
      total: byMonth.reduce((sum, month) => sum + month.total, 0),
      byChannel,
      byDirective,
      byMonth,
    },
    decisions: {
      byKind: tally(DECISION_KINDS, figures.decisions)
        .filter((entry) => (DECISION_KINDS as readonly string[]).includes(entry.key))
        .map(({ key, count }) => ({ kind: key, count })),
    },
    current: {
      byStatus: byStatus.map(({ key, count }) => ({ status: key, count })),
      openCases: byStatus
        .filter((entry) => entry.key !== "closed")
        .reduce((sum, entry) => sum + entry.count, 0),
      unassignedOpenCases: figures.unassignedOpenCases,
      overdueActions: figures.overdue.actions,
      casesWithOverdueActions: figures.overdue.cases,
    },
    counsellors: figures.counsellors,
    quality: {
      toFirstContact: summariseDurations(figures.durations.toFirstContact),
      toDiagnosis: summariseDurations(figures.durations.toDiagnosis),
      toClosure: summariseDurations(figures.durations.toClosure),
    },
    closures: {
      total: figures.closureReasons.reduce((sum, row) => sum + row.count, 0),
      byReason: tally(CLOSURE_REASONS, figures.closureReasons)
        .filter((entry) => (CLOSURE_REASONS as readonly string[]).includes(entry.key))
        .map(({ key, count }) => ({ reason: key, count })),
      byOutcome: tally(CLOSURE_OUTCOMES, figures.closureOutcomes)
        .filter((entry) => (CLOSURE_OUTCOMES as readonly string[]).includes(entry.key))
        .map(({ key, count }) => ({ outcome: key, count })),
    },
    survey: {
      answered: ratings.reduce((sum, entry) => sum + entry.count, 0),
      byRating: ratings
        .filter((entry) => (SURVEY_RATINGS as readonly string[]).includes(entry.key))
        .map(({ key, count }) => ({ rating: Number(key), count })),
    },
  };
}

/** One line per figure: section, key, value; what a spreadsheet pivots without knowing the JSON. */
function csvLines(statistics: Statistics): (string | number)[][] {
  const lines: (string | number)[][] = [
    ["période", "début", statistics.period.from],
    ["période", "fin", statistics.period.to],
  ];
  for (const month of statistics.opened.byMonth) {
    lines.push(["demandes_par_mois", month.month, month.total]);
    for (const channel of REQUEST_CHANNELS) {
      lines.push([`demandes_par_mois_${channel}`, month.month, month.byChannel[channel]]);
    }
  }
  for (const entry of statistics.opened.byDirective)
    lines.push(["demandes_par_directive", entry.directive, entry.count]);
  for (const entry of statistics.decisions.byKind) lines.push(["décisions", entry.kind, entry.count]);
  for (const entry of statistics.current.byStatus)
    lines.push(["dossiers_par_étape", entry.status, entry.count]);
  lines.push(["portefeuille", "dossiers_ouverts", statistics.current.openCases]);
  lines.push(["portefeuille", "dossiers_sans_conseiller", statistics.current.unassignedOpenCases]);
  lines.push(["portefeuille", "actions_en_retard", statistics.current.overdueActions]);
  for (const counsellor of statistics.counsellors) {
    lines.push(["dossiers_ouverts_par_conseiller", counsellor.displayName, counsellor.openCases]);
    lines.push(["actions_en_retard_par_conseiller", counsellor.displayName, counsellor.overdueActions]);
  }
  for (const [name, summary] of Object.entries(statistics.quality)) {
    lines.push([`délai_${name}`, "dossiers", summary.count]);
    lines.push([`délai_${name}`, "médiane_jours", summary.median ?? ""]);
    lines.push([`délai_${name}`, "9e_décile_jours", summary.p90 ?? ""]);
  }
  for (const entry of statistics.closures.byReason)
    lines.push(["clôtures_par_motif", entry.reason, entry.count]);
  for (const entry of statistics.closures.byOutcome) lines.push(["résultats", entry.outcome, entry.count]);
  for (const entry of statistics.survey.byRating)
    lines.push(["satisfaction", String(entry.rating), entry.count]);
  return lines;
}

export async function statisticsRoutes(app: AppInstance): Promise<void> {
  const db = app.db.drizzle;
  const schema = {
    tags: ["statistics"],
    querystring: StatisticsQuerySchema,
  };

  async function statisticsFor(organisationId: string, query: StatisticsQuery): Promise<Statistics> {
    const period = periodOf(query);
    return presentStatistics(period, await agencyFigures(db, organisationId, period));
  }

  app.get(
    "/api/v1/statistics",
    {
      config: { permission: "statistics.read" },
      schema: {
        ...schema,
        summary: statisticsRouteMessages.statisticsSummary,
        description: statisticsRouteMessages.statisticsDescription,
        response: { 200: StatisticsSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => statisticsFor(agencyOf(request), request.query),
  );

  app.get(
    "/api/v1/statistics.csv",
    {
      config: { permission: "statistics.read" },
      schema: {
        ...schema,
        summary: statisticsRouteMessages.statisticsCsvSummary,
        response: problemResponses(400, 401, 403),
      },
    },
    async (request, reply) => {
      const statistics = await statisticsFor(agencyOf(request), request.query);
      const csv = stringify(csvLines(statistics), {
        bom: true,
        delimiter: ";",
        header: true,
        columns: [...STATISTICS_CSV_HEADINGS],
      });
      const { from, to } = statistics.period;
      return reply
        .type("text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="statistiques-${from}-${to}.csv"`)
        .send(csv);
    },
  );
}
