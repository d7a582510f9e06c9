// The French sentence for a refusal of the API as a whole on the pages of « Mes pages » (the roles' and the
// administrator's): the role gives no access (403), or the API's own French detail.
import type { Problem } from "../../api.ts";
import { roleMessages } from "./messages.fr.ts";

export function problemText(problem: Problem): string {
  if (problem.status === 403) return roleMessages.forbidden;
  return problem.detail || roleMessages.failed;
}
