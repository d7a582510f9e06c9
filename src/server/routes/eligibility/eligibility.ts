// POST /api/v1/eligibility: one situation, or a batch { situations: [...] }, evaluated under the directive
// and the rule parameters in force on each request date. Public and rate limited. The body is checked by
// the contracts' validateSituation, not by Fastify's Ajv, so that the API reports the same codes and
// French messages as the command line; the schema is still declared, for the OpenAPI document.
import Type from "typebox";
import { escapePointer } from "../../../contracts/inputErrors.ts";
import { INPUT_MESSAGES } from "../../../contracts/messages.fr.ts";
import {
  EligibilityResultSchema,
  type InputError,
  SituationSchema,
  validateSituation,
} from "../../../contracts/situation.ts";
import { type EligibilityResult, evaluate, type Situation } from "../../../core/rules/index.ts";
import type { Database } from "../../../db/database.ts";
import { loadParameterTimeline } from "../../../db/ruleParameters.ts";
import { HttpProblem, problemResponses, type ValidationIssue } from "../../http/problems.ts";
import { eligibilityMessages } from "../../messages.fr.ts";
import type { AppInstance } from "../../types.ts";

export const ELIGIBILITY_PATH = "/api/v1/eligibility";
export const MAX_BATCH_SIZE = 1000;

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
  db: Database;
  rateLimit?: RateLimitSetting;
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
      // Documented above, checked by validateSituation in the handler (see the header comment).
      validatorCompiler: () => () => true,
    },
    async (request) => {
      const body: unknown = request.body;
      // Fastify parses text/plain into a string; only JSON is accepted here.
      if (typeof body === "string") throw HttpProblem.of(415, "unsupported_media_type");
      const batch = asBatch(body);
      if (batch === undefined) {
        const checked = validateSituation(body);
        if (!checked.ok) throw invalid(checked.errors.map((error) => issue(error, "")));
        const timeline = await loadParameterTimeline(options.db);
        return evaluateOne(checked.situation, timeline.inForce(checked.situation.requestDate));
      }
      if (batch.length > MAX_BATCH_SIZE) {
        throw invalid([
          {
            path: "/situations",
            code: "TOO_MANY_ITEMS",
            message: eligibilityMessages.tooManySituations(MAX_BATCH_SIZE),
          },
        ]);
      }
      const situations: Situation[] = [];
      const issues: ValidationIssue[] = [];
      for (const [index, item] of batch.entries()) {
        const checked = validateSituation(item);
        if (checked.ok) situations.push(checked.situation);
        else for (const error of checked.errors) issues.push(issue(error, `/situations/${index}`));
      }
      if (issues.length > 0) throw invalid(issues);
      // One query for the whole batch: the history is a handful of rows, picked per date in memory.
      const timeline = await loadParameterTimeline(options.db);
      return {
        results: situations.map((situation) =>
          evaluateOne(situation, timeline.inForce(situation.requestDate)),
        ),
      };
    },
  );
}

/**
 * The situations of a batch, or undefined when the body is meant as one situation. A situation has its own
 * `situations` field (a list of kinds, strings), and always a `requestDate`: a body without `requestDate`
 * whose `situations` holds no string is a batch.
 */
function asBatch(body: unknown): unknown[] | undefined {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return undefined;
  if (Object.hasOwn(body, "requestDate")) return undefined;
  const situations = (body as { situations?: unknown }).situations;
  if (!Array.isArray(situations) || situations.some((item) => typeof item === "string")) return undefined;
  const extra = Object.keys(body).find((key) => key !== "situations");
  if (extra !== undefined) {
    throw invalid([
      { path: `/${escapePointer(extra)}`, code: "UNKNOWN_FIELD", message: INPUT_MESSAGES.unknownField },
    ]);
  }
  return situations;
}

function evaluateOne(situation: Situation, parameters: EligibilityResult["parameters"]): EligibilityResult {
  // validateSituation has already refused dates before the first directive: evaluate cannot throw here.
  return evaluate(situation, parameters);
}

function issue(error: InputError, prefix: string): ValidationIssue {
  const path = `${prefix}${error.path}`;
  return { path: path === "" ? "/" : path, code: error.code, message: error.message };
}

function invalid(errors: ValidationIssue[]): HttpProblem {
  return HttpProblem.of(400, "validation_failed", { errors });
}
