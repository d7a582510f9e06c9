// The action plan's actions (src/services/caseContent/actions.ts). Counsellors and managers: GET/POST
// /api/v1/cases/{id}/actions and PATCH /api/v1/cases/{id}/actions/{actionId}. Partner workers: GET/PATCH
// /api/v1/referrals/{id}/actions[/{actionId}], only the actions entrusted to their organisation in a case
// referred to it. An action answers with its own version as ETag, which its update sends back as If-Match.
import type { IncomingHttpHeaders } from "node:http";
import Type from "typebox";
import { ActionInputSchema, ActionUpdateSchema } from "../../../contracts/diagnosis.ts";
import {
  type ActionTarget,
  addCaseAction,
  listCaseActions,
  listReferredActions,
  updateCaseAction,
  updateReferredAction,
} from "../../../services/caseContent/index.ts";
import { callerOf } from "../../http/caller.ts";
import { ifMatch } from "../../http/preconditions.ts";
import { problemResponses } from "../../http/problems.ts";
import { named } from "../../http/schemas.ts";
import type { AppInstance } from "../../types.ts";
import { CaseIdParams } from "../cases/reads.ts";
import { target } from "../cases/steps.ts";
import { contentRouteMessages } from "./messages.fr.ts";
import { actionView, presentAction } from "./presenters.ts";
import { ActionIfMatchHeaders, ActionParams, CaseIfMatchHeaders } from "./schemas.ts";

/** The action an update acts on, and the version of the action its caller read (If-Match). */
const actionTarget = (request: {
  params: { id: string; actionId: string };
  headers: IncomingHttpHeaders;
}): ActionTarget => ({
  caseId: request.params.id,
  actionId: request.params.actionId,
  expected: ifMatch(request),
});

export async function actionRoutes(app: AppInstance): Promise<void> {
  const listResponse = { 200: Type.Ref("ActionList"), ...problemResponses(400, 401, 403, 404) };
  const updateSchema = (summary: string) => ({
    tags: ["cases"],
    summary,
    description: contentRouteMessages.actionsUpdateDescription,
    params: ActionParams,
    headers: ActionIfMatchHeaders,
    body: named(ActionUpdateSchema),
    response: { 200: Type.Ref("ActionView"), ...problemResponses(400, 401, 403, 404, 409, 412, 415, 428) },
  });

  app.get(
    "/api/v1/cases/:id/actions",
    {
      config: { permission: "cases.read" },
      schema: {
        tags: ["cases"],
        summary: contentRouteMessages.actionsListSummary,
        params: CaseIdParams,
        response: listResponse,
      },
    },
    async (request) => ({
      items: (await listCaseActions(app.services, callerOf(request), request.params.id)).map(actionView),
    }),
  );

  app.post(
    "/api/v1/cases/:id/actions",
    {
      config: { permission: "cases.change" },
      schema: {
        tags: ["cases"],
        summary: contentRouteMessages.actionsCreateSummary,
        description: contentRouteMessages.actionsCreateDescription,
        params: CaseIdParams,
        headers: CaseIfMatchHeaders,
        body: named(ActionInputSchema),
        response: {
          201: Type.Ref("ActionView"),
          ...problemResponses(400, 401, 403, 404, 409, 412, 415, 428),
        },
      },
    },
    async (request, reply) => {
      const added = await addCaseAction(app.services, callerOf(request), target(request), request.body);
      return reply.code(201).send(presentAction(reply, added));
    },
  );

  app.patch(
    "/api/v1/cases/:id/actions/:actionId",
    {
      config: { permission: "cases.change" },
      schema: updateSchema(contentRouteMessages.actionsUpdateSummary),
    },
    async (request, reply) =>
      presentAction(
        reply,
        await updateCaseAction(app.services, callerOf(request), actionTarget(request), request.body),
      ),
  );

  app.get(
    "/api/v1/referrals/:id/actions",
    {
      config: { permission: "referrals.read" },
      schema: {
        tags: ["referrals"],
        summary: contentRouteMessages.partnerActionsListSummary,
        params: CaseIdParams,
        response: listResponse,
      },
    },
    async (request) => ({
      items: (await listReferredActions(app.services, callerOf(request), request.params.id)).map(actionView),
    }),
  );

  app.patch(
    "/api/v1/referrals/:id/actions/:actionId",
    {
      config: { permission: "referrals.actions.change" },
      schema: { ...updateSchema(contentRouteMessages.partnerActionsUpdateSummary), tags: ["referrals"] },
    },
    async (request, reply) =>
      presentAction(
        reply,
        await updateReferredAction(app.services, callerOf(request), actionTarget(request), request.body),
      ),
  );
}
