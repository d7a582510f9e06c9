// Annual envelopes and their allocations. What is reserved, committed and disbursed is never stored as a
// counter: it is summed from `aids` (by status) inside the transaction that holds the envelope row's lock
// (`SELECT ... FOR UPDATE`), so the figure checked is the figure written against, and no counter can drift
// from the aids it summarises. With an index on (year, status), the sum reads a few thousand rows at most.
import { and, asc, count, eq, sql, sum } from "drizzle-orm";
import {
  type Amounts,
  COMMITTING_STATUSES,
  DISBURSED_STATUSES,
  type EnvelopeState,
  RESERVING_STATUSES,
} from "../../core/finance/index.ts";
import { type Drizzle, rowsOf } from "../database.ts";
import { aids, envelopeAllocations, envelopes } from "../schema/index.ts";

export interface AllocationInput {
  code: string;
  label: string;
  amountCents: number;
}

export interface EnvelopeRow {
  id: string;
  year: number;
  nationalCents: number;
  openedAt: Date;
  allocations: AllocationInput[];
}

const inList = (values: readonly string[]) =>
  sql.join(
    values.map((value) => sql`${value}`),
    sql`, `,
  );

/** Locks the year's envelope row until the transaction ends; every change of its totals goes through here. */
export async function lockEnvelope(tx: Drizzle, year: number): Promise<EnvelopeRow | undefined> {
  const [row] = await tx.select().from(envelopes).where(eq(envelopes.year, year)).for("update");
  if (row === undefined) return undefined;
  return { ...row, allocations: await allocationsOf(tx, row.id) };
}

export async function findEnvelope(tx: Drizzle, year: number): Promise<EnvelopeRow | undefined> {
  const [row] = await tx.select().from(envelopes).where(eq(envelopes.year, year));
  if (row === undefined) return undefined;
  return { ...row, allocations: await allocationsOf(tx, row.id) };
}

async function allocationsOf(tx: Drizzle, envelopeId: string): Promise<AllocationInput[]> {
  return tx
    .select({
      code: envelopeAllocations.code,
      label: envelopeAllocations.label,
      amountCents: envelopeAllocations.amountCents,
    })
    .from(envelopeAllocations)
    .where(eq(envelopeAllocations.envelopeId, envelopeId))
    .orderBy(asc(envelopeAllocations.code));
}

/** Reserved, committed and disbursed of `year`, nationally and per allocation, summed from the aids. */
export async function envelopeState(tx: Drizzle, envelope: EnvelopeRow): Promise<EnvelopeState> {
  const result = await tx.execute(sql`
    select ${aids.allocationCode} as code,
      coalesce(sum(${aids.amountCents}) filter (where ${aids.status} in (${inList(RESERVING_STATUSES)})), 0)::text as reserved,
      coalesce(sum(${aids.amountCents}) filter (where ${aids.status} in (${inList(COMMITTING_STATUSES)})), 0)::text as committed,
      coalesce(sum(${aids.amountCents}) filter (where ${aids.status} in (${inList(DISBURSED_STATUSES)})), 0)::text as disbursed
    from ${aids}
    where ${aids.year} = ${envelope.year}
    group by ${aids.allocationCode}`);
  const national = { reserved: 0, committed: 0, disbursed: 0 };
  const byAllocation: Record<string, Amounts> = {};
  for (const allocation of envelope.allocations) {
    byAllocation[allocation.code] = { reserved: 0, committed: 0, disbursed: 0 };
  }
  for (const row of rowsOf<{ code: string | null; reserved: string; committed: string; disbursed: string }>(
    result,
  )) {
    const amounts = {
      reserved: Number(row.reserved),
      committed: Number(row.committed),
      disbursed: Number(row.disbursed),
    };
    national.reserved += amounts.reserved;
    national.committed += amounts.committed;
    national.disbursed += amounts.disbursed;
    if (row.code !== null) byAllocation[row.code] = amounts;
  }
  return {
    definition: {
      year: envelope.year,
      national: envelope.nationalCents,
      allocations: envelope.allocations.map((allocation) => ({
        code: allocation.code,
        amount: allocation.amountCents,
      })),
    },
    national,
    byAllocation,
  };
}

/** Opens `year`'s envelope with its allocations; undefined when that year's envelope is already open. */
export async function insertEnvelope(
  tx: Drizzle,
  values: { year: number; nationalCents: number; openedByUserId: string; allocations: AllocationInput[] },
): Promise<EnvelopeRow | undefined> {
  const { allocations, ...envelope } = values;
  const [row] = await tx
    .insert(envelopes)
    .values(envelope)
    .onConflictDoNothing({ target: envelopes.year })
    .returning();
  if (row === undefined) return undefined;
  if (allocations.length > 0) {
    await tx
      .insert(envelopeAllocations)
      .values(allocations.map((allocation) => ({ ...allocation, envelopeId: row.id })));
  }
  return { ...row, allocations };
}

/** Replaces the allocations of an envelope by `allocations`. */
export async function replaceAllocationRows(
  tx: Drizzle,
  envelopeId: string,
  allocations: readonly AllocationInput[],
): Promise<void> {
  await tx.delete(envelopeAllocations).where(eq(envelopeAllocations.envelopeId, envelopeId));
  if (allocations.length > 0) {
    await tx
      .insert(envelopeAllocations)
      .values(allocations.map((allocation) => ({ ...allocation, envelopeId })));
  }
}

/** How many aids of `year` wait in the queue, and for how much. */
export async function queuedTotals(db: Drizzle, year: number): Promise<{ count: number; cents: number }> {
  const [row] = await db
    .select({ count: count(), cents: sum(aids.amountCents) })
    .from(aids)
    .where(and(eq(aids.year, year), eq(aids.status, "queued")));
  return { count: row?.count ?? 0, cents: Number(row?.cents ?? 0) };
}

/** Approvals (positive) and cancellations of approved aids (negative) of `year`, dated, for the forecast. */
export async function commitmentMovements(
  tx: Drizzle,
  year: number,
): Promise<{ date: string; amount: number }[]> {
  const result = await tx.execute(sql`
    select to_char(e.occurred_at at time zone 'Europe/Paris', 'YYYY-MM-DD') as date,
      (case when e.type = 'approved' then a.amount_cents else -a.amount_cents end)::text as amount
    from aid_events e join aids a on a.id = e.aid_id
    where a.year = ${year}
      and (e.type = 'approved' or (e.type = 'cancelled' and e.from_status = 'approved'))
    order by e.occurred_at`);
  return rowsOf<{ date: string; amount: string }>(result).map((row) => ({
    date: row.date,
    amount: Number(row.amount),
  }));
}
