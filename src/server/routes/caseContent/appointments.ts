// GET/POST /api/v1/cases/{id}/appointments: the follow-up's appointments, their notes shown only to the
// counsellor in charge and the agency's manager (src/services/caseContent/appointments.ts).
import Type from "typebox";
import { AppointmentInputSchema } from "../../../contracts/diagnosis.ts";
import { listCaseAppointments, recordAppointment } from "../../../services/caseContent/index.ts";
import { callerOf } from "../../http/caller.ts";
import { setEtag } from "../../http/preconditions.ts";
import { problemResponses } from "../../http/problems.ts";
import { named } from "../../http/schemas.ts";
import type { AppInstance } from "../../types.ts";
import { CaseIdParams } from "../cases/reads.ts";
import { target } from "../cases/steps.ts";
import { contentRouteMessages } from "./messages.fr.ts";
import { appointmentView } from "./presenters.ts";
import { CaseIfMatchHeaders } from "./schemas.ts";

export async function appointmentRoutes(app: AppInstance): Promise<void> {
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
      const listed = await listCaseAppointments(app.services, callerOf(request), request.params.id);
      return { items: listed.items.map(appointmentView), sensitiveHidden: listed.sensitiveHidden };
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
        headers: CaseIfMatchHeaders,
        body: named(AppointmentInputSchema),
        response: {
          201: Type.Ref("AppointmentView"),
          ...problemResponses(400, 401, 403, 404, 409, 412, 415, 428),
        },
      },
    },
    async (request, reply) => {
      const recorded = await recordAppointment(
        app.services,
        callerOf(request),
        target(request),
        request.body,
      );
      setEtag(reply, recorded.caseVersion);
      return reply.code(201).send(appointmentView(recorded.appointment));
    },
  );
}
