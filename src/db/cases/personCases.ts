// For the auditors' search by person: from one case reference, the ids of every case that seems to concern
// the same person (same email, or same name with the same birth date or phone: samePerson in
// src/db/cases/identity.ts), across organisations, since auditors are national.
import { eq, or } from "drizzle-orm";
import type { Drizzle } from "../database.ts";
import { cases } from "../schema/index.ts";
import { caseIdentityColumns, samePerson } from "./identity.ts";

/** The case ids of the person of case `reference`; undefined when no case has that reference. */
export async function caseIdsOfPerson(db: Drizzle, reference: string): Promise<string[] | undefined> {
  const [origin] = await db.select(caseIdentityColumns).from(cases).where(eq(cases.reference, reference));
  if (origin === undefined) return undefined;
  // Candidates narrowed by the indexed or exact columns; samePerson decides.
  const matches = [
    origin.email === null ? undefined : eq(cases.personEmail, origin.email),
    origin.phone === null ? undefined : eq(cases.personPhone, origin.phone),
    origin.birthDate === null ? undefined : eq(cases.personBirthDate, origin.birthDate),
  ].filter((condition) => condition !== undefined);
  if (matches.length === 0) return [origin.id];
  const candidates = await db
    .select(caseIdentityColumns)
    .from(cases)
    .where(or(...matches));
  const ids = candidates
    .filter((candidate) => samePerson(candidate, origin))
    .map((candidate) => candidate.id);
  return ids.includes(origin.id) ? ids : [origin.id, ...ids];
}
