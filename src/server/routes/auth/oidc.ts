// Single sign-on through OpenID Connect (off unless OIDC_ISSUER is set): GET /api/v1/auth/oidc/start sends
// the browser to the directory (authorization code flow, PKCE, state and nonce); GET
// /api/v1/auth/oidc/callback checks its answer (openid-client), maps the user's directory groups to a
// role (OIDC_GROUP_ROLES), provisions the account (src/server/users/accounts.ts) and opens a session as a
// password sign-in does. The flow's secrets travel in a short-lived cookie encrypted with the data key.

import type { FastifyReply, FastifyRequest } from "fastify";
import * as client from "openid-client";
import type { GroupRole, OidcConfig } from "../../../config/oidc.ts";
import { mustEnrolSecondFactor } from "../../../core/access/index.ts";
import { decryptSecret, encryptSecret } from "../../../crypto/secretBox.ts";
import { recordAudit } from "../../../db/audit/append.ts";
import { readCookie } from "../../auth/cookies.ts";
import { createSession, hashToken, revokeSession } from "../../auth/sessions.ts";
import { HttpProblem } from "../../http/problems.ts";
import { SESSION_COOKIE } from "../../plugins/auth.ts";
import type { AppInstance } from "../../types.ts";
import { AccountError, provisionDirectoryAccount } from "../../users/accounts.ts";
import { oidcMessages } from "../../users/messages.fr.ts";
import { requestAuditFields } from "./auth.ts";

const FLOW_COOKIE = "appui_oidc";
const CALLBACK_PATH = "/api/v1/auth/oidc/callback";
const FLOW_LIFETIME_S = 600;
/** Authentication methods (RFC 8176) that count as a second factor done by the directory. */
const MULTI_FACTOR_AMR = ["mfa", "otp", "hwk", "swk", "sms", "fpt", "face"];

interface Flow {
  state: string;
  nonce: string;
  verifier: string;
  expiresAt: number;
}

/** The first mapping whose group the user belongs to (OIDC_GROUP_ROLES order). */
export function roleForGroups(
  groupRoles: readonly GroupRole[],
  groups: readonly string[],
): GroupRole | undefined {
  return groupRoles.find((mapping) => groups.includes(mapping.group));
}

export async function oidcRoutes(app: AppInstance, options: { oidc: OidcConfig }): Promise<void> {
  const { oidc } = options;
  const db = app.db.drizzle;
  const key = app.config.dataEncryptionKey;
  let discovered: Promise<client.Configuration> | undefined;
  // Discovered at first use, so that the server starts while the directory is down; retried after a failure.
  const configuration = () => {
    discovered ??= client
      .discovery(
        oidc.issuer,
        oidc.clientId,
        oidc.clientSecret,
        undefined,
        // Plain http only outside production (a directory on this machine, in tests).
        app.config.demoMode ? { execute: [client.allowInsecureRequests] } : undefined,
      )
      .catch((error: unknown) => {
        discovered = undefined;
        throw error;
      });
    return discovered;
  };
  const redirectUri = (request: FastifyRequest) => `${request.protocol}://${request.host}${CALLBACK_PATH}`;
  const flowCookie = (value: string, maxAge: number) =>
    [
      `${FLOW_COOKIE}=${value}`,
      `Path=${CALLBACK_PATH}`,
      "HttpOnly",
      "SameSite=Lax",
      `Max-Age=${maxAge}`,
      ...(app.config.demoMode ? [] : ["Secure"]),
    ].join("; ");

  app.get(
    "/api/v1/auth/oidc/start",
    { schema: { tags: ["auth"], summary: oidcMessages.startSummary }, config: { csrf: false } },
    async (request, reply) => {
      const config = await configuration().catch(() => {
        throw HttpProblem.of(503, "service_unavailable");
      });
      const flow: Flow = {
        state: client.randomState(),
        nonce: client.randomNonce(),
        verifier: client.randomPKCECodeVerifier(),
        expiresAt: app.authOptions.now().getTime() + FLOW_LIFETIME_S * 1000,
      };
      const url = client.buildAuthorizationUrl(config, {
        redirect_uri: redirectUri(request),
        scope: "openid email profile",
        code_challenge: await client.calculatePKCECodeChallenge(flow.verifier),
        code_challenge_method: "S256",
        state: flow.state,
        nonce: flow.nonce,
      });
      reply.header(
        "set-cookie",
        flowCookie(encryptSecret(key, JSON.stringify(flow), FLOW_COOKIE), FLOW_LIFETIME_S),
      );
      reply.header("cache-control", "no-store");
      return reply.redirect(url.href, 303);
    },
  );

  app.get(
    CALLBACK_PATH,
    { schema: { tags: ["auth"], summary: oidcMessages.callbackSummary }, config: { csrf: false } },
    async (request, reply) => {
      const audit = {
        ...requestAuditFields(request),
        actorUserId: null,
        actorRole: null,
        organisationId: null,
      };
      const refuse = async (
        reason: string,
        status: number,
        code: "sso_failed" | "sso_no_role" | "sso_refused",
      ) => {
        await recordAudit(db, { ...audit, action: "auth.sso.failed", details: { reason } });
        reply.header("set-cookie", flowCookie("", 0));
        const { title, detail } = oidcMessages.problems[code];
        return new HttpProblem(status, code, title, detail);
      };
      const flow = readFlow(request);
      if (flow === undefined || flow.expiresAt < app.authOptions.now().getTime()) {
        throw await refuse("flow_missing_or_expired", 400, "sso_failed");
      }
      let claims: Record<string, unknown>;
      try {
        const config = await configuration();
        const currentUrl = new URL(request.url, redirectUri(request));
        const tokens = await client.authorizationCodeGrant(config, currentUrl, {
          pkceCodeVerifier: flow.verifier,
          expectedState: flow.state,
          expectedNonce: flow.nonce,
          idTokenExpected: true,
        });
        claims = { ...(tokens.claims() ?? {}) };
        if (typeof claims.email !== "string" || !Array.isArray(claims[oidc.groupsClaim])) {
          // Groups and email may come from userinfo rather than the ID token.
          const userinfo = await client.fetchUserInfo(config, tokens.access_token, claims.sub as string);
          claims = { ...claims, ...userinfo };
        }
      } catch (error) {
        request.log.info({ errorCode: (error as { code?: string }).code }, "single sign-on answer refused");
        throw await refuse("token_exchange_failed", 400, "sso_failed");
      }
      const email = typeof claims.email === "string" ? claims.email : undefined;
      if (email === undefined || claims.email_verified === false)
        throw await refuse("no_verified_email", 403, "sso_refused");
      const groupsValue = claims[oidc.groupsClaim];
      const groups = Array.isArray(groupsValue)
        ? groupsValue.filter((g): g is string => typeof g === "string")
        : [];
      const mapping = roleForGroups(oidc.groupRoles, groups);
      if (mapping === undefined) throw await refuse("no_mapped_group", 403, "sso_no_role");
      const displayName =
        typeof claims.name === "string" && claims.name.trim() !== ""
          ? claims.name.trim()
          : email.split("@")[0];
      const now = app.authOptions.now();
      let userId: string;
      try {
        userId = await provisionDirectoryAccount(
          db,
          {
            email,
            displayName: displayName as string,
            role: mapping.role,
            organisationName: mapping.organisationName,
          },
          { audit: { ...audit, details: { via: "sso" } }, now },
        );
      } catch (error) {
        if (error instanceof AccountError) throw await refuse(error.problem, 403, "sso_refused");
        throw error;
      }
      const amr = Array.isArray(claims.amr) ? claims.amr : [];
      const directoryMfa = amr.some((method) => MULTI_FACTOR_AMR.includes(String(method)));
      // The directory's second factor counts; without one, these roles must enrol Appui's TOTP first.
      const mfaEnrolmentRequired = mustEnrolSecondFactor(mapping.role, app.config.demoMode) && !directoryMfa;
      const previous = readCookie(request.headers.cookie, SESSION_COOKIE);
      if (previous !== undefined && previous !== "") await revokeSession(db, hashToken(previous), now);
      const { token } = await createSession(db, userId, now, app.authOptions.sessions, mfaEnrolmentRequired);
      await recordAudit(db, {
        ...audit,
        actorUserId: userId,
        actorRole: mapping.role,
        action: "auth.login.succeeded",
        targetType: "user",
        targetId: userId,
        details: { via: "sso", directoryMfa, mfaEnrolmentRequired },
      });
      return sendSignedIn(reply, token);
    },
  );

  function readFlow(request: FastifyRequest): Flow | undefined {
    const value = readCookie(request.headers.cookie, FLOW_COOKIE);
    if (value === undefined || value === "") return undefined;
    try {
      return JSON.parse(decryptSecret(app.config.dataDecryptionKeys, value, FLOW_COOKIE)) as Flow;
    } catch {
      return undefined;
    }
  }

  function sendSignedIn(reply: FastifyReply, token: string) {
    reply.header("set-cookie", [app.sessionCookieHeader(token), flowCookie("", 0)]);
    reply.header("cache-control", "no-store");
    return reply.redirect("/", 303);
  }
}
