// The GDPR routes: auditors' justified reads, and the person's rights of access, rectification and erasure.
// They answer case payloads (CaseDetail, CaseTimeline) registered by the case routes in their own scope:
// registered here too when missing, so that these routes resolve them.
import { CASE_SCHEMAS } from "../../../contracts/cases.ts";
import { PRIVACY_SCHEMAS } from "../../../contracts/privacy.ts";
import { SituationSchema } from "../../../contracts/situation.ts";
import type { AppInstance } from "../../types.ts";
import { justifiedAccessRoutes } from "./justifiedAccess.ts";
import { personRightsRoutes } from "./personRights.ts";

export async function privacyRoutes(app: AppInstance): Promise<void> {
  for (const schema of [SituationSchema, ...CASE_SCHEMAS, ...PRIVACY_SCHEMAS]) {
    const id = (schema as { $id?: string }).$id;
    if (id !== undefined && app.getSchema(id) === undefined) app.addSchema(schema);
  }
  await justifiedAccessRoutes(app);
  await personRightsRoutes(app);
}
