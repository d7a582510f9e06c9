// A result told in French, for the CLI's --explain and for anyone who reads rather than parses.
import { directiveByReference } from "./directives/index.ts";
import { EXPLANATION, FACT_LABELS } from "./messages.fr.ts";
import type { EligibilityResult } from "./types.ts";

export function explain(result: EligibilityResult): string {
  const directive = directiveByReference(result.directive);
  const lines = [EXPLANATION.heading(result.id)];
  if (directive !== undefined) {
    lines.push(
      EXPLANATION.directive(
        directive.reference,
        directive.title,
        directive.appliesFrom,
        directive.appliesUntil,
      ),
    );
  }
  lines.push(EXPLANATION.outcome(result.outcome), EXPLANATION.reasonsHeading);
  for (const reason of result.reasons)
    lines.push(EXPLANATION.reason(reason.clause, reason.status, reason.text));
  if (result.missing.length > 0) {
    lines.push(EXPLANATION.missing(result.missing.map((path) => FACT_LABELS[path] ?? path)));
  }
  if (directive?.modeKind === "loan_and_grant") {
    lines.push(EXPLANATION.parameters(result.parameters.tempWorkerMinHours));
  }
  lines.push(EXPLANATION.noEntitlement);
  return `${lines.join("\n")}\n`;
}
