// Opens the database chosen by configuration: embedded PGlite (demo, development, tests) or a PostgreSQL
// server through a `pg` pool. Everything else in Appui sees only the `Database` interface.
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { sql } from "drizzle-orm";
import { drizzle as drizzleNodePostgres } from "drizzle-orm/node-postgres";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import pg from "pg";
import type { DatabaseConfig } from "../config/config.ts";
import { databaseMessages } from "./messages.fr.ts";
import * as schema from "./schema/index.ts";

export type Schema = typeof schema;
export type Drizzle = PgDatabase<PgQueryResultHKT, Schema>;

export interface Database {
  readonly kind: DatabaseConfig["kind"];
  /** Drizzle query builder over the whole schema. PGlite is one connection: keep transactions short. */
  readonly drizzle: Drizzle;
  /** Resolves when the database answers a trivial query; rejects otherwise. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export async function openDatabase(config: DatabaseConfig): Promise<Database> {
  if (config.kind === "postgres") {
    // Drizzle's own pg adapter, not PGlite's node-postgres compatibility layer (it made the migrator hang).
    const pool = new pg.Pool({ connectionString: config.url, max: 10, connectionTimeoutMillis: 5_000 });
    // An idle client losing its server must not crash the process; the next query reports the failure.
    pool.on("error", () => {});
    const drizzle = drizzleNodePostgres(pool, { schema }) as unknown as Drizzle;
    let closed = false;
    return {
      kind: "postgres",
      drizzle,
      ping: async () => {
        await drizzle.execute(sql`select 1`);
      },
      close: async () => {
        if (closed) return;
        closed = true;
        await pool.end();
      },
    };
  }
  await mkdir(config.dataDir, { recursive: true });
  // PGlite has no lock of its own: a second process on the same directory would corrupt it.
  const releaseLock = acquireDirectoryLock(config.dataDir);
  try {
    const db = await wrapPglite(new PGlite(config.dataDir));
    return {
      ...db,
      close: async () => {
        await db.close();
        releaseLock();
      },
    };
  } catch (error) {
    releaseLock();
    throw error;
  }
}

export class DataDirectoryInUseError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(databaseMessages.dataDirectoryInUse(dataDir, pid));
    this.name = "DataDirectoryInUseError";
  }
}

function acquireDirectoryLock(dataDir: string): () => void {
  const lockFile = join(dataDir, "appui.lock");
  for (;;) {
    try {
      writeFileSync(lockFile, String(process.pid), { flag: "wx" });
      return () => rmSync(lockFile, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = Number.parseInt(readFileSync(lockFile, "utf8"), 10);
      if (Number.isInteger(holder) && holder !== process.pid && isAlive(holder)) {
        throw new DataDirectoryInUseError(dataDir, holder);
      }
      // Left behind by a process that died without closing: take it over.
      rmSync(lockFile, { force: true });
    }
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** An in-memory PGlite, for tests that need a throw-away database. */
export async function openMemoryDatabase(): Promise<Database> {
  return wrapPglite(new PGlite());
}

async function wrapPglite(client: PGlite): Promise<Database> {
  await client.waitReady;
  const drizzle = drizzlePglite(client, { schema }) as unknown as Drizzle;
  return {
    kind: "pglite",
    drizzle,
    ping: async () => {
      await drizzle.execute(sql`select 1`);
    },
    close: async () => {
      if (!client.closed) await client.close();
    },
  };
}

/** Rows of a raw `execute()` result: both drivers return `{ rows }`, typed `unknown` by the shared Drizzle type. */
export function rowsOf<Row>(result: unknown): Row[] {
  return (result as { rows: Row[] }).rows;
}
