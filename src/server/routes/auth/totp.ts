// POST /api/v1/auth/totp/setup and /confirm: enrolment of the second factor by the signed-in user;
// POST /api/v1/auth/recovery-codes: a new list of recovery codes, against a current TOTP code.
import Type from "typebox";
import {
  confirmTotpEnrolment,
  regenerateRecoveryCodes,
  startTotpEnrolment,
} from "../../../services/auth/secondFactor.ts";
import { callerOf } from "../../http/caller.ts";
import { problemResponses } from "../../http/problems.ts";
import { authMessages } from "../../messages.fr.ts";
import type { AppInstance } from "../../types.ts";

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
      const enrolment = await startTotpEnrolment(app.services, callerOf(request));
      reply.header("cache-control", "no-store");
      return enrolment;
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
      const confirmed = await confirmTotpEnrolment(app.services, callerOf(request), request.body);
      reply.header("cache-control", "no-store");
      return confirmed;
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
      const renewed = await regenerateRecoveryCodes(app.services, callerOf(request), request.body);
      reply.header("cache-control", "no-store");
      return renewed;
    },
  );
}
