// Application-level encryption of secrets stored in the database (AES-256-GCM, node:crypto). Each value
// names its key (first 8 hex characters of the key's SHA-256), so that keys can be rotated: decrypt with any
// known key (DATA_ENCRYPTION_KEY and DATA_ENCRYPTION_KEYS_PREVIOUS), encrypt with the current one.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

const VERSION = "v1";
const IV_BYTES = 12;
const TAG_BYTES = 16;

export function keyId(key: Buffer): string {
  return createHash("sha256").update(key).digest("hex").slice(0, 8);
}

interface Sealed {
  iv: Buffer;
  tag: Buffer;
  ciphertext: Buffer;
}

function seal(key: Buffer, plaintext: Buffer, associatedData: string): Sealed {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(associatedData));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { iv, tag: cipher.getAuthTag(), ciphertext };
}

/** Throws UnreadableSecretError("authentication") when the key, the data or the associated data differ. */
function open(key: Buffer, id: string, { iv, tag, ciphertext }: Sealed, associatedData: string): Buffer {
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, iv);
    decipher.setAAD(Buffer.from(associatedData));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
  } catch {
    throw new UnreadableSecretError(id, "authentication");
  }
}

function keyNamed(keys: readonly Buffer[], id: string): Buffer {
  const key = keys.find((candidate) => keyId(candidate) === id);
  if (key === undefined) throw new UnreadableSecretError(id, "unknown_key");
  return key;
}

export function encryptSecret(key: Buffer, plaintext: string, associatedData: string): string {
  const { iv, tag, ciphertext } = seal(key, Buffer.from(plaintext, "utf8"), associatedData);
  return [
    VERSION,
    keyId(key),
    iv.toString("base64url"),
    tag.toString("base64url"),
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
  if (
    version !== VERSION ||
    id === undefined ||
    iv === undefined ||
    tag === undefined ||
    ciphertext === undefined
  ) {
    throw new UnreadableSecretError(undefined, "format");
  }
  const sealed = {
    iv: Buffer.from(iv, "base64url"),
    tag: Buffer.from(tag, "base64url"),
    ciphertext: Buffer.from(ciphertext, "base64url"),
  };
  return open(keyNamed(keys, id), id, sealed, associatedData).toString("utf8");
}

/** What encryptBytes adds to the plaintext's length: the nonce and the authentication tag. */
export const SEALED_BYTES_OVERHEAD = IV_BYTES + TAG_BYTES;

/**
 * Binary values (uploaded files): the nonce, the tag and the ciphertext in one buffer, with the key's id
 * apart, so that a file costs only SEALED_BYTES_OVERHEAD more bytes and its key can be queried for
 * rotation without reading it.
 */
export function encryptBytes(
  key: Buffer,
  plaintext: Buffer,
  associatedData: string,
): { keyId: string; sealed: Buffer } {
  const { iv, tag, ciphertext } = seal(key, plaintext, associatedData);
  return { keyId: keyId(key), sealed: Buffer.concat([iv, tag, ciphertext]) };
}

export function decryptBytes(
  keys: readonly Buffer[],
  id: string,
  sealed: Buffer,
  associatedData: string,
): Buffer {
  if (sealed.length < SEALED_BYTES_OVERHEAD) throw new UnreadableSecretError(id, "format");
  const parts = {
    iv: sealed.subarray(0, IV_BYTES),
    tag: sealed.subarray(IV_BYTES, SEALED_BYTES_OVERHEAD),
    ciphertext: sealed.subarray(SEALED_BYTES_OVERHEAD),
  };
  return open(keyNamed(keys, id), id, parts, associatedData);
}
