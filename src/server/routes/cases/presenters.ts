// Cases as the API shows them (contracts/cases.ts): the detail with its possible next steps and its ETag,
// the caseload item, the timeline entry and the referral summary.
import type { FastifyReply } from "fastify";
import type {
  CaseDetail,
  CaseSummary,
  CaseTimeline,
  ContactChannel,
  ReferralSummary,
  RequestChannel,
} from "../../../contracts/cases.ts";
import { CASE_STATUS_LABELS, nextSteps } from "../../../core/cases/index.ts";
import type { CaseloadItem, CaseView, ReferralItem, TimelineRecord } from "../../../services/cases/index.ts";
import { setEtag } from "../../http/preconditions.ts";

export function caseDetail(view: CaseView): CaseDetail {
  const { record, snapshot } = view;
  const { row } = record;
  const state = view.state;
  return {
    id: row.id,
    reference: row.reference,
    version: row.version,
    status: state.status,
    statusLabel: CASE_STATUS_LABELS[state.status],
    directive: row.directive,
    requestedOn: row.requestedOn,
    channel: row.channel as RequestChannel,
    organisation: { id: row.organisationId, name: record.organisationName },
    counsellor: record.counsellor,
    person: view.person,
    contact: {
      preferredChannel: (row.preferredChannel ?? null) as ContactChannel | null,
      preferredTimes: row.preferredTimes,
    },
    situationSummary: view.situationSummary,
    consent: {
      legalBasis: "consent",
      noticeVersion: row.noticeVersion,
      givenAt: row.consentGivenAt.toISOString(),
    },
    eligibility: state.eligibility === null ? null : { ...state.eligibility },
    latestSnapshot:
      snapshot === undefined
        ? null
        : {
            id: snapshot.id,
            directive: snapshot.directive,
            outcome: snapshot.outcome as NonNullable<CaseDetail["eligibility"]>["outcome"],
            facts: snapshot.facts,
            reasons: snapshot.reasons as { clause: string; status: string; text: string }[],
            missing: snapshot.missing,
            parameters: snapshot.parameters,
            engineVersion: snapshot.engineVersion,
            assessedOn: snapshot.assessedOn,
            assessedBy:
              snapshot.assessedByUserId === null
                ? null
                : { id: snapshot.assessedByUserId, name: snapshot.assessedByName ?? "" },
          },
    decision: state.decision === null ? null : { ...state.decision },
    engagement: state.engagement === null ? null : { ...state.engagement },
    closure: state.closure === null ? null : { ...state.closure },
    nextSteps: nextSteps(state).map((step) => ({
      command: step.command,
      label: step.label,
      needs: [...step.needs],
      ...(step.reasons === undefined ? {} : { reasons: [...step.reasons] }),
      ...(step.clause === undefined ? {} : { clause: step.clause }),
    })),
    possibleDuplicateOf: record.possibleDuplicateOf,
    referrals: view.referrals.map((referral) => ({
      organisation: { id: referral.organisationId, name: referral.organisationName },
      referredAt: referral.referredAt.toISOString(),
      note: referral.note,
    })),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The case with its version as ETag: what every read and every step of a case answers. */
export function presentCase(reply: FastifyReply, view: CaseView): CaseDetail {
  setEtag(reply, view.record.row.version);
  return caseDetail(view);
}

export function caseSummary(item: CaseloadItem): CaseSummary {
  return {
    id: item.id,
    reference: item.reference,
    status: item.status,
    directive: item.directive,
    personName: `${item.firstName} ${item.lastName}`,
    counsellor: item.counsellor,
    requestedOn: item.requestedOn,
    channel: item.channel as RequestChannel,
    possibleDuplicate: item.possibleDuplicate,
    overdueActions: item.overdueActions,
    nextAppointmentAt: item.nextAppointmentAt === null ? null : item.nextAppointmentAt.toISOString(),
    updatedAt: item.updatedAt.toISOString(),
  };
}

export function timelineItem(record: TimelineRecord): CaseTimeline["items"][number] {
  return {
    seq: record.seq,
    occurredAt: record.occurredAt.toISOString(),
    type: record.type,
    actor: record.actor,
    data: record.data,
  };
}

export function referralSummary(item: ReferralItem): ReferralSummary {
  return {
    caseId: item.caseId,
    reference: item.reference,
    personName: `${item.firstName} ${item.lastName}`,
    contact: {
      email: item.email,
      phone: item.phone,
      preferredChannel: (item.preferredChannel ?? null) as ContactChannel | null,
      preferredTimes: item.preferredTimes,
    },
    agency: item.agency,
    counsellor: item.counsellor,
    referredAt: item.referredAt.toISOString(),
    note: item.note,
  };
}
