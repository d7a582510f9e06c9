// Staff accounts: creation, changes, deactivation, password and second-factor resets. The one
// implementation behind both the administration API (src/server/routes/users/users.ts) and `appui users`
// (src/cli/users.ts). Every change is recorded in the audit trail in the same transaction, and every change
// that alters what an account may do closes its open sessions.
import { and, eq, isNull } from "drizzle-orm";
import { DEMO_EMAIL_DOMAIN, isNationalRole, organisationKindOf, type Role } from "../../core/access/index.ts";
import { dummyPasswordHash, hashNewPassword } from "../../crypto/passwords.ts";
import { type AuditEventInput, recordAudit } from "../../db/audit/append.ts";
import type { Drizzle } from "../../db/database.ts";
import { organisations, recoveryCodes, sessions, users } from "../../db/schema/index.ts";
import { type AccountProblem, accountProblemMessages } from "./messages.fr.ts";

/** A refusal the caller turns into a problem (API) or an exit code (CLI). */
export class AccountError extends Error {
  constructor(readonly problem: AccountProblem) {
    super(accountProblemMessages[problem].detail);
    this.name = "AccountError";
  }
}

/** Who acts, for the audit trail: request fields for the API, `{ details: { via: "cli" } }` for the CLI. */
export type AuditContext = Omit<AuditEventInput, "action" | "targetType" | "targetId">;

/** Checks that `organisationId` suits `role` (none for national roles, one of the right kind otherwise). */
async function checkOrganisation(db: Drizzle, role: Role, organisationId: string | null): Promise<void> {
  const kind = organisationKindOf(role);
  if (kind === null) {
    if (organisationId !== null) throw new AccountError("organisation_not_allowed");
    return;
  }
  if (organisationId === null) throw new AccountError("organisation_required");
  const [organisation] = await db
    .select({ kind: organisations.kind })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  if (organisation === undefined) throw new AccountError("organisation_not_found");
  if (organisation.kind !== kind) throw new AccountError("organisation_kind_mismatch");
}

export async function findOrganisationIdByName(db: Drizzle, name: string): Promise<string> {
  const [organisation] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.name, name));
  if (organisation === undefined) throw new AccountError("organisation_not_found");
  return organisation.id;
}

export interface NewAccount {
  email: string;
  displayName: string;
  role: Role;
  organisationId: string | null;
  password: string;
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Creates an account; the password goes through the policy (throws PasswordRejectedError). */
export async function createAccount(
  db: Drizzle,
  account: NewAccount,
  options: { demoMode: boolean; audit: AuditContext },
): Promise<string> {
  const email = normaliseEmail(account.email);
  const displayName = account.displayName.trim();
  if (!options.demoMode && email.endsWith(`@${DEMO_EMAIL_DOMAIN}`)) throw new AccountError("demo_domain");
  await checkOrganisation(db, account.role, account.organisationId);
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (existing !== undefined) throw new AccountError("email_taken");
  // Hashed outside the transaction: PGlite is one connection and must not wait on CPU work.
  const passwordHash = await hashNewPassword(account.password, { email, displayName });
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(users)
      .values({
        email,
        displayName,
        role: account.role,
        organisationId: account.organisationId,
        passwordHash,
      })
      .returning({ id: users.id });
    const id = created?.id as string;
    await recordAudit(tx, {
      ...options.audit,
      action: "user.created",
      targetType: "user",
      targetId: id,
      details: { ...options.audit.details, role: account.role, organisationId: account.organisationId },
    });
    return id;
  });
}

export interface AccountRow {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  organisationId: string | null;
  deactivatedAt: Date | null;
}

export async function findAccount(db: Drizzle, by: { id: string } | { email: string }): Promise<AccountRow> {
  const [user] = await db
    .select({
      id: users.id,
      email: users.email,
      displayName: users.displayName,
      role: users.role,
      organisationId: users.organisationId,
      deactivatedAt: users.deactivatedAt,
    })
    .from(users)
    .where("id" in by ? eq(users.id, by.id) : eq(users.email, normaliseEmail(by.email)));
  if (user === undefined) throw new AccountError("account_not_found");
  return user;
}

export interface AccountChange {
  displayName?: string;
  role?: Role;
  /** null: no organisation (national roles). */
  organisationId?: string | null;
}

/**
 * Changes the display name, role or organisation. A change of role or organisation closes the account's
 * sessions: what it may do changes at its next sign-in, not in the middle of a session.
 */
export async function updateAccount(
  db: Drizzle,
  id: string,
  change: AccountChange,
  options: { actorUserId: string | null; audit: AuditContext; now: Date },
): Promise<void> {
  const current = await findAccount(db, { id });
  if (current.deactivatedAt !== null) throw new AccountError("account_deactivated");
  const role = change.role ?? current.role;
  // A national role drops the organisation unless one is given (which checkOrganisation then refuses).
  const organisationId =
    change.organisationId !== undefined
      ? change.organisationId
      : isNationalRole(role)
        ? null
        : current.organisationId;
  if (id === options.actorUserId && role !== current.role) throw new AccountError("own_account");
  await checkOrganisation(db, role, organisationId);
  const displayName = change.displayName?.trim() ?? current.displayName;
  const rightsChanged = role !== current.role || organisationId !== current.organisationId;
  await db.transaction(async (tx) => {
    await tx.update(users).set({ displayName, role, organisationId }).where(eq(users.id, id));
    if (rightsChanged) await revokeUserSessions(tx, id, options.now);
    await recordAudit(tx, {
      ...options.audit,
      action: "user.updated",
      targetType: "user",
      targetId: id,
      details: {
        ...options.audit.details,
        // Which fields changed, and the new role and organisation (ids and codes, not names).
        changed: [
          ...(displayName !== current.displayName ? ["displayName"] : []),
          ...(role !== current.role ? ["role"] : []),
          ...(organisationId !== current.organisationId ? ["organisationId"] : []),
        ],
        role,
        organisationId,
        sessionsRevoked: rightsChanged,
      },
    });
  });
}

/** Deactivates the account and revokes every open session at once; it can no longer sign in. */
export async function deactivateAccount(
  db: Drizzle,
  id: string,
  options: { actorUserId: string | null; audit: AuditContext; now: Date },
): Promise<{ sessionsRevoked: number }> {
  if (id === options.actorUserId) throw new AccountError("own_account");
  const current = await findAccount(db, { id });
  if (current.deactivatedAt !== null) throw new AccountError("account_deactivated");
  return db.transaction(async (tx) => {
    await tx.update(users).set({ deactivatedAt: options.now }).where(eq(users.id, id));
    const sessionsRevoked = await revokeUserSessions(tx, id, options.now);
    await recordAudit(tx, {
      ...options.audit,
      action: "user.deactivated",
      targetType: "user",
      targetId: id,
      details: { ...options.audit.details, sessionsRevoked },
    });
    return { sessionsRevoked };
  });
}

/** Sets a new password (policy applied) and closes the account's sessions. */
export async function setAccountPassword(
  db: Drizzle,
  id: string,
  password: string,
  options: { audit: AuditContext; now: Date },
): Promise<void> {
  const current = await findAccount(db, { id });
  const passwordHash = await hashNewPassword(password, {
    email: current.email,
    displayName: current.displayName,
  });
  await db.transaction(async (tx) => {
    await tx.update(users).set({ passwordHash }).where(eq(users.id, id));
    await revokeUserSessions(tx, id, options.now);
    await recordAudit(tx, {
      ...options.audit,
      action: "user.password_set",
      targetType: "user",
      targetId: id,
    });
  });
}

/**
 * Removes the second factor and the recovery codes, and closes the account's sessions: the user enrols
 * again at the next sign-in.
 */
export async function resetAccountMfa(
  db: Drizzle,
  id: string,
  options: { audit: AuditContext; now: Date },
): Promise<void> {
  await findAccount(db, { id });
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ totpSecret: null, totpPendingSecret: null, totpEnabledAt: null, totpLastStep: null })
      .where(eq(users.id, id));
    await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, id));
    await revokeUserSessions(tx, id, options.now);
    await recordAudit(tx, { ...options.audit, action: "user.mfa_reset", targetType: "user", targetId: id });
  });
}

type Executor = Pick<Drizzle, "update">;

/** Revokes every open session of the account; how many were open. */
export async function revokeUserSessions(db: Executor, userId: string, now: Date): Promise<number> {
  const revoked = await db
    .update(sessions)
    .set({ revokedAt: now })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)))
    .returning({ id: sessions.id });
  return revoked.length;
}

export interface DirectoryIdentity {
  email: string;
  displayName: string;
  role: Role;
  organisationName: string | null;
}

/**
 * The account of someone the directory signed in (single sign-on): created at the first sign-in, with a
 * password nobody knows, and brought in line with the directory (name, role, organisation) at each one.
 * A deactivated account stays deactivated: the directory cannot bring it back.
 */
export async function provisionDirectoryAccount(
  db: Drizzle,
  identity: DirectoryIdentity,
  options: { audit: AuditContext; now: Date },
): Promise<string> {
  const email = normaliseEmail(identity.email);
  const organisationId =
    identity.organisationName === null ? null : await findOrganisationIdByName(db, identity.organisationName);
  await checkOrganisation(db, identity.role, organisationId);
  const [existing] = await db
    .select({
      id: users.id,
      displayName: users.displayName,
      role: users.role,
      organisationId: users.organisationId,
      deactivatedAt: users.deactivatedAt,
    })
    .from(users)
    .where(eq(users.email, email));
  if (existing?.deactivatedAt !== null && existing?.deactivatedAt !== undefined) {
    throw new AccountError("account_deactivated");
  }
  if (existing === undefined) {
    const passwordHash = await dummyPasswordHash();
    return db.transaction(async (tx) => {
      const [created] = await tx
        .insert(users)
        .values({
          email,
          displayName: identity.displayName,
          role: identity.role,
          organisationId,
          passwordHash,
        })
        .returning({ id: users.id });
      const id = created?.id as string;
      await recordAudit(tx, {
        ...options.audit,
        action: "user.created",
        targetType: "user",
        targetId: id,
        details: { ...options.audit.details, role: identity.role, organisationId },
      });
      return id;
    });
  }
  const rightsChanged = existing.role !== identity.role || existing.organisationId !== organisationId;
  if (rightsChanged || existing.displayName !== identity.displayName) {
    await db.transaction(async (tx) => {
      await tx
        .update(users)
        .set({ displayName: identity.displayName, role: identity.role, organisationId })
        .where(eq(users.id, existing.id));
      if (rightsChanged) await revokeUserSessions(tx, existing.id, options.now);
      await recordAudit(tx, {
        ...options.audit,
        action: "user.updated",
        targetType: "user",
        targetId: existing.id,
        details: {
          ...options.audit.details,
          role: identity.role,
          organisationId,
          sessionsRevoked: rightsChanged,
        },
      });
    });
  }
  return existing.id;
}
