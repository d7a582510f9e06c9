// Two versions side by side, clause by clause, paired by topic, with word-level differences that the
// web application highlights.
import type { DirectiveWithRules } from "./directives/index.ts";
import { TOPIC_LABELS } from "./messages.fr.ts";
import type { Clause, ClauseTopic } from "./types.ts";

export type ClauseChange = "unchanged" | "changed" | "added" | "removed";

export interface TextSegment {
  kind: "same" | "removed" | "added";
  text: string;
}

export interface ComparisonRow {
  topic: ClauseTopic;
  label: string;
  change: ClauseChange;
  from: readonly Clause[];
  to: readonly Clause[];
  /** The joined texts of both sides, word by word. */
  segments: TextSegment[];
}

export interface DirectiveComparison {
  from: string;
  to: string;
  rows: ComparisonRow[];
}

export function compareDirectives(from: DirectiveWithRules, to: DirectiveWithRules): DirectiveComparison {
  const topics: ClauseTopic[] = [];
  for (const clause of [...from.clauses, ...to.clauses]) {
    if (!topics.includes(clause.topic)) topics.push(clause.topic);
  }
  const rows = topics.map((topic): ComparisonRow => {
    const before = from.clauses.filter((clause) => clause.topic === topic);
    const after = to.clauses.filter((clause) => clause.topic === topic);
    const oldText = before.map((clause) => clause.text).join(" ");
    const newText = after.map((clause) => clause.text).join(" ");
    const change: ClauseChange =
      before.length === 0
        ? "added"
        : after.length === 0
          ? "removed"
          : oldText === newText
            ? "unchanged"
            : "changed";
    return {
      topic,
      label: TOPIC_LABELS[topic],
      change,
      from: before,
      to: after,
      segments: diffWords(oldText, newText),
    };
  });
  return { from: from.reference, to: to.reference, rows };
}

/**
 * Longest common subsequence of words and of the spaces between them, so that the segments rebuild both
 * texts exactly (same + removed = before, same + added = after). The texts are a few hundred words at most.
 */
export function diffWords(before: string, after: string): TextSegment[] {
  const a = before.split(/(\s+)/).filter((token) => token !== "");
  const b = after.split(/(\s+)/).filter((token) => token !== "");
  const lengths: number[][] = Array.from({ length: a.length + 1 }, () =>
    new Array<number>(b.length + 1).fill(0),
  );
  const at = (i: number, j: number) => (lengths[i] as number[])[j] as number;
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      (lengths[i] as number[])[j] =
        a[i] === b[j] ? at(i + 1, j + 1) + 1 : Math.max(at(i + 1, j), at(i, j + 1));
    }
  }
  const segments: TextSegment[] = [];
  const push = (kind: TextSegment["kind"], text: string) => {
    const last = segments[segments.length - 1];
    if (last !== undefined && last.kind === kind) last.text += text;
    else segments.push({ kind, text });
  };
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      push("same", b[j] as string);
      i++;
      j++;
    } else if (at(i + 1, j) >= at(i, j + 1)) {
      push("removed", a[i++] as string);
    } else {
      push("added", b[j++] as string);
    }
  }
  while (i < a.length) push("removed", a[i++] as string);
  while (j < b.length) push("added", b[j++] as string);
  return segments;
}
