// Cases: the case itself, its eligibility snapshots, its timeline, its referrals, its anonymisation and the
// auditors' justified accesses.
import { sql } from "drizzle-orm";
import {
  check,
  date,
  index,
  integer,
  jsonb,
  pgSequence,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { CONTACT_CHANNELS, REQUEST_CHANNELS } from "../../contracts/cases.ts";
import { CASE_STATUSES } from "../../core/cases/types.ts";
import { inList } from "./columns.ts";
import { organisations, users } from "./identity.ts";

// --- Cases (issue 5) ---------------------------------------------------------------------------------------

/** Numbers of the human references (ASD-<year>-<number>): unique across years, never reused. */
export const caseReferenceSeq = pgSequence("case_reference_seq", { startWith: 1 });

/**
 * One case per request. The lifecycle value of src/core/cases lives in `status`, `directive`,
 * `requested_on` and the jsonb columns `eligibility`, `decision`, `engagement`, `closure` (written
 * together, from one `transition` result). `version` grows by one at each change: it is the ETag, and every
 * change is an UPDATE guarded by the version read (optimistic concurrency). `situation_summary` is free text
 * written by the person: encrypted in the application (secretBox, associated data = the case id).
 */
export const cases = pgTable(
  "cases",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    reference: text("reference").notNull().unique(),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    counsellorUserId: uuid("counsellor_user_id").references(() => users.id),
    status: text("status").$type<(typeof CASE_STATUSES)[number]>().notNull(),
    directive: text("directive").notNull(),
    requestedOn: date("requested_on", { mode: "string" }).notNull(),
    channel: text("channel").$type<(typeof REQUEST_CHANNELS)[number]>().notNull(),
    eligibility: jsonb("eligibility").$type<Record<string, unknown>>(),
    decision: jsonb("decision").$type<Record<string, unknown>>(),
    engagement: jsonb("engagement").$type<Record<string, unknown>>(),
    closure: jsonb("closure").$type<Record<string, unknown>>(),
    personFirstName: text("person_first_name").notNull(),
    personLastName: text("person_last_name").notNull(),
    personBirthDate: date("person_birth_date", { mode: "string" }),
    /** Lowercased and trimmed, so that duplicates are found by equality. */
    personEmail: text("person_email"),
    /** Digits only (a leading + kept), for the same reason. */
    personPhone: text("person_phone"),
    personPostcode: text("person_postcode"),
    preferredChannel: text("preferred_channel").$type<(typeof CONTACT_CHANNELS)[number]>(),
    preferredTimes: text("preferred_times"),
    situationSummary: text("situation_summary"),
    legalBasis: text("legal_basis").notNull(),
    noticeVersion: text("notice_version").notNull(),
    consentGivenAt: timestamp("consent_given_at", { withTimezone: true }).notNull(),
    /** An open case of the same agency that seems to concern the same person, for the counsellor to check. */
    possibleDuplicateOf: uuid("possible_duplicate_of"),
    createdByUserId: uuid("created_by_user_id").references(() => users.id),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    check("cases_status_check", sql`${table.status} in (${inList(CASE_STATUSES)})`),
    check("cases_channel_check", sql`${table.channel} in (${inList(REQUEST_CHANNELS)})`),
    check(
      "cases_preferred_channel_check",
      sql`${table.preferredChannel} is null or ${table.preferredChannel} in (${inList(CONTACT_CHANNELS)})`,
    ),
    check("cases_version_check", sql`${table.version} >= 1`),
    // The caseload's stable order, and its filters.
    index("cases_caseload_idx").on(table.organisationId, table.requestedOn, table.id),
    index("cases_counsellor_idx").on(table.counsellorUserId, table.status),
    index("cases_person_email_idx").on(table.organisationId, table.personEmail),
    index("cases_person_name_idx").on(table.organisationId, table.personLastName, table.personFirstName),
  ],
);

/**
 * Every eligibility assessment of a case, as evaluated then: facts, directive, outcome, reasons, parameter
 * values, engine version. Never updated and never recomputed: a re-assessment is a new row.
 */
export const eligibilitySnapshots = pgTable(
  "eligibility_snapshots",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    directive: text("directive").notNull(),
    facts: jsonb("facts").$type<Record<string, unknown>>().notNull(),
    outcome: text("outcome").notNull(),
    reasons: jsonb("reasons").$type<unknown[]>().notNull(),
    missing: jsonb("missing").$type<string[]>().notNull(),
    parameters: jsonb("parameters").$type<Record<string, number>>().notNull(),
    engineVersion: text("engine_version").notNull(),
    assessedOn: date("assessed_on", { mode: "string" }).notNull(),
    assessedByUserId: uuid("assessed_by_user_id").references(() => users.id),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("eligibility_snapshots_case_idx").on(table.caseId, table.recordedAt)],
);

/**
 * The case's timeline: who did what, when. `seq` numbers the events of one case from 1. `data` holds the
 * facts of the event (codes, dates, the motive a decision needs), never the person's identity.
 */
export const caseEvents = pgTable(
  "case_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    seq: integer("seq").notNull(),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull().defaultNow(),
    actorUserId: uuid("actor_user_id").references(() => users.id),
    type: text("type").notNull(),
    data: jsonb("data").$type<Record<string, unknown>>().notNull(),
  },
  (table) => [uniqueIndex("case_events_case_seq_idx").on(table.caseId, table.seq)],
);

/** Cases referred to a partner organisation: what the `referred` permission scope reads. */
export const caseReferrals = pgTable(
  "case_referrals",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    partnerOrganisationId: uuid("partner_organisation_id")
      .notNull()
      .references(() => organisations.id),
    note: text("note"),
    referredByUserId: uuid("referred_by_user_id").references(() => users.id),
    referredAt: timestamp("referred_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("case_referrals_case_partner_idx").on(table.caseId, table.partnerOrganisationId),
    index("case_referrals_partner_idx").on(table.partnerOrganisationId, table.referredAt),
  ],
);

// ---- Retention (src/services/privacy/retention.ts) ----

/**
 * Cases whose personal data the retention job has replaced by neutral values, and when. The audit trail
 * records the same event; this table lets the job skip them and find the ones still to anonymise by a join.
 */
export const caseAnonymisations = pgTable("case_anonymisations", {
  caseId: uuid("case_id")
    .primaryKey()
    .references(() => cases.id),
  anonymisedAt: timestamp("anonymised_at", { withTimezone: true }).notNull(),
  /** Personal values replaced, per table (counts only). */
  replaced: jsonb("replaced").$type<Record<string, number>>().notNull(),
});

// --- Auditors' justified access to case content (issue 6) ---------------------------------------------------

/**
 * An auditor's written justification for reading one case, and until when it opens the case (read only).
 * The reason is kept here rather than in the audit trail, which is immutable and never holds free text: the
 * trail records the justification's id, and every read made under it names that id.
 */
export const caseAccessJustifications = pgTable(
  "case_access_justifications",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    auditorUserId: uuid("auditor_user_id")
      .notNull()
      .references(() => users.id),
    reason: text("reason").notNull(),
    grantedAt: timestamp("granted_at", { withTimezone: true }).notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (table) => [
    check("case_access_justifications_window_check", sql`${table.expiresAt} > ${table.grantedAt}`),
    index("case_access_justifications_lookup_idx").on(table.caseId, table.auditorUserId, table.expiresAt),
  ],
);
