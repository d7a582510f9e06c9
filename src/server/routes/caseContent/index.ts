// The routes of a case's content: diagnosis, action plan, appointments, closure outcomes and quality. The
// payload schemas are registered once here, so that the OpenAPI document lists them as components.
import { DIAGNOSIS_SCHEMAS } from "../../../contracts/diagnosis.ts";
import type { AppInstance } from "../../types.ts";
import { actionRoutes } from "./actions.ts";
import { appointmentRoutes } from "./appointments.ts";
import { diagnosisRoutes } from "./diagnosis.ts";
import { qualityRoutes } from "./quality.ts";

export async function caseContentRoutes(app: AppInstance): Promise<void> {
  for (const schema of DIAGNOSIS_SCHEMAS) app.addSchema(schema);
  await diagnosisRoutes(app);
  await actionRoutes(app);
  await appointmentRoutes(app);
  await qualityRoutes(app);
}
