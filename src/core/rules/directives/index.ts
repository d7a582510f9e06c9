// Every directive version, in the order they came into force. Each one stays in force until the day
// before the next one applies.
import type { DirectiveVersion } from "../types.ts";
import type { DirectiveDefinition } from "./define.ts";
import { PP_EX_CPA_2_DIR } from "./PP_EX_CPA_2_DIR.ts";
import { PP_SERV_ASD_2_DIR } from "./PP_SERV_ASD_2_DIR.ts";

export interface DirectiveWithRules extends DirectiveVersion {
  readonly rules: DirectiveDefinition["rules"];
}

const DEFINITIONS: readonly DirectiveDefinition[] = [PP_EX_CPA_2_DIR, PP_SERV_ASD_2_DIR];

function dayBefore(iso: string): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}

const sorted = [...DEFINITIONS].sort((a, b) => (a.appliesFrom < b.appliesFrom ? -1 : 1));

export const DIRECTIVES: readonly DirectiveWithRules[] = Object.freeze(
  sorted.map((definition, index) => {
    const next = sorted[index + 1];
    return Object.freeze({
      ...definition,
      appliesUntil: next === undefined ? null : dayBefore(next.appliesFrom),
    });
  }),
);

/** The version in force on `date` (ISO), or undefined before the first one applies. */
export function directiveInForce(date: string): DirectiveWithRules | undefined {
  for (let index = DIRECTIVES.length - 1; index >= 0; index--) {
    const directive = DIRECTIVES[index] as DirectiveWithRules;
    if (date >= directive.appliesFrom) return directive;
  }
  return undefined;
}

export function directiveByReference(reference: string): DirectiveWithRules | undefined {
  return DIRECTIVES.find((directive) => directive.reference === reference);
}
