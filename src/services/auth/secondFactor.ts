// Second factor: TOTP enrolment by the signed-in user, verification at sign-in, recovery codes. Secrets are
// stored sealed with the data key (crypto/secretBox.ts), bound to their user id; recovery codes as SHA-256.

import { createHash } from "node:crypto";
import { decryptSecret, encryptSecret } from "../../crypto/secretBox.ts";
import {
  newRecoveryCodes,
  newTotpSecret,
  normaliseRecoveryCode,
  otpauthUri,
  verifyTotp,
} from "../../crypto/totp.ts";
import type { Drizzle } from "../../db/database.ts";
import {
  advanceTotpStep,
  enableTotp,
  findSecondFactor,
  markRecoveryCodeUsed,
  replaceRecoveryCodes,
  setPendingTotpSecret,
} from "../../db/identity/secondFactor.ts";
import { liftEnrolmentRequirement } from "../../db/identity/sessions.ts";
import { recordChange } from "../auditing.ts";
import { type Caller, staffOf } from "../caller.ts";
import type { ServiceContext } from "../context.ts";
import { DomainError } from "../errors.ts";
import { inTransaction } from "../transactions.ts";
import { authRefusal } from "./refusals.ts";

function hashRecoveryCode(code: string): string {
  return createHash("sha256").update(normaliseRecoveryCode(code)).digest("hex");
}

/** Accepts a TOTP code of the account once: the step is recorded atomically, so a replayed code fails. */
export async function acceptTotpCode(
  context: ServiceContext,
  account: { id: string; totpSecret: string | null; totpLastStep: number | null },
  code: string,
  now: Date,
): Promise<boolean> {
  if (account.totpSecret === null) return false;
  const secret = decryptSecret(context.keys.opening, account.totpSecret, account.id);
  const step = verifyTotp(secret, code, now, account.totpLastStep);
  return step !== undefined && (await advanceTotpStep(context.db.drizzle, account.id, step));
}

/** Uses up one recovery code; false when unknown or already used. */
export function consumeRecoveryCode(db: Drizzle, userId: string, code: string, now: Date): Promise<boolean> {
  return markRecoveryCodeUsed(db, userId, hashRecoveryCode(code), now);
}

/** Ten new recovery codes replace the account's old ones, used or not; the codes themselves, once. */
async function renewRecoveryCodes(tx: Drizzle, userId: string, now: Date): Promise<string[]> {
  const codes = newRecoveryCodes();
  await replaceRecoveryCodes(tx, userId, codes.map(hashRecoveryCode), now);
  return codes;
}

/** Starts (or restarts) the caller's enrolment: a new secret, kept pending until a code confirms it. */
export async function startTotpEnrolment(
  context: ServiceContext,
  caller: Caller,
): Promise<{ secret: string; otpauthUri: string }> {
  const userId = staffOf(caller).userId;
  const account = await findSecondFactor(context.db.drizzle, userId);
  if (account === undefined) throw DomainError.unauthenticated();
  if (account.totpEnabledAt !== null) throw authRefusal("conflict", "mfa_already_enabled");
  const secret = newTotpSecret();
  const sealed = encryptSecret(context.keys.sealing, secret, userId);
  await inTransaction(context, async (tx) => {
    await setPendingTotpSecret(tx, userId, sealed);
    await recordChange(tx, caller, {
      action: "auth.totp.setup_started",
      targetType: "user",
      targetId: userId,
    });
  });
  return { secret, otpauthUri: otpauthUri(secret, account.email) };
}

/**
 * Confirms the caller's pending secret with a first code: the secret becomes active, ten new recovery codes
 * replace any old ones, and the caller's open sessions may do more than enrol.
 */
export async function confirmTotpEnrolment(
  context: ServiceContext,
  caller: Caller,
  input: { code: string },
): Promise<{ recoveryCodes: string[] }> {
  const userId = staffOf(caller).userId;
  const account = await findSecondFactor(context.db.drizzle, userId);
  if (account !== undefined && account.totpEnabledAt !== null) {
    throw authRefusal("conflict", "mfa_already_enabled");
  }
  if (account === undefined || account.totpPendingSecret === null) {
    throw authRefusal("conflict", "mfa_setup_missing");
  }
  const now = context.now();
  const secret = decryptSecret(context.keys.opening, account.totpPendingSecret, userId);
  const step = verifyTotp(secret, input.code, now, null);
  if (step === undefined) throw authRefusal("invalid", "invalid_mfa_code");
  // Sealed again with the current key: the pending secret may have been sealed with an older one.
  const sealedSecret = encryptSecret(context.keys.sealing, secret, userId);
  const recoveryCodes = await inTransaction(context, async (tx) => {
    await enableTotp(tx, userId, { sealedSecret, enabledAt: now, lastStep: step });
    const codes = await renewRecoveryCodes(tx, userId, now);
    await liftEnrolmentRequirement(tx, userId);
    await recordChange(tx, caller, {
      action: "auth.totp.enabled",
      targetType: "user",
      targetId: userId,
    });
    return codes;
  });
  return { recoveryCodes };
}

/**
 * New recovery codes for the caller, whose second factor is active, against a current TOTP code (never a
 * recovery code: whoever holds only a leaked list must not be able to renew it).
 */
export async function regenerateRecoveryCodes(
  context: ServiceContext,
  caller: Caller,
  input: { code: string },
): Promise<{ recoveryCodes: string[] }> {
  const userId = staffOf(caller).userId;
  const account = await findSecondFactor(context.db.drizzle, userId);
  if (account === undefined || account.totpSecret === null) throw authRefusal("conflict", "mfa_not_enabled");
  const now = context.now();
  const accepted = await acceptTotpCode(context, { id: userId, ...account }, input.code, now);
  if (!accepted) throw authRefusal("invalid", "invalid_mfa_code");
  const recoveryCodes = await inTransaction(context, async (tx) => {
    const codes = await renewRecoveryCodes(tx, userId, now);
    await recordChange(tx, caller, {
      action: "auth.recovery_codes.regenerated",
      targetType: "user",
      targetId: userId,
    });
    return codes;
  });
  return { recoveryCodes };
}
