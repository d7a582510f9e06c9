// Annual envelopes and their allocations. What is reserved, committed and disbursed is never stored as a
// counter: it is summed from `aids` (by status) inside the transaction that holds the envelope row's lock
// (`SELECT ... FOR UPDATE`), so the figure checked is the figure written against, and no counter can drift
// from the aids it summarises. With an index on (year, status), the sum reads a few thousand rows at most.
import { asc, eq, sql } from "drizzle-orm";
import {
  type Amounts,
  COMMITTING_STATUSES,
  DISBURSED_STATUSES,
  type EnvelopeState,
  RESERVING_STATUSES,
  validateEnvelope,
} from "../../core/finance/index.ts";
import { type Drizzle, rowsOf } from "../database.ts";
import { aids, envelopeAllocations, envelopes } from "../schema/index.ts";
import { FinanceConflictError, FinanceInputError, FinanceNotFoundError } from "./errors.ts";
import { FINANCE_MESSAGES } from "./messages.fr.ts";

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

function checkDefinition(year: number, nationalCents: number, allocations: readonly AllocationInput[]): void {
  const problem = validateEnvelope({
    year,
    national: nationalCents,
    allocations: allocations.map((allocation) => ({ code: allocation.code, amount: allocation.amountCents })),
  });
  if (problem === undefined) return;
  // The request schema already bounds the year and the amounts: what is left is the allocations' sum and
  // duplicates.
  throw new FinanceInputError("/allocations", problem.code, problem.message);
}

/** Opens `year`'s envelope. The caller then offers the queue to it (`offerQueue`). */
export async function openYearEnvelope(
  tx: Drizzle,
  input: { year: number; nationalCents: number; allocations: AllocationInput[]; openedByUserId: string },
): Promise<EnvelopeRow> {
  checkDefinition(input.year, input.nationalCents, input.allocations);
  const [row] = await tx
    .insert(envelopes)
    .values({ year: input.year, nationalCents: input.nationalCents, openedByUserId: input.openedByUserId })
    .onConflictDoNothing({ target: envelopes.year })
    .returning();
  if (row === undefined) {
    throw new FinanceConflictError("ENVELOPE_ALREADY_OPEN", FINANCE_MESSAGES.envelopeAlreadyOpen(input.year));
  }
  if (input.allocations.length > 0) {
    await tx
      .insert(envelopeAllocations)
      .values(input.allocations.map((allocation) => ({ ...allocation, envelopeId: row.id })));
  }
  return { ...row, allocations: input.allocations };
}

/**
 * Replaces the allocations of `year`'s envelope, under its lock: they must fit the national amount, and
 * none may drop below (or vanish with) what is already reserved or committed on it.
 */
export async function replaceAllocations(
  tx: Drizzle,
  year: number,
  allocations: AllocationInput[],
): Promise<EnvelopeRow> {
  const envelope = await lockEnvelope(tx, year);
  if (envelope === undefined) throw new FinanceNotFoundError("envelope");
  checkDefinition(year, envelope.nationalCents, allocations);
  const state = await envelopeState(tx, envelope);
  for (const [code, amounts] of Object.entries(state.byAllocation)) {
    const used = amounts.reserved + amounts.committed;
    const next = allocations.find((allocation) => allocation.code === code);
    if (next === undefined && used > 0) {
      throw new FinanceConflictError("ALLOCATION_IN_USE", FINANCE_MESSAGES.allocationRemovedInUse(code));
    }
    if (next !== undefined && next.amountCents < used) {
      throw new FinanceConflictError("ALLOCATION_IN_USE", FINANCE_MESSAGES.allocationBelowUse(code, used));
    }
  }
  await tx.delete(envelopeAllocations).where(eq(envelopeAllocations.envelopeId, envelope.id));
  if (allocations.length > 0) {
    await tx
      .insert(envelopeAllocations)
      .values(allocations.map((allocation) => ({ ...allocation, envelopeId: envelope.id })));
  }
  return { ...envelope, allocations };
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

/** The allocation an aid of this organisation is charged to: the agency's own, else its region's, else none. */
export function allocationFor(
  envelope: EnvelopeRow,
  organisation: { id: string; region: string },
): string | null {
  const codes = new Set(envelope.allocations.map((allocation) => allocation.code));
  if (codes.has(organisation.id)) return organisation.id;
  if (codes.has(organisation.region)) return organisation.region;
  return null;
}
