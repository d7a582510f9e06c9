// Application-level encryption of secrets stored in the database (AES-256-GCM, node:crypto). Each value
// names its key (first 8 hex characters of the key's SHA-256), so that keys can be rotated: decrypt with any
// known key (DATA_ENCRYPTION_KEY and DATA_ENCRYPTION_KEYS_PREVIOUS), encrypt with the current one.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

const VERSION = "v1";

export function keyId(key: Buffer): string {
  return createHash("sha256").update(key).digest("hex").slice(0, 8);
}

export function encryptSecret(key: Buffer, plaintext: string, associatedData: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(associatedData));
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [
    VERSION,
    keyId(key),
    iv.toString("base64url"),
    cipher.getAuthTag().toString("base64url"),
    ciphertext.toString("base64url"),
  ].join(".");
}

/**
 * A stored value that cannot be decrypted: its key is not configured, or it was altered or moved to another
 * row. The message names the key id and the reason only, never the value, so that it can be logged.
 */
export class UnreadableSecretError extends Error {
  constructor(
    readonly keyId: string | undefined,
    readonly reason: "format" | "unknown_key" | "authentication",
  ) {
    super(`encrypted value unreadable (${reason}${keyId === undefined ? "" : `, key id ${keyId}`})`);
    this.name = "UnreadableSecretError";
  }
}

/**
 * Decrypts a value made by encryptSecret with the one of `keys` whose id the value names. `associatedData`
 * (e.g. the user id) must be the same as at encryption: a value copied to another row does not decrypt.
 * Throws UnreadableSecretError on any mismatch.
 */
export function decryptSecret(keys: readonly Buffer[], value: string, associatedData: string): string {
  const [version, id, iv, tag, ciphertext] = value.split(".");
  if (version !== VERSION || iv === undefined || tag === undefined || ciphertext === undefined) {
    throw new UnreadableSecretError(undefined, "format");
  }
  const key = keys.find((candidate) => keyId(candidate) === id);
  if (key === undefined) throw new UnreadableSecretError(id, "unknown_key");
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
    decipher.setAAD(Buffer.from(associatedData));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString(
      "utf8",
    );
  } catch {
    throw new UnreadableSecretError(id, "authentication");
  }
}
