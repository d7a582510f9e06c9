// From a stored case to the plain values the two PDFs are made of (src/pdf): who writes, to whom, about
// which case, and, for the engagement, the plan's actions with their owner and due date.

import { ACTION_KIND_LABELS, EXTERNAL_AID_LABELS } from "../../core/diagnosis/index.ts";
import { todayInParis } from "../../core/time/index.ts";
import { type CaseRecord, caseStateOf } from "../../db/cases/repository.ts";
import {
  acceptedOnline,
  organisationHeader,
  type PlanActionRow,
  planActions,
  planProposedAt,
} from "../../db/documents/engagementPlan.ts";
import type {
  CaseDocumentInput,
  EngagementAction,
  EngagementInput,
  RefusalLetterInput,
} from "../../pdf/types.ts";
import type { ServiceContext } from "../context.ts";

/** What an action of the plan is, in French: the aid it asks for, or its kind. */
export function actionKindLabel(action: PlanActionRow): string {
  return action.kind === "external_aid" && action.externalAid !== null
    ? EXTERNAL_AID_LABELS[action.externalAid]
    : ACTION_KIND_LABELS[action.kind];
}

async function common(context: ServiceContext, record: CaseRecord): Promise<CaseDocumentInput> {
  const { row } = record;
  const agency = await organisationHeader(context.db.drizzle, row.organisationId);
  return {
    agency: { name: record.organisationName, city: agency?.city ?? "", addressLines: [] },
    person: { name: `${row.personFirstName} ${row.personLastName}`, addressLines: [] },
    counsellor: record.counsellor?.name ?? record.organisationName,
    reference: row.reference,
    directive: row.directive,
    requestedOn: row.requestedOn,
    issuedOn: todayInParis(context.now()),
    // The notice states what the retention job does.
    retentionYears: context.retentionYears,
  };
}

/** The refusal letter of a refused case; undefined when the case was not refused. */
export async function refusalLetterInput(
  context: ServiceContext,
  record: CaseRecord,
): Promise<RefusalLetterInput | undefined> {
  const decision = caseStateOf(record.row).decision;
  if (decision?.kind !== "refused") return undefined;
  return {
    ...(await common(context, record)),
    outcome: decision.outcome,
    ...(decision.motive === undefined ? {} : { motive: decision.motive }),
  };
}

export async function engagementInput(context: ServiceContext, record: CaseRecord): Promise<EngagementInput> {
  const db = context.db.drizzle;
  const state = caseStateOf(record.row);
  const proposedAt = await planProposedAt(db, record.row.id);
  const actions: EngagementAction[] = (await planActions(db, record.row.id)).map((action) => ({
    title: action.title,
    kindLabel: actionKindLabel(action),
    owner: { kind: action.owner, ...(action.partnerName === null ? {} : { name: action.partnerName }) },
    dueOn: action.dueOn,
  }));
  const signedOn = state.engagement?.kind === "signed" ? state.engagement.on : undefined;
  return {
    ...(await common(context, record)),
    ...(proposedAt === undefined ? {} : { planProposedOn: todayInParis(proposedAt) }),
    actions,
    ...(signedOn === undefined
      ? {}
      : { signature: { on: signedOn, online: await acceptedOnline(db, record.row.id) } }),
  };
}
