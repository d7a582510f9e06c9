import { date, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./identity.ts";

/**
 * Dated rule parameters (amounts, ceilings) with their full history: a new value is a new row, never an
 * update, so that any past decision can be replayed with the value in force on its date.
 */
export const ruleParameterValues = pgTable(
  "rule_parameter_values",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    key: text("key").notNull(),
    value: integer("value").notNull(),
    appliesFrom: date("applies_from", { mode: "string" }).notNull(),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
    recordedByUserId: uuid("recorded_by_user_id").references(() => users.id),
    reason: text("reason"),
  },
  (table) => [index("rule_parameter_values_key_applies_from_idx").on(table.key, table.appliesFrom)],
);
