// The envelope use cases: open a year's envelope (the queue is then offered to it), read it in real time,
// replace its allocations, forecast its exhaustion; read and record the dated four-eyes threshold. Totals
// are summed from the aids when read; changes run in the money lane, under the envelope row's lock.
import type {
  Allocations,
  EnvelopeView,
  ForecastView,
  OpenEnvelope,
  Threshold,
  ThresholdInForce,
} from "../../contracts/finance.ts";
import {
  DEFAULT_FOUR_EYES_THRESHOLD_CENTS,
  FOUR_EYES_THRESHOLD_KEY,
  forecastExhaustion,
  monthlyConsumption,
  projectedMonthly,
  seasonalProjection,
  validateEnvelope,
} from "../../core/finance/index.ts";
import { todayInParis } from "../../core/time/index.ts";
import type { Drizzle } from "../../db/database.ts";
import {
  type AllocationInput,
  commitmentMovements,
  type EnvelopeRow,
  envelopeState,
  findEnvelope,
  insertEnvelope,
  lockEnvelope,
  queuedTotals,
  replaceAllocationRows,
} from "../../db/finance/envelopes.ts";
import { fourEyesThresholdOn, insertFourEyesThreshold } from "../../db/finance/threshold.ts";
import { type Caller, staffOf } from "../caller.ts";
import type { ServiceContext } from "../context.ts";
import { DomainError } from "../errors.ts";
import { inMoneyTransaction, inTransaction } from "../transactions.ts";
import { checkCalendarDate, notFound, refused } from "./errors.ts";
import { financeMessages } from "./messages.fr.ts";
import { moverOf, offerQueue, recordFinanceAudit } from "./steps.ts";
import { envelopeView } from "./views.ts";

/** The envelope's view, its totals summed in `db` (the change's transaction when there is one). */
async function viewOf(db: Drizzle, envelope: EnvelopeRow): Promise<EnvelopeView> {
  return envelopeView(envelope, await envelopeState(db, envelope), await queuedTotals(db, envelope.year));
}

/** The allocations must fit the national amount, with no code twice (400 on `/allocations`). */
function checkDefinition(year: number, nationalCents: number, allocations: readonly AllocationInput[]): void {
  const problem = validateEnvelope({
    year,
    national: nationalCents,
    allocations: allocations.map((allocation) => ({ code: allocation.code, amount: allocation.amountCents })),
  });
  // The request schema already bounds the year and the amounts: what is left is the allocations' sum and
  // duplicates.
  if (problem !== undefined) throw DomainError.invalidField("/allocations", problem.code, problem.message);
}

/** Opens `year`'s envelope; proposals waiting for it, or left over from earlier years, are offered to it. */
export async function openEnvelope(
  context: ServiceContext,
  caller: Caller,
  input: OpenEnvelope,
): Promise<EnvelopeView> {
  const allocations = input.allocations ?? [];
  checkDefinition(input.year, input.nationalCents, allocations);
  return inMoneyTransaction(context, async (tx) => {
    const mover = moverOf(context, caller);
    const envelope = await insertEnvelope(tx, {
      year: input.year,
      nationalCents: input.nationalCents,
      openedByUserId: mover.userId,
      allocations,
    });
    if (envelope === undefined) {
      throw refused("ENVELOPE_ALREADY_OPEN", financeMessages.envelopeAlreadyOpen(input.year));
    }
    await recordFinanceAudit(tx, mover, {
      action: "envelope.opened",
      targetType: "envelope",
      targetId: envelope.id,
      details: {
        year: envelope.year,
        nationalCents: envelope.nationalCents,
        allocations: envelope.allocations.length,
      },
    });
    // Proposals waiting for this year, or left over from earlier ones, are offered in request order.
    await offerQueue(tx, envelope, mover, true);
    return viewOf(tx, envelope);
  });
}

/** The envelope of `year`: reserved, committed, disbursed and available, nationally and per allocation. */
export async function readEnvelope(
  context: ServiceContext,
  caller: Caller,
  year: number,
): Promise<EnvelopeView> {
  staffOf(caller);
  const db = context.db.drizzle;
  const envelope = await findEnvelope(db, year);
  if (envelope === undefined) throw notFound("envelope");
  return viewOf(db, envelope);
}

/**
 * Replaces the allocations of `year`'s envelope, under its lock: they must fit the national amount, and
 * none may drop below (or vanish with) what is already reserved or committed on it. What the change frees
 * is offered to the queue.
 */
export async function replaceAllocations(
  context: ServiceContext,
  caller: Caller,
  year: number,
  input: Allocations,
): Promise<EnvelopeView> {
  const { allocations } = input;
  return inMoneyTransaction(context, async (tx) => {
    const mover = moverOf(context, caller);
    const locked = await lockEnvelope(tx, year);
    if (locked === undefined) throw notFound("envelope");
    checkDefinition(year, locked.nationalCents, allocations);
    const state = await envelopeState(tx, locked);
    for (const [code, amounts] of Object.entries(state.byAllocation)) {
      const used = amounts.reserved + amounts.committed;
      const next = allocations.find((allocation) => allocation.code === code);
      if (next === undefined && used > 0) {
        throw refused("ALLOCATION_IN_USE", financeMessages.allocationRemovedInUse(code));
      }
      if (next !== undefined && next.amountCents < used) {
        throw refused("ALLOCATION_IN_USE", financeMessages.allocationBelowUse(code, used));
      }
    }
    await replaceAllocationRows(tx, locked.id, allocations);
    const envelope = { ...locked, allocations };
    await recordFinanceAudit(tx, mover, {
      action: "envelope.allocations_replaced",
      targetType: "envelope",
      targetId: envelope.id,
      details: {
        year: envelope.year,
        allocations: envelope.allocations.map(({ code, amountCents }) => ({ code, amountCents })),
      },
    });
    await offerQueue(tx, envelope, mover, false);
    return viewOf(tx, envelope);
  });
}

/**
 * The year's monthly consumption, its projected exhaustion (seasonal when last year gives the season,
 * linear otherwise) and the alerts budget controllers should read, as of `asOf` (today by default).
 */
export async function forecastEnvelope(
  context: ServiceContext,
  caller: Caller,
  year: number,
  query: { asOf?: string | undefined },
): Promise<ForecastView> {
  staffOf(caller);
  const asOf = query.asOf ?? todayInParis(context.now());
  checkCalendarDate("/asOf", asOf);
  const db = context.db.drizzle;
  const envelope = await findEnvelope(db, year);
  if (envelope === undefined) throw notFound("envelope");
  const monthly = monthlyConsumption(year, await commitmentMovements(db, year));
  // A date outside the year reads the year as it stood at its end (or before it started).
  const day = asOf < `${year}-01-01` ? `${year}-01-01` : asOf > `${year}-12-31` ? `${year}-12-31` : asOf;
  const linear = forecastExhaustion({ national: envelope.nationalCents, monthly, asOf: day });
  // Last year's months give the season, when there is a last year to read.
  const seasonal =
    linear.left > 0
      ? seasonalProjection({
          national: envelope.nationalCents,
          monthly,
          lastYear: monthlyConsumption(year - 1, await commitmentMovements(db, year - 1)),
          asOf: day,
        })
      : undefined;
  const forecast =
    seasonal === undefined
      ? linear
      : {
          ...linear,
          exhaustionDate: seasonal.exhaustionDate,
          exhaustedWithinYear: seasonal.exhaustionDate !== null,
        };
  const alerts: string[] = [];
  if (forecast.level === "alert_80") alerts.push(financeMessages.alert80(year));
  if (forecast.level === "alert_95" || forecast.level === "exhausted") {
    alerts.push(financeMessages.alert95(year));
  }
  if (forecast.exhaustedWithinYear && forecast.exhaustionDate !== null && forecast.left > 0) {
    alerts.push(financeMessages.exhaustionBeforeYearEnd(year, forecast.exhaustionDate));
  }
  return {
    year,
    asOf: day,
    nationalCents: envelope.nationalCents,
    monthlyCents: monthly,
    consumedCents: forecast.consumed,
    leftCents: forecast.left,
    consumedBp: forecast.consumedBp,
    pacePerMonthCents: forecast.pacePerMonth,
    windowMonths: forecast.windowMonths,
    method: seasonal === undefined ? "linear" : "seasonal",
    projectedYearEndCents: seasonal?.yearEnd ?? null,
    exhaustionDate: forecast.exhaustionDate,
    exhaustedWithinYear: forecast.exhaustedWithinYear,
    level: forecast.level,
    label: forecast.label,
    alerts,
    // A past year has nothing left to project.
    projectedMonthlyCents:
      asOf > `${year}-12-31`
        ? Array.from({ length: 12 }, () => null)
        : projectedMonthly({ monthly, asOf: day, pacePerMonth: linear.pacePerMonth, seasonal }),
  };
}

/** The four-eyes threshold in force on `date`: the last dated value recorded, else 3 000 €. */
export async function thresholdOn(
  db: Drizzle,
  date: string,
): Promise<{ valueCents: number; appliesFrom: string | null }> {
  return (
    (await fourEyesThresholdOn(db, date)) ?? {
      valueCents: DEFAULT_FOUR_EYES_THRESHOLD_CENTS,
      appliesFrom: null,
    }
  );
}

/** The threshold in force on `date` (today by default), the first day of its value, and the default. */
export async function readFourEyesThreshold(
  context: ServiceContext,
  caller: Caller,
  query: { date?: string | undefined },
): Promise<ThresholdInForce> {
  staffOf(caller);
  const date = query.date ?? todayInParis(context.now());
  checkCalendarDate("/date", date);
  const inForce = await thresholdOn(context.db.drizzle, date);
  return { ...inForce, defaultCents: DEFAULT_FOUR_EYES_THRESHOLD_CENTS };
}

/** Sets, from a date, the amount above which two budget controllers approve. */
export async function recordFourEyesThreshold(
  context: ServiceContext,
  caller: Caller,
  input: Threshold,
): Promise<{ valueCents: number; appliesFrom: string }> {
  const { valueCents, appliesFrom, reason } = input;
  checkCalendarDate("/appliesFrom", appliesFrom);
  await inTransaction(context, async (tx) => {
    const mover = moverOf(context, caller);
    const id = await insertFourEyesThreshold(tx, {
      valueCents,
      appliesFrom,
      reason: reason.trim(),
      recordedByUserId: mover.userId,
    });
    await recordFinanceAudit(tx, mover, {
      action: "rule_parameter.recorded",
      targetType: "rule_parameter",
      targetId: id ?? null,
      details: { key: FOUR_EYES_THRESHOLD_KEY, value: valueCents, appliesFrom },
    });
  });
  return { valueCents, appliesFrom };
}
