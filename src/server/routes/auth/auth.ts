import Type, { type Static } from "typebox";
import type { LiveSession } from "../../../services/auth/sessions.ts";
import { signOut } from "../../../services/auth/sessions.ts";
import { signIn } from "../../../services/auth/signIn.ts";
import { readCookie } from "../../auth/cookies.ts";
import { callerOf } from "../../http/caller.ts";
import { HttpProblem, problemResponses } from "../../http/problems.ts";
import { authMessages } from "../../messages.fr.ts";
import { SESSION_COOKIE, sessionOf } from "../../plugins/auth.ts";
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

function sessionBody(session: LiveSession): SessionBody {
  return {
    user: session.user,
    role: session.role,
    organisation: session.organisation,
    csrfToken: session.csrfToken,
    mfa: session.mfa,
  };
}

export async function authRoutes(app: AppInstance): Promise<void> {
  const options = app.authOptions;

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
      const outcome = await signIn(
        app.services,
        callerOf(request),
        request.body,
        readCookie(request.headers.cookie, SESSION_COOKIE),
        options,
      );
      if (outcome.kind === "locked") {
        reply.header("retry-after", String(Math.ceil(outcome.retryAfterMs / 1000)));
        throw HttpProblem.of(429, "login_locked");
      }
      reply.header("set-cookie", app.sessionCookieHeader(outcome.token));
      reply.header("cache-control", "no-store");
      return sessionBody(outcome.session);
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
      return sessionBody(sessionOf(request));
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
      await signOut(app.services, callerOf(request), sessionOf(request).sessionId);
      reply.header("set-cookie", app.sessionCookieHeader(undefined));
      return reply.code(204).send(null);
    },
  );
}
