// Authentication and authorisation for every route: reads the session cookie, checks the CSRF token of
// cookie-authenticated changes, and enforces the permission a route declares in its config
// (`config: { permission: "audit.read" }`, see src/core/access), all before the body is read. The session
// itself is found by the services (src/services/auth/sessions.ts).
import { timingSafeEqual } from "node:crypto";
import type { FastifyRequest } from "fastify";
import { ACTIONS_BEFORE_MFA_ENROLMENT, type Action, isAllowed } from "../../core/access/index.ts";
import type { LiveSession } from "../../services/auth/sessions.ts";
import { DEFAULT_SESSION_TIMEOUTS, findSession, type SessionTimeouts } from "../../services/auth/sessions.ts";
import { DEFAULT_LOCKOUT_POLICY, type LockoutPolicy } from "../../services/auth/throttle.ts";
import { readCookie, sessionCookie } from "../auth/cookies.ts";
import { HttpProblem } from "../http/problems.ts";
import type { AppInstance } from "../types.ts";

export const SESSION_COOKIE = "appui_session";
export const CSRF_HEADER = "x-csrf-token";
const STATE_CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export interface AuthOptions {
  sessions: SessionTimeouts;
  lockout: LockoutPolicy;
  /** Requests to the login route per client address and minute, before any password is checked. */
  loginRateLimitPerMinute: number;
  /** The clock; tests may move it. */
  now: () => Date;
}

export const DEFAULT_AUTH_OPTIONS: AuthOptions = {
  sessions: DEFAULT_SESSION_TIMEOUTS,
  lockout: DEFAULT_LOCKOUT_POLICY,
  loginRateLimitPerMinute: 30,
  now: () => new Date(),
};

export interface RouteAccess {
  method: string;
  url: string;
  permission: Action;
}

declare module "fastify" {
  interface FastifyContextConfig {
    /** Action the caller's role must be allowed (permissions.ts); unset: the route is public. */
    permission?: Action;
    /** false exempts the route from the CSRF check (login only). */
    csrf?: boolean;
  }
  interface FastifyRequest {
    /** The caller's live session, or null when there is none (no, unknown, revoked or expired cookie). */
    auth: LiveSession | null;
  }
  interface FastifyInstance {
    authOptions: AuthOptions;
    /** Every route declaring a permission, in registration order (for the permission matrix test). */
    routeAccess: RouteAccess[];
    /** Set-Cookie value opening (token) or clearing (undefined) the session cookie. */
    sessionCookieHeader(token: string | undefined): string;
  }
}

export function registerAuth(app: AppInstance, options: Partial<AuthOptions> = {}): void {
  const authOptions: AuthOptions = { ...DEFAULT_AUTH_OPTIONS, ...options };
  app.decorate("authOptions", authOptions);
  app.decorate("routeAccess", [] as RouteAccess[]);
  app.decorate("sessionCookieHeader", (token: string | undefined) =>
    sessionCookie(SESSION_COOKIE, token ?? "", {
      secure: !app.config.demoMode,
      ...(token === undefined ? { maxAge: 0 } : {}),
    }),
  );
  app.decorateRequest("auth", null);

  app.addHook("onRoute", (route) => {
    const permission = route.config?.permission;
    if (permission === undefined) return;
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method !== "HEAD") app.routeAccess.push({ method, url: route.url, permission });
    }
  });

  app.addHook("onRequest", async (request) => {
    const path = request.url.split("?")[0] ?? "/";
    if (path !== "/api" && !path.startsWith("/api/")) return;
    // Public reads (health, simulator, documentation) never touch the sessions table: they keep answering
    // while it is slow or down, and cost no query.
    const changes = STATE_CHANGING.has(request.method);
    if (!changes && request.routeOptions.config.permission === undefined) return;
    const token = readCookie(request.headers.cookie, SESSION_COOKIE);
    if (token !== undefined && token !== "") {
      request.auth = (await findSession(app.services, token, authOptions.sessions)) ?? null;
    }
    if (
      request.auth !== null &&
      changes &&
      request.routeOptions.config.csrf !== false &&
      !csrfTokenMatches(request, request.auth.csrfToken)
    ) {
      throw HttpProblem.of(403, "csrf_failed");
    }
    // Before the body is read and validated: an anonymous caller learns nothing about what a route accepts.
    const permission = request.routeOptions.config.permission;
    if (permission !== undefined) requirePermission(request, permission);
  });
}

/** The caller's session, on a route whose declared permission has already required one. */
export function sessionOf(request: FastifyRequest): LiveSession {
  if (request.auth === null) throw HttpProblem.of(401, "unauthenticated");
  return request.auth;
}

/** Throws 401 without a session, 403 when the role may not perform `action`. Returns the session. */
export function requirePermission(request: FastifyRequest, action: Action): LiveSession {
  const auth = request.auth;
  if (auth === null) throw HttpProblem.of(401, "unauthenticated");
  if (!isAllowed(auth.role, action)) throw HttpProblem.of(403, "forbidden");
  if (auth.mfa.enrolmentRequired && !ACTIONS_BEFORE_MFA_ENROLMENT.includes(action)) {
    throw HttpProblem.of(403, "mfa_enrolment_required");
  }
  return auth;
}

function csrfTokenMatches(request: FastifyRequest, expected: string): boolean {
  const given = request.headers[CSRF_HEADER];
  if (typeof given !== "string") return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
