// A case's content: diagnosis, action plan, appointments, closure outcomes, satisfaction survey.
import { sql } from "drizzle-orm";
import { check, date, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import {
  ACTION_KINDS,
  ACTION_OWNERS,
  ACTION_STATUSES,
  APPOINTMENT_CHANNELS,
  EXTERNAL_AIDS,
} from "../../core/diagnosis/types.ts";
import { cases } from "./cases.ts";
import { inList } from "./columns.ts";
import { organisations, users } from "./identity.ts";

// --- A case's content (issue 5): diagnosis, action plan, appointments, closure outcomes, survey -------------

/**
 * The social diagnosis of a case (one per case, replaced as a whole). `data` holds the structured part
 * (household, budget lines, debts, housing, employment); `sensitive` the health, violence and free-notes
 * topics as one JSON value encrypted in the application (secretBox: AES-256-GCM, key id in the value,
 * associated data = the case id), never readable from the database alone.
 */
export const diagnoses = pgTable("diagnoses", {
  caseId: uuid("case_id")
    .primaryKey()
    .references(() => cases.id),
  data: jsonb("data").$type<Record<string, unknown>>().notNull(),
  sensitive: text("sensitive"),
  /** Europe/Paris day the diagnosis was first recorded (quality: time from the request to the diagnosis). */
  diagnosedOn: date("diagnosed_on", { mode: "string" }).notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  updatedByUserId: uuid("updated_by_user_id").references(() => users.id),
});

/** The action plan's actions. `version` grows at each change: the action's ETag (partners update actions). */
export const caseActions = pgTable(
  "case_actions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    kind: text("kind").$type<(typeof ACTION_KINDS)[number]>().notNull(),
    title: text("title").notNull(),
    catalogueItemId: uuid("catalogue_item_id"),
    externalAid: text("external_aid").$type<(typeof EXTERNAL_AIDS)[number]>(),
    owner: text("owner").$type<(typeof ACTION_OWNERS)[number]>().notNull(),
    partnerOrganisationId: uuid("partner_organisation_id").references(() => organisations.id),
    dueOn: date("due_on", { mode: "string" }).notNull(),
    status: text("status").$type<(typeof ACTION_STATUSES)[number]>().notNull(),
    outcome: text("outcome"),
    version: integer("version").notNull().default(1),
    createdByUserId: uuid("created_by_user_id").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    check("case_actions_kind_check", sql`${table.kind} in (${inList(ACTION_KINDS)})`),
    check(
      "case_actions_external_aid_check",
      sql`${table.externalAid} is null or ${table.externalAid} in (${inList(EXTERNAL_AIDS)})`,
    ),
    check("case_actions_owner_check", sql`${table.owner} in (${inList(ACTION_OWNERS)})`),
    check("case_actions_status_check", sql`${table.status} in (${inList(ACTION_STATUSES)})`),
    check("case_actions_version_check", sql`${table.version} >= 1`),
    index("case_actions_case_idx").on(table.caseId, table.dueOn),
    // Overdue actions of the caseload: those still to do, by due day.
    index("case_actions_open_due_idx")
      .on(table.dueOn, table.caseId)
      .where(sql`${table.status} in ('planned', 'in_progress')`),
    index("case_actions_partner_idx").on(table.partnerOrganisationId),
  ],
);

/** Appointments of the follow-up. `notes` are free notes: encrypted like the diagnosis's sensitive topics. */
export const appointments = pgTable(
  "appointments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    at: timestamp("at", { withTimezone: true }).notNull(),
    channel: text("channel").$type<(typeof APPOINTMENT_CHANNELS)[number]>().notNull(),
    notes: text("notes"),
    createdByUserId: uuid("created_by_user_id").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    check("appointments_channel_check", sql`${table.channel} in (${inList(APPOINTMENT_CHANNELS)})`),
    index("appointments_case_at_idx").on(table.caseId, table.at),
  ],
);

/** What a closed case achieved: the outcome indicators the statistics count (one row per case). */
export const caseOutcomes = pgTable("case_outcomes", {
  caseId: uuid("case_id")
    .primaryKey()
    .references(() => cases.id),
  indicators: jsonb("indicators").$type<string[]>().notNull(),
  comment: text("comment"),
  recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
  recordedByUserId: uuid("recorded_by_user_id").references(() => users.id),
});

/**
 * Satisfaction surveys sent after closure, through a one-time link. `token_hash` is the SHA-256 (hex) of the
 * random token sent to the person: a copy of this table opens no survey. Answered once (`answered_at`); a
 * new link for the same case revokes an unanswered one.
 */
export const surveys = pgTable(
  "surveys",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    tokenHash: text("token_hash").notNull().unique(),
    createdByUserId: uuid("created_by_user_id").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    answeredAt: timestamp("answered_at", { withTimezone: true }),
    rating: integer("rating"),
    comment: text("comment"),
  },
  (table) => [
    check("surveys_rating_check", sql`${table.rating} is null or ${table.rating} between 1 and 5`),
    check("surveys_answer_check", sql`(${table.answeredAt} is null) = (${table.rating} is null)`),
    index("surveys_case_idx").on(table.caseId, table.createdAt),
  ],
);
