// The demo envelope in the database: whether this year's envelope is open, the cases that can carry aids,
// and the catalogue, envelopes, allocations, aids (with their events, payments and repayments) and alerts,
// written a table at a time. Only the demo seed (src/demo/) calls this.
import { and, asc, eq, inArray, isNotNull } from "drizzle-orm";
import type { CaseStatus } from "../../core/cases/index.ts";
import type { Drizzle } from "../database.ts";
import {
  aidDisbursements,
  aidEvents,
  aidProducts,
  aidRepayments,
  aids,
  cases,
  envelopeAlerts,
  envelopeAllocations,
  envelopes,
} from "../schema/index.ts";

export type DemoProductRow = typeof aidProducts.$inferInsert;
export type DemoProduct = typeof aidProducts.$inferSelect;
export type DemoEnvelopeRow = typeof envelopes.$inferInsert;
export type DemoEnvelope = typeof envelopes.$inferSelect;
export type DemoAllocationRow = typeof envelopeAllocations.$inferInsert;
export type DemoAidRow = typeof aids.$inferInsert;
export type DemoAidEventRow = typeof aidEvents.$inferInsert;
export type DemoDisbursementRow = typeof aidDisbursements.$inferInsert;
export type DemoRepaymentRow = typeof aidRepayments.$inferInsert;
export type DemoAlertRow = typeof envelopeAlerts.$inferInsert;

/** One aid and what its lifecycle wrote. */
export interface AidHistory {
  aid: DemoAidRow;
  events: DemoAidEventRow[];
  disbursements: DemoDisbursementRow[];
  repayments: DemoRepaymentRow[];
}

export type AidCandidate = Pick<
  typeof cases.$inferSelect,
  "id" | "organisationId" | "counsellorUserId" | "requestedOn"
>;

export async function envelopeExists(db: Drizzle, year: number): Promise<boolean> {
  const [row] = await db.select({ id: envelopes.id }).from(envelopes).where(eq(envelopes.year, year));
  return row !== undefined;
}

/**
 * The cases of these agencies judged under `directive`, at one of `statuses` and with a counsellor: oldest
 * request first, then by reference, so that every database lists them in the same order.
 */
export async function findAidCandidates(
  db: Drizzle,
  filter: { directive: string; statuses: readonly string[]; organisationIds: readonly string[] },
): Promise<AidCandidate[]> {
  return db
    .select({
      id: cases.id,
      organisationId: cases.organisationId,
      counsellorUserId: cases.counsellorUserId,
      requestedOn: cases.requestedOn,
    })
    .from(cases)
    .where(
      and(
        eq(cases.directive, filter.directive),
        inArray(cases.status, [...filter.statuses] as CaseStatus[]),
        isNotNull(cases.counsellorUserId),
        inArray(cases.organisationId, [...filter.organisationIds]),
      ),
    )
    .orderBy(asc(cases.requestedOn), asc(cases.reference));
}

/**
 * Adds the products whose code and version are not in the catalogue yet; returns every version of these
 * codes, oldest first.
 */
export async function insertCatalogue(tx: Drizzle, rows: readonly DemoProductRow[]): Promise<DemoProduct[]> {
  await tx
    .insert(aidProducts)
    .values([...rows])
    .onConflictDoNothing();
  return tx
    .select()
    .from(aidProducts)
    .where(
      inArray(
        aidProducts.code,
        rows.map((row) => row.code),
      ),
    )
    .orderBy(asc(aidProducts.version));
}

/** Opens the envelopes of the years not open yet; returns those it opened. */
export async function openEnvelopes(tx: Drizzle, rows: readonly DemoEnvelopeRow[]): Promise<DemoEnvelope[]> {
  return tx
    .insert(envelopes)
    .values([...rows])
    .onConflictDoNothing({ target: envelopes.year })
    .returning();
}

export async function insertAllocations(tx: Drizzle, rows: readonly DemoAllocationRow[]): Promise<void> {
  if (rows.length > 0) await tx.insert(envelopeAllocations).values([...rows]);
}

/** Writes the aids, then what refers to them; and the alerts their totals raised. */
export async function insertAidHistories(
  tx: Drizzle,
  histories: readonly AidHistory[],
  alerts: readonly DemoAlertRow[],
): Promise<void> {
  if (histories.length === 0) return;
  await tx.insert(aids).values(histories.map((history) => history.aid));
  await tx.insert(aidEvents).values(histories.flatMap((history) => history.events));
  const disbursements = histories.flatMap((history) => history.disbursements);
  if (disbursements.length > 0) await tx.insert(aidDisbursements).values(disbursements);
  const repayments = histories.flatMap((history) => history.repayments);
  if (repayments.length > 0) await tx.insert(aidRepayments).values(repayments);
  if (alerts.length > 0)
    await tx
      .insert(envelopeAlerts)
      .values([...alerts])
      .onConflictDoNothing();
}
