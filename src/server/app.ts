// Composition root: builds the Fastify instance from the cross-cutting plugins and the route files.
// Returns it not yet listening, so that tests (and later issues) can add routes before `listen()`.
import { fileURLToPath } from "node:url";
import type { TypeBoxTypeProvider } from "@fastify/type-provider-typebox";
import Fastify, { type FastifyBaseLogger } from "fastify";
import type { Logger } from "pino";
import type { Config } from "../config/config.ts";
import type { Database } from "../db/database.ts";
import { createServiceContext, type ServiceContext } from "../services/context.ts";
import { createLogger } from "./logger.ts";
import { type AuthOptions, registerAuth } from "./plugins/auth.ts";
import { registerErrors } from "./plugins/errors.ts";
import { registerGracefulClose } from "./plugins/gracefulClose.ts";
import { registerOpenApi } from "./plugins/openapi.ts";
import { registerRateLimit } from "./plugins/rateLimit.ts";
import { generateRequestId, registerRequestId } from "./plugins/requestId.ts";
import { registerSecurityHeaders } from "./plugins/security.ts";
import { registerWeb } from "./plugins/web.ts";
import { auditRoutes } from "./routes/audit/auditEvents.ts";
import { authRoutes } from "./routes/auth/auth.ts";
import { oidcRoutes } from "./routes/auth/oidc.ts";
import { totpRoutes } from "./routes/auth/totp.ts";
import { caseContentRoutes } from "./routes/caseContent/index.ts";
import { caseRoutes } from "./routes/cases/index.ts";
import { directiveRoutes } from "./routes/directives/directives.ts";
import { documentRoutes } from "./routes/documents/index.ts";
import { eligibilityRoutes, type RateLimitSetting } from "./routes/eligibility/eligibility.ts";
import { financeRoutes } from "./routes/finance/index.ts";
import { healthRoutes } from "./routes/health/health.ts";
import { privacyRoutes } from "./routes/privacy/index.ts";
import { ruleParameterRoutes } from "./routes/ruleParameters/ruleParameters.ts";
import { managerRoutes } from "./routes/statistics/index.ts";
import { userRoutes } from "./routes/users/users.ts";
import type { AppInstance } from "./types.ts";

declare module "fastify" {
  interface FastifyInstance {
    /** Validated configuration, read once at start. */
    config: Config;
    /** What every use case is given (src/services/context.ts): routes hand it to the services. */
    services: ServiceContext;
  }
}

export const DEFAULT_WEB_ROOT = fileURLToPath(new URL("../../dist/web/", import.meta.url));

/** Largest accepted request body. Case payloads are small JSON; uploads will get their own limit. */
export const BODY_LIMIT_BYTES = 1024 * 1024;

export interface BuildAppOptions {
  config: Config;
  db: Database;
  /** Defaults to a pino logger at `config.logLevel` on stdout; tests pass one writing to a capture stream. */
  logger?: Logger;
  /** Built web application to serve; defaults to dist/web. Nothing is served at `/` if it has no index.html. */
  webRoot?: string;
  /** Session timeouts, lockout policy, login rate and clock; tests shorten or move them. */
  auth?: Partial<AuthOptions>;
  /** Per-route request limits; tests lower or raise them. Defaults are in each route file. */
  rateLimits?: { eligibility?: RateLimitSetting; requests?: RateLimitSetting };
}

export async function buildApp(options: BuildAppOptions): Promise<AppInstance> {
  const { config, db } = options;
  const app = Fastify({
    loggerInstance: (options.logger ?? createLogger(config.logLevel)) as FastifyBaseLogger,
    genReqId: generateRequestId,
    bodyLimit: BODY_LIMIT_BYTES,
    // Behind a reverse proxy in production; the client address is needed for rate limits and the audit trail.
    trustProxy: !config.demoMode,
    ajv: {
      // Report every field at fault at once, and reject unknown fields instead of dropping them silently.
      customOptions: { allErrors: true, removeAdditional: false },
    },
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.decorate("config", config);
  app.decorate("services", createServiceContext(config, db, options.auth?.now));

  registerRequestId(app);
  registerGracefulClose(app);
  registerErrors(app);
  await registerSecurityHeaders(app);
  await registerRateLimit(app);
  await registerOpenApi(app);
  registerAuth(app, options.auth);

  await app.register(healthRoutes);
  await app.register(authRoutes);
  await app.register(totpRoutes);
  if (config.oidc !== undefined) await app.register(oidcRoutes, { oidc: config.oidc });
  await app.register(auditRoutes);
  await app.register(eligibilityRoutes, { rateLimit: options.rateLimits?.eligibility });
  await app.register(directiveRoutes);
  await app.register(ruleParameterRoutes);
  await app.register(financeRoutes);
  await app.register(caseRoutes, { requestRateLimit: options.rateLimits?.requests });
  await app.register(documentRoutes);
  await app.register(caseContentRoutes);
  await app.register(privacyRoutes);
  await app.register(userRoutes);
  await app.register(managerRoutes);

  await registerWeb(app, options.webRoot ?? DEFAULT_WEB_ROOT);
  return app;
}
