// Money (2025 directive): the aid catalogue, annual envelopes, aids, disbursements, repayments, alerts and
// idempotency keys.
import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
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
} from "../../core/finance/aids.ts";
import {
  ENVELOPE_ALERT_LEVELS,
  type EnvelopeAlertLevel,
  type EnvelopeAlertScope,
} from "../../core/finance/alerts.ts";
import { cases } from "./cases.ts";
import { inList } from "./columns.ts";
import { organisations, users } from "./identity.ts";

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
