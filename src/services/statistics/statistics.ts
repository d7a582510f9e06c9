// A manager's figures for their own agency, and whom they may assign a case to. Aggregates only, so a read
// is not a read of anyone's personal data: no per-person audit entry.
import { REQUEST_CHANNELS } from "../../contracts/cases.ts";
import type { AgencyCounsellors, Statistics, StatisticsQuery } from "../../contracts/statistics.ts";
import { CASE_STATUSES, CLOSURE_REASONS, DECISION_KINDS } from "../../core/cases/index.ts";
import { CLOSURE_OUTCOMES } from "../../core/diagnosis/index.ts";
import {
  monthBuckets,
  monthsOf,
  type Period,
  resolvePeriod,
  summariseDurations,
  tally,
} from "../../core/statistics/index.ts";
import { todayInParis } from "../../core/time/index.ts";
import { type AgencyFigures, activeCounsellors, agencyFigures } from "../../db/statistics.ts";
import type { Caller } from "../caller.ts";
import type { ServiceContext } from "../context.ts";
import { DomainError } from "../errors.ts";
import { agencyOf } from "./agency.ts";

const SURVEY_RATINGS = ["1", "2", "3", "4", "5"] as const;

/** The caller's agency's statistics over the period asked (by default the last twelve months). */
export async function agencyStatistics(
  context: ServiceContext,
  caller: Caller,
  query: StatisticsQuery,
): Promise<Statistics> {
  const organisationId = agencyOf(caller);
  const resolved = resolvePeriod(query, todayInParis(context.now()));
  if (!resolved.ok) {
    throw DomainError.invalid(resolved.problems.map(({ path, code, message }) => ({ path, code, message })));
  }
  const figures = await agencyFigures(context.db.drizzle, organisationId, resolved.period);
  return statisticsOf(resolved.period, figures);
}

/** The agency's active counsellors with their open cases, by name. */
export function assignableCounsellors(context: ServiceContext, caller: Caller): Promise<AgencyCounsellors> {
  return activeCounsellors(context.db.drizzle, agencyOf(caller));
}

/** The figures as the contract states them: complete tables (zeros included), durations summarised. */
function statisticsOf(period: Period, figures: AgencyFigures): Statistics {
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
