// Opening a case: a request filed by the person on the public form (no account), or taken by the agency
// (phone, visit, partner referral). Both record the consent and the notice version, and flag a possible
// duplicate for the counsellor; the public caller only ever learns the reference of its own request.
import { randomUUID } from "node:crypto";
import type { CounsellorRequest, PublicRequest } from "../../contracts/cases.ts";
import { openCase } from "../../core/cases/index.ts";
import { regionOfPostcode } from "../../core/cases/regions.ts";
import { territoryOfPostcode } from "../../core/rules/index.ts";
import { todayInParis } from "../../core/time/index.ts";
import { recordAudit } from "../../db/audit/append.ts";
import { normaliseEmail, normalisePhone, type PersonIdentity, tidyName } from "../../db/cases/identity.ts";
import {
  agencyForRegion,
  appendCaseEvents,
  type CaseRow,
  findOpenDuplicate,
  insertCase,
  nextCaseReference,
  sealSituationSummary,
  stateColumns,
  timelineEntry,
} from "../../db/cases/repository.ts";
import { auditContextOf, type Caller, staffOf } from "../caller.ts";
import type { ServiceContext } from "../context.ts";
import { DomainError, type FieldIssue } from "../errors.ts";
import { inTransaction } from "../transactions.ts";
import { caseRefusal } from "./change.ts";
import { caseMessages } from "./messages.fr.ts";
import { agencyCounsellor } from "./steps.ts";
import { type CaseView, freshCaseView } from "./view.ts";

type Person = PersonIdentity & { postcode: string | null };

function personOf(person: PublicRequest["person"] | CounsellorRequest["person"]): Person {
  return {
    firstName: tidyName(person.firstName),
    lastName: tidyName(person.lastName),
    birthDate: person.birthDate ?? null,
    email: normaliseEmail(person.email),
    phone: normalisePhone(person.phone),
    postcode: person.postcode ?? null,
  };
}

function contactIssues(person: Person): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (person.email === null && person.phone === null) {
    issues.push({ path: "/person/email", code: "CONTACT_REQUIRED", message: caseMessages.contactRequired });
  }
  if (person.postcode !== null && territoryOfPostcode(person.postcode) === undefined) {
    issues.push({
      path: "/person/postcode",
      code: "UNKNOWN_POSTCODE",
      message: caseMessages.unknownPostcode,
    });
  }
  return issues;
}

interface NewCase {
  organisationId: string;
  counsellorUserId: string | null;
  channel: CaseRow["channel"];
  requestedOn: string;
  person: Person;
  preferredChannel: CaseRow["preferredChannel"];
  preferredTimes: string | null;
  situationSummary: string | null;
  noticeVersion: string;
  createdByUserId: string | null;
}

/**
 * Opens a case under the directive in force on the request date, and flags it when an open case of the
 * same agency seems to concern the same person.
 */
async function openNewCase(context: ServiceContext, caller: Caller, input: NewCase): Promise<CaseRow> {
  const opened = openCase({ requestedOn: input.requestedOn });
  if (!opened.ok) throw caseRefusal(opened.error, (field) => `/${field}`);
  const id = randomUUID();
  // Sealed before the transaction: PGlite's one connection does not wait on the cipher.
  const situationSummary =
    input.situationSummary === null
      ? null
      : sealSituationSummary(context.keys.sealing, id, input.situationSummary);
  const audit = auditContextOf(caller);
  return inTransaction(context, async (tx) => {
    const possibleDuplicateOf = await findOpenDuplicate(tx, input.organisationId, input.person);
    const reference = await nextCaseReference(tx, input.requestedOn.slice(0, 4));
    const now = context.now();
    const row = await insertCase(tx, {
      id,
      reference,
      organisationId: input.organisationId,
      counsellorUserId: input.counsellorUserId,
      ...stateColumns(opened.state),
      channel: input.channel,
      personFirstName: input.person.firstName,
      personLastName: input.person.lastName,
      personBirthDate: input.person.birthDate,
      personEmail: input.person.email,
      personPhone: input.person.phone,
      personPostcode: input.person.postcode,
      preferredChannel: input.preferredChannel,
      preferredTimes: input.preferredTimes,
      situationSummary,
      legalBasis: "consent",
      noticeVersion: input.noticeVersion,
      consentGivenAt: now,
      possibleDuplicateOf,
      createdByUserId: input.createdByUserId,
      createdAt: now,
      updatedAt: now,
    });
    const events = opened.events.map(timelineEntry);
    const first = events[0];
    if (first !== undefined) {
      first.data = {
        ...first.data,
        channel: input.channel,
        ...(possibleDuplicateOf === null ? {} : { possibleDuplicateOf }),
        ...(input.counsellorUserId === null ? {} : { counsellorUserId: input.counsellorUserId }),
      };
    }
    await appendCaseEvents(tx, id, audit.actorUserId ?? null, events, now);
    await recordAudit(tx, {
      ...audit,
      action: "case.created",
      targetType: "case",
      targetId: id,
      details: {
        reference,
        channel: input.channel,
        directive: row.directive,
        possibleDuplicate: possibleDuplicateOf !== null,
      },
      occurredAt: now,
    });
    return row;
  });
}

/** The public form's request: the agency of the postcode's region (else the first opened) receives it. */
export async function filePublicRequest(
  context: ServiceContext,
  caller: Caller,
  input: PublicRequest,
): Promise<{ reference: string; requestedOn: string }> {
  const person = personOf(input.person);
  const issues = contactIssues(person);
  if (issues.length > 0) throw DomainError.invalid(issues);
  const organisationId = await agencyForRegion(context.db.drizzle, regionOfPostcode(input.person.postcode));
  if (organisationId === undefined) {
    const { title, detail } = caseMessages.noAgency;
    throw new DomainError("unavailable", "no_agency", title, detail);
  }
  const requestedOn = todayInParis(context.now());
  const row = await openNewCase(context, caller, {
    organisationId,
    counsellorUserId: null,
    channel: "web_form",
    requestedOn,
    person,
    preferredChannel: input.preferredChannel ?? null,
    preferredTimes: input.preferredTimes?.trim() ?? null,
    situationSummary: input.situationSummary.trim(),
    noticeVersion: input.consent.noticeVersion,
    createdByUserId: null,
  });
  // Same answer whether or not the request duplicates another: the caller learns nothing of other cases.
  return { reference: row.reference, requestedOn };
}

/**
 * A request taken by the agency (phone, visit, partner referral): opened in the caller's agency, assigned to
 * the counsellor who takes it, or to the one named.
 */
export async function recordAgencyRequest(
  context: ServiceContext,
  caller: Caller,
  input: CounsellorRequest,
): Promise<CaseView> {
  const actor = staffOf(caller);
  if (actor.organisationId === null || actor.organisationKind !== "agency") throw DomainError.forbidden();
  const person = personOf(input.person);
  const issues = contactIssues(person);
  if (input.requestedOn > todayInParis(context.now())) {
    issues.push({ path: "/requestedOn", code: "DATE_IN_FUTURE", message: caseMessages.futureDate });
  }
  if (issues.length > 0) throw DomainError.invalid(issues);
  const counsellorUserId =
    input.counsellorUserId !== undefined
      ? (await agencyCounsellor(context, input.counsellorUserId, actor.organisationId)).id
      : actor.role === "counsellor"
        ? actor.userId
        : null;
  const row = await openNewCase(context, caller, {
    organisationId: actor.organisationId,
    counsellorUserId,
    channel: input.channel,
    requestedOn: input.requestedOn,
    person,
    preferredChannel: input.preferredChannel ?? null,
    preferredTimes: input.preferredTimes?.trim() ?? null,
    situationSummary: input.situationSummary?.trim() ?? null,
    noticeVersion: input.consent.noticeVersion,
    createdByUserId: actor.userId,
  });
  return freshCaseView(context, row.id);
}
