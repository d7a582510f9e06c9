// The identity and contact columns of a case, which the person may have rectified (GDPR art. 16).
import { eq } from "drizzle-orm";
import type { CaseRow } from "../cases/repository.ts";
import type { Drizzle } from "../database.ts";
import { cases } from "../schema/index.ts";

export type PersonColumns = Pick<
  CaseRow,
  | "personFirstName"
  | "personLastName"
  | "personBirthDate"
  | "personEmail"
  | "personPhone"
  | "personPostcode"
  | "preferredChannel"
  | "preferredTimes"
>;

/** Writes the given columns (inside a change of the case, which moves its version). */
export async function updatePerson(
  tx: Drizzle,
  caseId: string,
  values: Partial<PersonColumns>,
): Promise<void> {
  await tx.update(cases).set(values).where(eq(cases.id, caseId));
}
