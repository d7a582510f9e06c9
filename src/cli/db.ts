// `appui db migrate`: applies the committed migrations to the configured database (DATABASE_URL, or
// PGlite under DATA_DIR), with the same refusals as the server's start.
import { MigrationChangedError, migrate, SchemaNewerThanCodeError } from "../db/migrate.ts";
import { withConfiguredDatabase } from "./configuredDatabase.ts";

const USAGE =
  "Usage : appui db migrate\n  Applique les migrations à la base configurée (DATABASE_URL ou DATA_DIR).";

export async function runDbCommand(args: string[]): Promise<number> {
  const [subcommand, ...rest] = args;
  if (subcommand === "--help" || subcommand === "-h") {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (subcommand !== "migrate" || rest.length > 0) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  return withConfiguredDatabase(async (db) => {
    try {
      const { applied } = await migrate(db);
      process.stdout.write(
        applied.length === 0
          ? "Base déjà à jour : aucune migration à appliquer.\n"
          : `Migrations appliquées : ${applied.join(", ")}\n`,
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
