// Re-encrypts every value stored with a previous data encryption key under the current one, so that the
// previous key can then be dropped from DATA_ENCRYPTION_KEYS_PREVIOUS; case documents stored in clear before
// files were encrypted are encrypted on the way. One transaction per batch of rows;
// each update is guarded by the value read, so that a value changed meanwhile (already under the current
// key) is left alone. A value no configured key opens stops the run (UnreadableSecretError, key id only).
import { and, asc, eq, gt, isNotNull, isNull, ne, notLike, or, sql } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import { decryptBytes, decryptSecret, encryptBytes, encryptSecret, keyId } from "../crypto/secretBox.ts";
import { appointmentAssociatedData, diagnosisAssociatedData } from "./caseContent/repository.ts";
import { summaryAssociatedData } from "./cases/repository.ts";
import { type Drizzle, rowsOf } from "./database.ts";
import { documentAssociatedData } from "./documents/repository.ts";
import { appointments, caseDocuments, cases, diagnoses, users } from "./schema/index.ts";

interface EncryptedColumn {
  /** `table.column`, for the report. */
  name: string;
  table: PgTable;
  id: PgColumn;
  value: PgColumn;
  associatedData: (id: string) => string;
}

/** Every column encrypted with secretBox; the associated data is derived from the row's id, as when written. */
const ENCRYPTED_COLUMNS: readonly EncryptedColumn[] = [
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

export interface DataKeys {
  current: Buffer;
  /** The current key and the previous ones. */
  all: readonly Buffer[];
}

/** Re-encrypted values per column. */
export type RotationReport = Record<string, number>;

export async function rotateEncryptedValues(
  db: Drizzle,
  keys: DataKeys,
  batchSize = 500,
): Promise<RotationReport> {
  const currentPrefix = `v1.${keyId(keys.current)}.%`;
  const report: RotationReport = {};
  for (const column of ENCRYPTED_COLUMNS) {
    report[column.name] = 0;
    // Keyset pagination on the id: a row left behind (changed meanwhile) is never selected twice.
    let after = "00000000-0000-0000-0000-000000000000";
    for (;;) {
      const rewritten = await db.transaction(async (tx) => {
        const rows = await tx
          .select({ id: column.id, value: column.value })
          .from(column.table)
          .where(and(gt(column.id, after), isNotNull(column.value), notLike(column.value, currentPrefix)))
          .orderBy(asc(column.id))
          .limit(batchSize);
        let count = 0;
        for (const row of rows) {
          const id = row.id as string;
          const previous = row.value as string;
          const plaintext = decryptSecret(keys.all, previous, column.associatedData(id));
          const next = encryptSecret(keys.current, plaintext, column.associatedData(id));
          const updated = await tx.execute(
            sql`update ${column.table} set ${sql.identifier(column.value.name)} = ${next}
                where ${column.id} = ${id} and ${column.value} = ${previous} returning 1`,
          );
          count += rowsOf(updated).length;
        }
        return { last: rows.at(-1)?.id as string | undefined, count };
      });
      report[column.name] = (report[column.name] ?? 0) + rewritten.count;
      if (rewritten.last === undefined) break;
      after = rewritten.last;
    }
  }
  report["case_documents.content"] = await rotateDocuments(db, keys, batchSize);
  return report;
}

/** Files weigh up to 10 MiB each: a transaction holds a few of them, whatever the batch size asked. */
const MAX_DOCUMENTS_PER_BATCH = 6;

async function rotateDocuments(db: Drizzle, keys: DataKeys, batchSize: number): Promise<number> {
  const current = keyId(keys.current);
  let after = "00000000-0000-0000-0000-000000000000";
  let total = 0;
  for (;;) {
    const rewritten = await db.transaction(async (tx) => {
      const rows = await tx
        .select({
          id: caseDocuments.id,
          contentKeyId: caseDocuments.contentKeyId,
          content: caseDocuments.content,
        })
        .from(caseDocuments)
        .where(
          and(
            gt(caseDocuments.id, after),
            or(isNull(caseDocuments.contentKeyId), ne(caseDocuments.contentKeyId, current)),
          ),
        )
        .orderBy(asc(caseDocuments.id))
        .limit(Math.min(batchSize, MAX_DOCUMENTS_PER_BATCH));
      let count = 0;
      for (const row of rows) {
        const associatedData = documentAssociatedData(row.id);
        const plaintext =
          row.contentKeyId === null
            ? row.content
            : decryptBytes(keys.all, row.contentKeyId, row.content, associatedData);
        const next = encryptBytes(keys.current, plaintext, associatedData);
        // Guarded by the key id read: a file re-encrypted meanwhile is left alone.
        const updated = await tx
          .update(caseDocuments)
          .set({ content: next.sealed, contentKeyId: next.keyId })
          .where(
            and(
              eq(caseDocuments.id, row.id),
              row.contentKeyId === null
                ? isNull(caseDocuments.contentKeyId)
                : eq(caseDocuments.contentKeyId, row.contentKeyId),
            ),
          )
          .returning({ id: caseDocuments.id });
        count += updated.length;
      }
      return { last: rows.at(-1)?.id, count };
    });
    total += rewritten.count;
    if (rewritten.last === undefined) return total;
    after = rewritten.last;
  }
}
