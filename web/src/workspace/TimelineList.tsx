// A case's timeline, oldest first: when, what, who, and the few words that say what was decided.
import { Box, Text, Title } from "@mantine/core";
import type { CaseTimeline } from "../../../src/contracts/cases.ts";
import {
  CLOSURE_REASON_LABELS,
  type ClosureReason,
  DECISION_LABELS,
  type DecisionKind,
} from "../../../src/core/cases/index.ts";
import { OUTCOME_LABELS, type Outcome } from "../../../src/core/rules/index.ts";
import { frenchDay, frenchMoment } from "../frenchDates.ts";
import { workspaceMessages } from "./messages.fr.ts";

const text = workspaceMessages.case.timeline;
type Item = CaseTimeline["items"][number];

const has = <T extends string>(labels: Readonly<Record<T, string>>, value: unknown): value is T =>
  typeof value === "string" && Object.hasOwn(labels, value);

/** What an event adds to its label: the outcome, the decision and its motive, the closure reason… */
function detailOf(item: Item): string | undefined {
  const data = item.data as Record<string, unknown>;
  const snapshot = data.snapshot as { outcome?: unknown } | undefined;
  if (has(OUTCOME_LABELS, snapshot?.outcome)) return OUTCOME_LABELS[snapshot.outcome as Outcome];
  const decision = data.decision as { kind?: unknown; motive?: unknown } | undefined;
  if (has(DECISION_LABELS, decision?.kind)) {
    const kind = DECISION_LABELS[decision.kind as DecisionKind];
    return typeof decision.motive === "string" ? `${kind} — ${decision.motive}` : kind;
  }
  const closure = data.closure as { reason?: unknown; on?: unknown } | undefined;
  if (has(CLOSURE_REASON_LABELS, closure?.reason))
    return CLOSURE_REASON_LABELS[closure.reason as ClosureReason];
  if (typeof data.reason === "string") return data.reason;
  if (typeof data.on === "string") return frenchDay(data.on);
  return undefined;
}

export function TimelineList({ items }: { items: readonly Item[] | null }) {
  return (
    <Box component="section" aria-labelledby="historique">
      <Title order={2} size="h3" id="historique" mb="sm">
        {text.title}
      </Title>
      {items === null ? null : items.length === 0 ? (
        <Text>{text.empty}</Text>
      ) : (
        <ol className="timeline" data-testid="timeline">
          {items.map((item) => {
            const detail = detailOf(item);
            return (
              <li key={item.seq}>
                <Text size="sm" c="dimmed" component="span">
                  <time dateTime={item.occurredAt}>{frenchMoment(item.occurredAt)}</time>
                </Text>{" "}
                <Text component="span" fw={600}>
                  {text.events[item.type] ?? item.type}
                </Text>
                {detail !== undefined && <Text component="span"> : {detail}</Text>}{" "}
                <Text size="sm" component="span">
                  ({item.actor === null ? text.system : text.by(item.actor.name)})
                </Text>
              </li>
            );
          })}
        </ol>
      )}
    </Box>
  );
}
