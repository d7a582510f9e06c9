// Typical journeys through the lifecycle, as command lists: the tests use them to reach each state, and a
// demo seed can use them to spread cases over every state. Built only from legal commands, so every state
// they reach is one the machine reaches.
import { RULES_ENGINE_VERSION } from "../rules/evaluate.ts";
import type { Outcome } from "../rules/types.ts";
import { openCase, transition } from "./machine.ts";
import type { Case, CaseCommand, CaseStatus, EligibilitySummary } from "./types.ts";

export function snapshotSummary(
  directive: string,
  outcome: Outcome,
  assessedOn: string,
  engineVersion = RULES_ENGINE_VERSION,
): EligibilitySummary {
  return { directive, outcome, engineVersion, assessedOn };
}

/** The commands that take a case received on `requestedOn`, under `directive`, to `status`. */
export function journeyTo(status: CaseStatus, directive: string, requestedOn: string): CaseCommand[] {
  const assess: CaseCommand = {
    type: "assessEligibility",
    snapshot: snapshotSummary(directive, "eligible", requestedOn),
  };
  const toPlan: CaseCommand[] = [
    assess,
    { type: "admit" },
    { type: "startDiagnosis" },
    { type: "proposePlan" },
  ];
  switch (status) {
    case "request_received":
      return [];
    case "eligibility_assessed":
      return [assess];
    case "admitted":
      return [assess, { type: "admit" }];
    case "refused":
      return [assess, { type: "refuse", motive: "Situation sans lien avec le logement." }];
    case "redirected":
      return [assess, { type: "redirect", motive: "Relève du CCAS de la commune." }];
    case "diagnosis":
      return toPlan.slice(0, 3);
    case "action_plan":
      return toPlan;
    case "engagement":
      return [...toPlan, { type: "signEngagement", on: requestedOn }];
    case "follow_up":
      return [...toPlan, { type: "signEngagement", on: requestedOn }, { type: "startFollowUp" }];
    case "closed":
      return [
        ...toPlan,
        { type: "signEngagement", on: requestedOn },
        { type: "startFollowUp" },
        { type: "close", reason: "resolved", on: requestedOn },
      ];
  }
}

/** Opens a case on `requestedOn` and applies `commands`; throws on the first refusal (a bug in the caller). */
export function caseAfter(requestedOn: string, commands: readonly CaseCommand[]): Case {
  const opened = openCase({ requestedOn });
  if (!opened.ok) throw new Error(`openCase: ${opened.error.code}`);
  let state = opened.state;
  for (const command of commands) {
    const result = transition(state, command);
    if (!result.ok) throw new Error(`${command.type}: ${result.error.code} ${result.error.message}`);
    state = result.state;
  }
  return state;
}
