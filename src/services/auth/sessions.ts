// Server-side sessions. The cookie holds a random 32-byte token; the database holds only its SHA-256, so a
// leaked copy of the table opens no session. Validity (revocation, idle and absolute timeouts) is decided
// here, in one place.

import { createHash, randomBytes } from "node:crypto";
import type { OrganisationKind, Role } from "../../core/access/index.ts";
import type { Drizzle } from "../../db/database.ts";
import {
  deleteSessionsExpiredBefore,
  findSessionRecord,
  insertSession,
  revokeSession,
  type SessionRecord,
  touchSession,
} from "../../db/identity/sessions.ts";
import { recordChange } from "../auditing.ts";
import { type Caller, staffOf } from "../caller.ts";
import type { ServiceContext } from "../context.ts";
import { inTransaction } from "../transactions.ts";

export interface SessionTimeouts {
  /** Inactivity after which the session ends (30 min). */
  idleTimeoutMs: number;
  /** Lifetime from sign-in, whatever the activity (12 h). */
  absoluteTimeoutMs: number;
}

export const DEFAULT_SESSION_TIMEOUTS: SessionTimeouts = {
  idleTimeoutMs: 30 * 60_000,
  absoluteTimeoutMs: 12 * 60 * 60_000,
};

/** last_seen_at is written at most this often, not on every request. */
const TOUCH_INTERVAL_MS = 60_000;

/** Sessions expired longer ago than this are deleted when their account signs in again. */
const EXPIRED_SESSIONS_KEPT_MS = 24 * 60 * 60_000;

/** A live session: who it is, what it may do, and the token its changes must carry (CSRF). */
export interface LiveSession {
  /** SHA-256 of the token: the row id. */
  sessionId: string;
  csrfToken: string;
  user: { id: string; email: string; displayName: string };
  role: Role;
  organisation: { id: string; name: string; kind: OrganisationKind } | null;
  mfa: {
    /** The account has a confirmed second factor. */
    enabled: boolean;
    /** The session may only enrol a second factor (and read itself, sign out) until it is confirmed. */
    enrolmentRequired: boolean;
  };
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** base64url of 32 random bytes: 43 characters. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

/**
 * Opens a session for the account (in the transaction `db`, when given one), and gives its token: the
 * caller hands it to the browser, nothing keeps it.
 */
export async function createSession(
  db: Drizzle,
  userId: string,
  now: Date,
  timeouts: SessionTimeouts,
  mfaEnrolmentRequired = false,
): Promise<{ token: string; sessionId: string; csrfToken: string }> {
  const token = randomBytes(32).toString("base64url");
  const csrfToken = randomBytes(32).toString("base64url");
  const sessionId = hashToken(token);
  await insertSession(db, {
    id: sessionId,
    userId,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + timeouts.absoluteTimeoutMs),
    csrfToken,
    mfaEnrolmentRequired,
  });
  // Housekeeping: this user's long-dead sessions.
  await deleteSessionsExpiredBefore(db, userId, new Date(now.getTime() - EXPIRED_SESSIONS_KEPT_MS));
  return { token, sessionId, csrfToken };
}

/** The session of a stored record, as the caller sees it. */
export function liveSessionOf(sessionId: string, record: SessionRecord): LiveSession {
  return {
    sessionId,
    csrfToken: record.csrfToken,
    user: { id: record.userId, email: record.email, displayName: record.displayName },
    role: record.role,
    organisation:
      record.organisationId === null || record.organisationName === null || record.organisationKind === null
        ? null
        : { id: record.organisationId, name: record.organisationName, kind: record.organisationKind },
    mfa: { enabled: record.totpEnabledAt !== null, enrolmentRequired: record.mfaEnrolmentRequired },
  };
}

/** The live session of `token`, refreshing its last activity; undefined when unknown, revoked or expired. */
export async function findSession(
  context: ServiceContext,
  token: string,
  timeouts: SessionTimeouts,
): Promise<LiveSession | undefined> {
  if (!TOKEN_PATTERN.test(token)) return undefined;
  const db = context.db.drizzle;
  const sessionId = hashToken(token);
  const record = await findSessionRecord(db, sessionId);
  if (record === undefined || record.revokedAt !== null) return undefined;
  const now = context.now();
  const time = now.getTime();
  if (time >= record.expiresAt.getTime()) return undefined;
  const idleMs = time - record.lastSeenAt.getTime();
  if (idleMs >= timeouts.idleTimeoutMs) return undefined;
  if (idleMs >= Math.min(TOUCH_INTERVAL_MS, timeouts.idleTimeoutMs / 30)) {
    await touchSession(db, sessionId, now);
  }
  return liveSessionOf(sessionId, record);
}

/** Ends the caller's session `sessionId` (sign-out). */
export async function signOut(context: ServiceContext, caller: Caller, sessionId: string): Promise<void> {
  const actor = staffOf(caller);
  await inTransaction(context, async (tx) => {
    await revokeSession(tx, sessionId, context.now());
    await recordChange(tx, caller, {
      action: "auth.logout",
      targetType: "user",
      targetId: actor.userId,
    });
  });
}
