import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../config/config.ts";
import {
  decryptBytes,
  decryptSecret,
  encryptBytes,
  encryptSecret,
  keyId,
  SEALED_BYTES_OVERHEAD,
  UnreadableSecretError,
} from "./secretBox.ts";

const keyA = Buffer.alloc(32, 10).toString("base64");
const keyB = Buffer.alloc(32, 11).toString("base64");
const keyC = Buffer.alloc(32, 12).toString("base64");
const env = (extra: Record<string, string>) => ({ LOG_LEVEL: "silent", ...extra });

describe("key rotation", () => {
  const sealedWithA = encryptSecret(Buffer.from(keyA, "base64"), "violence: oui", "case:1:diagnosis");

  it("opens a value sealed with an old key once that key is listed as previous", () => {
    const rotated = loadConfig(
      env({ DATA_ENCRYPTION_KEY: keyB, DATA_ENCRYPTION_KEYS_PREVIOUS: `${keyC}, ${keyA}` }),
    );
    expect(decryptSecret(rotated.dataDecryptionKeys, sealedWithA, "case:1:diagnosis")).toBe("violence: oui");
    // New values always use the current key.
    const resealed = encryptSecret(rotated.dataEncryptionKey, "violence: oui", "case:1:diagnosis");
    expect(resealed.split(".")[1]).toBe(keyId(Buffer.from(keyB, "base64")));
  });

  it("fails with the missing key's id, and without the value, when the old key is not listed", () => {
    const rotated = loadConfig(env({ DATA_ENCRYPTION_KEY: keyB }));
    let error: unknown;
    try {
      decryptSecret(rotated.dataDecryptionKeys, sealedWithA, "case:1:diagnosis");
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(UnreadableSecretError);
    expect(error).toMatchObject({ reason: "unknown_key", keyId: keyId(Buffer.from(keyA, "base64")) });
    expect((error as Error).message).not.toContain("violence");
  });

  it("refuses to start with a malformed previous key, naming the variable in French", () => {
    expect(() => loadConfig(env({ DATA_ENCRYPTION_KEYS_PREVIOUS: `${keyA},pas-une-clé` }))).toThrow(
      ConfigError,
    );
    expect(() => loadConfig(env({ DATA_ENCRYPTION_KEYS_PREVIOUS: `${keyA},pas-une-clé` }))).toThrow(
      /DATA_ENCRYPTION_KEYS_PREVIOUS : clés séparées par des virgules/,
    );
  });
});

describe("files", () => {
  const key = Buffer.from(keyA, "base64");
  const file = Buffer.from("%PDF-1.7 avis d'imposition de Mme Exemple");

  it("hides the file's bytes and gives them back whole with the same key and row", () => {
    const { keyId: id, sealed } = encryptBytes(key, file, "case_document:1");
    expect(sealed.includes(Buffer.from("Exemple"))).toBe(false);
    expect(sealed.length).toBe(file.length + SEALED_BYTES_OVERHEAD);
    expect(decryptBytes([key], id, sealed, "case_document:1").equals(file)).toBe(true);
  });

  it("refuses a file moved to another row, altered, or whose key is not configured", () => {
    const { keyId: id, sealed } = encryptBytes(key, file, "case_document:1");
    expect(() => decryptBytes([key], id, sealed, "case_document:2")).toThrow(UnreadableSecretError);
    const altered = Buffer.from(sealed);
    altered[altered.length - 1] = (altered.at(-1) ?? 0) ^ 1;
    expect(() => decryptBytes([key], id, altered, "case_document:1")).toThrow(UnreadableSecretError);
    expect(() => decryptBytes([Buffer.from(keyB, "base64")], id, sealed, "case_document:1")).toThrow(
      /unknown_key/,
    );
  });
});
