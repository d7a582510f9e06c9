// `appui db migrate`: applies the committed migrations to the configured database (DATABASE_URL, or
// PGlite under DATA_DIR), with the same refusals as the server's start.
import { ConfigError, loadConfig } from "../config/config.ts";
import { openDatabase } from "../db/database.ts";
import { migrate } from "../db/migrate.ts";

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
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 1;
  }
  let db: Awaited<ReturnType<typeof openDatabase>> | undefined;
  try {
    db = await openDatabase(config.database);
    const { applied } = await migrate(db);
    process.stdout.write(
      applied.length === 0
        ? "Base déjà à jour : aucune migration à appliquer.\n"
        : `Migrations appliquées : ${applied.join(", ")}\n`,
    );
    return 0;
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  } finally {
    await db?.close();
  }
}
