// Envelope alerts in the database: raised in the transaction of the proposal or approval that makes
// reserved + committed cross 80 %, 95 % or 100 % of the national envelope or of an allocation (the caller
// holds the year's envelope lock, so two requests cannot both see the line uncrossed), listed for budget
// controllers and managers, and acknowledged by a budget controller.
import { and, desc, eq, inArray, isNull, or, type SQL } from "drizzle-orm";
import {
  alertMessage,
  alertToRaise,
  type EnvelopeAlertLevel,
  type EnvelopeAlertScope,
} from "../../core/finance/index.ts";
import type { Drizzle } from "../database.ts";
import { envelopeAlerts, users } from "../schema/index.ts";
import { type EnvelopeRow, envelopeState } from "./envelopes.ts";
import { FinanceNotFoundError } from "./errors.ts";

export type AlertRow = typeof envelopeAlerts.$inferSelect;

/**
 * Writes the alerts the envelope's current totals call for: at most one new level per pot, once per year,
 * pot and level (the unique index is the last guard). Returns the alerts written.
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

/** Whose alerts a reader sees: every one, or the national ones and those of their agency or region. */
export type AlertAudience = { all: true } | { all: false; codes: readonly string[] };

export interface AlertView {
  id: string;
  year: number;
  level: EnvelopeAlertLevel;
  scope: EnvelopeAlertScope;
  scopeCode: string | null;
  scopeLabel: string | null;
  message: string;
  raisedAt: string;
  usedCents: number;
  limitCents: number;
  acknowledgedAt: string | null;
  acknowledgedBy: { id: string; displayName: string } | null;
}

function audienceFilter(audience: AlertAudience): SQL | undefined {
  if (audience.all) return undefined;
  const national = eq(envelopeAlerts.scope, "national");
  return audience.codes.length === 0
    ? national
    : or(national, inArray(envelopeAlerts.scopeCode, [...audience.codes]));
}

export async function listEnvelopeAlerts(
  tx: Drizzle,
  filter: { year: number; open: boolean | undefined },
  audience: AlertAudience,
): Promise<AlertView[]> {
  const conditions: (SQL | undefined)[] = [eq(envelopeAlerts.year, filter.year), audienceFilter(audience)];
  if (filter.open === true) conditions.push(isNull(envelopeAlerts.acknowledgedAt));
  const rows = await tx
    .select({ alert: envelopeAlerts, acknowledgedByName: users.displayName })
    .from(envelopeAlerts)
    .leftJoin(users, eq(users.id, envelopeAlerts.acknowledgedByUserId))
    .where(and(...conditions))
    .orderBy(desc(envelopeAlerts.raisedAt), desc(envelopeAlerts.id));
  return rows.map(({ alert, acknowledgedByName }) => alertView(alert, acknowledgedByName));
}

function alertView(alert: AlertRow, acknowledgedByName: string | null): AlertView {
  return {
    id: alert.id,
    year: alert.year,
    level: alert.level,
    scope: alert.scope,
    scopeCode: alert.scopeCode,
    scopeLabel: alert.scopeLabel,
    message: alertMessage(alert.year, alert.level, { kind: alert.scope, label: alert.scopeLabel }),
    raisedAt: alert.raisedAt.toISOString(),
    usedCents: alert.usedCents,
    limitCents: alert.limitCents,
    acknowledgedAt: alert.acknowledgedAt?.toISOString() ?? null,
    acknowledgedBy:
      alert.acknowledgedByUserId === null
        ? null
        : { id: alert.acknowledgedByUserId, displayName: acknowledgedByName ?? "" },
  };
}

/** Marks the alert read by `userId`; acknowledging it again keeps the first acknowledgement. */
export async function acknowledgeEnvelopeAlert(tx: Drizzle, id: string, userId: string): Promise<AlertView> {
  const [row] = await tx.select().from(envelopeAlerts).where(eq(envelopeAlerts.id, id)).for("update");
  if (row === undefined) throw new FinanceNotFoundError("alert");
  if (row.acknowledgedAt === null) {
    await tx
      .update(envelopeAlerts)
      .set({ acknowledgedAt: new Date(), acknowledgedByUserId: userId })
      .where(eq(envelopeAlerts.id, id));
  }
  const [view] = await tx
    .select({ alert: envelopeAlerts, acknowledgedByName: users.displayName })
    .from(envelopeAlerts)
    .leftJoin(users, eq(users.id, envelopeAlerts.acknowledgedByUserId))
    .where(eq(envelopeAlerts.id, id));
  if (view === undefined) throw new FinanceNotFoundError("alert");
  return alertView(view.alert, view.acknowledgedByName);
}
