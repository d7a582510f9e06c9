// The files of a case (case_documents): stored with the transaction of the case change that records them,
// listed without their bytes, read back whole for a download.
import { and, asc, eq } from "drizzle-orm";
import type { Drizzle } from "./database.ts";
import { type CaseDocumentKind, caseDocuments, users } from "./schema.ts";

export type DocumentMediaType = (typeof caseDocuments.$inferSelect)["mediaType"];

/** What is shown of a document without its bytes. */
export interface DocumentSummary {
  id: string;
  caseId: string;
  actionId: string | null;
  kind: CaseDocumentKind;
  originalName: string;
  mediaType: DocumentMediaType;
  sizeBytes: number;
  sha256: string;
  uploadedAt: Date;
  uploadedBy: { id: string; name: string };
}

/** Its `id` is chosen by the caller, so that the timeline event and the audit entry can name the document. */
export interface NewDocument extends Omit<DocumentSummary, "uploadedAt" | "uploadedBy"> {
  content: Buffer;
  uploadedByUserId: string;
}

const summaryColumns = {
  id: caseDocuments.id,
  caseId: caseDocuments.caseId,
  actionId: caseDocuments.actionId,
  kind: caseDocuments.kind,
  originalName: caseDocuments.originalName,
  mediaType: caseDocuments.mediaType,
  sizeBytes: caseDocuments.sizeBytes,
  sha256: caseDocuments.sha256,
  uploadedAt: caseDocuments.uploadedAt,
  uploadedById: caseDocuments.uploadedByUserId,
  uploadedByName: users.displayName,
};

type SummaryRow = Omit<DocumentSummary, "uploadedBy"> & { uploadedById: string; uploadedByName: string };

function summary({ uploadedById, uploadedByName, ...rest }: SummaryRow): DocumentSummary {
  return { ...rest, uploadedBy: { id: uploadedById, name: uploadedByName } };
}

export async function insertDocument(tx: Drizzle, document: NewDocument): Promise<{ id: string }> {
  const [inserted] = await tx.insert(caseDocuments).values(document).returning({ id: caseDocuments.id });
  if (inserted === undefined) throw new Error("insert returned no row");
  return inserted;
}

/** The case's documents, oldest first. */
export async function listDocuments(db: Drizzle, caseId: string): Promise<DocumentSummary[]> {
  const rows = await db
    .select(summaryColumns)
    .from(caseDocuments)
    .innerJoin(users, eq(users.id, caseDocuments.uploadedByUserId))
    .where(eq(caseDocuments.caseId, caseId))
    .orderBy(asc(caseDocuments.uploadedAt), asc(caseDocuments.id));
  return rows.map(summary);
}

/** One document of the case, with its bytes; undefined when the case holds no such document. */
export async function findDocument(
  db: Drizzle,
  caseId: string,
  documentId: string,
): Promise<(DocumentSummary & { content: Buffer }) | undefined> {
  const [row] = await db
    .select({ ...summaryColumns, content: caseDocuments.content })
    .from(caseDocuments)
    .innerJoin(users, eq(users.id, caseDocuments.uploadedByUserId))
    .where(and(eq(caseDocuments.caseId, caseId), eq(caseDocuments.id, documentId)));
  if (row === undefined) return undefined;
  const { content, ...rest } = row;
  return { ...summary(rest), content };
}
