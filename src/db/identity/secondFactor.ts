// The second factor in the database: the TOTP secret (sealed, pending until confirmed), the last accepted
// step, and the recovery codes (their SHA-256 only). src/services/auth/secondFactor.ts decides.
import { and, eq, isNull, lt, or } from "drizzle-orm";
import type { Drizzle } from "../database.ts";
import { recoveryCodes, users } from "../schema/index.ts";

export interface SecondFactorRow {
  email: string;
  /** Sealed; set once enrolment is confirmed. */
  totpSecret: string | null;
  /** Sealed; the secret being enrolled. */
  totpPendingSecret: string | null;
  totpEnabledAt: Date | null;
  totpLastStep: number | null;
}

export async function findSecondFactor(db: Drizzle, userId: string): Promise<SecondFactorRow | undefined> {
  const [row] = await db
    .select({
      email: users.email,
      totpSecret: users.totpSecret,
      totpPendingSecret: users.totpPendingSecret,
      totpEnabledAt: users.totpEnabledAt,
      totpLastStep: users.totpLastStep,
    })
    .from(users)
    .where(eq(users.id, userId));
  return row;
}

/**
 * Records `step` as the last accepted one, atomically and only if it is later than the last: false when a
 * concurrent request used it (or a later one) first, so that a code works once.
 */
export async function advanceTotpStep(db: Drizzle, userId: string, step: number): Promise<boolean> {
  const updated = await db
    .update(users)
    .set({ totpLastStep: step })
    .where(and(eq(users.id, userId), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
    .returning({ id: users.id });
  return updated.length === 1;
}

/** Marks the unused recovery code of hash `codeHash` used; false when there is none. */
export async function markRecoveryCodeUsed(
  db: Drizzle,
  userId: string,
  codeHash: string,
  at: Date,
): Promise<boolean> {
  const used = await db
    .update(recoveryCodes)
    .set({ usedAt: at })
    .where(
      and(
        eq(recoveryCodes.userId, userId),
        eq(recoveryCodes.codeHash, codeHash),
        isNull(recoveryCodes.usedAt),
      ),
    )
    .returning({ id: recoveryCodes.id });
  return used.length === 1;
}

export async function setPendingTotpSecret(db: Drizzle, userId: string, sealedSecret: string): Promise<void> {
  await db.update(users).set({ totpPendingSecret: sealedSecret }).where(eq(users.id, userId));
}

/** The pending secret becomes the active one. */
export async function enableTotp(
  db: Drizzle,
  userId: string,
  totp: { sealedSecret: string; enabledAt: Date; lastStep: number },
): Promise<void> {
  await db
    .update(users)
    .set({
      totpSecret: totp.sealedSecret,
      totpPendingSecret: null,
      totpEnabledAt: totp.enabledAt,
      totpLastStep: totp.lastStep,
    })
    .where(eq(users.id, userId));
}

/** The account's recovery codes, used or not, replaced by those of the given hashes. */
export async function replaceRecoveryCodes(
  db: Drizzle,
  userId: string,
  codeHashes: readonly string[],
  at: Date,
): Promise<void> {
  await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await db.insert(recoveryCodes).values(codeHashes.map((codeHash) => ({ userId, codeHash, createdAt: at })));
}

/** Removes the second factor, pending or active, and the recovery codes. */
export async function clearSecondFactor(db: Drizzle, userId: string): Promise<void> {
  await db
    .update(users)
    .set({ totpSecret: null, totpPendingSecret: null, totpEnabledAt: null, totpLastStep: null })
    .where(eq(users.id, userId));
  await db.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
}
