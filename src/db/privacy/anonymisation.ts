// Anonymisation of a case (GDPR art. 5.1.e and 17), the SQL of it: the erasers that replace the personal data
// each table holds about a case, the mark that a case was anonymised (case_anonymisations), and the cases the
// retention job finds due. Whether and when a case may be anonymised is decided by the privacy use cases.
// Tables added later join by adding an entry to PERSONAL_DATA_ERASERS.
import { and, eq, inArray, isNull, lte, sql } from "drizzle-orm";
import type { AidStatus } from "../../core/finance/index.ts";
import type { Drizzle } from "../database.ts";
import {
  aids,
  appointments,
  caseAccessJustifications,
  caseActions,
  caseAnonymisations,
  caseDocuments,
  caseEvents,
  caseOutcomes,
  caseReferrals,
  cases,
  diagnoses,
  eligibilitySnapshots,
  surveys,
} from "../schema/index.ts";

/** What replaces a name: the case stays countable, nobody is named. */
const ANONYMOUS_NAME = "Anonyme";

/** Replaces the personal data one table holds about a case; returns how many rows it changed. */
interface PersonalDataEraser {
  table: string;
  erase(tx: Drizzle, caseId: string): Promise<number>;
}

const changed = async (rows: Promise<unknown[]>): Promise<number> => (await rows).length;

const PERSONAL_DATA_ERASERS: readonly PersonalDataEraser[] = [
  {
    table: "cases",
    erase: (tx, caseId) =>
      changed(
        tx
          .update(cases)
          .set({
            personFirstName: ANONYMOUS_NAME,
            personLastName: ANONYMOUS_NAME,
            personBirthDate: null,
            personEmail: null,
            personPhone: null,
            personPostcode: null,
            preferredChannel: null,
            preferredTimes: null,
            situationSummary: null,
            possibleDuplicateOf: null,
            // Written motives and waiver reasons are free text; the decision's kind and dates stay.
            decision: sql`case when ${cases.decision} is null then null else ${cases.decision} - 'motive' end`,
            engagement: sql`case when ${cases.engagement} is null then null else ${cases.engagement} - 'reason' end`,
            version: sql`${cases.version} + 1`,
            updatedAt: sql`now()`,
          })
          .where(eq(cases.id, caseId))
          .returning({ id: cases.id }),
      ),
  },
  {
    table: "case_events",
    erase: (tx, caseId) =>
      changed(
        tx
          .update(caseEvents)
          .set({ data: sql`${caseEvents.data} - 'motive' - 'reason'` })
          .where(
            and(
              eq(caseEvents.caseId, caseId),
              sql`(${caseEvents.data} ? 'motive' or (${caseEvents.type} = 'engagement_waived' and ${caseEvents.data} ? 'reason'))`,
            ),
          )
          .returning({ id: caseEvents.id }),
      ),
  },
  {
    // The situation as assessed (income, household, housing): the outcome and its reasons stay.
    table: "eligibility_snapshots",
    erase: (tx, caseId) =>
      changed(
        tx
          .update(eligibilitySnapshots)
          .set({ facts: {} })
          .where(eq(eligibilitySnapshots.caseId, caseId))
          .returning({ id: eligibilitySnapshots.id }),
      ),
  },
  {
    table: "case_referrals",
    erase: (tx, caseId) =>
      changed(
        tx
          .update(caseReferrals)
          .set({ note: null })
          .where(eq(caseReferrals.caseId, caseId))
          .returning({ id: caseReferrals.id }),
      ),
  },
  {
    // Household, budget, debts, and the encrypted health, violence and free-notes topics.
    table: "diagnoses",
    erase: (tx, caseId) =>
      changed(
        tx
          .update(diagnoses)
          .set({ data: {}, sensitive: null })
          .where(eq(diagnoses.caseId, caseId))
          .returning({ id: diagnoses.caseId }),
      ),
  },
  {
    // Titles and outcomes are written by people and may name the person; kind, owner and dates stay.
    table: "case_actions",
    erase: (tx, caseId) =>
      changed(
        tx
          .update(caseActions)
          .set({ title: "—", outcome: null })
          .where(eq(caseActions.caseId, caseId))
          .returning({ id: caseActions.id }),
      ),
  },
  {
    table: "appointments",
    erase: (tx, caseId) =>
      changed(
        tx
          .update(appointments)
          .set({ notes: null })
          .where(eq(appointments.caseId, caseId))
          .returning({ id: appointments.id }),
      ),
  },
  {
    // Scans of identity papers, payslips, signed engagements: nothing in them can be kept anonymously.
    table: "case_documents",
    erase: (tx, caseId) =>
      changed(
        tx.delete(caseDocuments).where(eq(caseDocuments.caseId, caseId)).returning({ id: caseDocuments.id }),
      ),
  },
  {
    table: "case_outcomes",
    erase: (tx, caseId) =>
      changed(
        tx
          .update(caseOutcomes)
          .set({ comment: null })
          .where(eq(caseOutcomes.caseId, caseId))
          .returning({ id: caseOutcomes.caseId }),
      ),
  },
  {
    table: "surveys",
    erase: (tx, caseId) =>
      changed(
        tx
          .update(surveys)
          .set({ comment: null })
          .where(eq(surveys.caseId, caseId))
          .returning({ id: surveys.id }),
      ),
  },
  {
    // An auditor's written reason may name the person; who read, when and until when stay.
    table: "case_access_justifications",
    erase: (tx, caseId) =>
      changed(
        tx
          .update(caseAccessJustifications)
          .set({ reason: "—" })
          .where(eq(caseAccessJustifications.caseId, caseId))
          .returning({ id: caseAccessJustifications.id }),
      ),
  },
  {
    // Amounts and decisions stay (the envelope's accounts); the written reason of a decision goes.
    table: "aids",
    erase: (tx, caseId) =>
      changed(
        tx
          .update(aids)
          .set({ decisionReason: null })
          .where(eq(aids.caseId, caseId))
          .returning({ id: aids.id }),
      ),
  },
];

/** Runs every eraser on the case (inside the caller's transaction); rows changed per table. */
export async function erasePersonalData(tx: Drizzle, caseId: string): Promise<Record<string, number>> {
  const replaced: Record<string, number> = {};
  for (const eraser of PERSONAL_DATA_ERASERS) replaced[eraser.table] = await eraser.erase(tx, caseId);
  return replaced;
}

/** Whether the case's personal data have already been erased (by request or by the retention job). */
export async function isAnonymised(db: Drizzle, caseId: string): Promise<boolean> {
  const [done] = await db
    .select({ id: caseAnonymisations.caseId })
    .from(caseAnonymisations)
    .where(eq(caseAnonymisations.caseId, caseId));
  return done !== undefined;
}

export async function markAnonymised(
  tx: Drizzle,
  caseId: string,
  anonymisedAt: Date,
  replaced: Record<string, number>,
): Promise<void> {
  await tx.insert(caseAnonymisations).values({ caseId, anonymisedAt, replaced });
}

/** Whether the case has an aid in one of `statuses`. */
export async function hasAidIn(
  db: Drizzle,
  caseId: string,
  statuses: readonly AidStatus[],
): Promise<boolean> {
  const found = await db
    .select({ id: aids.id })
    .from(aids)
    .where(and(eq(aids.caseId, caseId), inArray(aids.status, [...statuses])))
    .limit(1);
  return found.length > 0;
}

export interface DueCase {
  id: string;
  organisationId: string;
  /** The closure's day (YYYY-MM-DD). */
  closedOn: string;
}

/** Closed cases not anonymised yet whose closure day is `closedOnOrBefore` or earlier, by id. */
export async function closedCasesNotAnonymised(db: Drizzle, closedOnOrBefore: string): Promise<DueCase[]> {
  return db
    .select({
      id: cases.id,
      organisationId: cases.organisationId,
      closedOn: sql<string>`${cases.closure} ->> 'on'`,
    })
    .from(cases)
    .leftJoin(caseAnonymisations, eq(caseAnonymisations.caseId, cases.id))
    .where(
      and(
        eq(cases.status, "closed"),
        isNull(caseAnonymisations.caseId),
        lte(sql`${cases.closure} ->> 'on'`, closedOnOrBefore),
      ),
    )
    .orderBy(cases.id);
}
