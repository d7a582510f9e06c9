// The follow-up's appointments. Their notes are free notes: sealed, and opened only for the counsellor in
// charge and the agency's manager. Reads are audited; a new appointment moves the case's version and lands
// on the timeline and in the audit trail.

import { randomUUID } from "node:crypto";
import type { AppointmentInput } from "../../core/diagnosis/index.ts";
import { parisDay } from "../../core/time/index.ts";
import {
  type AppointmentRecord,
  findAppointment,
  insertAppointment,
  listAppointments,
} from "../../db/caseContent/repository.ts";
import { recordRead } from "../auditing.ts";
import { type Caller, staffOf } from "../caller.ts";
import { loadCaseInScope, mayReadSensitive } from "../cases/access.ts";
import { changeCase } from "../cases/change.ts";
import type { StepTarget } from "../cases/steps.ts";
import type { ServiceContext } from "../context.ts";
import { DomainError } from "../errors.ts";
import { contentMessages } from "./messages.fr.ts";
import { refuseWhenClosed } from "./refusals.ts";

export interface CaseAppointments {
  /** Oldest first. */
  items: AppointmentRecord[];
  /** The caller may not read the notes: they were left out (and not even decrypted). */
  sensitiveHidden: boolean;
}

export async function listCaseAppointments(
  context: ServiceContext,
  caller: Caller,
  caseId: string,
): Promise<CaseAppointments> {
  const record = await loadCaseInScope(context, caller, caseId);
  const withNotes = mayReadSensitive(caller, record);
  const db = context.db.drizzle;
  await recordRead(context, caller, {
    action: "case.appointments_read",
    targetType: "case",
    targetId: record.row.id,
    details: { sensitive: withNotes },
  });
  const items = await listAppointments(db, record.row.id, context.keys.opening, withNotes);
  return { items, sensitiveHidden: !withNotes };
}

/** The appointment recorded, with the case's new version. */
export interface RecordedAppointment {
  appointment: AppointmentRecord;
  caseVersion: number;
}

/** Records an appointment (visit, phone, video call) of an open case, not before the case's request. */
export async function recordAppointment(
  context: ServiceContext,
  caller: Caller,
  target: StepTarget,
  input: AppointmentInput,
): Promise<RecordedAppointment> {
  const record = await loadCaseInScope(context, caller, target.caseId, "cases.change");
  const at = new Date(input.at);
  if (parisDay(at) < record.row.requestedOn) {
    throw DomainError.invalidField("/at", "DATE_BEFORE_REQUEST", contentMessages.appointmentBeforeRequest);
  }
  const notes = input.notes?.trim() || undefined;
  const id = randomUUID();
  const userId = staffOf(caller).userId;
  const updated = await changeCase(context, caller, target, async (row, tx) => {
    refuseWhenClosed(row);
    await insertAppointment(tx, {
      id,
      caseId: row.id,
      at,
      channel: input.channel,
      notes,
      userId,
      key: context.keys.sealing,
    });
    const data = { appointmentId: id, at: at.toISOString(), channel: input.channel };
    return {
      events: [{ type: "appointment_recorded", data }],
      audit: { action: "case.appointment_recorded", details: data },
    };
  });
  const appointment = await findAppointment(context.db.drizzle, record.row.id, id, context.keys.opening);
  if (appointment === undefined) throw new Error("the appointment just recorded is not found");
  return { appointment, caseVersion: updated.version };
}
