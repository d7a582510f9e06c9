import { bigint, index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

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
