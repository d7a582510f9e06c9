// Documents of a case and the one-time engagement links.
import { sql } from "drizzle-orm";
import { check, customType, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { cases } from "./cases.ts";
import { inList } from "./columns.ts";
import { users } from "./identity.ts";

// --- Case documents and engagement links (issue 5) ----------------------------------------------------------

export const CASE_DOCUMENT_KINDS = ["attachment", "signed_engagement"] as const;
export type CaseDocumentKind = (typeof CASE_DOCUMENT_KINDS)[number];
/** The media types kept, as detected from the content (src/services/documents/inspect.ts). */
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
