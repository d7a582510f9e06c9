// The database suites run once per kind: embedded PGlite, and a real PostgreSQL server.
// PostgreSQL comes from DATABASE_URL_TEST (default: the local/CI server); each suite creates its own
// database `appui_test_<random>` and drops it afterwards. Outside CI an unreachable server skips the
// PostgreSQL suites with a visible reason; with CI=true it fails them.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { type Database, openDatabase, openMemoryDatabase } from "../../src/db/database.ts";

export const POSTGRES_ADMIN_URL = process.env.DATABASE_URL_TEST ?? "postgres://postgres@127.0.0.1:5432/test";
const IN_CI = process.env.CI === "true";

export interface TestDatabase {
  db: Database;
  /** Connection string, for PostgreSQL only (child processes, direct SQL). */
  url?: string;
  /** Closes the database (if still open) and removes it. */
  dispose(): Promise<void>;
}

export interface DatabaseKind {
  kind: Database["kind"];
  /** Set when the suite must be skipped; the reason is shown in the suite's name. */
  skipReason: string | undefined;
  open(): Promise<TestDatabase>;
}

async function probePostgres(): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.query("select 1");
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await client.end().catch(() => {});
  }
}

const postgresProblem = await probePostgres();
if (postgresProblem !== undefined && !IN_CI) {
  process.stderr.write(
    `PostgreSQL tests skipped: ${redactUrl(POSTGRES_ADMIN_URL)} unreachable (${postgresProblem}). ` +
      "Set DATABASE_URL_TEST or start a server to run them.\n",
  );
}

function redactUrl(url: string): string {
  return url.replace(/\/\/[^@/]*@/, "//***@");
}

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** A fresh, empty PostgreSQL database; its connection string. */
export async function createPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  if (postgresProblem !== undefined) {
    throw new Error(
      `PostgreSQL unreachable at ${redactUrl(POSTGRES_ADMIN_URL)} (CI=true): ${postgresProblem}`,
    );
  }
  const name = `appui_test_${randomBytes(6).toString("hex")}`;
  await adminQuery(`create database ${name}`);
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => adminQuery(`drop database if exists ${name} with (force)`),
  };
}

export const DATABASE_KINDS: DatabaseKind[] = [
  {
    kind: "pglite",
    skipReason: undefined,
    open: async () => {
      const db = await openMemoryDatabase();
      return { db, dispose: () => db.close() };
    },
  },
  {
    kind: "postgres",
    skipReason:
      postgresProblem !== undefined && !IN_CI
        ? `skipped: PostgreSQL unreachable at ${redactUrl(POSTGRES_ADMIN_URL)}`
        : undefined,
    open: async () => {
      const { url, drop } = await createPostgresDatabase();
      const db = await openDatabase({ kind: "postgres", url });
      return {
        db,
        url,
        dispose: async () => {
          await db.close();
          await drop();
        },
      };
    },
  },
];

/** Suite title showing the kind and, when skipped, why. */
export function suiteName(kind: DatabaseKind, title: string): string {
  return kind.skipReason === undefined
    ? `${title} on ${kind.kind}`
    : `${title} on ${kind.kind} (${kind.skipReason})`;
}
