// The measure of the quality of the service (« la mesure de la qualité du service rendu », both
// directives): the closure's outcome indicators, the time from the request to the first contact, to the
// diagnosis and to the closure, and the satisfaction survey's answer.
import { isCalendarDate } from "../rules/dates.ts";
import { daysBetween } from "../time/days.ts";
import { DIAGNOSIS_MESSAGES } from "./messages.fr.ts";
import type {
  ClosureOutcomes,
  DiagnosisError,
  QualityDurations,
  QualityMilestones,
  SurveyAnswer,
} from "./types.ts";

export const QUALITY_LIMITS = { comment: 2_000 } as const;

function since(requestedOn: string, day: string | undefined): number | null {
  return day === undefined || !isCalendarDate(day) ? null : daysBetween(requestedOn, day);
}

/** Whole calendar days from the request to each milestone reached (0 when on the same day). */
export function qualityDurations(milestones: QualityMilestones): QualityDurations {
  return {
    toFirstContact: since(milestones.requestedOn, milestones.firstContactOn),
    toDiagnosis: since(milestones.requestedOn, milestones.diagnosedOn),
    toClosure: since(milestones.requestedOn, milestones.closedOn),
  };
}

export function closureOutcomesProblems(outcomes: ClosureOutcomes): DiagnosisError[] {
  const seen = new Set<string>();
  const problems: DiagnosisError[] = [];
  outcomes.indicators.forEach((indicator, index) => {
    if (seen.has(indicator)) {
      problems.push({
        code: "DUPLICATE_INDICATOR",
        message: DIAGNOSIS_MESSAGES.duplicateIndicator,
        path: `/indicators/${index}`,
      });
    }
    seen.add(indicator);
  });
  return problems;
}

export function surveyAnswerProblems(answer: SurveyAnswer): DiagnosisError[] {
  return Number.isInteger(answer.rating) && answer.rating >= 1 && answer.rating <= 5
    ? []
    : [{ code: "RATING_OUT_OF_RANGE", message: DIAGNOSIS_MESSAGES.ratingOutOfRange, path: "/rating" }];
}
