// From a stored case to the plain values the two PDFs are made of (src/pdf): who writes, to whom, about
// which case, and, for the engagement, the plan's actions with their owner and due date.

import { ACTION_KIND_LABELS, EXTERNAL_AID_LABELS } from "../../../core/diagnosis/index.ts";
import { todayInParis } from "../../../core/time/index.ts";
import { type CaseRecord, caseStateOf } from "../../../db/cases/repository.ts";
import type { Drizzle } from "../../../db/database.ts";
import {
  acceptedOnline,
  organisationHeader,
  planActions,
  planProposedAt,
} from "../../../db/engagementPlan.ts";
import type {
  CaseDocumentInput,
  EngagementAction,
  EngagementInput,
  RefusalLetterInput,
} from "../../../pdf/types.ts";

/**
 * Years personal data are kept after closure, as the data-protection notice states them: issue 6's
 * default, until the retention job's setting exists to be read here.
 */
export const RETENTION_YEARS = 5;

async function common(db: Drizzle, record: CaseRecord, issuedOn: string): Promise<CaseDocumentInput> {
  const { row } = record;
  const agency = await organisationHeader(db, row.organisationId);
  return {
    agency: { name: record.organisationName, city: agency?.city ?? "", addressLines: [] },
    person: { name: `${row.personFirstName} ${row.personLastName}`, addressLines: [] },
    counsellor: record.counsellor?.name ?? record.organisationName,
    reference: row.reference,
    directive: row.directive,
    requestedOn: row.requestedOn,
    issuedOn,
    retentionYears: RETENTION_YEARS,
  };
}

/** The refusal letter of a refused case; undefined when the case was not refused. */
export async function refusalLetterInput(
  db: Drizzle,
  record: CaseRecord,
  now: Date,
): Promise<RefusalLetterInput | undefined> {
  const decision = caseStateOf(record.row).decision;
  if (decision?.kind !== "refused") return undefined;
  return {
    ...(await common(db, record, todayInParis(now))),
    outcome: decision.outcome,
    ...(decision.motive === undefined ? {} : { motive: decision.motive }),
  };
}

export async function engagementInput(db: Drizzle, record: CaseRecord, now: Date): Promise<EngagementInput> {
  const state = caseStateOf(record.row);
  const proposedAt = await planProposedAt(db, record.row.id);
  const actions: EngagementAction[] = (await planActions(db, record.row.id)).map((action) => ({
    title: action.title,
    kindLabel:
      action.kind === "external_aid" && action.externalAid !== null
        ? EXTERNAL_AID_LABELS[action.externalAid]
        : ACTION_KIND_LABELS[action.kind],
    owner: { kind: action.owner, ...(action.partnerName === null ? {} : { name: action.partnerName }) },
    dueOn: action.dueOn,
  }));
  const signedOn = state.engagement?.kind === "signed" ? state.engagement.on : undefined;
  return {
    ...(await common(db, record, todayInParis(now))),
    ...(proposedAt === undefined ? {} : { planProposedOn: todayInParis(proposedAt) }),
    actions,
    ...(signedOn === undefined
      ? {}
      : { signature: { on: signedOn, online: await acceptedOnline(db, record.row.id) } }),
  };
}
