// The one-time acceptance link of the reciprocal engagement. A counsellor creates it (a change of the case)
// and sends it; the person, without an account, reads the engagement through it and accepts it once, which
// signs the engagement through the core's transition, in one transaction with the link's use, the timeline
// events and the audit entry.
import type { Static } from "typebox";
import type { EngagementSummarySchema } from "../../contracts/documents.ts";
import { casePolicy, nextSteps, transition } from "../../core/cases/index.ts";
import { todayInParis } from "../../core/time/index.ts";
import { recordAudit } from "../../db/audit/append.ts";
import { type CaseRecord, caseStateOf, findCase } from "../../db/cases/repository.ts";
import type { Drizzle } from "../../db/database.ts";
import {
  createEngagementLink,
  type EngagementLinkRow,
  findEngagementLink,
  type LinkState,
  linkState,
  useEngagementLink,
} from "../../db/documents/engagementLinks.ts";
import { ACCEPTED_ONLINE_EVENT, planActions } from "../../db/documents/engagementPlan.ts";
import { engagementPdf } from "../../pdf/engagement.ts";
import { ENGAGEMENT } from "../../pdf/messages.fr.ts";
import { auditContextOf, type Caller, staffOf } from "../caller.ts";
import { loadCaseInScope } from "../cases/access.ts";
import { changeCase, lifecycleChange } from "../cases/change.ts";
import { caseMessages } from "../cases/messages.fr.ts";
import type { StepTarget } from "../cases/steps.ts";
import type { ServiceContext } from "../context.ts";
import { DomainError } from "../errors.ts";
import { checkVersion } from "../versions.ts";
import { actionKindLabel, engagementInput } from "./letterInputs.ts";
import type { CasePdf } from "./letters.ts";
import { documentMessages, linkMessages } from "./messages.fr.ts";

/** Why a link does not work: unknown (404), or used, expired or replaced by a newer one (410). */
function linkRefusal(state: Exclude<LinkState, "usable"> | "missing"): DomainError {
  if (state === "missing") {
    const { title, detail } = linkMessages.notFound;
    return new DomainError("not_found", "link_not_found", title, detail);
  }
  const { title, detail } = linkMessages[state];
  return new DomainError("gone", `link_${state}`, title, detail);
}

/**
 * Whoever holds the link acts as the person: no account, only the request, even when a staff member's
 * session comes along (a counsellor trying the link in their own browser does not sign for the person).
 */
function personOf(caller: Caller): Caller {
  return { actor: null, requestId: caller.requestId, clientAddress: caller.clientAddress };
}

/** The link behind `token` and its case, if the link still works at `now`; why not otherwise. */
async function usableLink(
  db: Drizzle,
  token: string,
  now: Date,
): Promise<{ link: EngagementLinkRow; record: CaseRecord }> {
  const link = await findEngagementLink(db, token);
  if (link === undefined) throw linkRefusal("missing");
  const state = linkState(link, now);
  if (state !== "usable") throw linkRefusal(state);
  const record = await findCase(db, link.caseId);
  if (record === undefined) throw linkRefusal("missing");
  return { link, record };
}

async function recordLinkRead(
  context: ServiceContext,
  caller: Caller,
  action: string,
  link: EngagementLinkRow,
): Promise<void> {
  await recordAudit(context.db.drizzle, {
    ...auditContextOf(personOf(caller)),
    action,
    targetType: "case",
    targetId: link.caseId,
    details: { linkId: link.id },
  });
}

/** A new link, given once: its token and when it stops working. */
export interface CreatedLink {
  token: string;
  expiresAt: Date;
}

/**
 * Creates the case's acceptance link (valid 14 days), which replaces its unused ones; allowed when the
 * engagement can be signed now (409 otherwise). Answers the link and the case's new version.
 */
export async function createAcceptanceLink(
  context: ServiceContext,
  caller: Caller,
  target: StepTarget,
): Promise<{ link: CreatedLink; caseVersion: number }> {
  const record = await loadCaseInScope(context, caller, target.caseId, "cases.change");
  checkVersion(target.expected, record.row.version, caseMessages.stale);
  if (!nextSteps(caseStateOf(record.row)).some((step) => step.command === "signEngagement")) {
    const { title, detail } = documentMessages.cannotSignNow;
    throw new DomainError("conflict", "engagement_not_signable", title, detail);
  }
  const createdByUserId = staffOf(caller).userId;
  let created: CreatedLink | undefined;
  const updated = await changeCase(context, caller, target, async (row, tx) => {
    const link = await createEngagementLink(tx, { caseId: row.id, createdByUserId, now: context.now() });
    created = link;
    const facts = { linkId: link.id, expiresAt: link.expiresAt.toISOString() };
    return {
      events: [{ type: "engagement_link_created", data: facts }],
      audit: { action: "case.engagement_link_created", details: facts },
    };
  });
  if (created === undefined) throw new Error("the link was not created");
  return { link: { token: created.token, expiresAt: created.expiresAt }, caseVersion: updated.version };
}

/** What the person reads through the link, except where its PDF is (the entry point's address). */
export type LinkedEngagement = Omit<Static<typeof EngagementSummarySchema>, "pdfPath">;

/** The engagement to accept, as the person sees it through the link; each read is audited. */
export async function readLinkedEngagement(
  context: ServiceContext,
  caller: Caller,
  token: string,
): Promise<LinkedEngagement> {
  const db = context.db.drizzle;
  const { link, record } = await usableLink(db, token, context.now());
  const { row } = record;
  const policy = casePolicy(row.directive);
  const actions = await planActions(db, row.id);
  await recordLinkRead(context, caller, "engagement_link.viewed", link);
  return {
    reference: row.reference,
    agency: record.organisationName,
    counsellor: record.counsellor?.name ?? record.organisationName,
    person: `${row.personFirstName} ${row.personLastName}`,
    directive: row.directive,
    basis: policy === undefined ? "" : ENGAGEMENT.basis[policy.engagement],
    alsCommitments: [...ENGAGEMENT.alsCommitments],
    beneficiaryCommitments: [...ENGAGEMENT.beneficiaryCommitments],
    actions: actions.map((action) => ({
      title: action.title,
      kind: actionKindLabel(action),
      owner: action.owner,
      ownerLabel:
        action.partnerName === null
          ? ENGAGEMENT.owners[action.owner]
          : ENGAGEMENT.ownerNamed(ENGAGEMENT.owners[action.owner], action.partnerName),
      dueOn: action.dueOn,
    })),
    expiresAt: link.expiresAt.toISOString(),
  };
}

/** The engagement's PDF, through the link; each read is audited. */
export async function linkedEngagementPdf(
  context: ServiceContext,
  caller: Caller,
  token: string,
): Promise<CasePdf> {
  const { link, record } = await usableLink(context.db.drizzle, token, context.now());
  const bytes = await engagementPdf(await engagementInput(context, record));
  await recordLinkRead(context, caller, "engagement_link.pdf_read", link);
  return { bytes, reference: record.row.reference };
}

/**
 * The person accepts the engagement: the link is used and the engagement signed today (Paris) in one
 * transaction, on the case as it is then (the one-time token, not a version, is the precondition). A link
 * used, replaced or expired meanwhile answers why; a case no longer at a step where it can be signed, 409.
 */
export async function acceptEngagement(
  context: ServiceContext,
  caller: Caller,
  token: string,
): Promise<{ reference: string; acceptedOn: string }> {
  const { link, record } = await usableLink(context.db.drizzle, token, context.now());
  const at = context.now();
  const on = todayInParis(at);
  await changeCase(context, personOf(caller), { caseId: record.row.id, expected: "any" }, async (row, tx) => {
    if (!(await useEngagementLink(tx, link.id, at))) {
      const again = await findEngagementLink(tx, token);
      const state = again === undefined ? "missing" : linkState(again, at);
      throw linkRefusal(state === "usable" ? "used" : state);
    }
    const result = transition(caseStateOf(row), { type: "signEngagement", on });
    if (!result.ok) {
      const { title, detail } = linkMessages.notSignable;
      throw new DomainError("conflict", "engagement_not_signable", title, detail);
    }
    const change = lifecycleChange(result, {
      action: "case.signEngagement",
      details: { from: row.status, to: result.state.status, method: "one_time_link", linkId: link.id },
    });
    return {
      ...change,
      events: [...change.events, { type: ACCEPTED_ONLINE_EVENT, data: { linkId: link.id } }],
    };
  });
  return { reference: record.row.reference, acceptedOn: on };
}
