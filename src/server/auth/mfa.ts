// Second factor: TOTP enrolment and verification, recovery codes. Secrets are stored encrypted with the
// data encryption key (secretBox.ts), bound to their user id; recovery codes as SHA-256.
import { createHash } from "node:crypto";
import { and, eq, isNull, lt, or } from "drizzle-orm";
import { decryptSecret, encryptSecret } from "../../crypto/secretBox.ts";
import { newRecoveryCodes, newTotpSecret, normaliseRecoveryCode, verifyTotp } from "../../crypto/totp.ts";
import type { Drizzle } from "../../db/database.ts";
import { recoveryCodes, sessions, users } from "../../db/schema/index.ts";

function hashRecoveryCode(code: string): string {
  return createHash("sha256").update(normaliseRecoveryCode(code)).digest("hex");
}

/** Accepts a TOTP code once: the step is recorded atomically, so a replayed code fails. */
export async function acceptTotpCode(
  db: Drizzle,
  keys: readonly Buffer[],
  user: { id: string; totpSecret: string | null; totpLastStep: number | null },
  code: string,
  now: Date,
): Promise<boolean> {
  if (user.totpSecret === null) return false;
  const secret = decryptSecret(keys, user.totpSecret, user.id);
  const step = verifyTotp(secret, code, now, user.totpLastStep);
  if (step === undefined) return false;
  const updated = await db
    .update(users)
    .set({ totpLastStep: step })
    .where(and(eq(users.id, user.id), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
    .returning({ id: users.id });
  return updated.length === 1;
}

/** Uses up one recovery code; false when unknown or already used. */
export async function consumeRecoveryCode(
  db: Drizzle,
  userId: string,
  code: string,
  now: Date,
): Promise<boolean> {
  const used = await db
    .update(recoveryCodes)
    .set({ usedAt: now })
    .where(
      and(
        eq(recoveryCodes.userId, userId),
        eq(recoveryCodes.codeHash, hashRecoveryCode(code)),
        isNull(recoveryCodes.usedAt),
      ),
    )
    .returning({ id: recoveryCodes.id });
  return used.length === 1;
}

/** Starts (or restarts) enrolment: a new secret, kept pending until a code confirms it. */
export async function startTotpEnrolment(db: Drizzle, key: Buffer, userId: string): Promise<string> {
  const secret = newTotpSecret();
  await db
    .update(users)
    .set({ totpPendingSecret: encryptSecret(key, secret, userId) })
    .where(eq(users.id, userId));
  return secret;
}

export type EnrolmentResult =
  | { kind: "confirmed"; recoveryCodes: string[] }
  | { kind: "not_started" }
  | { kind: "already_enabled" }
  | { kind: "invalid_code" };

/**
 * Confirms the pending secret with a first code: the secret becomes active, ten new recovery codes replace
 * any old ones, and the user's open sessions may do more than enrol.
 */
export async function confirmTotpEnrolment(
  db: Drizzle,
  keys: { current: Buffer; all: readonly Buffer[] },
  userId: string,
  code: string,
  now: Date,
): Promise<EnrolmentResult> {
  const [user] = await db
    .select({ pending: users.totpPendingSecret, enabledAt: users.totpEnabledAt })
    .from(users)
    .where(eq(users.id, userId));
  if (user?.enabledAt !== null && user?.enabledAt !== undefined) return { kind: "already_enabled" };
  if (user?.pending === null || user?.pending === undefined) return { kind: "not_started" };
  const secret = decryptSecret(keys.all, user.pending, userId);
  const step = verifyTotp(secret, code, now, null);
  if (step === undefined) return { kind: "invalid_code" };
  return db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({
        totpSecret: encryptSecret(keys.current, secret, userId),
        totpPendingSecret: null,
        totpEnabledAt: now,
        totpLastStep: step,
      })
      .where(eq(users.id, userId));
    const codes = await replaceRecoveryCodes(tx, userId, now);
    await tx
      .update(sessions)
      .set({ mfaEnrolmentRequired: false })
      .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)));
    return { kind: "confirmed", recoveryCodes: codes } as const;
  });
}

/** Ten new recovery codes; the old ones, used or not, stop working. */
async function replaceRecoveryCodes(tx: Drizzle, userId: string, now: Date): Promise<string[]> {
  const codes = newRecoveryCodes();
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await tx
    .insert(recoveryCodes)
    .values(
      codes.map((recoveryCode) => ({ userId, codeHash: hashRecoveryCode(recoveryCode), createdAt: now })),
    );
  return codes;
}

export type RegenerationResult =
  | { kind: "regenerated"; recoveryCodes: string[] }
  | { kind: "not_enabled" }
  | { kind: "invalid_code" };

/**
 * New recovery codes for a user whose second factor is active, against a current TOTP code (never a
 * recovery code: whoever holds only a leaked list must not be able to renew it).
 */
export async function regenerateRecoveryCodes(
  db: Drizzle,
  keys: readonly Buffer[],
  userId: string,
  code: string,
  now: Date,
): Promise<RegenerationResult> {
  const [user] = await db
    .select({ id: users.id, totpSecret: users.totpSecret, totpLastStep: users.totpLastStep })
    .from(users)
    .where(eq(users.id, userId));
  if (user === undefined || user.totpSecret === null) return { kind: "not_enabled" };
  if (!(await acceptTotpCode(db, keys, user, code, now))) return { kind: "invalid_code" };
  const codes = await db.transaction((tx) => replaceRecoveryCodes(tx, userId, now));
  return { kind: "regenerated", recoveryCodes: codes };
}
