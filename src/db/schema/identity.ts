// Who uses Appui: organisations (agencies, partners), staff accounts, sessions, sign-in throttles and
// second-factor recovery codes.
import { sql } from "drizzle-orm";
import { bigint, boolean, check, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import {
  NATIONAL_ROLES,
  ORGANISATION_KINDS,
  type OrganisationKind,
  ROLES,
  type Role,
} from "../../core/access/roles.ts";
import { inList } from "./columns.ts";

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
    /** TOTP secret, encrypted (src/crypto/secretBox.ts); set once enrolment is confirmed. */
    totpSecret: text("totp_secret"),
    /** Secret being enrolled, encrypted, until the first code confirms it. */
    totpPendingSecret: text("totp_pending_secret"),
    totpEnabledAt: timestamp("totp_enabled_at", { withTimezone: true }),
    /** Last TOTP step accepted: a code works once. */
    totpLastStep: bigint("totp_last_step", { mode: "number" }),
    /** Set by an administrator: the account can no longer sign in, and its sessions are revoked. */
    deactivatedAt: timestamp("deactivated_at", { withTimezone: true }),
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
 * Server-side sessions. `id` is the SHA-256 (hex) of the random token held in the cookie: a copy of this
 * table does not let anyone sign in. A session ends at `expires_at` (absolute), after the idle timeout since
 * `last_seen_at`, or when `revoked_at` is set (logout, new login with the same cookie).
 */
export const sessions = pgTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    csrfToken: text("csrf_token").notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    /** Signed in with a password only, by a role that must enrol a second factor first. */
    mfaEnrolmentRequired: boolean("mfa_enrolment_required").notNull().default(false),
  },
  (table) => [index("sessions_user_id_idx").on(table.userId)],
);

/**
 * Failed sign-in counters, per account and per client address, for progressive lockout. `key` is
 * `account:<sha256 of the lowercased email>` (whether or not such an account exists, so that a lockout
 * reveals nothing) or `address:<client address>`.
 */
export const loginThrottles = pgTable("login_throttles", {
  key: text("key").primaryKey(),
  failures: integer("failures").notNull().default(0),
  lastFailureAt: timestamp("last_failure_at", { withTimezone: true }).notNull(),
  lockedUntil: timestamp("locked_until", { withTimezone: true }),
});

/** Single-use recovery codes of the second factor, stored as SHA-256 (they carry 50 random bits). */
export const recoveryCodes = pgTable(
  "recovery_codes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    codeHash: text("code_hash").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (table) => [index("recovery_codes_user_id_idx").on(table.userId)],
);
