// Re-encrypts every value stored with a previous data encryption key under the current one, so that the
// previous key can then be dropped from DATA_ENCRYPTION_KEYS_PREVIOUS; case documents stored in clear before
// files were encrypted are encrypted on the way. One transaction per batch of rows, so that a long run
// holds no lock for long and an interrupted one keeps what it did; it can be run again. A value no
// configured key opens stops the run (key id and reason only, never the value).
import {
  decryptBytes,
  decryptSecret,
  encryptBytes,
  encryptSecret,
  keyId,
  UnreadableSecretError,
} from "../../crypto/secretBox.ts";
import {
  documentsUnderOtherKeys,
  ENCRYPTED_COLUMNS,
  type EncryptedColumn,
  FIRST_ID,
  replaceDocumentContent,
  replaceSealedValue,
  valuesUnderOtherKeys,
} from "../../db/keyRotation.ts";
import type { ServiceContext } from "../context.ts";
import { DomainError } from "../errors.ts";
import { serviceMessages } from "../messages.fr.ts";
import { inTransaction } from "../transactions.ts";

/** Re-encrypted values per column (`table.column`). */
export type RotationReport = Record<string, number>;

/** Files weigh up to 10 MiB each: a transaction holds a few of them, whatever the batch size asked. */
const MAX_DOCUMENTS_PER_BATCH = 6;

/**
 * Re-encrypts, `batchSize` rows per transaction, every value not under the current key. Throws an
 * `unreadable_data` DomainError (extensions `keyId`, `reason`) when a value opens with no configured key;
 * the batches before it stay re-encrypted.
 */
export async function rotateDataKeys(context: ServiceContext, batchSize = 500): Promise<RotationReport> {
  const current = keyId(context.keys.sealing);
  try {
    const report: RotationReport = {};
    for (const column of ENCRYPTED_COLUMNS) {
      report[column.name] = await rotateColumn(context, column, current, batchSize);
    }
    report["case_documents.content"] = await rotateDocuments(context, current, batchSize);
    return report;
  } catch (error) {
    if (!(error instanceof UnreadableSecretError)) throw error;
    const { title, detail } = serviceMessages.unreadableData;
    throw new DomainError("unreadable_data", "encrypted_data_unreadable", title, detail, {
      keyId: error.keyId,
      reason: error.reason,
    });
  }
}

async function rotateColumn(
  context: ServiceContext,
  column: EncryptedColumn,
  current: string,
  batchSize: number,
): Promise<number> {
  const { sealing, opening } = context.keys;
  let total = 0;
  // Keyset pagination on the id: a row left behind (changed meanwhile) is never selected twice.
  let after = FIRST_ID;
  for (;;) {
    const batch = await inTransaction(context, async (tx) => {
      const rows = await valuesUnderOtherKeys(tx, column, current, after, batchSize);
      let count = 0;
      for (const row of rows) {
        const associatedData = column.associatedData(row.id);
        const plaintext = decryptSecret(opening, row.value, associatedData);
        const next = encryptSecret(sealing, plaintext, associatedData);
        if (await replaceSealedValue(tx, column, row.id, row.value, next)) count++;
      }
      return { last: rows.at(-1)?.id, count };
    });
    total += batch.count;
    if (batch.last === undefined) return total;
    after = batch.last;
  }
}

async function rotateDocuments(context: ServiceContext, current: string, batchSize: number): Promise<number> {
  const { sealing, opening } = context.keys;
  let total = 0;
  let after = FIRST_ID;
  for (;;) {
    const batch = await inTransaction(context, async (tx) => {
      const rows = await documentsUnderOtherKeys(
        tx,
        current,
        after,
        Math.min(batchSize, MAX_DOCUMENTS_PER_BATCH),
      );
      let count = 0;
      for (const row of rows) {
        const plaintext =
          row.contentKeyId === null
            ? row.content
            : decryptBytes(opening, row.contentKeyId, row.content, row.associatedData);
        const next = encryptBytes(sealing, plaintext, row.associatedData);
        if (await replaceDocumentContent(tx, row, next)) count++;
      }
      return { last: rows.at(-1)?.id, count };
    });
    total += batch.count;
    if (batch.last === undefined) return total;
    after = batch.last;
  }
}
