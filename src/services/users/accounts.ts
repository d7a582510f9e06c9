// Staff accounts: listing, creation, changes, deactivation, password and second-factor resets. The one
// implementation behind both the administration API and `appui users`. Every change is recorded in the
// audit trail in the same transaction, and every change that alters what an account may do closes its open
// sessions.

import type { CreateUser, Deactivation, UpdateUser, UserListQuery } from "../../contracts/users.ts";
import {
  DEMO_EMAIL_DOMAIN,
  isNationalRole,
  organisationKindOf,
  passwordProblemMessages,
  type Role,
} from "../../core/access/index.ts";
import { PasswordRejectedError } from "../../crypto/passwordPolicy.ts";
import { hashNewPassword } from "../../crypto/passwords.ts";
import { recordAudit } from "../../db/audit/append.ts";
import type { Drizzle } from "../../db/database.ts";
import {
  type AccountListing,
  type AccountRow,
  findAccountByEmail,
  findAccountById,
  findOrganisationIdByName,
  findOrganisationKind,
  insertAccount,
  listAccounts as listAccountRows,
  markAccountDeactivated,
  updateAccountProfile,
  updatePasswordHash,
} from "../../db/identity/accounts.ts";
import { clearSecondFactor } from "../../db/identity/secondFactor.ts";
import { revokeAccountSessions } from "../../db/identity/sessions.ts";
import { recordRead } from "../auditing.ts";
import { type AuditContext, auditContextOf, type Caller } from "../caller.ts";
import type { ServiceContext } from "../context.ts";
import { DomainError, type DomainErrorKind } from "../errors.ts";
import { inTransaction } from "../transactions.ts";
import { type AccountRefusal, accountRefusalMessages } from "./messages.fr.ts";

export type { AccountListing };

/** The account a command names: by id (the API) or by email (the command line). */
export type AccountReference = { id: string } | { email: string };

const REFUSAL_KINDS: Record<Exclude<AccountRefusal, "password_rejected">, DomainErrorKind> = {
  account_not_found: "not_found",
  email_taken: "conflict",
  demo_domain: "invalid",
  organisation_required: "invalid",
  organisation_not_allowed: "invalid",
  organisation_not_found: "invalid",
  organisation_kind_mismatch: "invalid",
  account_deactivated: "conflict",
  own_account: "conflict",
};

/** The field at fault, for the refusals of bad input. */
const REFUSAL_FIELDS: Partial<Record<AccountRefusal, string>> = {
  demo_domain: "/email",
  organisation_required: "/organisationId",
  organisation_not_allowed: "/organisationId",
  organisation_not_found: "/organisationId",
  organisation_kind_mismatch: "/organisationId",
};

export function accountRefusal(code: Exclude<AccountRefusal, "password_rejected">): DomainError {
  const { title, detail } = accountRefusalMessages[code];
  const field = REFUSAL_FIELDS[code];
  return new DomainError(
    REFUSAL_KINDS[code],
    code,
    title,
    detail,
    field === undefined ? {} : { errors: [{ path: field, code, message: detail }] },
  );
}

/** Hashes a new password, refusing one the policy rejects (every problem listed against /password). */
async function hashPassword(
  password: string,
  account: { email: string; displayName: string },
): Promise<string> {
  try {
    return await hashNewPassword(password, account);
  } catch (error) {
    if (!(error instanceof PasswordRejectedError)) throw error;
    const { title, detail } = accountRefusalMessages.password_rejected;
    throw new DomainError("invalid", "password_rejected", title, detail, {
      errors: error.problems.map((problem) => ({
        path: "/password",
        code: problem,
        message: passwordProblemMessages[problem],
      })),
    });
  }
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Who changes accounts, as the trail records it: an administrator through the API, or the operator at the
 * command line, who acts as the system (no account).
 */
function auditOf(caller: Caller): { audit: AuditContext; via: "api" | "cli" } {
  return { audit: auditContextOf(caller), via: caller.actor === null ? "cli" : "api" };
}

/** Checks that `organisationId` suits `role` (none for national roles, one of the right kind otherwise). */
export async function checkOrganisation(
  db: Drizzle,
  role: Role,
  organisationId: string | null,
): Promise<void> {
  const kind = organisationKindOf(role);
  if (kind === null) {
    if (organisationId !== null) throw accountRefusal("organisation_not_allowed");
    return;
  }
  if (organisationId === null) throw accountRefusal("organisation_required");
  const found = await findOrganisationKind(db, organisationId);
  if (found === undefined) throw accountRefusal("organisation_not_found");
  if (found !== kind) throw accountRefusal("organisation_kind_mismatch");
}

/** The id of the organisation of this exact name. */
export async function organisationNamed(context: ServiceContext, name: string): Promise<string> {
  const id = await findOrganisationIdByName(context.db.drizzle, name);
  if (id === undefined) throw accountRefusal("organisation_not_found");
  return id;
}

async function accountOf(db: Drizzle, reference: AccountReference): Promise<AccountRow> {
  const account =
    "id" in reference
      ? await findAccountById(db, reference.id)
      : await findAccountByEmail(db, normaliseEmail(reference.email));
  if (account === undefined) throw accountRefusal("account_not_found");
  return account;
}

/** The account `id` as listed, read in the transaction that has just written it. */
async function writtenAccount(tx: Drizzle, id: string): Promise<AccountListing> {
  const [account] = await listAccountRows(tx, { id, includeDeactivated: true });
  if (account === undefined) throw new Error("account just written is not found");
  return account;
}

/** The accounts matching the filters. Staff identities are personal data too: the read is traced. */
export async function listAccounts(
  context: ServiceContext,
  caller: Caller,
  filters: UserListQuery,
): Promise<AccountListing[]> {
  const items = await listAccountRows(context.db.drizzle, {
    ...(filters.organisation === undefined ? {} : { organisationId: filters.organisation }),
    ...(filters.role === undefined ? {} : { role: filters.role }),
    includeDeactivated: filters.includeDeactivated,
  });
  // The filters are ids and codes, never names.
  await recordRead(context, caller, {
    action: "user.list",
    details: { filters: { ...filters }, returned: items.length },
  });
  return items;
}

/** Creates an account, its password under the policy. */
export async function createAccount(
  context: ServiceContext,
  caller: Caller,
  input: CreateUser,
): Promise<AccountListing> {
  const db = context.db.drizzle;
  const email = normaliseEmail(input.email);
  const displayName = input.displayName.trim();
  if (!context.demoMode && email.endsWith(`@${DEMO_EMAIL_DOMAIN}`)) throw accountRefusal("demo_domain");
  await checkOrganisation(db, input.role, input.organisationId);
  if ((await findAccountByEmail(db, email)) !== undefined) throw accountRefusal("email_taken");
  // Hashed outside the transaction: PGlite is one connection and must not wait on CPU work.
  const passwordHash = await hashPassword(input.password, { email, displayName });
  const { audit, via } = auditOf(caller);
  return inTransaction(context, async (tx) => {
    const id = await insertAccount(tx, {
      email,
      displayName,
      role: input.role,
      organisationId: input.organisationId,
      passwordHash,
    });
    await recordAudit(tx, {
      ...audit,
      action: "user.created",
      targetType: "user",
      targetId: id,
      details: { via, role: input.role, organisationId: input.organisationId },
    });
    return writtenAccount(tx, id);
  });
}

/**
 * Changes the display name, role or organisation. A change of role or organisation closes the account's
 * sessions: what it may do changes at its next sign-in, not in the middle of a session.
 */
export async function updateAccount(
  context: ServiceContext,
  caller: Caller,
  id: string,
  change: UpdateUser,
): Promise<AccountListing> {
  const db = context.db.drizzle;
  const current = await accountOf(db, { id });
  if (current.deactivatedAt !== null) throw accountRefusal("account_deactivated");
  const role = change.role ?? current.role;
  // A national role drops the organisation unless one is given (which checkOrganisation then refuses).
  const organisationId =
    change.organisationId !== undefined
      ? change.organisationId
      : isNationalRole(role)
        ? null
        : current.organisationId;
  if (id === caller.actor?.userId && role !== current.role) throw accountRefusal("own_account");
  await checkOrganisation(db, role, organisationId);
  const displayName = change.displayName?.trim() ?? current.displayName;
  const rightsChanged = role !== current.role || organisationId !== current.organisationId;
  const { audit, via } = auditOf(caller);
  return inTransaction(context, async (tx) => {
    await updateAccountProfile(tx, id, { displayName, role, organisationId });
    if (rightsChanged) await revokeAccountSessions(tx, id, context.now());
    await recordAudit(tx, {
      ...audit,
      action: "user.updated",
      targetType: "user",
      targetId: id,
      details: {
        via,
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
    return writtenAccount(tx, id);
  });
}

/** Deactivates the account and revokes every open session at once; it can no longer sign in. */
export async function deactivateAccount(
  context: ServiceContext,
  caller: Caller,
  id: string,
): Promise<Deactivation> {
  if (id === caller.actor?.userId) throw accountRefusal("own_account");
  const current = await accountOf(context.db.drizzle, { id });
  if (current.deactivatedAt !== null) throw accountRefusal("account_deactivated");
  const { audit, via } = auditOf(caller);
  return inTransaction(context, async (tx) => {
    const now = context.now();
    await markAccountDeactivated(tx, id, now);
    const sessionsRevoked = await revokeAccountSessions(tx, id, now);
    await recordAudit(tx, {
      ...audit,
      action: "user.deactivated",
      targetType: "user",
      targetId: id,
      details: { via, sessionsRevoked },
    });
    return { sessionsRevoked };
  });
}

/** Sets a new password (policy applied) and closes the account's sessions. */
export async function setAccountPassword(
  context: ServiceContext,
  caller: Caller,
  account: AccountReference,
  password: string,
): Promise<void> {
  const current = await accountOf(context.db.drizzle, account);
  const passwordHash = await hashPassword(password, current);
  const { audit, via } = auditOf(caller);
  await inTransaction(context, async (tx) => {
    await updatePasswordHash(tx, current.id, passwordHash);
    await revokeAccountSessions(tx, current.id, context.now());
    await recordAudit(tx, {
      ...audit,
      action: "user.password_set",
      targetType: "user",
      targetId: current.id,
      details: { via },
    });
  });
}

/**
 * Removes the second factor and the recovery codes, and closes the account's sessions: the user enrols
 * again at the next sign-in.
 */
export async function resetSecondFactor(
  context: ServiceContext,
  caller: Caller,
  account: AccountReference,
): Promise<void> {
  const current = await accountOf(context.db.drizzle, account);
  const { audit, via } = auditOf(caller);
  await inTransaction(context, async (tx) => {
    await clearSecondFactor(tx, current.id);
    await revokeAccountSessions(tx, current.id, context.now());
    await recordAudit(tx, {
      ...audit,
      action: "user.mfa_reset",
      targetType: "user",
      targetId: current.id,
      details: { via },
    });
  });
}
