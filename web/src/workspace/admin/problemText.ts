// The French sentence for a refusal of the API as a whole, on the administrator's pages.
import type { Problem } from "../../api.ts";
import { adminMessages } from "./messages.fr.ts";

export function problemText(problem: Problem): string {
  if (problem.status === 403) return adminMessages.forbidden;
  return problem.detail || adminMessages.failed;
}
