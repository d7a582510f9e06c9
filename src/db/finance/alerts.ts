// Envelope alerts in the database: raised in the transaction of the proposal or approval that makes
// reserved + committed cross 80 %, 95 % or 100 % of the national envelope or of an allocation (the caller
// holds the year's envelope lock, so two requests cannot both see the line uncrossed), listed for budget
// controllers and managers, and acknowledged by a budget controller (src/services/finance/alerts.ts).
import { and, desc, eq, inArray, isNull, or, type SQL } from "drizzle-orm";
import { alertToRaise, type EnvelopeAlertLevel, type EnvelopeAlertScope } from "../../core/finance/index.ts";
import type { Drizzle } from "../database.ts";
import { envelopeAlerts, organisations, users } from "../schema/index.ts";
import { type EnvelopeRow, envelopeState } from "./envelopes.ts";

export type AlertRow = typeof envelopeAlerts.$inferSelect;

/**
 * Writes the alerts the envelope's current totals call for: at most one new level per pot, once per year,
 * pot and level (the unique index is the last guard). Returns the alerts written. It refuses nothing and
 * records no audit entry: rows derived from the totals, under the caller's lock, written by the use cases
 * and by the demo seeding alike.
 */
export async function raiseEnvelopeAlerts(tx: Drizzle, envelope: EnvelopeRow): Promise<AlertRow[]> {
  const state = await envelopeState(tx, envelope);
  const existing = await tx
    .select({ scope: envelopeAlerts.scope, scopeCode: envelopeAlerts.scopeCode, level: envelopeAlerts.level })
    .from(envelopeAlerts)
    .where(eq(envelopeAlerts.year, envelope.year));
  const raisedFor = (scope: EnvelopeAlertScope, code: string | null): EnvelopeAlertLevel[] =>
    existing.filter((row) => row.scope === scope && row.scopeCode === code).map((row) => row.level);
  const pots: {
    scope: EnvelopeAlertScope;
    code: string | null;
    label: string | null;
    limit: number;
    used: number;
  }[] = [
    {
      scope: "national",
      code: null,
      label: null,
      limit: envelope.nationalCents,
      used: state.national.reserved + state.national.committed,
    },
    ...envelope.allocations.map((allocation) => {
      const amounts = state.byAllocation[allocation.code];
      return {
        scope: "allocation" as const,
        code: allocation.code,
        label: allocation.label,
        limit: allocation.amountCents,
        used: (amounts?.reserved ?? 0) + (amounts?.committed ?? 0),
      };
    }),
  ];
  const values = pots.flatMap((pot) => {
    const level = alertToRaise(pot.limit, pot.used, raisedFor(pot.scope, pot.code));
    return level === undefined
      ? []
      : [
          {
            year: envelope.year,
            level,
            scope: pot.scope,
            scopeCode: pot.code,
            scopeLabel: pot.label,
            usedCents: pot.used,
            limitCents: pot.limit,
          },
        ];
  });
  if (values.length === 0) return [];
  return tx.insert(envelopeAlerts).values(values).onConflictDoNothing().returning();
}

/** Whose alerts a reader sees: every one, or the national ones and those of the allocations coded `codes`. */
export type AlertAudience = { all: true } | { all: false; codes: readonly string[] };

/** An alert and the name of who acknowledged it (null: nobody yet, or an account gone). */
export interface AlertRecord {
  alert: AlertRow;
  acknowledgedByName: string | null;
}

function audienceFilter(audience: AlertAudience): SQL | undefined {
  if (audience.all) return undefined;
  const national = eq(envelopeAlerts.scope, "national");
  return audience.codes.length === 0
    ? national
    : or(national, inArray(envelopeAlerts.scopeCode, [...audience.codes]));
}

/** The alerts of a year the audience sees (with `open`, those not yet acknowledged), newest first. */
export async function listEnvelopeAlerts(
  db: Drizzle,
  filter: { year: number; open: boolean | undefined },
  audience: AlertAudience,
): Promise<AlertRecord[]> {
  const conditions: (SQL | undefined)[] = [eq(envelopeAlerts.year, filter.year), audienceFilter(audience)];
  if (filter.open === true) conditions.push(isNull(envelopeAlerts.acknowledgedAt));
  return db
    .select({ alert: envelopeAlerts, acknowledgedByName: users.displayName })
    .from(envelopeAlerts)
    .leftJoin(users, eq(users.id, envelopeAlerts.acknowledgedByUserId))
    .where(and(...conditions))
    .orderBy(desc(envelopeAlerts.raisedAt), desc(envelopeAlerts.id));
}

export async function findEnvelopeAlert(db: Drizzle, id: string): Promise<AlertRecord | undefined> {
  const [record] = await db
    .select({ alert: envelopeAlerts, acknowledgedByName: users.displayName })
    .from(envelopeAlerts)
    .leftJoin(users, eq(users.id, envelopeAlerts.acknowledgedByUserId))
    .where(eq(envelopeAlerts.id, id));
  return record;
}

/** The alert, locked until the transaction ends. */
export async function lockEnvelopeAlert(tx: Drizzle, id: string): Promise<AlertRow | undefined> {
  const [row] = await tx.select().from(envelopeAlerts).where(eq(envelopeAlerts.id, id)).for("update");
  return row;
}

export async function markAlertAcknowledged(
  tx: Drizzle,
  id: string,
  userId: string,
  at: Date,
): Promise<void> {
  await tx
    .update(envelopeAlerts)
    .set({ acknowledgedAt: at, acknowledgedByUserId: userId })
    .where(eq(envelopeAlerts.id, id));
}

/** The region of an organisation, which a manager's allocation may be coded with. */
export async function regionOf(db: Drizzle, organisationId: string): Promise<string | undefined> {
  const [row] = await db
    .select({ region: organisations.region })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  return row?.region;
}
