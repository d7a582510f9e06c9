// The case use cases: opening, reading and moving a case through its steps.

export type { CaseloadItem, ReferralItem } from "../../db/cases/list.ts";
export type { TimelineRecord } from "../../db/cases/repository.ts";
export { loadCaseInScope, mayReadSensitive } from "./access.ts";
export { type CaseChange, changeCase, lifecycleChange } from "./change.ts";
export { listAgencyCases, listPartnerReferrals, type Page, readCase, readTimeline } from "./reads.ts";
export { filePublicRequest, recordAgencyRequest } from "./requests.ts";
export {
  assessEligibility,
  assignCase,
  closeCase,
  decide,
  type PlainStep,
  referCase,
  type StepTarget,
  signEngagement,
  takePlainStep,
  waiveEngagement,
} from "./steps.ts";
export type { CaseView } from "./view.ts";
