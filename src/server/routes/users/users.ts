// Account administration for administrators: GET/POST /api/v1/users, PATCH /api/v1/users/{id},
// POST /api/v1/users/{id}/deactivate and /mfa/reset. The work and its refusals are the services'
// (src/services/users/accounts.ts, shared with `appui users`).
import Type from "typebox";
import {
  CreateUserSchema,
  DeactivationSchema,
  UpdateUserSchema,
  UserAccountSchema,
  UserIdParamsSchema,
  UserListQuerySchema,
  UserListSchema,
} from "../../../contracts/users.ts";
import {
  createAccount,
  deactivateAccount,
  listAccounts,
  resetSecondFactor,
  updateAccount,
} from "../../../services/users/accounts.ts";
import { callerOf } from "../../http/caller.ts";
import { problemResponses } from "../../http/problems.ts";
import type { AppInstance } from "../../types.ts";
import { usersRouteMessages } from "./messages.fr.ts";
import { presentAccount } from "./presenters.ts";

export async function userRoutes(app: AppInstance): Promise<void> {
  app.get(
    "/api/v1/users",
    {
      schema: {
        tags: ["users"],
        summary: usersRouteMessages.listSummary,
        description: usersRouteMessages.listDescription,
        querystring: UserListQuerySchema,
        response: { 200: UserListSchema, ...problemResponses(400, 401, 403) },
      },
      config: { permission: "users.manage" },
    },
    async (request, reply) => {
      const accounts = await listAccounts(app.services, callerOf(request), request.query);
      reply.header("cache-control", "no-store");
      return { items: accounts.map(presentAccount) };
    },
  );

  app.post(
    "/api/v1/users",
    {
      schema: {
        tags: ["users"],
        summary: usersRouteMessages.createSummary,
        body: CreateUserSchema,
        response: { 201: UserAccountSchema, ...problemResponses(400, 401, 403, 409) },
      },
      config: { permission: "users.manage" },
    },
    async (request, reply) => {
      const account = await createAccount(app.services, callerOf(request), request.body);
      return reply.code(201).header("location", `/api/v1/users/${account.id}`).send(presentAccount(account));
    },
  );

  app.patch(
    "/api/v1/users/:id",
    {
      schema: {
        tags: ["users"],
        summary: usersRouteMessages.updateSummary,
        description: usersRouteMessages.updateDescription,
        params: UserIdParamsSchema,
        body: UpdateUserSchema,
        response: {
          200: UserAccountSchema,
          ...problemResponses(400, 401, 403, 404, 409),
        },
      },
      config: { permission: "users.manage" },
    },
    async (request) =>
      presentAccount(await updateAccount(app.services, callerOf(request), request.params.id, request.body)),
  );

  app.post(
    "/api/v1/users/:id/deactivate",
    {
      schema: {
        tags: ["users"],
        summary: usersRouteMessages.deactivateSummary,
        params: UserIdParamsSchema,
        response: { 200: DeactivationSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
      config: { permission: "users.manage" },
    },
    async (request) => deactivateAccount(app.services, callerOf(request), request.params.id),
  );

  app.post(
    "/api/v1/users/:id/mfa/reset",
    {
      schema: {
        tags: ["users"],
        summary: usersRouteMessages.mfaResetSummary,
        params: UserIdParamsSchema,
        response: { 204: Type.Null(), ...problemResponses(400, 401, 403, 404) },
      },
      config: { permission: "users.manage" },
    },
    async (request, reply) => {
      await resetSecondFactor(app.services, callerOf(request), { id: request.params.id });
      return reply.code(204).send(null);
    },
  );
}
