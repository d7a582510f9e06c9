import { describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret } from "./secretBox.ts";
import {
  base32Decode,
  base32Encode,
  hotp,
  newRecoveryCodes,
  newTotpSecret,
  otpauthUri,
  totpCode,
  verifyTotp,
} from "./totp.ts";

// RFC 6238 appendix B, SHA-1: the ASCII secret "12345678901234567890".
const RFC_SECRET = base32Encode(Buffer.from("12345678901234567890"));

describe("TOTP", () => {
  it("matches the RFC 6238 test vectors (SHA-1, 8 digits)", () => {
    const vectors: [number, string][] = [
      [59, "94287082"],
      [1111111109, "07081804"],
      [1111111111, "14050471"],
      [1234567890, "89005924"],
      [2000000000, "69279037"],
      [20000000000, "65353130"],
    ];
    for (const [seconds, expected] of vectors) {
      expect(totpCode(RFC_SECRET, new Date(seconds * 1000), 8)).toBe(expected);
    }
  });

  it("matches the RFC 4226 HOTP vectors", () => {
    const secret = Buffer.from("12345678901234567890");
    expect([0, 1, 2, 9].map((counter) => hotp(secret, counter))).toEqual([
      "755224",
      "287082",
      "359152",
      "520489",
    ]);
  });

  it("round-trips base32", () => {
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(base32Encode(base32Decode(secret))).toBe(secret);
  });

  it("accepts one step of drift, refuses older codes and a code already used", () => {
    const secret = newTotpSecret();
    const now = new Date("2026-03-02T10:00:15Z");
    const previous = totpCode(secret, new Date(now.getTime() - 30_000));
    const current = totpCode(secret, now);
    const tooOld = totpCode(secret, new Date(now.getTime() - 90_000));
    const step = verifyTotp(secret, current, now, null);
    expect(step).toBeDefined();
    expect(verifyTotp(secret, previous, now, null)).toBe((step as number) - 1);
    expect(verifyTotp(secret, tooOld, now, null)).toBeUndefined();
    expect(verifyTotp(secret, current, now, step as number)).toBeUndefined();
    expect(verifyTotp(secret, "12345", now, null)).toBeUndefined();
  });

  it("builds an otpauth URI and ten distinct recovery codes", () => {
    expect(otpauthUri("ABC", "manager@exemple.fr")).toBe(
      "otpauth://totp/Appui%3Amanager%40exemple.fr?secret=ABC&issuer=Appui&algorithm=SHA1&digits=6&period=30",
    );
    const codes = newRecoveryCodes();
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[a-z2-7]{5}-[a-z2-7]{5}$/);
  });
});

describe("secret box", () => {
  const key = Buffer.alloc(32, 1);
  const oldKey = Buffer.alloc(32, 2);

  it("decrypts with the key named by the value, and only for the same associated data", () => {
    const sealed = encryptSecret(oldKey, "JBSWY3DPEHPK3PXP", "user-1");
    expect(sealed).not.toContain("JBSWY3DPEHPK3PXP");
    expect(decryptSecret([key, oldKey], sealed, "user-1")).toBe("JBSWY3DPEHPK3PXP");
    expect(() => decryptSecret([key, oldKey], sealed, "user-2")).toThrow();
    expect(() => decryptSecret([key], sealed, "user-1")).toThrow(/unknown_key/);
    const parts = sealed.split(".");
    parts[4] = `${parts[4]?.slice(0, -2)}AA`;
    expect(() => decryptSecret([oldKey], parts.join("."), "user-1")).toThrow();
  });
});
