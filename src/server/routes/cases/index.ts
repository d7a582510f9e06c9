// The case routes: opening a case (public form, agency), reading cases and referrals, and the steps of a
// case. The payload schemas are registered once here, so that the OpenAPI document lists them as components.
import { CASE_SCHEMAS } from "../../../contracts/cases.ts";
import { SituationSchema } from "../../../contracts/situation.ts";
import type { AppInstance } from "../../types.ts";
import type { RateLimitSetting } from "../eligibility/eligibility.ts";
import { caseReadRoutes } from "./reads.ts";
import { caseRequestRoutes } from "./requests.ts";
import { caseStepRoutes } from "./steps.ts";

export interface CaseRoutesOptions {
  /** Limit of the public request form, per client address. */
  requestRateLimit?: RateLimitSetting | undefined;
}

export async function caseRoutes(app: AppInstance, options: CaseRoutesOptions): Promise<void> {
  // The eligibility routes register the situation in their own scope; the snapshots and the assessment
  // step refer to it here.
  if (app.getSchema("Situation") === undefined) app.addSchema(SituationSchema);
  for (const schema of CASE_SCHEMAS) app.addSchema(schema);
  await caseRequestRoutes(app, { rateLimit: options.requestRateLimit });
  await caseReadRoutes(app);
  await caseStepRoutes(app);
}
