// The case as the state machine knows it, rebuilt from the API's detail: the browser then runs the same
// `nextSteps` as the server.
import type { CaseDetail } from "../../../src/contracts/cases.ts";
import type { Case } from "../../../src/core/cases/index.ts";

export function caseState(detail: CaseDetail): Case {
  return {
    status: detail.status,
    directive: detail.directive,
    requestedOn: detail.requestedOn,
    eligibility: detail.eligibility,
    decision: detail.decision,
    engagement: detail.engagement,
    closure: detail.closure,
  };
}
