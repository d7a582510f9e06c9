// Argon2id hashing (OWASP baseline parameters) and verification, including a dummy verification for
// unknown accounts so that a login takes the same time whether or not the account exists.
import { randomBytes } from "node:crypto";
import { hash, verify } from "@node-rs/argon2";
import { assertPasswordAcceptable, type PasswordContext } from "./passwordPolicy.ts";

/** OWASP's argon2id baseline: 19 MiB, 2 passes, 1 lane. */
export const ARGON2ID_OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** Hashes a new password after checking it against the policy (throws PasswordRejectedError). */
export async function hashNewPassword(password: string, context: PasswordContext = {}): Promise<string> {
  assertPasswordAcceptable(password, context);
  return hash(password, ARGON2ID_OPTIONS);
}

let dummyHash: Promise<string> | undefined;

/** Hash of a random secret nobody knows, with the same parameters as real hashes. */
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hash(randomBytes(32).toString("base64url"), ARGON2ID_OPTIONS);
  return dummyHash;
}

/**
 * Verifies `password` against `storedHash`, or against the dummy hash when there is no account, so that
 * both cases cost one argon2 verification. A malformed stored hash counts as a mismatch.
 */
export async function verifyPassword(storedHash: string | undefined, password: string): Promise<boolean> {
  const target = storedHash ?? (await dummyPasswordHash());
  try {
    const matches = await verify(target, password);
    return storedHash !== undefined && matches;
  } catch {
    return false;
  }
}
