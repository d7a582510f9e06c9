// A refused change of the case page said in French: someone else's change (412), no network, or the API's
// own French detail and field messages.
import { NETWORK_FAILURE, type Problem } from "../../api.ts";
import { workspaceMessages } from "../messages.fr.ts";

export function problemText(problem: Problem, stale: string = workspaceMessages.case.steps.stale): string {
  if (problem.status === 412) return stale;
  if (problem.code === NETWORK_FAILURE) return workspaceMessages.networkFailure;
  const text = [problem.detail, ...problem.errors.map((issue) => issue.message)].filter(Boolean).join(" ");
  return text === "" ? workspaceMessages.unavailable : text;
}
