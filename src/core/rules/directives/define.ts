// The shape of one directive version file: its identity, its clauses quoted from the text, and the rules
// that read them. Adding a version means adding one such file and listing it in directives/index.ts.
import type { DirectiveRules } from "../findings.ts";
import type { Clause, ClauseTopic, DirectiveVersion } from "../types.ts";

export interface DirectiveDefinition extends Omit<DirectiveVersion, "appliesUntil"> {
  readonly rules: DirectiveRules;
}

export interface ClauseInput {
  readonly section: string;
  readonly topic: ClauseTopic;
  readonly heading: string;
  readonly kind: Clause["kind"];
  readonly text: string;
  readonly condition: string;
}

/** Numbers the clauses of each section in order: `<reference>/<section>/<n>`, stable as long as the text is. */
export function defineClauses<K extends string>(
  reference: string,
  inputs: Readonly<Record<K, ClauseInput>>,
): Readonly<Record<K, Clause>> {
  const counters = new Map<string, number>();
  const clauses = {} as Record<K, Clause>;
  for (const key of Object.keys(inputs) as K[]) {
    const input = inputs[key];
    const number = (counters.get(input.section) ?? 0) + 1;
    counters.set(input.section, number);
    clauses[key] = Object.freeze({
      id: `${reference}/${input.section}/${number}`,
      topic: input.topic,
      heading: input.heading,
      kind: input.kind,
      text: input.text,
      condition: input.condition,
    });
  }
  return Object.freeze(clauses);
}
