// Everything held about a person (GDPR art. 15): every case of the agency that seems to concern the same
// person (samePerson, as the duplicate detection matches), each with its request, assessments, diagnosis,
// plan, appointments, referrals, closure, surveys, aids and the list of its documents (not their bytes).
// Sensitive topics and appointment notes are decrypted only for the cases the caller may read them on. The
// export is audited (which cases, in which format, where the sensitive topics were withheld), never its data.

import type { ExportedCase, PersonalDataExport } from "../../contracts/privacy.ts";
import { CASE_STATUS_LABELS, type CaseStatus } from "../../core/cases/index.ts";
import {
  listActions,
  listAppointments,
  readDiagnosis,
  readOutcomes,
} from "../../db/caseContent/repository.ts";
import { storedPerson } from "../../db/cases/identity.ts";
import { caseIdsOfPerson } from "../../db/cases/personCases.ts";
import {
  type CaseRecord,
  caseReferralsOf,
  findCase,
  readSituationSummary,
} from "../../db/cases/repository.ts";
import type { Drizzle } from "../../db/database.ts";
import {
  aidsOfCase,
  answeredSurveysOfCase,
  caseIdsInOrganisation,
  documentListOfCase,
  snapshotsOfCase,
} from "../../db/privacy/personalData.ts";
import { personalDataPdf } from "../../pdf/personalData.ts";
import { recordRead } from "../auditing.ts";
import type { Caller } from "../caller.ts";
import { loadCaseInScope, mayReadSensitive } from "../cases/access.ts";
import type { ServiceContext } from "../context.ts";

/** The cases of the person of `origin` held by the same agency, oldest request first. */
async function casesOfSamePerson(db: Drizzle, origin: CaseRecord): Promise<CaseRecord[]> {
  const ids = (await caseIdsOfPerson(db, origin.row.reference)) ?? [origin.row.id];
  const records: CaseRecord[] = [];
  for (const id of await caseIdsInOrganisation(db, ids, origin.row.organisationId)) {
    const record = id === origin.row.id ? origin : await findCase(db, id);
    if (record !== undefined) records.push(record);
  }
  return records;
}

function personOf(record: CaseRecord): PersonalDataExport["person"] {
  const { row } = record;
  return {
    ...storedPerson(row),
    preferredChannel: row.preferredChannel,
    preferredTimes: row.preferredTimes,
  };
}

async function exportCase(
  db: Drizzle,
  record: CaseRecord,
  keys: readonly Buffer[],
  withSensitive: boolean,
): Promise<ExportedCase> {
  const { row } = record;
  const snapshots = await snapshotsOfCase(db, row.id);
  const diagnosis = await readDiagnosis(db, row.id, keys, withSensitive);
  const actions = await listActions(db, row.id);
  const appointmentList = await listAppointments(db, row.id, keys, withSensitive);
  const referrals = await caseReferralsOf(db, row.id);
  const outcomes = await readOutcomes(db, row.id);
  const answered = await answeredSurveysOfCase(db, row.id);
  const aidRows = await aidsOfCase(db, row.id);
  const documents = await documentListOfCase(db, row.id);
  return {
    id: row.id,
    reference: row.reference,
    organisation: record.organisationName,
    counsellor: record.counsellor?.name ?? null,
    status: row.status,
    statusLabel: CASE_STATUS_LABELS[row.status as CaseStatus],
    directive: row.directive,
    request: {
      channel: row.channel,
      requestedOn: row.requestedOn,
      situationSummary: readSituationSummary(row, keys),
      legalBasis: row.legalBasis,
      noticeVersion: row.noticeVersion,
      consentGivenAt: row.consentGivenAt.toISOString(),
    },
    person: personOf(record),
    decision: row.decision ?? null,
    engagement: row.engagement ?? null,
    closure: row.closure ?? null,
    snapshots: snapshots.map((snapshot) => ({
      assessedOn: snapshot.assessedOn,
      directive: snapshot.directive,
      outcome: snapshot.outcome,
      facts: snapshot.facts,
      reasons: snapshot.reasons,
    })),
    diagnosis:
      diagnosis === undefined
        ? null
        : {
            diagnosedOn: diagnosis.diagnosedOn,
            data: JSON.parse(JSON.stringify(diagnosis.diagnosis)) as Record<string, unknown>,
          },
    sensitiveWithheld: !withSensitive,
    actions: actions.map((action) => ({
      kind: action.kind,
      title: action.title,
      owner: action.owner,
      partner: action.partnerOrganisationName,
      dueOn: action.dueOn,
      status: action.status,
      outcome: action.outcome,
    })),
    appointments: appointmentList.map((appointment) => ({
      at: appointment.at.toISOString(),
      channel: appointment.channel,
      notes: appointment.notes ?? null,
    })),
    referrals: referrals.map((referral) => ({
      organisation: referral.organisationName,
      referredAt: referral.referredAt.toISOString(),
      note: referral.note,
    })),
    outcomes:
      outcomes === undefined
        ? null
        : { indicators: [...outcomes.indicators], comment: outcomes.comment ?? null },
    surveys: answered.map((survey) => ({
      answeredAt: survey.answeredAt?.toISOString() ?? "",
      rating: survey.rating,
      comment: survey.comment,
    })),
    aids: aidRows.map((aid) => ({
      product: aid.productName,
      kind: aid.kind,
      amountCents: aid.amountCents,
      status: aid.status,
      year: aid.year,
    })),
    documents: documents.map((document) => ({ ...document, uploadedAt: document.uploadedAt.toISOString() })),
  };
}

/** The export of the person of case `caseId` (the caller must be allowed its sensitive topics), audited. */
async function exportFor(
  context: ServiceContext,
  caller: Caller,
  caseId: string,
  format: "json" | "pdf",
): Promise<{ record: CaseRecord; exported: PersonalDataExport }> {
  const db = context.db.drizzle;
  const record = await loadCaseInScope(context, caller, caseId, "cases.sensitive.read");
  const cases: ExportedCase[] = [];
  for (const other of await casesOfSamePerson(db, record)) {
    cases.push(await exportCase(db, other, context.keys.opening, mayReadSensitive(caller, other)));
  }
  const exported = { generatedAt: context.now().toISOString(), person: personOf(record), cases };
  await recordRead(context, caller, {
    action: "person.data_exported",
    targetType: "case",
    targetId: record.row.id,
    details: {
      format,
      caseIds: cases.map((item) => item.id),
      sensitiveWithheld: cases.filter((item) => item.sensitiveWithheld).map((item) => item.id),
    },
  });
  return { record, exported };
}

/** Everything held about the person of the case, as data. */
export async function exportPersonalData(
  context: ServiceContext,
  caller: Caller,
  caseId: string,
): Promise<PersonalDataExport> {
  return (await exportFor(context, caller, caseId, "json")).exported;
}

/** The same, as a readable French PDF, with the case's reference to name the file. */
export async function exportPersonalDataPdf(
  context: ServiceContext,
  caller: Caller,
  caseId: string,
): Promise<{ reference: string; pdf: Buffer }> {
  const { record, exported } = await exportFor(context, caller, caseId, "pdf");
  return { reference: record.row.reference, pdf: await personalDataPdf(exported) };
}
