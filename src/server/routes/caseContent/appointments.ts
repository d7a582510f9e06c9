// GET/POST /api/v1/cases/{id}/appointments: the follow-up's appointments. Notes are free notes: encrypted,
// and returned only to the counsellor in charge and the agency's manager. Reads are audited; a new
// appointment moves the case's ETag and lands on the timeline and in the audit trail in one transaction.
import Type from "typebox";
import type { AppointmentView } from "../../../contracts/diagnosis.ts";
import { APPOINTMENT_CHANNEL_LABELS, type AppointmentInput } from "../../../core/diagnosis/index.ts";
import { parisDay } from "../../../core/time/index.ts";
import { recordAudit } from "../../../db/audit/append.ts";
import {
  type AppointmentRecord,
  insertAppointment,
  listAppointments,
} from "../../../db/caseContent/repository.ts";
import { HttpProblem, problemResponses } from "../../http/problems.ts";
import type { AppInstance } from "../../types.ts";
import { auditContext, loadCaseInScope, sessionOf, setEtag } from "../cases/caseAccess.ts";
import { CaseIdParams } from "../cases/reads.ts";
import { changeAtReadVersion, mayReadSensitive } from "./access.ts";
import { contentProblemMessages, contentRouteMessages } from "./messages.fr.ts";

function appointmentView(record: AppointmentRecord): AppointmentView {
  return {
    id: record.id,
    at: record.at.toISOString(),
    channel: record.channel,
    channelLabel: APPOINTMENT_CHANNEL_LABELS[record.channel],
    ...(record.notes === undefined ? {} : { notes: record.notes }),
    createdBy: record.createdBy,
    createdAt: record.createdAt.toISOString(),
  };
}

export async function appointmentRoutes(app: AppInstance): Promise<void> {
  const db = app.db;
  const keys = () => app.config.dataDecryptionKeys;

  app.get(
    "/api/v1/cases/:id/appointments",
    {
      config: { permission: "cases.read" },
      schema: {
        tags: ["cases"],
        summary: contentRouteMessages.appointmentsListSummary,
        description: contentRouteMessages.appointmentsListDescription,
        params: CaseIdParams,
        response: { 200: Type.Ref("AppointmentList"), ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const record = await loadCaseInScope(db.drizzle, request, request.params.id);
      const withNotes = mayReadSensitive(request, record);
      await recordAudit(db.drizzle, {
        ...auditContext(request),
        action: "case.appointments_read",
        targetType: "case",
        targetId: record.row.id,
        details: { sensitive: withNotes },
      });
      const items = await listAppointments(db.drizzle, record.row.id, keys(), withNotes);
      return { items: items.map(appointmentView), sensitiveHidden: !withNotes };
    },
  );

  app.post(
    "/api/v1/cases/:id/appointments",
    {
      config: { permission: "cases.change" },
      schema: {
        tags: ["cases"],
        summary: contentRouteMessages.appointmentsCreateSummary,
        description: contentRouteMessages.appointmentsCreateDescription,
        params: CaseIdParams,
        headers: Type.Object({
          "if-match": Type.Optional(Type.String({ description: contentRouteMessages.ifMatchCase })),
        }),
        body: Type.Ref("AppointmentInput"),
        response: {
          201: Type.Ref("AppointmentView"),
          ...problemResponses(400, 401, 403, 404, 409, 412, 415, 428),
        },
      },
    },
    async (request, reply) => {
      const record = await loadCaseInScope(db.drizzle, request, request.params.id, "cases.change");
      const input = request.body as AppointmentInput;
      const at = new Date(input.at);
      if (parisDay(at) < record.row.requestedOn) {
        throw HttpProblem.of(400, "validation_failed", {
          errors: [
            {
              path: "/at",
              code: "DATE_BEFORE_REQUEST",
              message: contentProblemMessages.appointmentBeforeRequest,
            },
          ],
        });
      }
      const notes = input.notes?.trim() || undefined;
      const userId = sessionOf(request).user.id;
      let id = "";
      const updated = await changeAtReadVersion(db, request, record, async (row, tx) => {
        if (row.status === "closed") {
          const { title, detail } = contentProblemMessages.caseClosed;
          throw new HttpProblem(409, "CASE_CLOSED", title, detail);
        }
        id = await insertAppointment(tx, {
          caseId: row.id,
          at,
          channel: input.channel,
          notes,
          userId,
          key: app.config.dataEncryptionKey,
        });
        const data = { appointmentId: id, at: at.toISOString(), channel: input.channel };
        return {
          events: [{ type: "appointment_recorded", data }],
          audit: { action: "case.appointment_recorded", details: data },
        };
      });
      setEtag(reply, updated.version);
      const created = (await listAppointments(db.drizzle, record.row.id, keys(), true)).find(
        (item) => item.id === id,
      );
      if (created === undefined) throw new Error("appointment vanished");
      return reply.code(201).send(appointmentView(created));
    },
  );
}
