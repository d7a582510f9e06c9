// The action plan's actions. Staff list, add and update the actions of the cases in their scope; a partner
// worker lists and updates only the actions entrusted to its organisation, in a case referred to it. Every
// change moves the case's version and lands on the timeline and in the audit trail (src/services/cases/
// change.ts); an action carries its own version too, so that a partner, who never reads the case, can update
// it safely: that version, not the case's, is the precondition of an update.

import { randomUUID } from "node:crypto";
import {
  type ActionInput,
  type ActionUpdate,
  actionProblems,
  daysOverdue,
  isOverdue,
  newAction,
  rentalServiceNotice,
  updateAction,
} from "../../core/diagnosis/index.ts";
import type { Occupancy } from "../../core/rules/index.ts";
import { todayInParis } from "../../core/time/index.ts";
import {
  type ActionRecord,
  catalogueItemExists,
  findAction,
  findDiagnosisRow,
  insertAction,
  listActions,
  planActionOf,
  updateActionRow,
} from "../../db/caseContent/repository.ts";
import { type CaseRecord, findOrganisations } from "../../db/cases/repository.ts";
import type { Drizzle } from "../../db/database.ts";
import { recordRead } from "../auditing.ts";
import { type Caller, organisationOf, staffOf } from "../caller.ts";
import { loadCaseInScope } from "../cases/access.ts";
import { changeCase } from "../cases/change.ts";
import type { StepTarget } from "../cases/steps.ts";
import type { ServiceContext } from "../context.ts";
import { DomainError } from "../errors.ts";
import { checkVersion, type ExpectedVersion, staleVersion } from "../versions.ts";
import { loadReferredCase } from "./access.ts";
import { contentMessages } from "./messages.fr.ts";
import { contentRefusal, refuseUnlessOpen, refuseWhenClosed } from "./refusals.ts";

/** An action of the plan as it stands today (Europe/Paris). */
export interface CaseAction {
  record: ActionRecord;
  /** Planned or in progress, its due day passed. */
  overdue: boolean;
  daysOverdue: number;
  /** What to show with it: a rental-service action gives no priority access to housing. */
  notice: ReturnType<typeof rentalServiceNotice> | null;
}

/** The action `actionId` of a case, and the version of the action its caller read. */
export interface ActionTarget {
  caseId: string;
  actionId: string;
  expected: ExpectedVersion;
}

function caseActionOf(record: ActionRecord, directive: string, today: string): CaseAction {
  const action = planActionOf(record);
  return {
    record,
    overdue: isOverdue(action, today),
    daysOverdue: daysOverdue(action, today),
    notice: record.kind === "rental_service" ? rentalServiceNotice(directive) : null,
  };
}

function actionNotFound(): DomainError {
  const { title, detail } = contentMessages.actionNotFound;
  return new DomainError("not_found", "action_not_found", title, detail);
}

/** The action as stored now, after a change. */
async function freshAction(
  context: ServiceContext,
  record: CaseRecord,
  actionId: string,
): Promise<CaseAction> {
  const fresh = await findAction(context.db.drizzle, record.row.id, actionId);
  if (fresh === undefined) throw actionNotFound();
  return caseActionOf(fresh, record.row.directive, todayInParis(context.now()));
}

async function listed(
  context: ServiceContext,
  caller: Caller,
  record: CaseRecord,
  audited: string,
  partnerOrganisationId?: string,
): Promise<CaseAction[]> {
  const db = context.db.drizzle;
  await recordRead(context, caller, {
    action: audited,
    targetType: "case",
    targetId: record.row.id,
  });
  const today = todayInParis(context.now());
  return (await listActions(db, record.row.id, partnerOrganisationId)).map((action) =>
    caseActionOf(action, record.row.directive, today),
  );
}

/** The plan's actions by due day (staff). */
export async function listCaseActions(
  context: ServiceContext,
  caller: Caller,
  caseId: string,
): Promise<CaseAction[]> {
  const record = await loadCaseInScope(context, caller, caseId);
  return listed(context, caller, record, "case.actions_read");
}

/** The actions entrusted to the caller's partner organisation, in a case referred to it. */
export async function listReferredActions(
  context: ServiceContext,
  caller: Caller,
  caseId: string,
): Promise<CaseAction[]> {
  const record = await loadReferredCase(context, caller, caseId);
  return listed(context, caller, record, "referral.actions_read", organisationOf(caller));
}

async function occupancyOf(db: Drizzle, caseId: string): Promise<Occupancy | undefined> {
  const row = await findDiagnosisRow(db, caseId);
  return (row?.data as { housing?: { occupancy?: Occupancy } } | undefined)?.housing?.occupancy;
}

/**
 * Adds an action to the plan, from the start of the diagnosis to the follow-up: Logement d'Abord only under
 * its directive and for a person without housing; an action entrusted to a partner only once the case is
 * referred to it.
 */
export async function addCaseAction(
  context: ServiceContext,
  caller: Caller,
  target: StepTarget,
  input: ActionInput,
): Promise<CaseAction> {
  const record = await loadCaseInScope(context, caller, target.caseId, "cases.change");
  const db = context.db.drizzle;
  const occupancy = await occupancyOf(db, record.row.id);
  const problems = actionProblems(input, {
    directive: record.row.directive,
    requestedOn: record.row.requestedOn,
    ...(occupancy === undefined ? {} : { occupancy }),
  });
  if (problems.length > 0) throw contentRefusal(problems);
  if (input.partnerOrganisationId !== undefined) {
    const [partner] = await findOrganisations(db, [input.partnerOrganisationId]);
    if (partner?.kind !== "partner") {
      throw DomainError.invalidField("/partnerOrganisationId", "NOT_A_PARTNER", contentMessages.notAPartner);
    }
    if (!record.referredOrganisationIds.includes(partner.id)) {
      const { title, detail } = contentMessages.partnerNotReferred;
      throw new DomainError("conflict", "PARTNER_NOT_REFERRED", title, detail);
    }
  }
  if (input.catalogueItemId !== undefined && !(await catalogueItemExists(db, input.catalogueItemId))) {
    throw DomainError.invalidField(
      "/catalogueItemId",
      "UNKNOWN_CATALOGUE_ITEM",
      contentMessages.unknownCatalogueItem,
    );
  }
  const action = newAction(input);
  const id = randomUUID();
  const userId = staffOf(caller).userId;
  await changeCase(context, caller, target, async (row, tx) => {
    refuseUnlessOpen(row, "plan");
    await insertAction(tx, { id, caseId: row.id, action, userId });
    const data = {
      actionId: id,
      kind: action.kind,
      owner: action.owner,
      dueOn: action.dueOn,
      ...(action.partnerOrganisationId === undefined
        ? {}
        : { partnerOrganisationId: action.partnerOrganisationId }),
    };
    return {
      events: [{ type: "action_added", data }],
      audit: { action: "case.action_added", details: data },
    };
  });
  return freshAction(context, record, id);
}

/** The one update, for staff and partners alike (`partnerOrganisationId`: the partner's own actions only). */
async function changeAction(
  context: ServiceContext,
  caller: Caller,
  record: CaseRecord,
  target: ActionTarget,
  input: ActionUpdate,
  partnerOrganisationId?: string,
): Promise<CaseAction> {
  const found = await findAction(context.db.drizzle, record.row.id, target.actionId);
  if (found === undefined) throw actionNotFound();
  if (partnerOrganisationId !== undefined && found.partnerOrganisationId !== partnerOrganisationId) {
    throw actionNotFound();
  }
  checkVersion(target.expected, found.version, contentMessages.actionStale);
  const rules = { directive: record.row.directive, requestedOn: record.row.requestedOn };
  // The action's version is the precondition, checked again on the action as it is in the transaction.
  await changeCase(context, caller, { caseId: record.row.id, expected: "any" }, async (row, tx) => {
    refuseWhenClosed(row);
    const current = await findAction(tx, row.id, found.id);
    if (current === undefined) throw actionNotFound();
    checkVersion(target.expected, current.version, contentMessages.actionStale);
    const result = updateAction(planActionOf(current), input, rules);
    if (!result.ok) throw contentRefusal([result.error]);
    if (
      result.changed.length > 0 &&
      !(await updateActionRow(tx, {
        id: current.id,
        expectedVersion: current.version,
        action: result.action,
        at: context.now(),
      }))
    ) {
      throw staleVersion(current.version + 1, contentMessages.actionStale);
    }
    const data = {
      actionId: current.id,
      changed: result.changed,
      status: result.action.status,
      dueOn: result.action.dueOn,
      ...(partnerOrganisationId === undefined ? {} : { byPartnerOrganisationId: partnerOrganisationId }),
    };
    return {
      events: result.changed.length === 0 ? [] : [{ type: "action_updated", data }],
      audit: { action: "case.action_updated", details: data },
    };
  });
  return freshAction(context, record, found.id);
}

/** Moves an action on (step, due day, outcome); a done or cancelled action no longer changes. */
export async function updateCaseAction(
  context: ServiceContext,
  caller: Caller,
  target: ActionTarget,
  input: ActionUpdate,
): Promise<CaseAction> {
  const record = await loadCaseInScope(context, caller, target.caseId, "cases.change");
  return changeAction(context, caller, record, target, input);
}

/** A partner worker moves on an action entrusted to its organisation. */
export async function updateReferredAction(
  context: ServiceContext,
  caller: Caller,
  target: ActionTarget,
  input: ActionUpdate,
): Promise<CaseAction> {
  const record = await loadReferredCase(context, caller, target.caseId, "referrals.actions.change");
  return changeAction(context, caller, record, target, input, organisationOf(caller));
}
