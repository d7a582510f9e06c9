// What the tables of every context share.
import { sql } from "drizzle-orm";

/** The SQL list of a closed set of values, for a check constraint. */
export const inList = (values: readonly string[]) => sql.raw(values.map((value) => `'${value}'`).join(", "));
