// What changes for a situation when another version applies: both results, and the clauses whose
// findings differ. The case system flags open cases with it when a new version comes into force.
import { DIRECTIVES, type DirectiveWithRules } from "./directives/index.ts";
import { evaluateUnder } from "./evaluate.ts";
import type { ClauseTopic, EligibilityResult, RuleParameters, Situation } from "./types.ts";

export interface ImpactResult {
  id?: string;
  changed: boolean;
  from: EligibilityResult;
  to: EligibilityResult;
  /** Clauses (of either version) on the topics whose statuses differ, in the order of the results. */
  clauses: string[];
}

let topicsById: Map<string, ClauseTopic> | undefined;
function topicOf(clause: string): ClauseTopic | undefined {
  if (topicsById === undefined) {
    topicsById = new Map(DIRECTIVES.flatMap((directive) => directive.clauses.map((c) => [c.id, c.topic])));
  }
  return topicsById.get(clause);
}

function findingsByTopic(result: EligibilityResult): Map<string, string> {
  const byTopic = new Map<string, string>();
  for (const reason of result.reasons) {
    const topic = topicOf(reason.clause) ?? reason.clause;
    byTopic.set(topic, `${byTopic.get(topic) ?? ""}${reason.status} `);
  }
  return byTopic;
}

export function impact(
  situation: Situation,
  from: DirectiveWithRules,
  to: DirectiveWithRules,
  parameters?: RuleParameters,
): ImpactResult {
  const { id: _fromId, ...before } = evaluateUnder(from, situation, parameters);
  const { id: _toId, ...after } = evaluateUnder(to, situation, parameters);
  const changed = before.outcome !== after.outcome;
  const clauses: string[] = [];
  if (changed) {
    const old = findingsByTopic(before);
    const now = findingsByTopic(after);
    for (const reason of [...before.reasons, ...after.reasons]) {
      const topic = topicOf(reason.clause) ?? reason.clause;
      if (old.get(topic) !== now.get(topic) && !clauses.includes(reason.clause)) clauses.push(reason.clause);
    }
  }
  const result: ImpactResult = { changed, from: before, to: after, clauses };
  return situation.id === undefined ? result : { id: situation.id, ...result };
}
