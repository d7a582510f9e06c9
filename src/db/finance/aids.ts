// Aids in the database: the aid rows, their events, the payment and the repayments of each, and the queue.
// The use cases (src/services/finance/aids.ts) open the transactions, take the locks in their one order
// (the year's envelope row, then the aid row) and call these inside them.
import { and, asc, eq, inArray, lte, type SQL } from "drizzle-orm";
import type { AidStatus } from "../../core/finance/index.ts";
import type { Drizzle } from "../database.ts";
import { aidDisbursements, aidEvents, aidRepayments, aids, cases, organisations } from "../schema/index.ts";

export type AidRow = typeof aids.$inferSelect;
export type NewAidRow = typeof aids.$inferInsert;
export type AidColumns = Partial<Omit<NewAidRow, "id">>;
export type AidEventRow = typeof aidEvents.$inferInsert;
export type DisbursementRow = typeof aidDisbursements.$inferSelect;
export type NewDisbursementRow = typeof aidDisbursements.$inferInsert;
export type NewRepaymentRow = typeof aidRepayments.$inferInsert;

export async function findAid(db: Drizzle, id: string): Promise<AidRow | undefined> {
  const [row] = await db.select().from(aids).where(eq(aids.id, id));
  return row;
}

/** The year an aid is charged to, read without a lock: which envelope row to lock first. */
export async function aidYear(tx: Drizzle, id: string): Promise<number | undefined> {
  const [row] = await tx.select({ year: aids.year }).from(aids).where(eq(aids.id, id));
  return row?.year;
}

/** The aid, locked until the transaction ends. */
export async function lockAid(tx: Drizzle, id: string): Promise<AidRow | undefined> {
  const [row] = await tx.select().from(aids).where(eq(aids.id, id)).for("update");
  return row;
}

export async function insertAid(tx: Drizzle, values: NewAidRow): Promise<AidRow> {
  const [row] = await tx.insert(aids).values(values).returning();
  if (row === undefined) throw new Error("insert returned no row");
  return row;
}

/** Writes `set` on the aid; undefined if there is no such aid. */
export async function updateAid(tx: Drizzle, id: string, set: AidColumns): Promise<AidRow | undefined> {
  const [row] = await tx.update(aids).set(set).where(eq(aids.id, id)).returning();
  return row;
}

export async function insertAidEvent(tx: Drizzle, event: AidEventRow): Promise<void> {
  await tx.insert(aidEvents).values(event);
}

export interface AidFilter {
  year?: number | undefined;
  statuses?: readonly AidStatus[] | undefined;
  caseId?: string | undefined;
  organisationId?: string | undefined;
}

/** The aids matching every given criterion, in request order. */
export async function listAids(db: Drizzle, filter: AidFilter): Promise<AidRow[]> {
  const conditions: SQL[] = [];
  if (filter.year !== undefined) conditions.push(eq(aids.year, filter.year));
  if (filter.statuses !== undefined) conditions.push(inArray(aids.status, [...filter.statuses]));
  if (filter.caseId !== undefined) conditions.push(eq(aids.caseId, filter.caseId));
  if (filter.organisationId !== undefined) conditions.push(eq(aids.organisationId, filter.organisationId));
  return db
    .select()
    .from(aids)
    .where(and(...conditions))
    .orderBy(asc(aids.requestedAt), asc(aids.id));
}

/**
 * The queued aids of `year` (and, with `includeEarlierYears`, those of earlier years) with their agency's
 * region, in request order, locked until the transaction ends.
 */
export async function lockQueuedAids(
  tx: Drizzle,
  year: number,
  includeEarlierYears: boolean,
): Promise<{ aid: AidRow; region: string }[]> {
  const yearFilter = includeEarlierYears ? lte(aids.year, year) : eq(aids.year, year);
  return tx
    .select({ aid: aids, region: organisations.region })
    .from(aids)
    .innerJoin(organisations, eq(organisations.id, aids.organisationId))
    .where(and(eq(aids.status, "queued"), yearFilter))
    .orderBy(asc(aids.requestedAt), asc(aids.id))
    .for("update", { of: aids });
}

/** What a proposal needs of its case: who owns it, its step, its directive and its agency's region. */
export async function caseForAid(tx: Drizzle, caseId: string) {
  const [row] = await tx
    .select({
      id: cases.id,
      organisationId: cases.organisationId,
      counsellorUserId: cases.counsellorUserId,
      status: cases.status,
      directive: cases.directive,
      region: organisations.region,
    })
    .from(cases)
    .innerJoin(organisations, eq(organisations.id, cases.organisationId))
    .where(eq(cases.id, caseId));
  return row;
}

export async function insertDisbursement(tx: Drizzle, values: NewDisbursementRow): Promise<DisbursementRow> {
  const [row] = await tx.insert(aidDisbursements).values(values).returning();
  if (row === undefined) throw new Error("insert returned no row");
  return row;
}

export async function findDisbursement(tx: Drizzle, aidId: string): Promise<DisbursementRow | undefined> {
  const [row] = await tx.select().from(aidDisbursements).where(eq(aidDisbursements.aidId, aidId));
  return row;
}

/** The repayments received on a loan, oldest first. */
export async function repaymentsOf(tx: Drizzle, aidId: string) {
  return tx
    .select({
      amountCents: aidRepayments.amountCents,
      receivedOn: aidRepayments.receivedOn,
      mode: aidRepayments.mode,
      earlyOption: aidRepayments.earlyOption,
    })
    .from(aidRepayments)
    .where(eq(aidRepayments.aidId, aidId))
    .orderBy(asc(aidRepayments.receivedOn), asc(aidRepayments.recordedAt));
}

export async function insertRepayment(tx: Drizzle, values: NewRepaymentRow): Promise<void> {
  await tx.insert(aidRepayments).values(values);
}
