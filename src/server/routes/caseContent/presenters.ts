// A case's content as the API shows it (contracts/diagnosis.ts): the diagnosis with its budget, an action of
// the plan with its ETag, an appointment, the quality measure and the survey's form.
import type { FastifyReply } from "fastify";
import type {
  ActionView,
  AppointmentView,
  DiagnosisView,
  QualityView,
} from "../../../contracts/diagnosis.ts";
import {
  ACTION_KIND_LABELS,
  ACTION_STATUS_LABELS,
  APPOINTMENT_CHANNEL_LABELS,
  SURVEY_RATING_LABELS,
} from "../../../core/diagnosis/index.ts";
import type {
  AppointmentRecord,
  CaseAction,
  CaseQuality,
  DiagnosisRead,
} from "../../../services/caseContent/index.ts";
import { setEtag } from "../../http/preconditions.ts";
import { contentRouteMessages } from "./messages.fr.ts";

/** The diagnosis with the case's version as ETag: what its read and its write answer. */
export function presentDiagnosis(reply: FastifyReply, read: DiagnosisRead): DiagnosisView {
  setEtag(reply, read.caseVersion);
  const { stored } = read;
  return {
    caseId: read.caseId,
    diagnosis: stored.diagnosis as DiagnosisView["diagnosis"],
    budget: read.budget,
    sensitiveHidden: read.sensitiveHidden,
    diagnosedOn: stored.diagnosedOn,
    updatedAt: stored.updatedAt.toISOString(),
    updatedBy: stored.updatedBy,
  };
}

export function actionView({ record, overdue, daysOverdue, notice }: CaseAction): ActionView {
  return {
    id: record.id,
    caseId: record.caseId,
    kind: record.kind,
    kindLabel: ACTION_KIND_LABELS[record.kind],
    title: record.title,
    catalogueItemId: record.catalogueItemId,
    externalAid: record.externalAid,
    owner: record.owner,
    partnerOrganisation:
      record.partnerOrganisationId === null
        ? null
        : { id: record.partnerOrganisationId, name: record.partnerOrganisationName ?? "" },
    dueOn: record.dueOn,
    status: record.status,
    statusLabel: ACTION_STATUS_LABELS[record.status],
    outcome: record.outcome,
    overdue,
    daysOverdue,
    version: record.version,
    notice,
    createdAt: record.createdAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
  };
}

/** An action with its own version as ETag: a partner updates it without reading the case. */
export function presentAction(reply: FastifyReply, action: CaseAction): ActionView {
  setEtag(reply, action.record.version);
  return actionView(action);
}

export function appointmentView(record: AppointmentRecord): AppointmentView {
  return {
    id: record.id,
    at: record.at.toISOString(),
    channel: record.channel,
    channelLabel: APPOINTMENT_CHANNEL_LABELS[record.channel],
    ...(record.notes === undefined ? {} : { notes: record.notes }),
    createdBy: record.createdBy,
    createdAt: record.createdAt.toISOString(),
  };
}

export function qualityView(quality: CaseQuality): QualityView {
  const { outcomes } = quality;
  return {
    caseId: quality.caseId,
    outcomes: outcomes === null ? null : { ...outcomes, indicators: [...outcomes.indicators] },
    durations: { ...quality.durations },
    survey: { ...quality.survey },
  };
}

/** The survey's form: the question, the ratings and the agency's name, nothing of the case. */
export function surveyForm(survey: { agencyName: string }) {
  return {
    question: contentRouteMessages.surveyQuestion,
    ratings: Object.entries(SURVEY_RATING_LABELS).map(([value, label]) => ({ value: Number(value), label })),
    agency: survey.agencyName,
  };
}
