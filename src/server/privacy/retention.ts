// Retention (GDPR art. 5.1.e): a case closed more than `retentionYears` ago keeps its facts for the
// statistics (status, directive, dates, decisions, outcomes, aids and their amounts) but loses everything
// that identifies or describes the person: identity and contact, free texts, the diagnosis, appointment
// notes, documents. One transaction per case: the personal values are replaced, the case is marked in
// case_anonymisations, and the audit trail records the event with counts only.
// Tables added later join by adding an entry to PERSONAL_DATA_ERASERS.
import { and, eq, isNull, lte, sql } from "drizzle-orm";
import { todayInParis } from "../../core/time/index.ts";
import { recordAudit } from "../../db/audit/append.ts";
import type { Drizzle } from "../../db/database.ts";
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
} from "../../db/schema/index.ts";

/** What replaces a name: the case stays countable, nobody is named. */
export const ANONYMOUS_NAME = "Anonyme";

type Transaction = Parameters<Parameters<Drizzle["transaction"]>[0]>[0];

/** Replaces the personal data one table holds about a case; returns how many rows it changed. */
export interface PersonalDataEraser {
  table: string;
  erase(tx: Transaction, caseId: string): Promise<number>;
}

const changed = async (rows: Promise<unknown[]>): Promise<number> => (await rows).length;

export const PERSONAL_DATA_ERASERS: readonly PersonalDataEraser[] = [
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

export interface RetentionOptions {
  retentionYears: number;
  now: Date;
  dryRun: boolean;
}

export interface RetentionReport {
  /** Europe/Paris day: cases closed on or before it are due. */
  closedOnOrBefore: string;
  due: number;
  anonymised: number;
  /** Rows changed per table, over every case anonymised. */
  replaced: Record<string, number>;
}

/** `day` (YYYY-MM-DD) minus `years`; 29 February becomes 28 February in a common year. */
export function yearsBefore(day: string, years: number): string {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  const target = year - years;
  const leap = (target % 4 === 0 && target % 100 !== 0) || target % 400 === 0;
  const safeDate = month === 2 && date === 29 && !leap ? 28 : date;
  return `${String(target).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(safeDate).padStart(2, "0")}`;
}

/** Anonymises every closed case past its retention period (or only counts them, with dryRun). */
export async function runRetention(db: Drizzle, options: RetentionOptions): Promise<RetentionReport> {
  const closedOnOrBefore = yearsBefore(todayInParis(options.now), options.retentionYears);
  const due = await db
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
  const report: RetentionReport = { closedOnOrBefore, due: due.length, anonymised: 0, replaced: {} };
  if (options.dryRun) return report;
  for (const item of due) {
    const replaced = await db.transaction(async (tx) => {
      // Locked and re-checked: a concurrent run (two instances) anonymises each case once.
      const [locked] = await tx
        .select({ id: cases.id })
        .from(cases)
        .where(eq(cases.id, item.id))
        .for("update");
      const [done] = await tx
        .select({ id: caseAnonymisations.caseId })
        .from(caseAnonymisations)
        .where(eq(caseAnonymisations.caseId, item.id));
      if (locked === undefined || done !== undefined) return undefined;
      const counts: Record<string, number> = {};
      for (const eraser of PERSONAL_DATA_ERASERS) counts[eraser.table] = await eraser.erase(tx, item.id);
      await tx
        .insert(caseAnonymisations)
        .values({ caseId: item.id, anonymisedAt: options.now, replaced: counts });
      await recordAudit(tx, {
        action: "case.anonymised",
        organisationId: item.organisationId,
        targetType: "case",
        targetId: item.id,
        occurredAt: options.now,
        details: {
          via: "retention",
          closedOn: item.closedOn,
          retentionYears: options.retentionYears,
          replaced: counts,
        },
      });
      return counts;
    });
    if (replaced === undefined) continue;
    report.anonymised++;
    for (const [table, count] of Object.entries(replaced))
      report.replaced[table] = (report.replaced[table] ?? 0) + count;
  }
  return report;
}
