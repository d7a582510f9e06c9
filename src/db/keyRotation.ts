// The encrypted columns, and the reads and guarded writes that re-encrypting them under the current key
// needs (the use case, batches and transactions, is src/services/keys). Each write is guarded by the value
// read, so that a value changed meanwhile (already under the current key) is left alone.
import { and, asc, eq, gt, isNotNull, isNull, ne, notLike, or, sql } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import { appointmentAssociatedData, diagnosisAssociatedData } from "./caseContent/repository.ts";
import { summaryAssociatedData } from "./cases/repository.ts";
import { type Drizzle, rowsOf } from "./database.ts";
import { documentAssociatedData } from "./documents/repository.ts";
import { appointments, caseDocuments, cases, diagnoses, users } from "./schema/index.ts";

export interface EncryptedColumn {
  /** `table.column`, for the report. */
  name: string;
  table: PgTable;
  id: PgColumn;
  value: PgColumn;
  associatedData: (id: string) => string;
}

/** Every column encrypted with secretBox; the associated data is derived from the row's id, as when written. */
export const ENCRYPTED_COLUMNS: readonly EncryptedColumn[] = [
  {
    name: "users.totp_secret",
    table: users,
    id: users.id,
    value: users.totpSecret,
    associatedData: (id) => id,
  },
  {
    name: "users.totp_pending_secret",
    table: users,
    id: users.id,
    value: users.totpPendingSecret,
    associatedData: (id) => id,
  },
  {
    name: "cases.situation_summary",
    table: cases,
    id: cases.id,
    value: cases.situationSummary,
    associatedData: summaryAssociatedData,
  },
  {
    name: "diagnoses.sensitive",
    table: diagnoses,
    id: diagnoses.caseId,
    value: diagnoses.sensitive,
    associatedData: diagnosisAssociatedData,
  },
  {
    name: "appointments.notes",
    table: appointments,
    id: appointments.id,
    value: appointments.notes,
    associatedData: appointmentAssociatedData,
  },
];

/** The first id of a keyset walk: every id sorts after it. */
export const FIRST_ID = "00000000-0000-0000-0000-000000000000";

/** Up to `limit` values of `column` sealed with another key than `currentKeyId`, with ids after `after`. */
export async function valuesUnderOtherKeys(
  db: Drizzle,
  column: EncryptedColumn,
  currentKeyId: string,
  after: string,
  limit: number,
): Promise<{ id: string; value: string }[]> {
  // A sealed value starts with its format version and its key's id (src/crypto/secretBox.ts).
  const currentPrefix = `v1.${currentKeyId}.%`;
  const rows = await db
    .select({ id: column.id, value: column.value })
    .from(column.table)
    .where(and(gt(column.id, after), isNotNull(column.value), notLike(column.value, currentPrefix)))
    .orderBy(asc(column.id))
    .limit(limit);
  return rows.map((row) => ({ id: row.id as string, value: row.value as string }));
}

/** Replaces the value read (`previous`) by `next`; false when it changed meanwhile. */
export async function replaceSealedValue(
  db: Drizzle,
  column: EncryptedColumn,
  id: string,
  previous: string,
  next: string,
): Promise<boolean> {
  const updated = await db.execute(
    sql`update ${column.table} set ${sql.identifier(column.value.name)} = ${next}
        where ${column.id} = ${id} and ${column.value} = ${previous} returning 1`,
  );
  return rowsOf(updated).length > 0;
}

export interface StoredDocumentContent {
  id: string;
  /** Null for a file stored in clear, before files were encrypted. */
  contentKeyId: string | null;
  content: Buffer;
  /** What the sealed content is bound to, as when written. */
  associatedData: string;
}

/** Up to `limit` documents stored in clear or under another key than `currentKeyId`, ids after `after`. */
export async function documentsUnderOtherKeys(
  db: Drizzle,
  currentKeyId: string,
  after: string,
  limit: number,
): Promise<StoredDocumentContent[]> {
  const rows = await db
    .select({
      id: caseDocuments.id,
      contentKeyId: caseDocuments.contentKeyId,
      content: caseDocuments.content,
    })
    .from(caseDocuments)
    .where(
      and(
        gt(caseDocuments.id, after),
        or(isNull(caseDocuments.contentKeyId), ne(caseDocuments.contentKeyId, currentKeyId)),
      ),
    )
    .orderBy(asc(caseDocuments.id))
    .limit(limit);
  return rows.map((row) => ({ ...row, associatedData: documentAssociatedData(row.id) }));
}

/** Replaces a document's content, unless its key changed since `read` (re-encrypted meanwhile). */
export async function replaceDocumentContent(
  db: Drizzle,
  read: StoredDocumentContent,
  next: { sealed: Buffer; keyId: string },
): Promise<boolean> {
  const updated = await db
    .update(caseDocuments)
    .set({ content: next.sealed, contentKeyId: next.keyId })
    .where(
      and(
        eq(caseDocuments.id, read.id),
        read.contentKeyId === null
          ? isNull(caseDocuments.contentKeyId)
          : eq(caseDocuments.contentKeyId, read.contentKeyId),
      ),
    )
    .returning({ id: caseDocuments.id });
  return updated.length > 0;
}
