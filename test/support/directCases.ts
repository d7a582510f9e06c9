// Cases inserted straight into the database, for tests about what happens to stored cases (audit search by
// person, retention) without walking the whole request journey through the API.
import { randomInt } from "node:crypto";
import type { Database } from "../../src/db/database.ts";
import { cases } from "../../src/db/schema/index.ts";

export interface DirectCase {
  organisationId: string;
  firstName: string;
  lastName: string;
  birthDate?: string | null;
  email?: string | null;
  phone?: string | null;
  /** Closed on this day (YYYY-MM-DD); open when absent. */
  closedOn?: string;
  situationSummary?: string | null;
}

/** Inserts one case; its id and reference. */
export async function insertCase(
  db: Database,
  input: DirectCase,
): Promise<{ id: string; reference: string }> {
  const requestedOn = input.closedOn === undefined ? "2026-01-15" : `${input.closedOn.slice(0, 4)}-01-02`;
  const reference = `ASD-${requestedOn.slice(0, 4)}-${String(randomInt(100_000, 999_999))}`;
  const [row] = await db.drizzle
    .insert(cases)
    .values({
      reference,
      organisationId: input.organisationId,
      status: input.closedOn === undefined ? "request_received" : "closed",
      directive: "PP_SERV_ASD_2_DIR",
      requestedOn,
      channel: "phone",
      closure: input.closedOn === undefined ? null : { reason: "completed", on: input.closedOn },
      personFirstName: input.firstName,
      personLastName: input.lastName,
      personBirthDate: input.birthDate ?? null,
      personEmail: input.email ?? null,
      personPhone: input.phone ?? null,
      personPostcode: "75011",
      preferredTimes: input.closedOn === undefined ? null : "le mardi matin",
      situationSummary: input.situationSummary ?? null,
      legalBasis: "consent",
      noticeVersion: "2026-01",
      consentGivenAt: new Date(`${requestedOn}T09:00:00Z`),
    })
    .returning({ id: cases.id });
  return { id: row?.id as string, reference };
}
