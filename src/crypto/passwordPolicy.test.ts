import { describe, expect, it } from "vitest";
import { checkPassword, commonPasswordCount, PasswordRejectedError } from "./passwordPolicy.ts";
import { hashNewPassword } from "./passwords.ts";

describe("password policy", () => {
  it("ships a list of a few thousand common passwords", () => {
    expect(commonPasswordCount()).toBeGreaterThan(2_000);
  });

  it("rejects passwords shorter than 12 characters", () => {
    expect(checkPassword("Xk7#pQ2!mZ")).toEqual(["too_short"]);
    expect(checkPassword("appui-demo")).toContain("too_short");
  });

  it("counts characters, not bytes", () => {
    expect(checkPassword("éléphantçàù")).toContain("too_short");
  });

  it("rejects common passwords whatever their case, accents or trailing digits and symbols", () => {
    for (const common of [
      "motdepasse123",
      "MotDePasse2025",
      "azertyuiop123",
      "Password1234",
      "qwertyuiop12",
      "123456789012",
      "motdepasseazerty",
      "Azertyuiopqsdf!!",
      "MARSEILLE2024",
    ]) {
      expect(checkPassword(common), common).toContain("common");
    }
  });

  it("rejects a repeated character and the account's own name", () => {
    expect(checkPassword("aaaaaaaaaaaaaaaa")).toContain("repetitive");
    expect(
      checkPassword("claire.fontaine-42!", {
        email: "claire.fontaine@exemple.fr",
        displayName: "Claire Fontaine",
      }),
    ).toContain("personal");
  });

  it("accepts a long personal passphrase", () => {
    expect(checkPassword("cheval violet mange 4 tartines")).toEqual([]);
    expect(checkPassword("Tr0mbone-Lagune-Vesp3r")).toEqual([]);
  });

  it("is applied when a password is hashed", async () => {
    await expect(hashNewPassword("azertyuiop123")).rejects.toBeInstanceOf(PasswordRejectedError);
    await expect(hashNewPassword("court")).rejects.toThrow(/au moins 12 caractères/);
    await expect(hashNewPassword("cheval violet mange 4 tartines")).resolves.toMatch(/^\$argon2id\$/);
  });
});
