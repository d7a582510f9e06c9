// The action plan's actions: what each kind needs, the directive guards (Logement d'Abord exists only in
// the 2025 directive; the rental service never gives priority access), their progress and when they are
// overdue.
import { dayNumber, isCalendarDate } from "../rules/dates.ts";
import { DIRECTIVES, directiveByReference } from "../rules/directives/index.ts";
import { OCCUPANCY_LABELS } from "../rules/messages.fr.ts";
import type { Occupancy } from "../rules/types.ts";
import { daysBetween } from "../time/days.ts";
import { ACTION_STATUS_LABELS, DIAGNOSIS_MESSAGES, RENTAL_SERVICE_NOTICE } from "./messages.fr.ts";
import type { ActionInput, ActionStatus, ActionUpdate, DiagnosisError, PlanAction } from "./types.ts";

export const ACTION_LIMITS = { title: 300, outcome: 4_000 } as const;

/** What an action is judged against: the case's directive and request day, and the diagnosis's occupancy. */
export interface ActionContext {
  readonly directive: string;
  readonly requestedOn: string;
  /** Occupancy status from the diagnosis, when one is recorded. */
  readonly occupancy?: Occupancy;
}

const FINISHED: readonly ActionStatus[] = ["done", "cancelled"];
/**
 * Reading of « salariés sans logement ou sans hébergement »: anyone without a dwelling of their own. Tenants,
 * owners and buyers have one; an occupant without title or a hosted person does not (docs/cases.md).
 */
const HAS_OWN_HOUSING: readonly Occupancy[] = ["tenant", "owner", "buyer"];

function clauseOfTopic(directive: string, topic: string) {
  return directiveByReference(directive)?.clauses.find((clause) => clause.topic === topic);
}

/** The clause that provides Logement d'Abord support, in whichever directive has one (2025: principes/9). */
function housingFirstClauseAnywhere(): string {
  for (const directive of DIRECTIVES) {
    const clause = directive.clauses.find((candidate) => candidate.topic === "housing_first");
    if (clause !== undefined) return clause.id;
  }
  return "";
}

/**
 * The notice shown next to a « lien avec le service locatif » action, with the clause of the case's
 * directive that says so (PP_EX_CPA_2_DIR/acces/4, PP_SERV_ASD_2_DIR/principes/8).
 */
export function rentalServiceNotice(directive: string): { text: string; clause?: string; quote?: string } {
  const clause = clauseOfTopic(directive, "rental_service");
  return clause === undefined
    ? { text: RENTAL_SERVICE_NOTICE }
    : { text: RENTAL_SERVICE_NOTICE, clause: clause.id, quote: clause.text };
}

function blank(text: string | undefined): boolean {
  return text === undefined || text.trim() === "";
}

function dueOnProblems(dueOn: string, context: ActionContext): DiagnosisError[] {
  if (!isCalendarDate(dueOn)) {
    return [{ code: "INVALID_DATE", message: DIAGNOSIS_MESSAGES.invalidDate, path: "/dueOn" }];
  }
  if (dueOn < context.requestedOn) {
    return [
      {
        code: "DATE_BEFORE_REQUEST",
        message: DIAGNOSIS_MESSAGES.dateBeforeRequest(dueOn, context.requestedOn),
        path: "/dueOn",
      },
    ];
  }
  return [];
}

/** What is wrong with a new action in this case; empty when it can be added to the plan. */
export function actionProblems(input: ActionInput, context: ActionContext): DiagnosisError[] {
  const problems: DiagnosisError[] = [];
  const add = (code: DiagnosisError["code"], message: string, path: string, clause?: string) =>
    problems.push(clause === undefined ? { code, message, path } : { code, message, path, clause });
  if (blank(input.title)) add("BLANK_TEXT", DIAGNOSIS_MESSAGES.blankText, "/title");
  if (input.kind === "al_product" && input.catalogueItemId === undefined) {
    add("CATALOGUE_ITEM_REQUIRED", DIAGNOSIS_MESSAGES.catalogueItemRequired, "/catalogueItemId");
  }
  if (input.kind !== "al_product" && input.catalogueItemId !== undefined) {
    add("CATALOGUE_ITEM_NOT_ALLOWED", DIAGNOSIS_MESSAGES.catalogueItemNotAllowed, "/catalogueItemId");
  }
  if (input.kind === "external_aid" && input.externalAid === undefined) {
    add("EXTERNAL_AID_REQUIRED", DIAGNOSIS_MESSAGES.externalAidRequired, "/externalAid");
  }
  if (input.kind !== "external_aid" && input.externalAid !== undefined) {
    add("EXTERNAL_AID_NOT_ALLOWED", DIAGNOSIS_MESSAGES.externalAidNotAllowed, "/externalAid");
  }
  const needsPartner = input.kind === "partner_referral" || input.owner === "partner";
  if (needsPartner && input.partnerOrganisationId === undefined) {
    add("PARTNER_REQUIRED", DIAGNOSIS_MESSAGES.partnerRequired, "/partnerOrganisationId");
  }
  if (!needsPartner && input.partnerOrganisationId !== undefined) {
    add("PARTNER_NOT_ALLOWED", DIAGNOSIS_MESSAGES.partnerNotAllowed, "/partnerOrganisationId");
  }
  if (input.kind === "partner_referral" && input.owner !== "partner") {
    add("PARTNER_REQUIRED", DIAGNOSIS_MESSAGES.partnerRequired, "/owner");
  }
  if (input.kind === "housing_first") {
    const clause = clauseOfTopic(context.directive, "housing_first");
    if (clause === undefined) {
      const cited = housingFirstClauseAnywhere();
      add(
        "HOUSING_FIRST_NOT_IN_DIRECTIVE",
        DIAGNOSIS_MESSAGES.housingFirstNotInDirective(context.directive, cited),
        "/kind",
        cited,
      );
    } else if (context.occupancy !== undefined && HAS_OWN_HOUSING.includes(context.occupancy)) {
      add(
        "HOUSING_FIRST_HAS_HOUSING",
        DIAGNOSIS_MESSAGES.housingFirstHasHousing(OCCUPANCY_LABELS[context.occupancy]),
        "/kind",
        clause.id,
      );
    }
  }
  problems.push(...dueOnProblems(input.dueOn, context));
  return problems;
}

/** A new action, as planned, texts trimmed (call after `actionProblems` found nothing). */
export function newAction(input: ActionInput): PlanAction {
  return { ...input, title: input.title.trim(), status: "planned" };
}

export type ActionUpdateResult =
  | { readonly ok: true; readonly action: PlanAction; readonly changed: readonly (keyof ActionUpdate)[] }
  | { readonly ok: false; readonly error: DiagnosisError };

/**
 * Applies a change. A done or cancelled action is final (a new action says what happens next); finishing
 * an action needs its outcome. `changed` lists the fields that really changed, for the case's timeline.
 */
export function updateAction(
  action: PlanAction,
  update: ActionUpdate,
  context: ActionContext,
): ActionUpdateResult {
  const outcome = update.outcome === undefined ? action.outcome : update.outcome.trim() || undefined;
  const next: PlanAction = {
    ...action,
    ...(update.status === undefined ? {} : { status: update.status }),
    ...(update.dueOn === undefined ? {} : { dueOn: update.dueOn }),
  };
  const { outcome: _previous, ...withoutOutcome } = next;
  const updated: PlanAction = outcome === undefined ? withoutOutcome : { ...withoutOutcome, outcome };
  const changed = (["status", "dueOn", "outcome"] as const).filter((key) => updated[key] !== action[key]);
  if (changed.length === 0) return { ok: true, action, changed };
  if (FINISHED.includes(action.status)) {
    return {
      ok: false,
      error: {
        code: "ACTION_FINISHED",
        message: DIAGNOSIS_MESSAGES.actionFinished(ACTION_STATUS_LABELS[action.status]),
        path: "",
      },
    };
  }
  if (update.dueOn !== undefined) {
    const [problem] = dueOnProblems(update.dueOn, context);
    if (problem !== undefined) return { ok: false, error: problem };
  }
  if (FINISHED.includes(updated.status) && updated.outcome === undefined) {
    return {
      ok: false,
      error: {
        code: "ACTION_OUTCOME_REQUIRED",
        message: DIAGNOSIS_MESSAGES.actionOutcomeRequired,
        path: "/outcome",
      },
    };
  }
  return { ok: true, action: updated, changed };
}

/** An action is overdue when it is still to do (planned or in progress) after its due day. */
export function isOverdue(action: Pick<PlanAction, "status" | "dueOn">, today: string): boolean {
  return !FINISHED.includes(action.status) && dayNumber(action.dueOn) < dayNumber(today);
}

/** Whole days past the due day (0 when not overdue). */
export function daysOverdue(action: Pick<PlanAction, "status" | "dueOn">, today: string): number {
  return isOverdue(action, today) ? daysBetween(action.dueOn, today) : 0;
}
