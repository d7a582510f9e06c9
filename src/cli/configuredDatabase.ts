// Opens the database that the environment configures (DATABASE_URL, or PGlite under DATA_DIR) for one
// command, and closes it whatever happens. Every command that touches the database goes through here, so
// that they all report a bad configuration or a database failure the same way, without leaking data.
import { type Config, ConfigError, loadConfig } from "../config/config.ts";
import type { Database } from "../db/database.ts";
import { findSqlStateError, isDrizzleQueryError } from "../db/errors.ts";
import { createServiceContext, type ServiceContext } from "../services/context.ts";
import { cliMessages } from "./messages.ts";

export interface DatabaseCommandOptions {
  /** Exit status when the configuration or the database fails (1 unless the command documents another). */
  failureStatus?: number;
  /** Prefix of the failure message, naming what could not be done. */
  failurePrefix?: string;
}

export async function withConfiguredDatabase(
  work: (db: Database, config: Config) => Promise<number>,
  options: DatabaseCommandOptions = {},
): Promise<number> {
  const failureStatus = options.failureStatus ?? 1;
  const fail = (message: string) => {
    process.stderr.write(`${options.failurePrefix ?? ""}${message}\n`);
    return failureStatus;
  };
  let config: Config;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return fail(error.message);
  }
  let db: Database;
  try {
    // Loaded on demand: `--help` and usage errors answer without loading a database driver.
    const { openDatabase } = await import("../db/database.ts");
    db = await openDatabase(config.database);
  } catch (error) {
    return fail(describeDatabaseFailure(error));
  }
  try {
    return await work(db, config);
  } catch (error) {
    // The command's own refusals (usage, not found, policy) go up to it; only the database's are told here.
    if (!isDatabaseFailure(error)) throw error;
    return fail(describeDatabaseFailure(error));
  } finally {
    await db.close();
  }
}

/** Runs `work` with the use cases' context over the configured database (keys and clock as the server's). */
export function withServiceContext(
  work: (context: ServiceContext) => Promise<number>,
  options: DatabaseCommandOptions = {},
): Promise<number> {
  return withConfiguredDatabase((db, config) => work(createServiceContext(config, db)), options);
}

/** An error of the database or of the connection to it, as opposed to one of the command's own. */
function isDatabaseFailure(error: unknown): boolean {
  if (findSqlStateError(error) !== undefined || isDrizzleQueryError(error)) return true;
  // Node system errors (ECONNREFUSED, ECONNRESET...) carry the failed system call.
  return typeof (error as { syscall?: unknown } | null)?.syscall === "string";
}

/** A French account of a database failure that never quotes a query or its parameters. */
export function describeDatabaseFailure(error: unknown): string {
  const sqlState = findSqlStateError(error)?.code;
  // 42P01 undefined_table: the migrations have not been applied to this database.
  if (sqlState === "42P01") return cliMessages.databaseNotMigrated;
  if (sqlState !== undefined || isDrizzleQueryError(error)) return cliMessages.databaseError(sqlState ?? "?");
  return error instanceof Error ? error.message : String(error);
}
