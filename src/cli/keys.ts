// `appui keys rotate [--batch-size N]`: re-encrypts, with the current DATA_ENCRYPTION_KEY, every value still
// encrypted with a key of DATA_ENCRYPTION_KEYS_PREVIOUS, so that those keys can be dropped. Prints counts only.

import { UnreadableSecretError } from "../crypto/secretBox.ts";
import { rotateEncryptedValues } from "../db/keyRotation.ts";
import { withConfiguredDatabase } from "./configuredDatabase.ts";
import { parseOptions, UsageError } from "./options.ts";

export const KEYS_HELP = `appui keys rotate [--batch-size N]

Rechiffre avec la clé courante (DATA_ENCRYPTION_KEY) toutes les données chiffrées dans l'application
(secrets TOTP, résumés de situation, thèmes sensibles des diagnostics, notes de rendez-vous) qui le sont
encore avec une clé précédente (DATA_ENCRYPTION_KEYS_PREVIOUS), par lots de N lignes (500 par défaut),
une transaction par lot. Peut être relancée sans risque : une donnée déjà sous la clé courante est
laissée telle quelle. Ensuite, les clés précédentes peuvent être retirées de la configuration.

Code de sortie : 0 en cas de succès, 2 en cas d'erreur d'utilisation, 1 si la base est inaccessible ou si
une donnée ne peut être déchiffrée avec aucune des clés configurées.`;

export async function runKeysCommand(args: string[]): Promise<number> {
  const [subcommand, ...rest] = args;
  if (subcommand === "--help" || subcommand === "-h") {
    process.stdout.write(`${KEYS_HELP}\n`);
    return 0;
  }
  if (subcommand !== "rotate") {
    process.stderr.write(`${KEYS_HELP}\n`);
    return 2;
  }
  const options = parseOptions(rest, { values: { "batch-size": "single" } });
  if (options.flags.has("help")) {
    process.stdout.write(`${KEYS_HELP}\n`);
    return 0;
  }
  if (options.positionals.length > 0)
    throw new UsageError(`Argument inattendu : « ${options.positionals[0]} ».`);
  const batchText = options.values.get("batch-size")?.[0] ?? "500";
  const batchSize = Number(batchText);
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10_000)
    throw new UsageError(`--batch-size : un entier de 1 à 10000 est attendu (reçu « ${batchText} »).`);
  return withConfiguredDatabase(
    async (db, config) => {
      try {
        const report = await rotateEncryptedValues(
          db.drizzle,
          { current: config.dataEncryptionKey, all: config.dataDecryptionKeys },
          batchSize,
        );
        const lines = [
          "Données rechiffrées avec la clé courante :",
          ...Object.entries(report).map(([column, count]) => `  ${column} : ${count}`),
        ];
        process.stdout.write(`${lines.join("\n")}\n`);
        return 0;
      } catch (error) {
        if (!(error instanceof UnreadableSecretError)) throw error;
        process.stderr.write(
          `appui : une donnée chiffrée ne peut être déchiffrée avec aucune clé configurée (clé ${error.keyId ?? "?"}, ${error.reason}) ; les lots précédents sont rechiffrés, ajoutez la clé manquante à DATA_ENCRYPTION_KEYS_PREVIOUS et relancez.\n`,
        );
        return 1;
      }
    },
    { failurePrefix: "appui : " },
  );
}
