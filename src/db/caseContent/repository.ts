// A case's content in the database: its diagnosis (sensitive topics encrypted), the plan's actions, the
// appointments (notes encrypted), the closure's outcome indicators and the satisfaction surveys. The writes
// take the transaction of a case change (src/db/cases/repository.ts changeCase), so that the content, the
// case's version, the timeline event and the audit entry land together or not at all.
import { createHash, randomBytes, randomUUID } from "node:crypto";
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

/** The diagnosis's parts, for the timeline: which of them this write changes. */
export const DIAGNOSIS_SECTIONS = [
  "household",
  "income",
  "expenses",
  "debts",
  "housing",
  "employment",
  "sensitive",
] as const;

/**
 * Stores `diagnosis` (already normalised) for the case, replacing the previous one; returns whether it is
 * the first and which sections changed (the sensitive part is compared after decryption, never logged).
 */
export async function writeDiagnosis(
  tx: Drizzle,
  input: { caseId: string; diagnosis: Diagnosis; userId: string; today: string; keys: readonly Buffer[] },
): Promise<{ created: boolean; changed: (typeof DIAGNOSIS_SECTIONS)[number][] }> {
  const { sensitive, ...structured } = input.diagnosis;
  // Encrypt with the current key (the first); older values decrypt with any key still configured.
  const [key] = input.keys;
  if (key === undefined) throw new Error("no encryption key");
  const previous = await findDiagnosisRow(tx, input.caseId);
  const before: Record<string, unknown> | undefined =
    previous === undefined
      ? undefined
      : {
          ...(previous.data as Record<string, unknown>),
          sensitive:
            previous.sensitive === null
              ? undefined
              : JSON.parse(
                  decryptSecret(input.keys, previous.sensitive, diagnosisAssociatedData(input.caseId)),
                ),
        };
  const after: Record<string, unknown> = { ...structured, sensitive };
  const changed = DIAGNOSIS_SECTIONS.filter(
    (section) => JSON.stringify(before?.[section]) !== JSON.stringify(after[section]),
  );
  const values = {
    data: JSON.parse(JSON.stringify(structured)) as Record<string, unknown>,
    sensitive:
      sensitive === undefined
        ? null
        : encryptSecret(key, JSON.stringify(sensitive), diagnosisAssociatedData(input.caseId)),
    updatedAt: new Date(),
    updatedByUserId: input.userId,
  };
  if (previous === undefined) {
    await tx.insert(diagnoses).values({ caseId: input.caseId, diagnosedOn: input.today, ...values });
  } else {
    await tx.update(diagnoses).set(values).where(eq(diagnoses.caseId, input.caseId));
  }
  return { created: previous === undefined, changed };
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
  input: { caseId: string; action: PlanAction; userId: string },
): Promise<ActionRow> {
  const { action } = input;
  const [row] = await tx
    .insert(caseActions)
    .values({
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
    })
    .returning();
  if (row === undefined) throw new Error("insert returned no row");
  return row;
}

/** Writes the new state of an action if it is still at `expectedVersion`; false when it moved meanwhile. */
export async function updateActionRow(
  tx: Drizzle,
  input: { id: string; expectedVersion: number; action: PlanAction },
): Promise<boolean> {
  const updated = await tx
    .update(caseActions)
    .set({
      status: input.action.status,
      dueOn: input.action.dueOn,
      outcome: input.action.outcome ?? null,
      version: sql`${caseActions.version} + 1`,
      updatedAt: new Date(),
    })
    .where(and(eq(caseActions.id, input.id), eq(caseActions.version, input.expectedVersion)))
    .returning({ id: caseActions.id });
  return updated.length > 0;
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
    caseId: string;
    at: Date;
    channel: AppointmentRecord["channel"];
    notes: string | undefined;
    userId: string;
    key: Buffer;
  },
): Promise<string> {
  const id = randomUUID();
  await tx.insert(appointments).values({
    id,
    caseId: input.caseId,
    at: input.at,
    channel: input.channel,
    notes:
      input.notes === undefined ? null : encryptSecret(input.key, input.notes, appointmentAssociatedData(id)),
    createdByUserId: input.userId,
  });
  return id;
}

/** The case's appointments, oldest first; notes decrypted only when `withNotes`. */
export async function listAppointments(
  db: Drizzle,
  caseId: string,
  keys: readonly Buffer[],
  withNotes: boolean,
): Promise<AppointmentRecord[]> {
  const rows = await db
    .select({ row: appointments, createdByName: users.displayName })
    .from(appointments)
    .leftJoin(users, eq(users.id, appointments.createdByUserId))
    .where(eq(appointments.caseId, caseId))
    .orderBy(asc(appointments.at), asc(appointments.id));
  return rows.map(({ row, createdByName }) => ({
    id: row.id,
    at: row.at,
    channel: row.channel,
    ...(withNotes && row.notes !== null
      ? { notes: decryptSecret(keys, row.notes, appointmentAssociatedData(row.id)) }
      : {}),
    createdBy: row.createdByUserId === null ? null : { id: row.createdByUserId, name: createdByName ?? "" },
    createdAt: row.createdAt,
  }));
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
  input: { caseId: string; outcomes: ClosureOutcomes; userId: string },
): Promise<void> {
  const values = {
    indicators: [...input.outcomes.indicators],
    comment: input.outcomes.comment ?? null,
    recordedAt: new Date(),
    recordedByUserId: input.userId,
  };
  await tx
    .insert(caseOutcomes)
    .values({ caseId: input.caseId, ...values })
    .onConflictDoUpdate({ target: caseOutcomes.caseId, set: values });
}

// --- Surveys ------------------------------------------------------------------------------------------------

/** How long a survey link stays open. */
export const SURVEY_LINK_DAYS = 60;

export function surveyTokenHash(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** A new one-time link for the case (unanswered earlier ones revoked); returns the token, shown once. */
export async function createSurvey(
  tx: Drizzle,
  input: { caseId: string; userId: string; now: Date },
): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await tx
    .update(surveys)
    .set({ revokedAt: input.now })
    .where(and(eq(surveys.caseId, input.caseId), isNull(surveys.answeredAt), isNull(surveys.revokedAt)));
  await tx.insert(surveys).values({
    caseId: input.caseId,
    tokenHash: surveyTokenHash(token),
    createdByUserId: input.userId,
    createdAt: input.now,
    expiresAt: new Date(input.now.getTime() + SURVEY_LINK_DAYS * 86_400_000),
  });
  return token;
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
export async function answerSurvey(
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

export async function surveyStatus(
  db: Drizzle,
  caseId: string,
): Promise<{ sent: boolean; answered: boolean; rating: number | null }> {
  const rows = await db
    .select({ answeredAt: surveys.answeredAt, rating: surveys.rating })
    .from(surveys)
    .where(eq(surveys.caseId, caseId));
  const answered = rows.find((row) => row.answeredAt !== null);
  return { sent: rows.length > 0, answered: answered !== undefined, rating: answered?.rating ?? null };
}
