// Server-side sessions in the database, keyed by the SHA-256 of their token. Whether a session is still
// live (revocation, timeouts) is decided by src/services/auth/sessions.ts.
import { and, eq, isNull, lt } from "drizzle-orm";
import type { OrganisationKind, Role } from "../../core/access/index.ts";
import type { Drizzle } from "../database.ts";
import { organisations, sessions, users } from "../schema/index.ts";

export type NewSessionRow = typeof sessions.$inferInsert;

export async function insertSession(db: Drizzle, session: NewSessionRow): Promise<void> {
  await db.insert(sessions).values(session);
}

/** Deletes the account's sessions that expired before `before`. */
export async function deleteSessionsExpiredBefore(db: Drizzle, userId: string, before: Date): Promise<void> {
  await db.delete(sessions).where(and(eq(sessions.userId, userId), lt(sessions.expiresAt, before)));
}

/** A session with its account and organisation. */
export interface SessionRecord {
  csrfToken: string;
  lastSeenAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  mfaEnrolmentRequired: boolean;
  totpEnabledAt: Date | null;
  userId: string;
  email: string;
  displayName: string;
  role: Role;
  organisationId: string | null;
  organisationName: string | null;
  organisationKind: OrganisationKind | null;
}

/** The session `sessionId` of an active account; undefined when unknown or its account is deactivated. */
export async function findSessionRecord(db: Drizzle, sessionId: string): Promise<SessionRecord | undefined> {
  const [record] = await db
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
  return record;
}

export async function touchSession(db: Drizzle, sessionId: string, at: Date): Promise<void> {
  await db.update(sessions).set({ lastSeenAt: at }).where(eq(sessions.id, sessionId));
}

/** Ends the session, if still open. */
export async function revokeSession(db: Drizzle, sessionId: string, at: Date): Promise<void> {
  await db
    .update(sessions)
    .set({ revokedAt: at })
    .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)));
}

/** Ends every open session of the account; how many were open. */
export async function revokeAccountSessions(db: Drizzle, userId: string, at: Date): Promise<number> {
  const revoked = await db
    .update(sessions)
    .set({ revokedAt: at })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)))
    .returning({ id: sessions.id });
  return revoked.length;
}

/** The account's open sessions may do more than enrol a second factor. */
export async function liftEnrolmentRequirement(db: Drizzle, userId: string): Promise<void> {
  await db
    .update(sessions)
    .set({ mfaEnrolmentRequired: false })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)));
}
