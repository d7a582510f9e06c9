// What the export of a person's data (GDPR art. 15) reads beyond the case and its content: which of the
// person's cases an agency holds, and each case's assessments, answered surveys, aids and list of documents
// (their description, never their bytes).
import { and, asc, eq, inArray, isNotNull } from "drizzle-orm";
import type { Drizzle } from "../database.ts";
import { aids, caseDocuments, cases, eligibilitySnapshots, surveys } from "../schema/index.ts";

/** Those of the cases `ids` the organisation holds, oldest request first. */
export async function caseIdsInOrganisation(
  db: Drizzle,
  ids: readonly string[],
  organisationId: string,
): Promise<string[]> {
  const rows = await db
    .select({ id: cases.id })
    .from(cases)
    .where(and(inArray(cases.id, [...ids]), eq(cases.organisationId, organisationId)))
    .orderBy(asc(cases.requestedOn), asc(cases.id));
  return rows.map((row) => row.id);
}

export function snapshotsOfCase(db: Drizzle, caseId: string) {
  return db
    .select()
    .from(eligibilitySnapshots)
    .where(eq(eligibilitySnapshots.caseId, caseId))
    .orderBy(asc(eligibilitySnapshots.recordedAt));
}

export function answeredSurveysOfCase(db: Drizzle, caseId: string) {
  return db
    .select()
    .from(surveys)
    .where(and(eq(surveys.caseId, caseId), isNotNull(surveys.answeredAt)))
    .orderBy(asc(surveys.answeredAt));
}

export function aidsOfCase(db: Drizzle, caseId: string) {
  return db.select().from(aids).where(eq(aids.caseId, caseId)).orderBy(asc(aids.requestedAt));
}

export function documentListOfCase(db: Drizzle, caseId: string) {
  return db
    .select({
      name: caseDocuments.originalName,
      mediaType: caseDocuments.mediaType,
      sizeBytes: caseDocuments.sizeBytes,
      sha256: caseDocuments.sha256,
      uploadedAt: caseDocuments.uploadedAt,
    })
    .from(caseDocuments)
    .where(eq(caseDocuments.caseId, caseId))
    .orderBy(asc(caseDocuments.uploadedAt));
}
