// The measure of the quality of the service: the closure's outcome indicators, the durations from the request
// to each milestone with the survey's status, the one-time link of the satisfaction survey, and the survey
// itself, answered once, after closure, by the person, without an account.

import { randomBytes } from "node:crypto";
import {
  type ClosureOutcomes,
  closureOutcomesProblems,
  type QualityDurations,
  qualityDurations,
  type SurveyAnswer,
} from "../../core/diagnosis/index.ts";
import {
  createSurvey,
  findDiagnosisRow,
  findSurvey,
  firstContactOn,
  readOutcomes,
  recordSurveyAnswer,
  type SurveyRow,
  type SurveyStatus,
  surveyStatus,
  writeOutcomes,
} from "../../db/caseContent/repository.ts";
import { caseStateOf } from "../../db/cases/repository.ts";
import { recordRead } from "../auditing.ts";
import { type Caller, staffOf } from "../caller.ts";
import { loadCaseInScope } from "../cases/access.ts";
import { changeCase } from "../cases/change.ts";
import type { StepTarget } from "../cases/steps.ts";
import type { ServiceContext } from "../context.ts";
import { DomainError } from "../errors.ts";
import { contentMessages } from "./messages.fr.ts";
import { contentRefusal, refuseUnlessClosed } from "./refusals.ts";

/** How long a survey link stays open. */
const SURVEY_LINK_DAYS = 60;

/** The outcomes recorded, with the case's new version. */
export interface RecordedOutcomes {
  outcomes: ClosureOutcomes;
  caseVersion: number;
}

/** Records (or corrects) what the closure of a closed case achieved. */
export async function recordOutcomes(
  context: ServiceContext,
  caller: Caller,
  target: StepTarget,
  input: ClosureOutcomes,
): Promise<RecordedOutcomes> {
  await loadCaseInScope(context, caller, target.caseId, "cases.change");
  const problems = closureOutcomesProblems(input);
  if (problems.length > 0) throw contentRefusal(problems);
  const comment = input.comment?.trim();
  const outcomes: ClosureOutcomes = { indicators: input.indicators, ...(comment ? { comment } : {}) };
  const userId = staffOf(caller).userId;
  const updated = await changeCase(context, caller, target, async (row, tx) => {
    refuseUnlessClosed(row);
    await writeOutcomes(tx, { caseId: row.id, outcomes, userId, at: context.now() });
    const data = { indicators: [...outcomes.indicators] };
    return {
      events: [{ type: "outcome_recorded", data }],
      audit: { action: "case.outcome_recorded", details: data },
    };
  });
  return { outcomes, caseVersion: updated.version };
}

export interface CaseQuality {
  caseId: string;
  outcomes: ClosureOutcomes | null;
  durations: QualityDurations;
  survey: SurveyStatus;
}

export async function readQuality(
  context: ServiceContext,
  caller: Caller,
  caseId: string,
): Promise<CaseQuality> {
  const { row } = await loadCaseInScope(context, caller, caseId);
  const db = context.db.drizzle;
  const firstContact = await firstContactOn(db, row.id, context.now());
  const diagnosis = await findDiagnosisRow(db, row.id);
  const closedOn = caseStateOf(row).closure?.on;
  await recordRead(context, caller, {
    action: "case.quality_read",
    targetType: "case",
    targetId: row.id,
  });
  return {
    caseId: row.id,
    outcomes: (await readOutcomes(db, row.id)) ?? null,
    durations: qualityDurations({
      requestedOn: row.requestedOn,
      ...(firstContact === undefined ? {} : { firstContactOn: firstContact }),
      ...(diagnosis === undefined ? {} : { diagnosedOn: diagnosis.diagnosedOn }),
      ...(closedOn === undefined ? {} : { closedOn }),
    }),
    survey: await surveyStatus(db, row.id),
  };
}

/** A new survey link, with the case's new version. The token is shown this once: only its hash is kept. */
export interface SurveyLink {
  token: string;
  caseVersion: number;
}

/** Creates the one-time link of a closed case's survey; it revokes an earlier link not yet used. */
export async function sendSurvey(
  context: ServiceContext,
  caller: Caller,
  target: StepTarget,
): Promise<SurveyLink> {
  await loadCaseInScope(context, caller, target.caseId, "cases.change");
  const userId = staffOf(caller).userId;
  const token = randomBytes(32).toString("base64url");
  const createdAt = context.now();
  const expiresAt = new Date(createdAt.getTime() + SURVEY_LINK_DAYS * 86_400_000);
  const updated = await changeCase(context, caller, target, async (row, tx) => {
    refuseUnlessClosed(row);
    if ((await surveyStatus(tx, row.id)).answered) {
      const { title, detail } = contentMessages.surveyAlreadyAnswered;
      throw new DomainError("conflict", "SURVEY_ALREADY_ANSWERED", title, detail);
    }
    await createSurvey(tx, { caseId: row.id, token, userId, createdAt, expiresAt });
    return {
      events: [{ type: "survey_sent", data: {} }],
      audit: { action: "case.survey_sent", details: {} },
    };
  });
  return { token, caseVersion: updated.version };
}

/** The survey of `token` while it may be answered: unknown is 404, used, revoked or expired is 410. */
async function openSurveyOf(
  context: ServiceContext,
  token: string,
): Promise<{ survey: SurveyRow; agencyName: string }> {
  const found = await findSurvey(context.db.drizzle, token);
  if (found === undefined) {
    const { title, detail } = contentMessages.surveyNotFound;
    throw new DomainError("not_found", "survey_not_found", title, detail);
  }
  const { survey } = found;
  if (survey.answeredAt !== null || survey.revokedAt !== null || survey.expiresAt <= context.now()) {
    throw surveyClosed();
  }
  return found;
}

function surveyClosed(): DomainError {
  const { title, detail } = contentMessages.surveyClosed;
  return new DomainError("gone", "survey_closed", title, detail);
}

/**
 * What the survey's form shows: the name of the agency, nothing of the case. Anyone holding the link may
 * read it, and nothing is recorded: no caller is needed.
 */
export async function readSurvey(context: ServiceContext, token: string): Promise<{ agencyName: string }> {
  const { agencyName } = await openSurveyOf(context, token);
  return { agencyName };
}

/** The person's answer, once. The one-time token is the precondition, not the case's version. */
export async function answerSurvey(
  context: ServiceContext,
  caller: Caller,
  token: string,
  input: SurveyAnswer,
): Promise<void> {
  const { survey } = await openSurveyOf(context, token);
  const comment = input.comment?.trim();
  const answer: SurveyAnswer = { rating: input.rating, ...(comment ? { comment } : {}) };
  // The person answers, whoever's session the browser may carry: the trail records no account.
  const person: Caller = { ...caller, actor: null };
  const now = context.now();
  await changeCase(context, person, { caseId: survey.caseId, expected: "any" }, async (_row, tx) => {
    // The token works once: a concurrent answer that landed first makes this one match no row.
    if (!(await recordSurveyAnswer(tx, { id: survey.id, answer, now }))) throw surveyClosed();
    const data = { rating: answer.rating };
    return {
      events: [{ type: "survey_answered", data }],
      audit: { action: "survey.answered", details: data },
    };
  });
}
