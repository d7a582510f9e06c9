// Drizzle schema: the single description of the tables. `npm run db:generate` turns changes into a new SQL
// migration under src/db/migrations/, which is committed and applied at start.
import { sql } from "drizzle-orm";
import { boolean, check, date, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

export const ORGANISATION_KINDS = ["agency", "partner"] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const ROLES = [
  "counsellor",
  "partner_worker",
  "manager",
  "budget_controller",
  "admin",
  "auditor",
] as const;
export type Role = (typeof ROLES)[number];

/** Roles that belong to the national level rather than to one organisation. */
export const NATIONAL_ROLES = ["budget_controller", "admin", "auditor"] as const satisfies readonly Role[];

const inList = (values: readonly string[]) => sql.raw(values.map((value) => `'${value}'`).join(", "));

export const organisations = pgTable(
  "organisations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind").$type<OrganisationKind>().notNull(),
    name: text("name").notNull().unique(),
    region: text("region").notNull(),
    city: text("city").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [check("organisations_kind_check", sql`${table.kind} in (${inList(ORGANISATION_KINDS)})`)],
);

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull().unique(),
    displayName: text("display_name").notNull(),
    role: text("role").$type<Role>().notNull(),
    organisationId: uuid("organisation_id").references(() => organisations.id),
    passwordHash: text("password_hash").notNull(),
    isDemo: boolean("is_demo").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    check("users_role_check", sql`${table.role} in (${inList(ROLES)})`),
    // Emails are compared case-insensitively by storing them lowercased.
    check("users_email_lowercase_check", sql`${table.email} = lower(${table.email})`),
    // Agency and partner roles only make sense inside an organisation.
    check(
      "users_organisation_check",
      sql`${table.role} in (${inList(NATIONAL_ROLES)}) or ${table.organisationId} is not null`,
    ),
  ],
);

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
