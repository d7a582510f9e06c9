// Drizzle schema: the single description of the tables. `npm run db:generate` turns changes into a new SQL
// migration under src/db/migrations/, which is committed and applied at start.
import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgSequence,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { CONTACT_CHANNELS, REQUEST_CHANNELS } from "../contracts/cases.ts";
import {
  NATIONAL_ROLES,
  ORGANISATION_KINDS,
  type OrganisationKind,
  ROLES,
  type Role,
} from "../core/access/roles.ts";
import { CASE_STATUSES } from "../core/cases/types.ts";
import {
  ACTION_KINDS,
  ACTION_OWNERS,
  ACTION_STATUSES,
  APPOINTMENT_CHANNELS,
  EXTERNAL_AIDS,
} from "../core/diagnosis/types.ts";
import {
  AID_KINDS,
  AID_STATUSES,
  type AidKind,
  type AidStatus,
  EARLY_REPAYMENT_OPTIONS,
  type EarlyRepaymentOption,
  PAYEE_KINDS,
  type PayeeKind,
  REPAYMENT_MODES,
  type RepaymentMode,
} from "../core/finance/aids.ts";
import {
  ENVELOPE_ALERT_LEVELS,
  type EnvelopeAlertLevel,
  type EnvelopeAlertScope,
} from "../core/finance/alerts.ts";

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
    /** TOTP secret, encrypted (src/server/auth/secretBox.ts); set once enrolment is confirmed. */
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

/**
 * The audit trail: append-only (a trigger refuses UPDATE, DELETE and TRUNCATE) and hash-chained: `hash` is
 * the SHA-256 of the canonical serialisation of the entry, `prev_hash` included, so that changing or
 * removing a row breaks the chain (`appui audit verify`). `details` never holds personal data.
 */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    seq: bigint("seq", { mode: "number" }).notNull().unique(),
    occurredAt: timestamp("occurred_at", { withTimezone: true, precision: 3 }).notNull(),
    actorUserId: uuid("actor_user_id"),
    actorRole: text("actor_role"),
    organisationId: uuid("organisation_id"),
    action: text("action").notNull(),
    targetType: text("target_type"),
    targetId: text("target_id"),
    requestId: text("request_id"),
    clientAddress: text("client_address"),
    details: jsonb("details").$type<Record<string, unknown>>().notNull(),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull(),
  },
  (table) => [
    index("audit_events_actor_idx").on(table.actorUserId, table.seq),
    index("audit_events_target_idx").on(table.targetId, table.seq),
    index("audit_events_occurred_at_idx").on(table.occurredAt),
  ],
);

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

// ---- Retention (src/server/privacy/retention.ts) ----

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

// --- Finance (issue 7): aid catalogue, annual envelopes, aids, payments, idempotency keys -------------------

/**
 * Catalogue of aids, versioned: a change is a new row with the next `version` of the same `code`, never an
 * update, and an aid copies the terms of the version it was proposed under. `directives` lists the
 * directive references the product applies to. `active` false withdraws the product from that version on.
 */
export const aidProducts = pgTable(
  "aid_products",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    code: text("code").notNull(),
    version: integer("version").notNull(),
    kind: text("kind").$type<AidKind>().notNull(),
    name: text("name").notNull(),
    maxAmountCents: bigint("max_amount_cents", { mode: "number" }).notNull(),
    rateBp: integer("rate_bp").notNull().default(0),
    maxDurationMonths: integer("max_duration_months"),
    deferralMonths: integer("deferral_months").notNull().default(0),
    directives: jsonb("directives").$type<string[]>().notNull(),
    active: boolean("active").notNull().default(true),
    appliesFrom: date("applies_from", { mode: "string" }).notNull(),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
    recordedByUserId: uuid("recorded_by_user_id").references(() => users.id),
    reason: text("reason").notNull(),
  },
  (table) => [
    uniqueIndex("aid_products_code_version_idx").on(table.code, table.version),
    check("aid_products_kind_check", sql`${table.kind} in (${inList(AID_KINDS)})`),
    check("aid_products_amount_check", sql`${table.maxAmountCents} > 0`),
    check("aid_products_rate_check", sql`${table.rateBp} between 0 and 10000`),
    check("aid_products_deferral_check", sql`${table.deferralMonths} between 0 and 120`),
    check(
      "aid_products_duration_check",
      sql`(${table.kind} = 'loan' and ${table.maxDurationMonths} between 1 and 600) or (${table.kind} = 'grant' and ${table.maxDurationMonths} is null)`,
    ),
  ],
);

/** One envelope per calendar year: the national amount. What is reserved and committed is computed from `aids`. */
export const envelopes = pgTable(
  "envelopes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    year: integer("year").notNull().unique(),
    nationalCents: bigint("national_cents", { mode: "number" }).notNull(),
    openedAt: timestamp("opened_at", { withTimezone: true }).notNull().defaultNow(),
    openedByUserId: uuid("opened_by_user_id").references(() => users.id),
  },
  (table) => [check("envelopes_national_check", sql`${table.nationalCents} >= 0`)],
);

/** Parts of an envelope allocated to a region or an agency (`code`); they never add up to more than it. */
export const envelopeAllocations = pgTable(
  "envelope_allocations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    envelopeId: uuid("envelope_id")
      .notNull()
      .references(() => envelopes.id),
    code: text("code").notNull(),
    label: text("label").notNull(),
    amountCents: bigint("amount_cents", { mode: "number" }).notNull(),
  },
  (table) => [
    uniqueIndex("envelope_allocations_code_idx").on(table.envelopeId, table.code),
    check("envelope_allocations_amount_check", sql`${table.amountCents} >= 0`),
  ],
);

/**
 * An aid proposed on a case: the product terms it was proposed under (copied), its amount, the year (and
 * allocation) it is charged to, its status, and who proposed and decided it. `requested_at` orders the
 * queue. Its history of decisions is in `aid_events`.
 */
export const aids = pgTable(
  "aids",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    organisationId: uuid("organisation_id")
      .notNull()
      .references(() => organisations.id),
    year: integer("year").notNull(),
    allocationCode: text("allocation_code"),
    productId: uuid("product_id")
      .notNull()
      .references(() => aidProducts.id),
    kind: text("kind").$type<AidKind>().notNull(),
    productName: text("product_name").notNull(),
    rateBp: integer("rate_bp").notNull(),
    durationMonths: integer("duration_months"),
    deferralMonths: integer("deferral_months").notNull(),
    amountCents: bigint("amount_cents", { mode: "number" }).notNull(),
    status: text("status").$type<AidStatus>().notNull(),
    requestedAt: timestamp("requested_at", { withTimezone: true, precision: 6 }).notNull().defaultNow(),
    proposedByUserId: uuid("proposed_by_user_id")
      .notNull()
      .references(() => users.id),
    firstApprovedByUserId: uuid("first_approved_by_user_id").references(() => users.id),
    firstApprovedAt: timestamp("first_approved_at", { withTimezone: true }),
    decidedByUserId: uuid("decided_by_user_id").references(() => users.id),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    decisionReason: text("decision_reason"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    check("aids_kind_check", sql`${table.kind} in (${inList(AID_KINDS)})`),
    check("aids_status_check", sql`${table.status} in (${inList(AID_STATUSES)})`),
    check("aids_amount_check", sql`${table.amountCents} > 0`),
    // The envelope totals and the queue read aids by year and status.
    index("aids_year_status_idx").on(table.year, table.status, table.requestedAt),
    index("aids_case_idx").on(table.caseId),
  ],
);

/** Every change of an aid's status, with who, when and why (the decisions). */
export const aidEvents = pgTable(
  "aid_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    aidId: uuid("aid_id")
      .notNull()
      .references(() => aids.id),
    type: text("type").notNull(),
    fromStatus: text("from_status").$type<AidStatus>(),
    toStatus: text("to_status").$type<AidStatus>().notNull(),
    actorUserId: uuid("actor_user_id").references(() => users.id),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull().defaultNow(),
    reason: text("reason"),
  },
  (table) => [index("aid_events_aid_idx").on(table.aidId, table.occurredAt)],
);

/** The payment of an aid: at most one per aid (the unique index is the last guard against paying twice). */
export const aidDisbursements = pgTable(
  "aid_disbursements",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    aidId: uuid("aid_id")
      .notNull()
      .references(() => aids.id),
    amountCents: bigint("amount_cents", { mode: "number" }).notNull(),
    payeeKind: text("payee_kind").$type<PayeeKind>().notNull(),
    /** Electronic format (no spaces, upper case), validated. Personal data: never logged nor audited. */
    payeeIban: text("payee_iban").notNull(),
    paidOn: date("paid_on", { mode: "string" }).notNull(),
    firstDueDate: date("first_due_date", { mode: "string" }),
    recordedByUserId: uuid("recorded_by_user_id")
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("aid_disbursements_aid_idx").on(table.aidId),
    check("aid_disbursements_payee_check", sql`${table.payeeKind} in (${inList(PAYEE_KINDS)})`),
    check("aid_disbursements_amount_check", sql`${table.amountCents} > 0`),
  ],
);

/** Repayments received on a loan. */
export const aidRepayments = pgTable(
  "aid_repayments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    aidId: uuid("aid_id")
      .notNull()
      .references(() => aids.id),
    amountCents: bigint("amount_cents", { mode: "number" }).notNull(),
    receivedOn: date("received_on", { mode: "string" }).notNull(),
    /** `instalment` pays the instalments oldest first; `early` reduces the principal (remboursement anticipé). */
    mode: text("mode").$type<RepaymentMode>().notNull().default("instalment"),
    /** Early repayments only: `shorten` (same instalment, ends earlier) or `lower_instalment` (same end). */
    earlyOption: text("early_option").$type<EarlyRepaymentOption>(),
    recordedByUserId: uuid("recorded_by_user_id")
      .notNull()
      .references(() => users.id),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("aid_repayments_aid_idx").on(table.aidId, table.receivedOn),
    check("aid_repayments_amount_check", sql`${table.amountCents} > 0`),
    check("aid_repayments_mode_check", sql`${table.mode} in (${inList(REPAYMENT_MODES)})`),
    check(
      "aid_repayments_early_option_check",
      sql`(${table.mode} = 'early' and ${table.earlyOption} in (${inList(EARLY_REPAYMENT_OPTIONS)})) or (${table.mode} = 'instalment' and ${table.earlyOption} is null)`,
    ),
  ],
);

/**
 * Alerts to budget controllers: reserved + committed crossed 80 %, 95 % or 100 % of the national envelope
 * (`scope` national, no code) or of one allocation (its code and label as they were). Written in the
 * transaction that crossed the line; the unique index keeps one alert per year, pot and level.
 */
export const envelopeAlerts = pgTable(
  "envelope_alerts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    year: integer("year").notNull(),
    level: text("level").$type<EnvelopeAlertLevel>().notNull(),
    scope: text("scope").$type<EnvelopeAlertScope>().notNull(),
    scopeCode: text("scope_code"),
    scopeLabel: text("scope_label"),
    usedCents: bigint("used_cents", { mode: "number" }).notNull(),
    limitCents: bigint("limit_cents", { mode: "number" }).notNull(),
    raisedAt: timestamp("raised_at", { withTimezone: true }).notNull().defaultNow(),
    acknowledgedAt: timestamp("acknowledged_at", { withTimezone: true }),
    acknowledgedByUserId: uuid("acknowledged_by_user_id").references(() => users.id),
  },
  (table) => [
    uniqueIndex("envelope_alerts_once_idx").on(
      table.year,
      table.scope,
      sql`coalesce(${table.scopeCode}, '')`,
      table.level,
    ),
    check("envelope_alerts_level_check", sql`${table.level} in (${inList(ENVELOPE_ALERT_LEVELS)})`),
    check(
      "envelope_alerts_scope_check",
      sql`(${table.scope} = 'national' and ${table.scopeCode} is null) or (${table.scope} = 'allocation' and ${table.scopeCode} is not null)`,
    ),
  ],
);

/**
 * `Idempotency-Key` of money-moving requests: per actor and key, the route, the SHA-256 of the request and
 * the response given, so that a retry gets the same answer and never pays twice.
 */
export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    actorUserId: uuid("actor_user_id")
      .notNull()
      .references(() => users.id),
    key: text("key").notNull(),
    route: text("route").notNull(),
    requestHash: text("request_hash").notNull(),
    responseStatus: integer("response_status").notNull(),
    responseBody: jsonb("response_body").$type<unknown>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.actorUserId, table.key] })],
);

// --- Case documents and engagement links (issue 5) ----------------------------------------------------------

export const CASE_DOCUMENT_KINDS = ["attachment", "signed_engagement"] as const;
export type CaseDocumentKind = (typeof CASE_DOCUMENT_KINDS)[number];
/** The media types kept, as detected from the content (src/server/documents/inspect.ts). */
export const CASE_DOCUMENT_MEDIA_TYPES = ["application/pdf", "image/jpeg", "image/png"] as const;
/** 10 MiB: the largest document kept. */
export const CASE_DOCUMENT_MAX_BYTES = 10 * 1024 * 1024;

/** Raw bytes. PGlite gives them back as a Uint8Array, node-postgres as a Buffer: both are read as a Buffer. */
const bytea = customType<{ data: Buffer; driverData: Uint8Array }>({
  dataType: () => "bytea",
  fromDriver: (value) => Buffer.from(value.buffer, value.byteOffset, value.byteLength),
});

/**
 * Files attached to a case, or to one action of its plan (`action_id`, an id of the plan's actions). The
 * media type is the one detected from the content, never the name's; `sha256` lets a download be checked
 * against the upload. Kept in the database so that a backup holds everything. `kind` flags the signed scan
 * of the reciprocal engagement.
 */
export const caseDocuments = pgTable(
  "case_documents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    actionId: uuid("action_id"),
    kind: text("kind").$type<CaseDocumentKind>().notNull(),
    originalName: text("original_name").notNull(),
    mediaType: text("media_type").$type<(typeof CASE_DOCUMENT_MEDIA_TYPES)[number]>().notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    sha256: text("sha256").notNull(),
    /** Encrypted (secretBox's encryptBytes) under the key `content_key_id` names; in clear when it is null. */
    content: bytea("content").notNull(),
    contentKeyId: text("content_key_id"),
    uploadedByUserId: uuid("uploaded_by_user_id")
      .notNull()
      .references(() => users.id),
    uploadedAt: timestamp("uploaded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("case_documents_case_idx").on(table.caseId, table.uploadedAt),
    check("case_documents_kind_check", sql`${table.kind} in (${inList(CASE_DOCUMENT_KINDS)})`),
    check(
      "case_documents_media_type_check",
      sql`${table.mediaType} in (${inList(CASE_DOCUMENT_MEDIA_TYPES)})`,
    ),
    check(
      "case_documents_size_check",
      sql`${table.sizeBytes} > 0 and ${table.sizeBytes} <= ${sql.raw(String(CASE_DOCUMENT_MAX_BYTES))}`,
    ),
    // A sealed file is its nonce (12 bytes) and tag (16 bytes) longer: a truncated file is refused either way.
    check(
      "case_documents_content_length_check",
      sql`octet_length(${table.content}) = ${table.sizeBytes} + case when ${table.contentKeyId} is null then 0 else 28 end`,
    ),
    check("case_documents_sha256_check", sql`${table.sha256} ~ '^[0-9a-f]{64}$'`),
  ],
);

/**
 * One-time links through which a person accepts their reciprocal engagement. `token_hash` is the SHA-256
 * (hex) of the random token sent to the person: a copy of this table opens no link. A link works until
 * `expires_at`, once (`used_at`), and a new link for the same case revokes the unused ones (`revoked_at`).
 */
export const engagementLinks = pgTable(
  "engagement_links",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    caseId: uuid("case_id")
      .notNull()
      .references(() => cases.id),
    tokenHash: text("token_hash").notNull().unique(),
    createdByUserId: uuid("created_by_user_id")
      .notNull()
      .references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (table) => [index("engagement_links_case_idx").on(table.caseId, table.createdAt)],
);

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
