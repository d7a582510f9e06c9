// Account administration for administrators: GET/POST /api/v1/users, PATCH /api/v1/users/{id},
// POST /api/v1/users/{id}/deactivate and /mfa/reset. The work is done by src/server/users/accounts.ts (shared
// with `appui users`); this file maps HTTP to it and its refusals to problems.
import { and, asc, eq, isNull, type SQL } from "drizzle-orm";
import type { FastifyRequest } from "fastify";
import Type from "typebox";
import {
  CreateUserSchema,
  DeactivationSchema,
  UpdateUserSchema,
  type UserAccount,
  UserAccountSchema,
  UserIdParamsSchema,
  UserListQuerySchema,
  UserListSchema,
} from "../../../contracts/users.ts";
import { passwordProblemMessages } from "../../../core/access/index.ts";
import { PasswordRejectedError } from "../../../crypto/passwordPolicy.ts";
import { recordAudit } from "../../../db/audit/append.ts";
import { organisations, users } from "../../../db/schema/index.ts";
import type { SessionContext } from "../../auth/sessions.ts";
import { HttpProblem, problemResponses } from "../../http/problems.ts";
import type { AppInstance } from "../../types.ts";
import {
  AccountError,
  createAccount,
  deactivateAccount,
  resetAccountMfa,
  updateAccount,
} from "../../users/accounts.ts";
import { type AccountProblem, accountProblemMessages, usersRouteMessages } from "../../users/messages.fr.ts";
import { requestAuditFields } from "../auth/auth.ts";

/** HTTP status and, for bad input, the field at fault. */
const PROBLEM_HTTP: Record<AccountProblem, { status: number; field?: string }> = {
  account_not_found: { status: 404 },
  email_taken: { status: 409 },
  demo_domain: { status: 400, field: "/email" },
  organisation_required: { status: 400, field: "/organisationId" },
  organisation_not_allowed: { status: 400, field: "/organisationId" },
  organisation_not_found: { status: 400, field: "/organisationId" },
  organisation_kind_mismatch: { status: 400, field: "/organisationId" },
  account_deactivated: { status: 409 },
  own_account: { status: 409 },
  password_rejected: { status: 400, field: "/password" },
};

function toProblem(error: unknown): unknown {
  if (error instanceof PasswordRejectedError) {
    const { title, detail } = accountProblemMessages.password_rejected;
    return new HttpProblem(400, "password_rejected", title, detail, {
      errors: error.problems.map((problem) => ({
        path: "/password",
        code: problem,
        message: passwordProblemMessages[problem],
      })),
    });
  }
  if (!(error instanceof AccountError)) return error;
  const { status, field } = PROBLEM_HTTP[error.problem];
  const { title, detail } = accountProblemMessages[error.problem];
  return new HttpProblem(
    status,
    error.problem,
    title,
    detail,
    field === undefined ? {} : { errors: [{ path: field, code: error.problem, message: detail }] },
  );
}

async function asProblem<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toProblem(error);
  }
}

export async function userRoutes(app: AppInstance): Promise<void> {
  const db = app.db.drizzle;
  const now = () => app.authOptions.now();
  const actorOf = (request: FastifyRequest) => (request.auth as SessionContext).user.id;

  async function listAccounts(conditions: SQL[]): Promise<UserAccount[]> {
    const rows = await db
      .select({
        id: users.id,
        email: users.email,
        displayName: users.displayName,
        role: users.role,
        organisationId: organisations.id,
        organisationName: organisations.name,
        organisationKind: organisations.kind,
        totpEnabledAt: users.totpEnabledAt,
        isDemo: users.isDemo,
        createdAt: users.createdAt,
        deactivatedAt: users.deactivatedAt,
      })
      .from(users)
      .leftJoin(organisations, eq(organisations.id, users.organisationId))
      .where(and(...conditions))
      .orderBy(asc(users.displayName), asc(users.id));
    return rows.map((row) => ({
      id: row.id,
      email: row.email,
      displayName: row.displayName,
      role: row.role,
      organisation:
        row.organisationId === null || row.organisationName === null || row.organisationKind === null
          ? null
          : { id: row.organisationId, name: row.organisationName, kind: row.organisationKind },
      mfaEnabled: row.totpEnabledAt !== null,
      isDemo: row.isDemo,
      createdAt: row.createdAt.toISOString(),
      deactivatedAt: row.deactivatedAt?.toISOString() ?? null,
    }));
  }

  async function oneAccount(id: string): Promise<UserAccount> {
    const [account] = await listAccounts([eq(users.id, id)]);
    if (account === undefined) throw HttpProblem.of(404, "not_found");
    return account;
  }

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
      const query = request.query;
      const conditions: SQL[] = [];
      if (query.organisation !== undefined) conditions.push(eq(users.organisationId, query.organisation));
      if (query.role !== undefined) conditions.push(eq(users.role, query.role));
      if (!query.includeDeactivated) conditions.push(isNull(users.deactivatedAt));
      const items = await listAccounts(conditions);
      // Staff identities are personal data too: the read is traced (filters are ids and codes).
      await recordAudit(db, {
        ...requestAuditFields(request),
        action: "user.list",
        details: { filters: { ...query }, returned: items.length },
      });
      reply.header("cache-control", "no-store");
      return { items };
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
      const id = await asProblem(() =>
        createAccount(db, request.body, {
          demoMode: app.config.demoMode,
          audit: { ...requestAuditFields(request), details: { via: "api" } },
        }),
      );
      return reply
        .code(201)
        .header("location", `/api/v1/users/${id}`)
        .send(await oneAccount(id));
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
    async (request) => {
      const { id } = request.params;
      await asProblem(() =>
        updateAccount(db, id, request.body, {
          actorUserId: actorOf(request),
          audit: { ...requestAuditFields(request), details: { via: "api" } },
          now: now(),
        }),
      );
      return oneAccount(id);
    },
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
    async (request) =>
      asProblem(() =>
        deactivateAccount(db, request.params.id, {
          actorUserId: actorOf(request),
          audit: { ...requestAuditFields(request), details: { via: "api" } },
          now: now(),
        }),
      ),
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
      await asProblem(() =>
        resetAccountMfa(db, request.params.id, {
          audit: { ...requestAuditFields(request), details: { via: "api" } },
          now: now(),
        }),
      );
      return reply.code(204).send(null);
    },
  );
}
