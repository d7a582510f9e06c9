// POST /api/v1/eligibility: one situation, or a batch { situations: [...] }, evaluated under the directive
// and the rule parameters in force on each request date. Public and rate limited. The body is checked by
// the use case (the contracts' validateSituation), not by Fastify's Ajv, so that the API reports the same
// codes and French messages as the command line; the schema is still declared, for the OpenAPI document.
import Type from "typebox";
import { EligibilityResultSchema, SituationSchema } from "../../../contracts/situation.ts";
import { evaluateEligibility, MAX_BATCH_SIZE } from "../../../services/eligibility/index.ts";
import { HttpProblem, problemResponses } from "../../http/problems.ts";
import { eligibilityMessages } from "../../messages.fr.ts";
import type { AppInstance } from "../../types.ts";

export const ELIGIBILITY_PATH = "/api/v1/eligibility";

export interface RateLimitSetting {
  max: number;
  /** Milliseconds, or a duration such as "1 minute". */
  timeWindow: number | string;
}

/** Per client address: enough for a person or a small script, not for scraping or load. */
export const DEFAULT_ELIGIBILITY_RATE_LIMIT: RateLimitSetting = { max: 60, timeWindow: "1 minute" };

// A batch of 1000 full situations is about 600 kB; leave room for indentation.
const BODY_LIMIT_BYTES = 4 * 1024 * 1024;

// The contracts give these schemas the ids "Situation" and "EligibilityResult" (components in OpenAPI).
const SituationRef = Type.Ref("Situation");
const ResultRef = Type.Ref("EligibilityResult");

const BatchSchema = Type.Object(
  { situations: Type.Array(SituationRef, { maxItems: MAX_BATCH_SIZE }) },
  { additionalProperties: false, description: "Lot de situations, évaluées dans l'ordre." },
);
const BatchResultSchema = Type.Object(
  { results: Type.Array(ResultRef) },
  { description: "Résultats du lot, dans l'ordre des situations." },
);

export interface EligibilityRoutesOptions {
  rateLimit?: RateLimitSetting | undefined;
}

export async function eligibilityRoutes(app: AppInstance, options: EligibilityRoutesOptions): Promise<void> {
  app.addSchema(SituationSchema);
  app.addSchema(EligibilityResultSchema);
  const rateLimit = options.rateLimit ?? DEFAULT_ELIGIBILITY_RATE_LIMIT;

  app.post(
    ELIGIBILITY_PATH,
    {
      bodyLimit: BODY_LIMIT_BYTES,
      config: { rateLimit: { max: rateLimit.max, timeWindow: rateLimit.timeWindow } },
      schema: {
        tags: ["eligibility"],
        summary: eligibilityMessages.summary,
        description: eligibilityMessages.description,
        body: Type.Union([SituationRef, BatchSchema]),
        response: {
          200: Type.Union([ResultRef, BatchResultSchema]),
          ...problemResponses(400, 413, 415, 429),
        },
      },
      // Documented above, checked by the use case (see the header comment).
      validatorCompiler: () => () => true,
    },
    async (request) => {
      const body: unknown = request.body;
      // Fastify parses text/plain into a string; only JSON is accepted here.
      if (typeof body === "string") throw HttpProblem.of(415, "unsupported_media_type");
      return evaluateEligibility(app.services, body);
    },
  );
}
