// Password sign-in, with the second factor for the accounts that have one, and progressive lockout per
// account and per client address. A new session replaces the one the browser held, if any.
import { mustEnrolSecondFactor } from "../../core/access/index.ts";
import { verifyPassword } from "../../crypto/passwords.ts";
import { recordAudit } from "../../db/audit/append.ts";
import { findSignInAccount } from "../../db/identity/accounts.ts";
import { findSessionRecord, revokeSession } from "../../db/identity/sessions.ts";
import { type AuditContext, auditContextOf, type Caller } from "../caller.ts";
import type { ServiceContext } from "../context.ts";
import type { DomainError } from "../errors.ts";
import { inTransaction } from "../transactions.ts";
import { authRefusal } from "./refusals.ts";
import { acceptTotpCode, consumeRecoveryCode } from "./secondFactor.ts";
import {
  createSession,
  hashToken,
  type LiveSession,
  liveSessionOf,
  type SessionTimeouts,
} from "./sessions.ts";
import {
  accountKey,
  addressKey,
  clearFailures,
  type LockoutPolicy,
  lockRemainingMs,
  pruneThrottles,
  recordFailure,
} from "./throttle.ts";

export interface Credentials {
  email: string;
  password: string;
  /** Second factor, for accounts that have one: the 6-digit code of the authenticator app... */
  totpCode?: string;
  /** ...or one of the recovery codes. */
  recoveryCode?: string;
}

export interface SignInPolicy {
  sessions: SessionTimeouts;
  lockout: LockoutPolicy;
}

export type SignInOutcome =
  | { kind: "signed_in"; token: string; session: LiveSession }
  /** Too many failures on the account or the address: nothing was checked. */
  | { kind: "locked"; retryAfterMs: number };

/** Old counters are forgotten every this many sign-ins of a process. */
const PRUNE_EVERY = 100;
const signInsSincePrune = new WeakMap<ServiceContext, number>();

/** The audit fields of a sign-in attempt: the request, and nobody yet (the session is not open). */
export function anonymousAudit(caller: Caller): AuditContext {
  return { ...auditContextOf(caller), actorUserId: null, actorRole: null, organisationId: null };
}

/**
 * Signs in with an email and a password (and a second factor when the account has one). An unknown
 * account, a wrong password and a deactivated account get the same answer after the same work.
 */
export async function signIn(
  context: ServiceContext,
  caller: Caller,
  credentials: Credentials,
  /** The session token the browser held, if any: it ends here. */
  previousToken: string | undefined,
  policy: SignInPolicy,
): Promise<SignInOutcome> {
  const db = context.db.drizzle;
  const email = credentials.email.trim().toLowerCase();
  const now = context.now();
  const account = accountKey(email);
  const address = addressKey(caller.clientAddress ?? "");
  const audit = anonymousAudit(caller);

  const lockedMs = await lockRemainingMs(db, [account, address], now);
  if (lockedMs > 0) {
    await recordAudit(db, { ...audit, action: "auth.login.failed", details: { reason: "locked" } });
    return { kind: "locked", retryAfterMs: lockedMs };
  }

  const user = await findSignInAccount(db, email);
  /** Counts a failure against the account and the address, audits it, and gives the refusal to throw. */
  const fail = async (
    userId: string | undefined,
    reason: "bad_credentials" | "bad_second_factor",
  ): Promise<DomainError> => {
    await inTransaction(context, async (tx) => {
      await recordFailure(
        tx,
        [
          { key: account, threshold: policy.lockout.accountThreshold },
          { key: address, threshold: policy.lockout.addressThreshold },
        ],
        now,
        policy.lockout,
      );
      await recordAudit(tx, {
        ...audit,
        action: "auth.login.failed",
        targetType: userId === undefined ? null : "user",
        targetId: userId ?? null,
        details: { reason },
      });
    });
    return authRefusal(
      "unauthenticated",
      reason === "bad_credentials" ? "invalid_credentials" : "invalid_mfa_code",
    );
  };

  // One argon2 verification either way (a dummy hash for unknown accounts): same answer, same time.
  const valid = await verifyPassword(user?.passwordHash, credentials.password);
  // A deactivated account gets the same answer as a wrong password, after the same work.
  if (!valid || user === undefined || user.deactivatedAt !== null) {
    throw await fail(user?.id, "bad_credentials");
  }

  let secondFactor: "totp" | "recovery_code" | "none" = "none";
  let mfaEnrolmentRequired = false;
  if (user.totpEnabledAt !== null) {
    const { totpCode, recoveryCode } = credentials;
    if (totpCode === undefined && recoveryCode === undefined) {
      await recordAudit(db, {
        ...audit,
        action: "auth.login.second_factor_requested",
        targetType: "user",
        targetId: user.id,
      });
      throw authRefusal("unauthenticated", "mfa_required");
    }
    const accepted =
      totpCode !== undefined
        ? await acceptTotpCode(context, user, totpCode, now)
        : recoveryCode !== undefined && (await consumeRecoveryCode(db, user.id, recoveryCode, now));
    if (!accepted) throw await fail(user.id, "bad_second_factor");
    secondFactor = totpCode !== undefined ? "totp" : "recovery_code";
  } else if (mustEnrolSecondFactor(user.role, context.demoMode)) {
    // Outside demo mode these roles need a second factor: this session may only enrol one.
    mfaEnrolmentRequired = true;
  }

  const opened = await inTransaction(context, async (tx) => {
    // Always a new session id at sign-in; the one the browser held before (if any) ends here.
    if (previousToken !== undefined && previousToken !== "") {
      await revokeSession(tx, hashToken(previousToken), now);
    }
    await clearFailures(tx, account);
    const { token, sessionId } = await createSession(tx, user.id, now, policy.sessions, mfaEnrolmentRequired);
    const record = await findSessionRecord(tx, sessionId);
    if (record === undefined) throw new Error("session just created is not found");
    const session = liveSessionOf(sessionId, record);
    await recordAudit(tx, {
      ...audit,
      actorUserId: session.user.id,
      actorRole: session.role,
      organisationId: session.organisation?.id ?? null,
      action: "auth.login.succeeded",
      targetType: "user",
      targetId: session.user.id,
      details: { secondFactor, mfaEnrolmentRequired },
    });
    return { token, session };
  });

  const signIns = (signInsSincePrune.get(context) ?? 0) + 1;
  signInsSincePrune.set(context, signIns % PRUNE_EVERY);
  if (signIns >= PRUNE_EVERY) await pruneThrottles(db, now, policy.lockout);
  return { kind: "signed_in", ...opened };
}
