// What every use case of an aid shares: who moves it, finding it within the caller's scope, answering it
// with its people's names, the queue, and the steps themselves. A step that moves money first locks the
// year's envelope row (`lockEnvelope`), then the aid row: one lock order everywhere, so two requests never
// wait on each other in a cycle. Under that lock the totals are summed from the aids and the core decides;
// the aid's new columns, its event and the audit entry are written in the same transaction. On PostgreSQL
// concurrent moves on one year queue on that row lock; PGlite runs one transaction at a time anyway.
import type { AidView } from "../../contracts/finance.ts";
import { type Action, isInScope } from "../../core/access/index.ts";
import { type AidCommand, type AidStatus, aidTransition, reserve } from "../../core/finance/index.ts";
import { recordAudit } from "../../db/audit/append.ts";
import type { Drizzle } from "../../db/database.ts";
import {
  type AidRow,
  aidYear,
  findAid,
  insertAidEvent,
  lockAid,
  lockQueuedAids,
  updateAid,
} from "../../db/finance/aids.ts";
import { raiseEnvelopeAlerts } from "../../db/finance/alerts.ts";
import { type EnvelopeRow, envelopeState, lockEnvelope } from "../../db/finance/envelopes.ts";
import { staffNames } from "../../db/finance/staffNames.ts";
import { type AuditContext, auditContextOf, type Caller, type StaffActor, staffOf } from "../caller.ts";
import type { ServiceContext } from "../context.ts";
import { notFound, refused } from "./errors.ts";
import type { RetryableRequest } from "./idempotency.ts";
import { aidView, peopleOf } from "./views.ts";

/** Who moves an aid, from which request, and when: what its columns, its event and its audit entry keep. */
export interface Mover {
  userId: string;
  audit: AuditContext;
  now: Date;
}

/** The caller as the mover of a step; read inside the transaction, so that `now` is when it runs. */
export function moverOf(context: ServiceContext, caller: Caller): Mover {
  return { userId: staffOf(caller).userId, audit: auditContextOf(caller), now: context.now() };
}

/** An audit entry of a finance change (or read), in the mover's name. */
export async function recordFinanceAudit(
  tx: Drizzle,
  mover: Mover,
  entry: { action: string; targetType?: string; targetId?: string | null; details?: Record<string, unknown> },
): Promise<void> {
  await recordAudit(tx, { ...mover.audit, ...entry, occurredAt: mover.now });
}

/** The aid a money move acts on, and the request it may be a retry of (Idempotency-Key). */
export interface AidTarget {
  aidId: string;
  retry: RetryableRequest | undefined;
}

/** One aid as answered, its people's names read in `db` (the change's transaction when there is one). */
export async function answerOf(db: Drizzle, row: AidRow, message: string | null = null): Promise<AidView> {
  return aidView(row, await staffNames(db, peopleOf(row)), message);
}

/** An aid within the caller's scope for `action` (all for controllers, their agency's otherwise), else 404. */
export async function aidInScope(
  context: ServiceContext,
  actor: StaffActor,
  id: string,
  action: Action,
): Promise<AidRow> {
  const row = await findAid(context.db.drizzle, id);
  if (row === undefined || !isInScope(actor, action, { organisationId: row.organisationId })) {
    throw notFound("aid");
  }
  return row;
}

/** Locks the aid's year envelope, then the aid; refuses an unknown aid. */
export async function lockAidAndEnvelope(
  tx: Drizzle,
  aidId: string,
): Promise<{ aid: AidRow; envelope: EnvelopeRow | undefined }> {
  const year = await aidYear(tx, aidId);
  if (year === undefined) throw notFound("aid");
  const envelope = await lockEnvelope(tx, year);
  const aid = await lockAid(tx, aidId);
  if (aid === undefined) throw notFound("aid");
  // Opening next year's envelope may have moved a queued aid meanwhile: lock that year instead.
  if (aid.year !== year) return lockAidAndEnvelope(tx, aidId);
  return { aid, envelope };
}

/** The aid alone, locked until the transaction ends (steps that do not touch the envelope). */
export async function lockAidAlone(tx: Drizzle, aidId: string): Promise<AidRow> {
  const aid = await lockAid(tx, aidId);
  if (aid === undefined) throw notFound("aid");
  return aid;
}

/** The status `command` moves the aid to, or the core's refusal (409, naming the aid's status). */
export function transitionOrThrow(
  aid: AidRow,
  command: AidCommand,
  options: { fullyRepaid?: boolean; arrearsCleared?: boolean } = {},
): AidStatus {
  const next = aidTransition(aid.status, command, aid.kind, options);
  if (!next.ok) throw refused(next.code, next.message, { aidStatus: aid.status });
  return next.status;
}

/** What a step leaves behind: the aid's event and, in the same transaction, its audit entry. */
export interface AidStep {
  /** The aid event's type. */
  event: string;
  action: string;
  details: Record<string, unknown>;
  /** A decision (approval, refusal, cancellation, write-off) keeps who and why, on the aid and its event. */
  decision?: { reason: string | null };
}

export async function recordStep(
  tx: Drizzle,
  aid: AidRow,
  toStatus: AidStatus,
  mover: Mover,
  step: AidStep,
): Promise<void> {
  await insertAidEvent(tx, {
    aidId: aid.id,
    type: step.event,
    fromStatus: aid.status,
    toStatus,
    actorUserId: mover.userId,
    reason: step.decision?.reason ?? null,
  });
  await recordFinanceAudit(tx, mover, {
    action: step.action,
    targetType: "aid",
    targetId: aid.id,
    details: step.details,
  });
}

/** Moves the aid to `next` and records the step; answers the aid as it now is. */
export async function takeStep(
  tx: Drizzle,
  aid: AidRow,
  next: AidStatus,
  mover: Mover,
  step: AidStep,
): Promise<AidRow> {
  const decision =
    step.decision === undefined
      ? {}
      : { decidedByUserId: mover.userId, decidedAt: mover.now, decisionReason: step.decision.reason };
  const updated = await updateAid(tx, aid.id, { status: next, ...decision, updatedAt: mover.now });
  await recordStep(tx, aid, next, mover, step);
  return updated ?? aid;
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

/**
 * Offers the queued aids of the envelope's year (and, when `includeEarlierYears`, those still waiting from
 * earlier years, which move to this year) in request order: each one that fits is reserved and goes back
 * to proposed; one that does not fit waits and does not block smaller ones behind it. Runs under the
 * envelope's lock, taken by the caller.
 */
export async function offerQueue(
  tx: Drizzle,
  envelope: EnvelopeRow,
  mover: Mover,
  includeEarlierYears: boolean,
): Promise<AidRow[]> {
  const waiting = await lockQueuedAids(tx, envelope.year, includeEarlierYears);
  let state = await envelopeState(tx, envelope);
  const offered: AidRow[] = [];
  for (const { aid, region } of waiting) {
    const allocationCode = allocationFor(envelope, { id: aid.organisationId, region });
    const reserved = reserve(state, aid.amountCents, allocationCode ?? undefined);
    if (!reserved.ok) {
      if (aid.year !== envelope.year) {
        await updateAid(tx, aid.id, { year: envelope.year, allocationCode, updatedAt: mover.now });
      }
      continue;
    }
    state = reserved.state;
    const next = transitionOrThrow(aid, "offer");
    const updated = await updateAid(tx, aid.id, {
      status: next,
      year: envelope.year,
      allocationCode,
      updatedAt: mover.now,
    });
    await recordStep(tx, aid, next, mover, {
      event: "offered",
      action: "aid.offered",
      details: { amountCents: aid.amountCents, year: envelope.year },
    });
    if (updated !== undefined) offered.push(updated);
  }
  if (offered.length > 0) await raiseEnvelopeAlerts(tx, envelope);
  return offered;
}
