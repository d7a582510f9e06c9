// What the reciprocal engagement is made of, read from storage: the agency's header, the plan's actions
// still in force (a cancelled action is no longer part of what is agreed), the day the plan was proposed
// and whether the person accepted it online.
import { and, asc, desc, eq, ne } from "drizzle-orm";
import type { Drizzle } from "../database.ts";
import { caseActions, caseEvents, organisations } from "../schema/index.ts";

export interface PlanActionRow {
  id: string;
  kind: (typeof caseActions.$inferSelect)["kind"];
  externalAid: (typeof caseActions.$inferSelect)["externalAid"];
  title: string;
  owner: (typeof caseActions.$inferSelect)["owner"];
  partnerName: string | null;
  dueOn: string;
}

export async function planActions(db: Drizzle, caseId: string): Promise<PlanActionRow[]> {
  return db
    .select({
      id: caseActions.id,
      kind: caseActions.kind,
      externalAid: caseActions.externalAid,
      title: caseActions.title,
      owner: caseActions.owner,
      partnerName: organisations.name,
      dueOn: caseActions.dueOn,
    })
    .from(caseActions)
    .leftJoin(organisations, eq(organisations.id, caseActions.partnerOrganisationId))
    .where(and(eq(caseActions.caseId, caseId), ne(caseActions.status, "cancelled")))
    .orderBy(asc(caseActions.dueOn), asc(caseActions.createdAt), asc(caseActions.id));
}

/** Whether `actionId` is an action of the case's plan (cancelled ones included: their files stay theirs). */
export async function isActionOfCase(db: Drizzle, caseId: string, actionId: string): Promise<boolean> {
  const [found] = await db
    .select({ id: caseActions.id })
    .from(caseActions)
    .where(and(eq(caseActions.caseId, caseId), eq(caseActions.id, actionId)));
  return found !== undefined;
}

/** When the plan was (last) proposed, from the case's timeline. */
export async function planProposedAt(db: Drizzle, caseId: string): Promise<Date | undefined> {
  const [event] = await db
    .select({ occurredAt: caseEvents.occurredAt })
    .from(caseEvents)
    .where(and(eq(caseEvents.caseId, caseId), eq(caseEvents.type, "action_plan_proposed")))
    .orderBy(desc(caseEvents.seq))
    .limit(1);
  return event?.occurredAt;
}

/** The timeline event recorded when the person accepts the engagement through a one-time link. */
export const ACCEPTED_ONLINE_EVENT = "engagement_accepted_online";

export async function acceptedOnline(db: Drizzle, caseId: string): Promise<boolean> {
  const [event] = await db
    .select({ seq: caseEvents.seq })
    .from(caseEvents)
    .where(and(eq(caseEvents.caseId, caseId), eq(caseEvents.type, ACCEPTED_ONLINE_EVENT)))
    .limit(1);
  return event !== undefined;
}

export async function organisationHeader(
  db: Drizzle,
  organisationId: string,
): Promise<{ name: string; city: string } | undefined> {
  const [found] = await db
    .select({ name: organisations.name, city: organisations.city })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  return found;
}
