// Server-side sessions. The cookie holds a random 32-byte token; the database holds only its SHA-256, so a
// leaked copy of the table opens no session. Validity (revocation, idle and absolute timeouts) is decided
// here, in one place.
import { createHash, randomBytes } from "node:crypto";
import { and, eq, isNull, lt } from "drizzle-orm";
import type { OrganisationKind, Role } from "../../core/access/index.ts";
import type { Drizzle } from "../../db/database.ts";
import { organisations, sessions, users } from "../../db/schema/index.ts";

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

export interface SessionContext {
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
  await db.insert(sessions).values({
    id: sessionId,
    userId,
    createdAt: now,
    lastSeenAt: now,
    expiresAt: new Date(now.getTime() + timeouts.absoluteTimeoutMs),
    csrfToken,
    mfaEnrolmentRequired,
  });
  // Housekeeping: this user's long-dead sessions.
  await db
    .delete(sessions)
    .where(
      and(eq(sessions.userId, userId), lt(sessions.expiresAt, new Date(now.getTime() - 24 * 60 * 60_000))),
    );
  return { token, sessionId, csrfToken };
}

/** The live session of `token`, refreshing its last activity; undefined when unknown, revoked or expired. */
export async function findSession(
  db: Drizzle,
  token: string,
  now: Date,
  timeouts: SessionTimeouts,
): Promise<SessionContext | undefined> {
  if (!TOKEN_PATTERN.test(token)) return undefined;
  const sessionId = hashToken(token);
  const [row] = await db
    .select({
      csrfToken: sessions.csrfToken,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      revokedAt: sessions.revokedAt,
      mfaEnrolmentRequired: sessions.mfaEnrolmentRequired,
      totpEnabledAt: users.totpEnabledAt,
      userId: users.id,
      email: users.email,
      displayName: users.displayName,
      role: users.role,
      organisationId: organisations.id,
      organisationName: organisations.name,
      organisationKind: organisations.kind,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(organisations, eq(organisations.id, users.organisationId))
    // A deactivated account has no live session, even one its deactivation somehow missed.
    .where(and(eq(sessions.id, sessionId), isNull(users.deactivatedAt)));
  if (row === undefined || row.revokedAt !== null) return undefined;
  const time = now.getTime();
  if (time >= row.expiresAt.getTime()) return undefined;
  if (time - row.lastSeenAt.getTime() >= timeouts.idleTimeoutMs) return undefined;
  if (time - row.lastSeenAt.getTime() >= Math.min(TOUCH_INTERVAL_MS, timeouts.idleTimeoutMs / 30)) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, sessionId));
  }
  return {
    sessionId,
    csrfToken: row.csrfToken,
    user: { id: row.userId, email: row.email, displayName: row.displayName },
    role: row.role,
    organisation:
      row.organisationId === null || row.organisationName === null || row.organisationKind === null
        ? null
        : { id: row.organisationId, name: row.organisationName, kind: row.organisationKind },
    mfa: { enabled: row.totpEnabledAt !== null, enrolmentRequired: row.mfaEnrolmentRequired },
  };
}

/** Ends the session of `token` (or of this session id), if still open. */
export async function revokeSession(db: Drizzle, sessionId: string, now: Date): Promise<void> {
  await db
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)));
}
