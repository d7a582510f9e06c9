// `appui keys rotate [--batch-size N]`: re-encrypts, with the current DATA_ENCRYPTION_KEY, every value still
// encrypted with a key of DATA_ENCRYPTION_KEYS_PREVIOUS, so that those keys can be dropped. Prints counts only.

import { DomainError } from "../services/errors.ts";
import { rotateDataKeys } from "../services/keys/index.ts";
import { withServiceContext } from "./configuredDatabase.ts";
import { cliMessages, KEYS_HELP } from "./messages.ts";
import { parseOptions, UsageError } from "./options.ts";

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
    throw new UsageError(cliMessages.unexpectedArgument(options.positionals[0] ?? ""));
  const batchText = options.values.get("batch-size")?.[0] ?? "500";
  const batchSize = Number(batchText);
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10_000)
    throw new UsageError(cliMessages.invalidBatchSize(batchText));
  return withServiceContext(
    async (context) => {
      try {
        const report = await rotateDataKeys(context, batchSize);
        const lines = [
          cliMessages.keysRotated,
          ...Object.entries(report).map(([column, count]) => cliMessages.rotatedColumn(column, count)),
        ];
        process.stdout.write(`${lines.join("\n")}\n`);
        return 0;
      } catch (error) {
        if (!(error instanceof DomainError && error.kind === "unreadable_data")) throw error;
        const { keyId, reason } = error.extensions;
        process.stderr.write(
          `appui : ${cliMessages.unreadableEncryptedValue(String(keyId ?? "?"), String(reason))}\n`,
        );
        return 1;
      }
    },
    { failurePrefix: "appui : " },
  );
}
