// `appui db migrate`: applies the committed migrations to the configured database (DATABASE_URL, or
// PGlite under DATA_DIR), with the same refusals as the server's start.
import { MigrationChangedError, migrate, SchemaNewerThanCodeError } from "../db/migrate.ts";
import { withConfiguredDatabase } from "./configuredDatabase.ts";
import { cliMessages, DB_HELP } from "./messages.ts";

export async function runDbCommand(args: string[]): Promise<number> {
  const [subcommand, ...rest] = args;
  if (subcommand === "--help" || subcommand === "-h") {
    process.stdout.write(`${DB_HELP}\n`);
    return 0;
  }
  if (subcommand !== "migrate" || rest.length > 0) {
    process.stderr.write(`${DB_HELP}\n`);
    return 2;
  }
  return withConfiguredDatabase(async (db) => {
    try {
      const { applied } = await migrate(db);
      process.stdout.write(
        `${applied.length === 0 ? cliMessages.migrationsUpToDate : cliMessages.migrationsApplied(applied)}\n`,
      );
      return 0;
    } catch (error) {
      // The migrator's refusals explain themselves (schema newer than the code, a changed migration).
      if (!(error instanceof SchemaNewerThanCodeError || error instanceof MigrationChangedError)) throw error;
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
  });
}
