// How a person's identity and contact details are stored, so that the same person is recognised whatever
// the spelling: emails lowercased, phone numbers reduced to their digits, names compared without accents,
// case or extra spaces. Used to flag a new request that seems to duplicate an open case.
import { cases } from "../schema/index.ts";

export interface PersonIdentity {
  firstName: string;
  lastName: string;
  birthDate: string | null;
  email: string | null;
  phone: string | null;
}

/** The person as a case stores them: what the case page and the personal-data export show. */
export function storedPerson(row: typeof cases.$inferSelect) {
  return {
    firstName: row.personFirstName,
    lastName: row.personLastName,
    birthDate: row.personBirthDate,
    email: row.personEmail,
    phone: row.personPhone,
    postcode: row.personPostcode,
  };
}

/** A case's id and the columns that samePerson compares, for a select. */
export const caseIdentityColumns = {
  id: cases.id,
  firstName: cases.personFirstName,
  lastName: cases.personLastName,
  birthDate: cases.personBirthDate,
  email: cases.personEmail,
  phone: cases.personPhone,
};

export function normaliseEmail(email: string | undefined): string | null {
  const trimmed = email?.trim().toLowerCase();
  return trimmed === undefined || trimmed === "" ? null : trimmed;
}

/** Digits only, a leading + kept; a French national number (0X…) and its +33 form compare equal. */
export function normalisePhone(phone: string | undefined): string | null {
  if (phone === undefined) return null;
  const digits = phone.replace(/[^0-9]/g, "");
  if (digits === "") return null;
  if (phone.trim().startsWith("+")) return `+${digits}`;
  return digits.length === 10 && digits.startsWith("0") ? `+33${digits.slice(1)}` : digits;
}

/** Trimmed, inner spaces collapsed: how a name is stored and shown. */
export function tidyName(name: string): string {
  return name.trim().replace(/\s+/g, " ");
}

function nameKey(name: string): string {
  return (
    tidyName(name)
      .normalize("NFD")
      .replace(/\p{Diacritic}/gu, "")
      .toLowerCase()
      // Hyphens, apostrophes, dashes and spaces all separate the parts of a name alike.
      .replace(/[^\p{L}]+/gu, " ")
      .trim()
  );
}

/**
 * Whether two identities seem to be one person: the same email, or the same name with the same birth date
 * or phone number. A phone alone is not enough (a household shares one); a name alone neither.
 */
export function samePerson(a: PersonIdentity, b: PersonIdentity): boolean {
  if (a.email !== null && a.email === b.email) return true;
  const sameName =
    nameKey(a.firstName) === nameKey(b.firstName) && nameKey(a.lastName) === nameKey(b.lastName);
  if (!sameName) return false;
  return (a.birthDate !== null && a.birthDate === b.birthDate) || (a.phone !== null && a.phone === b.phone);
}
