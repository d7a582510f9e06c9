// The envelope's consumption alerts (80 %, 95 %, exhausted), raised by the proposal or approval that crossed
// the line: budget controllers read them all and acknowledge them; managers read the national ones and
// those of their agency's or region's allocation.
import type { AlertList, AlertView } from "../../contracts/finance.ts";
import { scopeOf } from "../../core/access/index.ts";
import {
  type AlertAudience,
  findEnvelopeAlert,
  listEnvelopeAlerts,
  lockEnvelopeAlert,
  markAlertAcknowledged,
  regionOf,
} from "../../db/finance/alerts.ts";
import { type Caller, type StaffActor, staffOf } from "../caller.ts";
import type { ServiceContext } from "../context.ts";
import { inTransaction } from "../transactions.ts";
import { notFound } from "./errors.ts";
import { moverOf, recordFinanceAudit } from "./steps.ts";
import { alertView } from "./views.ts";

/** A manager's allocations are the ones coded with their agency's id or its region. */
async function audienceOf(context: ServiceContext, actor: StaffActor): Promise<AlertAudience> {
  if (scopeOf(actor.role, "envelope.read") === "all") return { all: true };
  if (actor.organisationId === null) return { all: false, codes: [] };
  const region = await regionOf(context.db.drizzle, actor.organisationId);
  return {
    all: false,
    codes: region === undefined ? [actor.organisationId] : [actor.organisationId, region],
  };
}

/** The alerts of `year` the caller sees (with `open`, those not yet acknowledged), newest first. */
export async function listAlerts(
  context: ServiceContext,
  caller: Caller,
  query: { year: number; open?: boolean | undefined },
): Promise<AlertList> {
  const audience = await audienceOf(context, staffOf(caller));
  const records = await listEnvelopeAlerts(
    context.db.drizzle,
    { year: query.year, open: query.open },
    audience,
  );
  return { items: records.map(alertView) };
}

/** Marks the alert read by the caller; acknowledging it again keeps the first acknowledgement. */
export async function acknowledgeAlert(
  context: ServiceContext,
  caller: Caller,
  alertId: string,
): Promise<AlertView> {
  return inTransaction(context, async (tx) => {
    const mover = moverOf(context, caller);
    const row = await lockEnvelopeAlert(tx, alertId);
    if (row === undefined) throw notFound("alert");
    if (row.acknowledgedAt === null) await markAlertAcknowledged(tx, alertId, mover.userId, mover.now);
    const record = await findEnvelopeAlert(tx, alertId);
    if (record === undefined) throw notFound("alert");
    const alert = alertView(record);
    await recordFinanceAudit(tx, mover, {
      action: "envelope.alert_acknowledged",
      targetType: "envelope_alert",
      targetId: alert.id,
      details: { year: alert.year, level: alert.level, scope: alert.scope, scopeCode: alert.scopeCode },
    });
    return alert;
  });
}
