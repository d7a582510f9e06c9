// Re-encrypts every value stored with a previous data encryption key under the current one, so that the
// previous key can then be dropped from DATA_ENCRYPTION_KEYS_PREVIOUS. One transaction per batch of rows;
// each update is guarded by the value read, so that a value changed meanwhile (already under the current
// key) is left alone. A value no configured key opens stops the run (UnreadableSecretError, key id only).
import { and, asc, gt, isNotNull, notLike, sql } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import { decryptSecret, encryptSecret, keyId } from "../server/auth/secretBox.ts";
import { appointmentAssociatedData, diagnosisAssociatedData } from "./caseContent/repository.ts";
import { summaryAssociatedData } from "./cases/repository.ts";
import { type Drizzle, rowsOf } from "./database.ts";
import { appointments, cases, diagnoses, users } from "./schema.ts";

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
  return report;
}
