// Single sign-on through OpenID Connect (off unless OIDC_ISSUER is set): GET /api/v1/auth/oidc/start sends
// the browser to the directory (authorization code flow, PKCE, state and nonce); GET
// /api/v1/auth/oidc/callback checks its answer (openid-client) and hands the directory's claims to the
// services (src/services/auth/singleSignOn.ts), which map the groups to a role, provision the account and
// open a session as a password sign-in does. The flow's secrets travel in a short-lived cookie encrypted
// with the data key.

import type { FastifyReply, FastifyRequest } from "fastify";
import * as client from "openid-client";
import type { OidcConfig } from "../../../config/oidc.ts";
import { decryptSecret, encryptSecret } from "../../../crypto/secretBox.ts";
import {
  type DirectoryClaims,
  refuseSingleSignOn,
  signInWithDirectory,
} from "../../../services/auth/singleSignOn.ts";
import { readCookie } from "../../auth/cookies.ts";
import { callerOf } from "../../http/caller.ts";
import { HttpProblem } from "../../http/problems.ts";
import { SESSION_COOKIE } from "../../plugins/auth.ts";
import type { AppInstance } from "../../types.ts";
import { oidcRouteMessages } from "./messages.fr.ts";

const FLOW_COOKIE = "appui_oidc";
const CALLBACK_PATH = "/api/v1/auth/oidc/callback";
const FLOW_LIFETIME_S = 600;

interface Flow {
  state: string;
  nonce: string;
  verifier: string;
  expiresAt: number;
}

export async function oidcRoutes(app: AppInstance, options: { oidc: OidcConfig }): Promise<void> {
  const { oidc } = options;
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
    { schema: { tags: ["auth"], summary: oidcRouteMessages.startSummary }, config: { csrf: false } },
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
        flowCookie(
          encryptSecret(app.config.dataEncryptionKey, JSON.stringify(flow), FLOW_COOKIE),
          FLOW_LIFETIME_S,
        ),
      );
      reply.header("cache-control", "no-store");
      return reply.redirect(url.href, 303);
    },
  );

  app.get(
    CALLBACK_PATH,
    { schema: { tags: ["auth"], summary: oidcRouteMessages.callbackSummary }, config: { csrf: false } },
    async (request, reply) => {
      const caller = callerOf(request);
      // The flow is used once, whatever the outcome.
      reply.header("set-cookie", flowCookie("", 0));
      const flow = readFlow(request);
      if (flow === undefined || flow.expiresAt < app.authOptions.now().getTime()) {
        throw await refuseSingleSignOn(app.services, caller, "flow_missing_or_expired");
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
        throw await refuseSingleSignOn(app.services, caller, "token_exchange_failed");
      }
      const { token } = await signInWithDirectory(
        app.services,
        caller,
        directoryClaims(claims, oidc.groupsClaim),
        readCookie(request.headers.cookie, SESSION_COOKIE),
        { groupRoles: oidc.groupRoles, sessions: app.authOptions.sessions },
      );
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

/** The claims Appui reads, whatever their types in the directory's answer. */
function directoryClaims(claims: Record<string, unknown>, groupsClaim: string): DirectoryClaims {
  const groups = claims[groupsClaim];
  return {
    email: typeof claims.email === "string" ? claims.email : undefined,
    emailVerified: claims.email_verified !== false,
    name: typeof claims.name === "string" ? claims.name : undefined,
    groups: Array.isArray(groups) ? groups.filter((group): group is string => typeof group === "string") : [],
    amr: Array.isArray(claims.amr) ? claims.amr.map(String) : [],
  };
}
