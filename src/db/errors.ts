// Recognising database errors through Drizzle's wrapper. Drizzle wraps driver errors in a
// DrizzleQueryError whose message lists the query's parameters, i.e. user data: never log that message.

export interface SqlStateError extends Error {
  code: string;
  constraint?: string;
  table?: string;
  column?: string;
}

const SQLSTATE = /^[0-9A-Z]{5}$/;

/** The PostgreSQL error (with its SQLSTATE code) behind `error`, if any, unwrapping Drizzle's wrapper. */
export function findSqlStateError(error: unknown): SqlStateError | undefined {
  for (let current = error, depth = 0; current instanceof Error && depth < 3; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && SQLSTATE.test(code)) return current as SqlStateError;
    current = current.cause;
  }
  return undefined;
}

/** A Drizzle query failure: carries `query` (safe, parameterised SQL) and `params` (user data). */
export function isDrizzleQueryError(error: unknown): error is Error & { query: string; params: unknown[] } {
  return error instanceof Error && "query" in error && "params" in error;
}
