// A case's content in the database: its diagnosis (sensitive topics encrypted), the plan's actions, the
// appointments (notes encrypted), the closure's outcome indicators and the satisfaction surveys. SQL only:
// the use cases (src/services/caseContent) decide, and call the writes inside the transaction of a case
// change (src/services/cases/change.ts), so that the content, the case's version, the timeline event and the
// audit entry land together or not at all.
import { createHash } from "node:crypto";
import { and, asc, eq, isNull, lte, min, sql } from "drizzle-orm";
import type {
  ClosureOutcome,
  ClosureOutcomes,
  Diagnosis,
  PlanAction,
  SensitiveTopics,
  SurveyAnswer,
} from "../../core/diagnosis/index.ts";
import { parisDay } from "../../core/time/index.ts";
import { decryptSecret, encryptSecret } from "../../crypto/secretBox.ts";
import type { Drizzle } from "../database.ts";
import {
  aidProducts,
  appointments,
  caseActions,
  caseOutcomes,
  cases,
  diagnoses,
  organisations,
  surveys,
  users,
} from "../schema/index.ts";

// --- Diagnosis ----------------------------------------------------------------------------------------------

export const diagnosisAssociatedData = (caseId: string) => `case:${caseId}:diagnosis`;

export type DiagnosisRow = typeof diagnoses.$inferSelect;

export interface StoredDiagnosis {
  diagnosis: Diagnosis;
  diagnosedOn: string;
  updatedAt: Date;
  updatedBy: { id: string; name: string } | null;
}

export async function findDiagnosisRow(db: Drizzle, caseId: string): Promise<DiagnosisRow | undefined> {
  const [row] = await db.select().from(diagnoses).where(eq(diagnoses.caseId, caseId));
  return row;
}

/**
 * The stored diagnosis; the sensitive topics are decrypted only when `withSensitive` (the caller checked
 * `cases.sensitive.read`), otherwise they are not even decrypted.
 */
export async function readDiagnosis(
  db: Drizzle,
  caseId: string,
  keys: readonly Buffer[],
  withSensitive: boolean,
): Promise<StoredDiagnosis | undefined> {
  const [found] = await db
    .select({ row: diagnoses, updatedByName: users.displayName })
    .from(diagnoses)
    .leftJoin(users, eq(users.id, diagnoses.updatedByUserId))
    .where(eq(diagnoses.caseId, caseId));
  if (found === undefined) return undefined;
  const { row } = found;
  const structured = row.data as unknown as Omit<Diagnosis, "sensitive">;
  const sensitive =
    withSensitive && row.sensitive !== null
      ? (JSON.parse(decryptSecret(keys, row.sensitive, diagnosisAssociatedData(caseId))) as SensitiveTopics)
      : undefined;
  return {
    diagnosis: sensitive === undefined ? structured : { ...structured, sensitive },
    diagnosedOn: row.diagnosedOn,
    updatedAt: row.updatedAt,
    updatedBy:
      row.updatedByUserId === null ? null : { id: row.updatedByUserId, name: found.updatedByName ?? "" },
  };
}

/**
 * Stores `diagnosis` for the case, replacing the previous one; `diagnosedOn` is kept from the first write.
 * The sensitive topics are sealed with `key`.
 */
export async function saveDiagnosis(
  tx: Drizzle,
  input: { caseId: string; diagnosis: Diagnosis; userId: string; diagnosedOn: string; at: Date; key: Buffer },
): Promise<void> {
  const { sensitive, ...structured } = input.diagnosis;
  const values = {
    data: JSON.parse(JSON.stringify(structured)) as Record<string, unknown>,
    sensitive:
      sensitive === undefined
        ? null
        : encryptSecret(input.key, JSON.stringify(sensitive), diagnosisAssociatedData(input.caseId)),
    updatedAt: input.at,
    updatedByUserId: input.userId,
  };
  await tx
    .insert(diagnoses)
    .values({ caseId: input.caseId, diagnosedOn: input.diagnosedOn, ...values })
    .onConflictDoUpdate({ target: diagnoses.caseId, set: values });
}

// --- Actions ------------------------------------------------------------------------------------------------

export type ActionRow = typeof caseActions.$inferSelect;

export interface ActionRecord extends ActionRow {
  partnerOrganisationName: string | null;
}

/** The core's value of a stored action. */
export function planActionOf(row: ActionRow): PlanAction {
  return {
    kind: row.kind,
    title: row.title,
    owner: row.owner,
    dueOn: row.dueOn,
    status: row.status,
    ...(row.catalogueItemId === null ? {} : { catalogueItemId: row.catalogueItemId }),
    ...(row.externalAid === null ? {} : { externalAid: row.externalAid }),
    ...(row.partnerOrganisationId === null ? {} : { partnerOrganisationId: row.partnerOrganisationId }),
    ...(row.outcome === null ? {} : { outcome: row.outcome }),
  };
}

/** The case's actions by due day; only those assigned to `partnerOrganisationId` when given. */
export async function listActions(
  db: Drizzle,
  caseId: string,
  partnerOrganisationId?: string,
): Promise<ActionRecord[]> {
  const rows = await db
    .select({ action: caseActions, partnerOrganisationName: organisations.name })
    .from(caseActions)
    .leftJoin(organisations, eq(organisations.id, caseActions.partnerOrganisationId))
    .where(
      partnerOrganisationId === undefined
        ? eq(caseActions.caseId, caseId)
        : and(eq(caseActions.caseId, caseId), eq(caseActions.partnerOrganisationId, partnerOrganisationId)),
    )
    .orderBy(asc(caseActions.dueOn), asc(caseActions.createdAt), asc(caseActions.id));
  return rows.map(({ action, partnerOrganisationName }) => ({ ...action, partnerOrganisationName }));
}

export async function findAction(
  db: Drizzle,
  caseId: string,
  actionId: string,
): Promise<ActionRecord | undefined> {
  const [found] = await db
    .select({ action: caseActions, partnerOrganisationName: organisations.name })
    .from(caseActions)
    .leftJoin(organisations, eq(organisations.id, caseActions.partnerOrganisationId))
    .where(and(eq(caseActions.caseId, caseId), eq(caseActions.id, actionId)));
  return found === undefined
    ? undefined
    : { ...found.action, partnerOrganisationName: found.partnerOrganisationName };
}

export async function insertAction(
  tx: Drizzle,
  input: { id: string; caseId: string; action: PlanAction; userId: string },
): Promise<void> {
  const { action } = input;
  await tx.insert(caseActions).values({
    id: input.id,
    caseId: input.caseId,
    kind: action.kind,
    title: action.title,
    catalogueItemId: action.catalogueItemId ?? null,
    externalAid: action.externalAid ?? null,
    owner: action.owner,
    partnerOrganisationId: action.partnerOrganisationId ?? null,
    dueOn: action.dueOn,
    status: action.status,
    outcome: action.outcome ?? null,
    createdByUserId: input.userId,
  });
}

/** Writes the new state of an action if it is still at `expectedVersion`; false when it moved meanwhile. */
export async function updateActionRow(
  tx: Drizzle,
  input: { id: string; expectedVersion: number; action: PlanAction; at: Date },
): Promise<boolean> {
  const updated = await tx
    .update(caseActions)
    .set({
      status: input.action.status,
      dueOn: input.action.dueOn,
      outcome: input.action.outcome ?? null,
      version: sql`${caseActions.version} + 1`,
      updatedAt: input.at,
    })
    .where(and(eq(caseActions.id, input.id), eq(caseActions.version, input.expectedVersion)))
    .returning({ id: caseActions.id });
  return updated.length > 0;
}

/** Whether the catalogue holds the product or service `id` (any version). */
export async function catalogueItemExists(db: Drizzle, id: string): Promise<boolean> {
  const [found] = await db.select({ id: aidProducts.id }).from(aidProducts).where(eq(aidProducts.id, id));
  return found !== undefined;
}

// --- Appointments -------------------------------------------------------------------------------------------

export const appointmentAssociatedData = (id: string) => `appointment:${id}:notes`;

export interface AppointmentRecord {
  id: string;
  at: Date;
  channel: (typeof appointments.$inferSelect)["channel"];
  notes?: string;
  createdBy: { id: string; name: string } | null;
  createdAt: Date;
}

export async function insertAppointment(
  tx: Drizzle,
  input: {
    id: string;
    caseId: string;
    at: Date;
    channel: AppointmentRecord["channel"];
    notes: string | undefined;
    userId: string;
    key: Buffer;
  },
): Promise<void> {
  const { id } = input;
  await tx.insert(appointments).values({
    id,
    caseId: input.caseId,
    at: input.at,
    channel: input.channel,
    notes:
      input.notes === undefined ? null : encryptSecret(input.key, input.notes, appointmentAssociatedData(id)),
    createdByUserId: input.userId,
  });
}

function appointmentQuery(db: Drizzle) {
  return db
    .select({ row: appointments, createdByName: users.displayName })
    .from(appointments)
    .leftJoin(users, eq(users.id, appointments.createdByUserId));
}

function appointmentRecord(
  { row, createdByName }: { row: typeof appointments.$inferSelect; createdByName: string | null },
  keys: readonly Buffer[],
  withNotes: boolean,
): AppointmentRecord {
  return {
    id: row.id,
    at: row.at,
    channel: row.channel,
    ...(withNotes && row.notes !== null
      ? { notes: decryptSecret(keys, row.notes, appointmentAssociatedData(row.id)) }
      : {}),
    createdBy: row.createdByUserId === null ? null : { id: row.createdByUserId, name: createdByName ?? "" },
    createdAt: row.createdAt,
  };
}

/** The case's appointments, oldest first; notes decrypted only when `withNotes`. */
export async function listAppointments(
  db: Drizzle,
  caseId: string,
  keys: readonly Buffer[],
  withNotes: boolean,
): Promise<AppointmentRecord[]> {
  const rows = await appointmentQuery(db)
    .where(eq(appointments.caseId, caseId))
    .orderBy(asc(appointments.at), asc(appointments.id));
  return rows.map((found) => appointmentRecord(found, keys, withNotes));
}

/** One appointment of the case, its notes decrypted. */
export async function findAppointment(
  db: Drizzle,
  caseId: string,
  id: string,
  keys: readonly Buffer[],
): Promise<AppointmentRecord | undefined> {
  const [found] = await appointmentQuery(db).where(
    and(eq(appointments.caseId, caseId), eq(appointments.id, id)),
  );
  return found === undefined ? undefined : appointmentRecord(found, keys, true);
}

/** Europe/Paris day of the first appointment held by `now`: the first contact, for the quality measure. */
export async function firstContactOn(db: Drizzle, caseId: string, now: Date): Promise<string | undefined> {
  const [row] = await db
    .select({ first: min(appointments.at) })
    .from(appointments)
    .where(and(eq(appointments.caseId, caseId), lte(appointments.at, now)));
  const first = row?.first;
  if (first === null || first === undefined) return undefined;
  return parisDay(new Date(first));
}

// --- Closure outcomes ---------------------------------------------------------------------------------------

export async function readOutcomes(db: Drizzle, caseId: string): Promise<ClosureOutcomes | undefined> {
  const [row] = await db.select().from(caseOutcomes).where(eq(caseOutcomes.caseId, caseId));
  if (row === undefined) return undefined;
  const indicators = row.indicators as ClosureOutcome[];
  return row.comment === null ? { indicators } : { indicators, comment: row.comment };
}

export async function writeOutcomes(
  tx: Drizzle,
  input: { caseId: string; outcomes: ClosureOutcomes; userId: string; at: Date },
): Promise<void> {
  const values = {
    indicators: [...input.outcomes.indicators],
    comment: input.outcomes.comment ?? null,
    recordedAt: input.at,
    recordedByUserId: input.userId,
  };
  await tx
    .insert(caseOutcomes)
    .values({ caseId: input.caseId, ...values })
    .onConflictDoUpdate({ target: caseOutcomes.caseId, set: values });
}

// --- Surveys ------------------------------------------------------------------------------------------------

export function surveyTokenHash(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Stores a new one-time link for the case (only the token's hash), revoking the unanswered earlier ones. */
export async function createSurvey(
  tx: Drizzle,
  input: { caseId: string; token: string; userId: string; createdAt: Date; expiresAt: Date },
): Promise<void> {
  await tx
    .update(surveys)
    .set({ revokedAt: input.createdAt })
    .where(and(eq(surveys.caseId, input.caseId), isNull(surveys.answeredAt), isNull(surveys.revokedAt)));
  await tx.insert(surveys).values({
    caseId: input.caseId,
    tokenHash: surveyTokenHash(input.token),
    createdByUserId: input.userId,
    createdAt: input.createdAt,
    expiresAt: input.expiresAt,
  });
}

export type SurveyRow = typeof surveys.$inferSelect;

/** The survey of a token, with its case's agency name (the only thing the form shows). */
export async function findSurvey(
  db: Drizzle,
  token: string,
): Promise<{ survey: SurveyRow; agencyName: string } | undefined> {
  const [found] = await db
    .select({ survey: surveys, agencyName: organisations.name })
    .from(surveys)
    .innerJoin(cases, eq(cases.id, surveys.caseId))
    .innerJoin(organisations, eq(organisations.id, cases.organisationId))
    .where(eq(surveys.tokenHash, surveyTokenHash(token)));
  return found;
}

/** Records the answer if the survey is still open; false when it was answered (or revoked) meanwhile. */
export async function recordSurveyAnswer(
  tx: Drizzle,
  input: { id: string; answer: SurveyAnswer; now: Date },
): Promise<boolean> {
  const updated = await tx
    .update(surveys)
    .set({ answeredAt: input.now, rating: input.answer.rating, comment: input.answer.comment ?? null })
    .where(and(eq(surveys.id, input.id), isNull(surveys.answeredAt), isNull(surveys.revokedAt)))
    .returning({ id: surveys.id });
  return updated.length > 0;
}

/** Whether a link was sent for the case, and whether (and how) the person answered. */
export interface SurveyStatus {
  sent: boolean;
  answered: boolean;
  rating: number | null;
}

export async function surveyStatus(db: Drizzle, caseId: string): Promise<SurveyStatus> {
  const rows = await db
    .select({ answeredAt: surveys.answeredAt, rating: surveys.rating })
    .from(surveys)
    .where(eq(surveys.caseId, caseId));
  const answered = rows.find((row) => row.answeredAt !== null);
  return { sent: rows.length > 0, answered: answered !== undefined, rating: answered?.rating ?? null };
}
