// The same person is recognised whatever the spelling of their email, phone number or name; a shared
// phone number or a name alone is not enough.
import { describe, expect, it } from "vitest";
import { normaliseEmail, normalisePhone, type PersonIdentity, samePerson, tidyName } from "./identity.ts";

const lea: PersonIdentity = {
  firstName: "Léa",
  lastName: "Le Goff-Martin",
  birthDate: "1985-04-02",
  email: "lea.martin@exemple.test",
  phone: "+33612345678",
};

describe("identity", () => {
  it("stores emails lowercased and phone numbers as digits, a French national number as +33", () => {
    expect(normaliseEmail("  Lea.Martin@Exemple.TEST ")).toBe("lea.martin@exemple.test");
    expect(normaliseEmail("   ")).toBeNull();
    expect(normalisePhone("06 12 34 56 78")).toBe("+33612345678");
    expect(normalisePhone("06.12.34.56.78")).toBe("+33612345678");
    expect(normalisePhone("+33 6 12 34 56 78")).toBe("+33612345678");
    expect(normalisePhone("+262 262 12 34 56")).toBe("+262262123456");
    expect(normalisePhone(undefined)).toBeNull();
    expect(tidyName("  Le   Goff ")).toBe("Le Goff");
  });

  it("recognises the same email, or the same name with the same birth date or phone", () => {
    const other = { firstName: "Zoé", lastName: "Durand", birthDate: null, email: null, phone: null };
    expect(samePerson(lea, { ...other, email: "lea.martin@exemple.test" })).toBe(true);
    expect(
      samePerson(lea, { ...other, firstName: "LEA", lastName: "le goff martin", birthDate: "1985-04-02" }),
    ).toBe(true);
    expect(
      samePerson(lea, { ...other, firstName: "Lea", lastName: "Le Goff–Martin", phone: "+33612345678" }),
    ).toBe(true);
    expect(
      samePerson(lea, { ...other, firstName: "Léa", lastName: "Le Goff Martin", phone: "+33612345678" }),
    ).toBe(true);
  });

  it("does not merge a household sharing a phone, nor namesakes", () => {
    expect(samePerson(lea, { ...lea, firstName: "Hugo", email: null })).toBe(false);
    expect(samePerson(lea, { ...lea, email: null, birthDate: "1990-01-01", phone: null })).toBe(false);
  });
});
