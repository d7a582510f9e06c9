// Single sign-on: the account of someone the company directory signed in (OpenID Connect). The directory's
// groups give the role (the first mapping that matches); the account is created at the first sign-in and
// brought in line with the directory at each one; a session opens as a password sign-in does. The protocol
// itself (redirects, the flow cookie, the token exchange) is the server's.
import type { GroupRole } from "../../config/oidc.ts";
import { mustEnrolSecondFactor, type Role } from "../../core/access/index.ts";
import { dummyPasswordHash } from "../../crypto/passwords.ts";
import { recordAudit } from "../../db/audit/append.ts";
import type { Drizzle } from "../../db/database.ts";
import { findAccountByEmail, insertAccount, updateAccountProfile } from "../../db/identity/accounts.ts";
import { revokeAccountSessions, revokeSession } from "../../db/identity/sessions.ts";
import type { AuditContext, Caller } from "../caller.ts";
import type { ServiceContext } from "../context.ts";
import { DomainError, type DomainErrorKind } from "../errors.ts";
import { inTransaction } from "../transactions.ts";
import { accountRefusal, checkOrganisation, normaliseEmail, organisationNamed } from "../users/accounts.ts";
import { authRefusal } from "./refusals.ts";
import { createSession, hashToken, type SessionTimeouts } from "./sessions.ts";
import { anonymousAudit } from "./signIn.ts";

/** What the directory says of the person, read from its ID token or userinfo. */
export interface DirectoryClaims {
  email: string | undefined;
  /** False only when the directory says the address is not verified. */
  emailVerified: boolean;
  name: string | undefined;
  groups: readonly string[];
  /** How the directory authenticated the person (RFC 8176 methods). */
  amr: readonly string[];
}

/** Authentication methods (RFC 8176) that count as a second factor done by the directory. */
const MULTI_FACTOR_AMR = ["mfa", "otp", "hwk", "swk", "sms", "fpt", "face"];

/** Why the server gave up on the protocol before the directory's answer could be used. */
export type ProtocolFailure = "flow_missing_or_expired" | "token_exchange_failed";

/** Audits a refused single sign-on and gives the refusal to throw. */
async function refusal(
  context: ServiceContext,
  caller: Caller,
  reason: string,
  kind: DomainErrorKind,
  code: "sso_failed" | "sso_no_role" | "sso_refused",
): Promise<DomainError> {
  await recordAudit(context.db.drizzle, {
    ...anonymousAudit(caller),
    action: "auth.sso.failed",
    details: { reason },
  });
  return authRefusal(kind, code);
}

/** A single sign-on the protocol refused (no valid flow, or an answer the directory does not vouch for). */
export function refuseSingleSignOn(
  context: ServiceContext,
  caller: Caller,
  reason: ProtocolFailure,
): Promise<DomainError> {
  return refusal(context, caller, reason, "invalid", "sso_failed");
}

/** The first mapping whose group the user belongs to (OIDC_GROUP_ROLES order). */
function roleForGroups(groupRoles: readonly GroupRole[], groups: readonly string[]): GroupRole | undefined {
  return groupRoles.find((mapping) => groups.includes(mapping.group));
}

/**
 * Signs in the person the directory vouches for: provisions their account and opens a session, whose
 * token the caller hands to the browser. The directory's second factor counts; without one, the roles
 * that need a second factor must enrol Appui's first.
 */
export async function signInWithDirectory(
  context: ServiceContext,
  caller: Caller,
  claims: DirectoryClaims,
  /** The session token the browser held, if any: it ends here. */
  previousToken: string | undefined,
  settings: { groupRoles: readonly GroupRole[]; sessions: SessionTimeouts },
): Promise<{ token: string }> {
  const { email } = claims;
  if (email === undefined || !claims.emailVerified) {
    throw await refusal(context, caller, "no_verified_email", "forbidden", "sso_refused");
  }
  const mapping = roleForGroups(settings.groupRoles, claims.groups);
  if (mapping === undefined) {
    throw await refusal(context, caller, "no_mapped_group", "forbidden", "sso_no_role");
  }
  const identity: DirectoryIdentity = {
    email: normaliseEmail(email),
    displayName:
      claims.name !== undefined && claims.name.trim() !== ""
        ? claims.name.trim()
        : (email.split("@")[0] as string),
    role: mapping.role,
    organisationName: mapping.organisationName,
  };
  let provisioning: Provisioning;
  try {
    provisioning = await planProvisioning(context, identity);
  } catch (error) {
    // The account cannot be what the directory says (deactivated, unknown organisation...).
    if (!(error instanceof DomainError)) throw error;
    throw await refusal(context, caller, error.code, "forbidden", "sso_refused");
  }
  const directoryMfa = claims.amr.some((method) => MULTI_FACTOR_AMR.includes(method));
  const mfaEnrolmentRequired = mustEnrolSecondFactor(mapping.role, context.demoMode) && !directoryMfa;
  const audit = anonymousAudit(caller);
  const now = context.now();
  return inTransaction(context, async (tx) => {
    const userId = await provision(tx, identity, provisioning, audit, now);
    if (previousToken !== undefined && previousToken !== "") {
      await revokeSession(tx, hashToken(previousToken), now);
    }
    const { token } = await createSession(tx, userId, now, settings.sessions, mfaEnrolmentRequired);
    await recordAudit(tx, {
      ...audit,
      actorUserId: userId,
      actorRole: mapping.role,
      action: "auth.login.succeeded",
      targetType: "user",
      targetId: userId,
      details: { via: "sso", directoryMfa, mfaEnrolmentRequired },
    });
    return { token };
  });
}

interface DirectoryIdentity {
  /** Normalised. */
  email: string;
  displayName: string;
  role: Role;
  organisationName: string | null;
}

/** What signing in does to the account: create it, bring it in line with the directory, or nothing. */
type Provisioning =
  | { kind: "create"; organisationId: string | null; passwordHash: string }
  | { kind: "update"; userId: string; organisationId: string | null; rightsChanged: boolean }
  | { kind: "unchanged"; userId: string };

/** A deactivated account stays deactivated: the directory cannot bring it back. */
async function planProvisioning(context: ServiceContext, identity: DirectoryIdentity): Promise<Provisioning> {
  const db = context.db.drizzle;
  const organisationId =
    identity.organisationName === null ? null : await organisationNamed(context, identity.organisationName);
  await checkOrganisation(db, identity.role, organisationId);
  const existing = await findAccountByEmail(db, identity.email);
  // Created with a password nobody knows: only the directory signs this account in.
  if (existing === undefined)
    return { kind: "create", organisationId, passwordHash: await dummyPasswordHash() };
  if (existing.deactivatedAt !== null) throw accountRefusal("account_deactivated");
  const rightsChanged = existing.role !== identity.role || existing.organisationId !== organisationId;
  if (!rightsChanged && existing.displayName === identity.displayName) {
    return { kind: "unchanged", userId: existing.id };
  }
  return { kind: "update", userId: existing.id, organisationId, rightsChanged };
}

/** Writes the account as planned, with its audit entry, in the transaction `tx`; the account's id. */
async function provision(
  tx: Drizzle,
  identity: DirectoryIdentity,
  provisioning: Provisioning,
  audit: AuditContext,
  now: Date,
): Promise<string> {
  if (provisioning.kind === "unchanged") return provisioning.userId;
  if (provisioning.kind === "create") {
    const { organisationId, passwordHash } = provisioning;
    const { email, displayName, role } = identity;
    const userId = await insertAccount(tx, { email, displayName, role, organisationId, passwordHash });
    await recordAudit(tx, {
      ...audit,
      action: "user.created",
      targetType: "user",
      targetId: userId,
      details: { via: "sso", role: identity.role, organisationId },
    });
    return userId;
  }
  const { userId, organisationId, rightsChanged } = provisioning;
  await updateAccountProfile(tx, userId, {
    displayName: identity.displayName,
    role: identity.role,
    organisationId,
  });
  if (rightsChanged) await revokeAccountSessions(tx, userId, now);
  await recordAudit(tx, {
    ...audit,
    action: "user.updated",
    targetType: "user",
    targetId: userId,
    details: { via: "sso", role: identity.role, organisationId, sessionsRevoked: rightsChanged },
  });
  return userId;
}
