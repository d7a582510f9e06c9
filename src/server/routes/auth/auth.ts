// POST /api/v1/auth/login, GET /api/v1/auth/session, POST /api/v1/auth/logout.

import { eq } from "drizzle-orm";
import type { FastifyRequest } from "fastify";
import Type, { type Static } from "typebox";
import { mustEnrolSecondFactor } from "../../../core/access/index.ts";
import { verifyPassword } from "../../../crypto/passwords.ts";
import { recordAudit } from "../../../db/audit/append.ts";
import { users } from "../../../db/schema/index.ts";
import { readCookie } from "../../auth/cookies.ts";
import { acceptTotpCode, consumeRecoveryCode } from "../../auth/mfa.ts";
import {
  createSession,
  findSession,
  hashToken,
  revokeSession,
  type SessionContext,
} from "../../auth/sessions.ts";
import {
  accountKey,
  addressKey,
  clearFailures,
  lockRemainingMs,
  pruneThrottles,
  recordFailure,
} from "../../auth/throttle.ts";
import { HttpProblem, problemResponses } from "../../http/problems.ts";
import { authMessages } from "../../messages.fr.ts";
import { SESSION_COOKIE } from "../../plugins/auth.ts";
import type { AppInstance } from "../../types.ts";

const LoginSchema = Type.Object(
  {
    email: Type.String({ minLength: 3, maxLength: 254 }),
    password: Type.String({ minLength: 1, maxLength: 1024 }),
    /** Second factor, for accounts that have one: the 6-digit code of the authenticator app... */
    totpCode: Type.Optional(Type.String({ pattern: "^[0-9]{6}$" })),
    /** ...or one of the recovery codes. */
    recoveryCode: Type.Optional(Type.String({ minLength: 1, maxLength: 32 })),
  },
  { additionalProperties: false },
);

const Nullable = <T extends Type.TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const SessionSchema = Type.Object({
  user: Type.Object({
    id: Type.String({ format: "uuid" }),
    email: Type.String(),
    displayName: Type.String(),
  }),
  role: Type.String(),
  organisation: Nullable(
    Type.Object({ id: Type.String({ format: "uuid" }), name: Type.String(), kind: Type.String() }),
  ),
  csrfToken: Type.String(),
  mfa: Type.Object({ enabled: Type.Boolean(), enrolmentRequired: Type.Boolean() }),
});
type SessionBody = Static<typeof SessionSchema>;

function sessionBody(session: SessionContext): SessionBody {
  return {
    user: session.user,
    role: session.role,
    organisation: session.organisation,
    csrfToken: session.csrfToken,
    mfa: session.mfa,
  };
}

/** Audit fields every entry of a request carries. */
export function requestAuditFields(request: FastifyRequest) {
  return {
    requestId: request.id,
    clientAddress: request.ip,
    actorUserId: request.auth?.user.id ?? null,
    actorRole: request.auth?.role ?? null,
    organisationId: request.auth?.organisation?.id ?? null,
  };
}

export async function authRoutes(app: AppInstance): Promise<void> {
  const options = app.authOptions;
  const db = app.db.drizzle;
  let loginsSincePrune = 0;

  app.post(
    "/api/v1/auth/login",
    {
      schema: {
        tags: ["auth"],
        summary: authMessages.loginSummary,
        description: authMessages.loginDescription,
        body: LoginSchema,
        response: { 200: SessionSchema, ...problemResponses(400, 401, 415, 429) },
      },
      config: {
        csrf: false,
        rateLimit: { max: options.loginRateLimitPerMinute, timeWindow: 60_000 },
      },
      // JSON only, checked before the body is read: a cross-site HTML form cannot send application/json,
      // so nobody can be signed in to an account of someone else's choosing.
      onRequest: async (request) => {
        if (!/^application\/json\s*(;|$)/i.test(request.headers["content-type"] ?? "")) {
          throw HttpProblem.of(415, "unsupported_media_type");
        }
      },
    },
    async (request, reply) => {
      const email = request.body.email.trim().toLowerCase();
      const now = options.now();
      const account = accountKey(email);
      const address = addressKey(request.ip);
      const audit = {
        ...requestAuditFields(request),
        actorUserId: null,
        actorRole: null,
        organisationId: null,
      };

      const lockedMs = await lockRemainingMs(db, [account, address], now);
      if (lockedMs > 0) {
        await recordAudit(db, { ...audit, action: "auth.login.failed", details: { reason: "locked" } });
        reply.header("retry-after", String(Math.ceil(lockedMs / 1000)));
        throw HttpProblem.of(429, "login_locked");
      }

      const [user] = await db
        .select({
          id: users.id,
          passwordHash: users.passwordHash,
          role: users.role,
          totpSecret: users.totpSecret,
          totpEnabledAt: users.totpEnabledAt,
          totpLastStep: users.totpLastStep,
          deactivatedAt: users.deactivatedAt,
        })
        .from(users)
        .where(eq(users.email, email));
      /** Counts a failure against the account and the address, audits it, and gives the problem to send. */
      const failLogin = async (
        userId: string | undefined,
        reason: "bad_credentials" | "bad_second_factor",
      ): Promise<HttpProblem> => {
        await recordFailure(
          db,
          [
            { key: account, threshold: options.lockout.accountThreshold },
            { key: address, threshold: options.lockout.addressThreshold },
          ],
          now,
          options.lockout,
        );
        await recordAudit(db, {
          ...audit,
          action: "auth.login.failed",
          targetType: userId === undefined ? null : "user",
          targetId: userId ?? null,
          details: { reason },
        });
        return HttpProblem.of(401, reason === "bad_credentials" ? "invalid_credentials" : "invalid_mfa_code");
      };

      // One argon2 verification either way (a dummy hash for unknown accounts): same answer, same time.
      const valid = await verifyPassword(user?.passwordHash, request.body.password);
      // A deactivated account gets the same answer as a wrong password, after the same work.
      if (!valid || user === undefined || user.deactivatedAt !== null) {
        throw await failLogin(user?.id, "bad_credentials");
      }

      const failSecondFactor = () => failLogin(user.id, "bad_second_factor");
      let secondFactor: "totp" | "recovery_code" | "none" = "none";
      let mfaEnrolmentRequired = false;
      if (user.totpEnabledAt !== null) {
        const { totpCode, recoveryCode } = request.body;
        if (totpCode === undefined && recoveryCode === undefined) {
          await recordAudit(db, {
            ...audit,
            action: "auth.login.second_factor_requested",
            targetType: "user",
            targetId: user.id,
          });
          throw HttpProblem.of(401, "mfa_required");
        }
        const accepted =
          totpCode !== undefined
            ? await acceptTotpCode(db, app.config.dataDecryptionKeys, user, totpCode, now)
            : await consumeRecoveryCode(db, user.id, recoveryCode as string, now);
        if (!accepted) throw await failSecondFactor();
        secondFactor = totpCode !== undefined ? "totp" : "recovery_code";
      } else if (mustEnrolSecondFactor(user.role, app.config.demoMode)) {
        // Outside demo mode these roles need a second factor: this session may only enrol one.
        mfaEnrolmentRequired = true;
      }

      // Always a new session id at sign-in; the one the browser held before (if any) ends here.
      const previous = readCookie(request.headers.cookie, SESSION_COOKIE);
      if (previous !== undefined && previous !== "") await revokeSession(db, hashToken(previous), now);
      await clearFailures(db, account);
      const { token } = await createSession(db, user.id, now, options.sessions, mfaEnrolmentRequired);
      const session = await findSession(db, token, now, options.sessions);
      if (session === undefined) throw new Error("session just created is not found");
      await recordAudit(db, {
        ...audit,
        actorUserId: session.user.id,
        actorRole: session.role,
        organisationId: session.organisation?.id ?? null,
        action: "auth.login.succeeded",
        targetType: "user",
        targetId: session.user.id,
        details: { secondFactor, mfaEnrolmentRequired },
      });
      if (++loginsSincePrune >= 100) {
        loginsSincePrune = 0;
        await pruneThrottles(db, now, options.lockout);
      }
      reply.header("set-cookie", app.sessionCookieHeader(token));
      reply.header("cache-control", "no-store");
      return sessionBody(session);
    },
  );

  // Public: the sign-in page shows the directory button only when single sign-on is configured.
  app.get(
    "/api/v1/auth/methods",
    {
      schema: {
        tags: ["auth"],
        summary: authMessages.methodsSummary,
        response: {
          200: Type.Object({ password: Type.Literal(true), singleSignOn: Type.Boolean() }),
        },
      },
    },
    async () => ({ password: true as const, singleSignOn: app.config.oidc !== undefined }),
  );

  app.get(
    "/api/v1/auth/session",
    {
      schema: {
        tags: ["auth"],
        summary: authMessages.sessionSummary,
        description: authMessages.sessionDescription,
        response: { 200: SessionSchema, ...problemResponses(401) },
      },
      config: { permission: "session.read" },
    },
    async (request, reply) => {
      reply.header("cache-control", "no-store");
      return sessionBody(request.auth as SessionContext);
    },
  );

  app.post(
    "/api/v1/auth/logout",
    {
      schema: {
        tags: ["auth"],
        summary: authMessages.logoutSummary,
        response: { 204: Type.Null(), ...problemResponses(401, 403) },
      },
      config: { permission: "session.end" },
    },
    async (request, reply) => {
      const session = request.auth as SessionContext;
      await revokeSession(db, session.sessionId, options.now());
      await recordAudit(db, {
        ...requestAuditFields(request),
        action: "auth.logout",
        targetType: "user",
        targetId: session.user.id,
      });
      reply.header("set-cookie", app.sessionCookieHeader(undefined));
      return reply.code(204).send(null);
    },
  );
}
