// Everything held about a person (GDPR art. 15): every case of the agency that seems to concern the same
// person (samePerson, as the duplicate detection matches), each with its request, assessments, diagnosis,
// plan, appointments, referrals, closure, surveys, aids and the list of its documents (not their bytes).
// Sensitive topics and appointment notes are decrypted only for the cases the caller may read them on.
import { and, asc, eq, inArray, isNotNull } from "drizzle-orm";
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
import { aids, caseDocuments, cases, eligibilitySnapshots, surveys } from "../../db/schema/index.ts";

/** The cases of the person of `origin` held by the same agency, oldest request first. */
export async function casesOfSamePerson(db: Drizzle, origin: CaseRecord): Promise<CaseRecord[]> {
  const ids = (await caseIdsOfPerson(db, origin.row.reference)) ?? [origin.row.id];
  const inAgency = await db
    .select({ id: cases.id })
    .from(cases)
    .where(and(inArray(cases.id, ids), eq(cases.organisationId, origin.row.organisationId)))
    .orderBy(asc(cases.requestedOn), asc(cases.id));
  const records: CaseRecord[] = [];
  for (const { id } of inAgency) {
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
  const snapshots = await db
    .select()
    .from(eligibilitySnapshots)
    .where(eq(eligibilitySnapshots.caseId, row.id))
    .orderBy(asc(eligibilitySnapshots.recordedAt));
  const diagnosis = await readDiagnosis(db, row.id, keys, withSensitive);
  const actions = await listActions(db, row.id);
  const appointmentList = await listAppointments(db, row.id, keys, withSensitive);
  const referrals = await caseReferralsOf(db, row.id);
  const outcomes = await readOutcomes(db, row.id);
  const answered = await db
    .select()
    .from(surveys)
    .where(and(eq(surveys.caseId, row.id), isNotNull(surveys.answeredAt)))
    .orderBy(asc(surveys.answeredAt));
  const aidRows = await db.select().from(aids).where(eq(aids.caseId, row.id)).orderBy(asc(aids.requestedAt));
  const documents = await db
    .select({
      name: caseDocuments.originalName,
      mediaType: caseDocuments.mediaType,
      sizeBytes: caseDocuments.sizeBytes,
      sha256: caseDocuments.sha256,
      uploadedAt: caseDocuments.uploadedAt,
    })
    .from(caseDocuments)
    .where(eq(caseDocuments.caseId, row.id))
    .orderBy(asc(caseDocuments.uploadedAt));
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

/**
 * The export for the person of `origin`; `mayReadSensitive` says, case by case, whether the caller may read
 * the sensitive topics and notes (the counsellor in charge, the agency's manager).
 */
export async function personalDataOf(
  db: Drizzle,
  origin: CaseRecord,
  keys: readonly Buffer[],
  mayReadSensitive: (record: CaseRecord) => boolean,
  now: Date,
): Promise<PersonalDataExport> {
  const records = await casesOfSamePerson(db, origin);
  const exported: ExportedCase[] = [];
  for (const record of records) exported.push(await exportCase(db, record, keys, mayReadSensitive(record)));
  return { generatedAt: now.toISOString(), person: personOf(origin), cases: exported };
}
