// POST /api/v1/auth/totp/setup and /confirm: enrolment of the second factor by the signed-in user;
// POST /api/v1/auth/recovery-codes: a new list of recovery codes, against a current TOTP code.
import type { FastifyRequest } from "fastify";
import Type from "typebox";
import { otpauthUri } from "../../../crypto/totp.ts";
import { recordAudit } from "../../../db/audit/append.ts";
import { confirmTotpEnrolment, regenerateRecoveryCodes, startTotpEnrolment } from "../../auth/mfa.ts";
import type { SessionContext } from "../../auth/sessions.ts";
import { HttpProblem, problemResponses } from "../../http/problems.ts";
import { authMessages } from "../../messages.fr.ts";
import type { AppInstance } from "../../types.ts";
import { requestAuditFields } from "./auth.ts";

const SetupSchema = Type.Object({
  secret: Type.String({
    description: "Secret base32, à saisir dans l'application si le QR code est illisible",
  }),
  otpauthUri: Type.String({ description: "URI otpauth:// à afficher en QR code" }),
});

const ConfirmBodySchema = Type.Object(
  { code: Type.String({ pattern: "^[0-9]{6}$" }) },
  { additionalProperties: false },
);

const ConfirmSchema = Type.Object({ recoveryCodes: Type.Array(Type.String()) });

/** Guessing a 6-digit code needs many tries: a few per minute are enough for a person. */
const CONFIRM_RATE_LIMIT = { max: 10, timeWindow: 60_000 };

export async function totpRoutes(app: AppInstance): Promise<void> {
  const db = app.db.drizzle;
  const key = app.config.dataEncryptionKey;

  // Each of these routes changes the caller's own second factor: the entry is aimed at their account.
  const auditOwnFactor = (request: FastifyRequest, action: string) =>
    recordAudit(db, {
      ...requestAuditFields(request),
      action,
      targetType: "user",
      targetId: (request.auth as SessionContext).user.id,
    });

  app.post(
    "/api/v1/auth/totp/setup",
    {
      schema: {
        tags: ["auth"],
        summary: authMessages.totpSetupSummary,
        response: { 200: SetupSchema, ...problemResponses(401, 403, 409) },
      },
      config: { permission: "mfa.enrol" },
    },
    async (request, reply) => {
      const session = request.auth as SessionContext;
      if (session.mfa.enabled) throw HttpProblem.of(409, "mfa_already_enabled");
      const secret = await startTotpEnrolment(db, key, session.user.id);
      await auditOwnFactor(request, "auth.totp.setup_started");
      reply.header("cache-control", "no-store");
      return { secret, otpauthUri: otpauthUri(secret, session.user.email) };
    },
  );

  app.post(
    "/api/v1/auth/totp/confirm",
    {
      schema: {
        tags: ["auth"],
        summary: authMessages.totpConfirmSummary,
        description: authMessages.totpConfirmDescription,
        body: ConfirmBodySchema,
        response: { 200: ConfirmSchema, ...problemResponses(400, 401, 403, 409, 429) },
      },
      config: { permission: "mfa.enrol", rateLimit: CONFIRM_RATE_LIMIT },
    },
    async (request, reply) => {
      const session = request.auth as SessionContext;
      const result = await confirmTotpEnrolment(
        db,
        { current: key, all: app.config.dataDecryptionKeys },
        session.user.id,
        request.body.code,
        app.authOptions.now(),
      );
      if (result.kind === "already_enabled") throw HttpProblem.of(409, "mfa_already_enabled");
      if (result.kind === "not_started") throw HttpProblem.of(409, "mfa_setup_missing");
      if (result.kind === "invalid_code") throw HttpProblem.of(400, "invalid_mfa_code");
      await auditOwnFactor(request, "auth.totp.enabled");
      reply.header("cache-control", "no-store");
      return { recoveryCodes: result.recoveryCodes };
    },
  );

  app.post(
    "/api/v1/auth/recovery-codes",
    {
      schema: {
        tags: ["auth"],
        summary: authMessages.recoveryCodesSummary,
        description: authMessages.recoveryCodesDescription,
        body: ConfirmBodySchema,
        response: { 200: ConfirmSchema, ...problemResponses(400, 401, 403, 409, 429) },
      },
      config: { permission: "mfa.enrol", rateLimit: CONFIRM_RATE_LIMIT },
    },
    async (request, reply) => {
      const session = request.auth as SessionContext;
      const result = await regenerateRecoveryCodes(
        db,
        app.config.dataDecryptionKeys,
        session.user.id,
        request.body.code,
        app.authOptions.now(),
      );
      if (result.kind === "not_enabled") throw HttpProblem.of(409, "mfa_not_enabled");
      if (result.kind === "invalid_code") throw HttpProblem.of(400, "invalid_mfa_code");
      await auditOwnFactor(request, "auth.recovery_codes.regenerated");
      reply.header("cache-control", "no-store");
      return { recoveryCodes: result.recoveryCodes };
    },
  );
}
