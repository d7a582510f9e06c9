// The files of a case (case_documents): stored with the transaction of the case change that records them,
// encrypted (a payslip, a medical certificate or a tax notice is as sensitive as the diagnosis), listed
// without their bytes, read back whole and decrypted for a download.
import { and, asc, eq } from "drizzle-orm";
import { decryptBytes, encryptBytes } from "../../crypto/secretBox.ts";
import type { Drizzle } from "../database.ts";
import { type CaseDocumentKind, caseDocuments, users } from "../schema/index.ts";

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

/** Binds a file's ciphertext to its row: bytes copied to another document do not decrypt. */
export const documentAssociatedData = (documentId: string) => `case_document:${documentId}`;

export async function insertDocument(
  tx: Drizzle,
  key: Buffer,
  { content, ...document }: NewDocument,
): Promise<{ id: string }> {
  const { keyId, sealed } = encryptBytes(key, content, documentAssociatedData(document.id));
  const [inserted] = await tx
    .insert(caseDocuments)
    .values({ ...document, content: sealed, contentKeyId: keyId })
    .returning({ id: caseDocuments.id });
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

/** One document of the case without its bytes (what an upload answers); undefined when there is none. */
export async function findDocumentSummary(
  db: Drizzle,
  caseId: string,
  documentId: string,
): Promise<DocumentSummary | undefined> {
  const [row] = await db
    .select(summaryColumns)
    .from(caseDocuments)
    .innerJoin(users, eq(users.id, caseDocuments.uploadedByUserId))
    .where(and(eq(caseDocuments.caseId, caseId), eq(caseDocuments.id, documentId)));
  return row === undefined ? undefined : summary(row);
}

/**
 * One document of the case, with its bytes decrypted by whichever of `keys` sealed them; undefined when the
 * case holds no such document. A file stored before encryption (no key id) is returned as stored.
 */
export async function findDocument(
  db: Drizzle,
  keys: readonly Buffer[],
  caseId: string,
  documentId: string,
): Promise<(DocumentSummary & { content: Buffer }) | undefined> {
  const [row] = await db
    .select({ ...summaryColumns, content: caseDocuments.content, contentKeyId: caseDocuments.contentKeyId })
    .from(caseDocuments)
    .innerJoin(users, eq(users.id, caseDocuments.uploadedByUserId))
    .where(and(eq(caseDocuments.caseId, caseId), eq(caseDocuments.id, documentId)));
  if (row === undefined) return undefined;
  const { content, contentKeyId, ...rest } = row;
  return {
    ...summary(rest),
    content:
      contentKeyId === null
        ? content
        : decryptBytes(keys, contentKeyId, content, documentAssociatedData(row.id)),
  };
}
