// The person's page behind the one-time acceptance link: the engagement in short (parties, actions and
// their due dates, the commitments, among which confidentiality towards the employer and free service),
// the full PDF, and one button that accepts it. The link works once: a used, expired or unknown link says so.
import { Anchor, Button, List, Paper, Stack, Text, Title } from "@mantine/core";
import { useEffect, useRef, useState } from "react";
import type { Static } from "typebox";
import type { EngagementSummarySchema } from "../../../src/contracts/documents.ts";
import { callApi, NETWORK_FAILURE, type Problem } from "../api.ts";
import { frenchDay } from "../frenchDates.ts";
import { linkMessages } from "./messages.fr.ts";
import { linkPageTitles } from "./pageTitles.fr.ts";

type EngagementSummary = Static<typeof EngagementSummarySchema>;

const text = linkMessages.engagement;

function refusal(problem: Problem): string {
  const { problems } = linkMessages;
  if (problem.status === 0 && problem.code === NETWORK_FAILURE) return problems.network;
  if (problem.status === 404) return problems.notFound;
  if (problem.code === "link_used") return problems.engagementUsed;
  if (problem.status === 410) return problems.engagementExpired;
  if (problem.status === 409) return problems.engagementNotSignable;
  return problems.other;
}

type State =
  | { kind: "loading" }
  | { kind: "ready"; summary: EngagementSummary }
  | { kind: "refused"; message: string }
  | { kind: "accepted"; on: string };

export default function EngagementPage({ token }: { token: string }) {
  const address = `/api/v1/engagements/${encodeURIComponent(token)}`;
  const [state, setState] = useState<State>({ kind: "loading" });
  const [sending, setSending] = useState(false);
  const [error, setError] = useState("");
  const outcome = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const controller = new AbortController();
    callApi<EngagementSummary>(address, { signal: controller.signal }).then(
      (result) =>
        setState(
          result.ok
            ? { kind: "ready", summary: result.body }
            : { kind: "refused", message: refusal(result.problem) },
        ),
      () => undefined,
    );
    return () => controller.abort();
  }, [address]);

  // The confirmation replaces the button: focus moves to it so that keyboard and screen reader users land on it.
  useEffect(() => {
    if (state.kind === "accepted") outcome.current?.focus();
  }, [state.kind]);

  async function accept() {
    setSending(true);
    setError("");
    const result = await callApi<{ acceptedOn: string }>(address, { method: "POST", body: { accept: true } });
    setSending(false);
    if (result.ok) setState({ kind: "accepted", on: result.body.acceptedOn });
    else if (result.problem.status === 0 || result.problem.status >= 500) setError(refusal(result.problem));
    else setState({ kind: "refused", message: refusal(result.problem) });
  }

  return (
    <Stack gap="md">
      <div aria-live="polite" data-testid="engagement-link-status">
        {state.kind === "loading" && <Text role="status">{linkPageTitles.engagement.loading}</Text>}
        {state.kind === "refused" && (
          <Paper withBorder p="md" className="notice" role="alert">
            <Text>{state.message}</Text>
          </Paper>
        )}
        {state.kind === "accepted" && (
          <Paper withBorder p="md" className="notice" ref={outcome} tabIndex={-1}>
            <Title order={2} size="h3" mb="xs">
              {text.acceptedTitle}
            </Title>
            <Text>{text.accepted(frenchDay(state.on))}</Text>
          </Paper>
        )}
      </div>
      {state.kind === "ready" && (
        <Summary summary={state.summary} sending={sending} error={error} onAccept={accept} />
      )}
    </Stack>
  );
}

function Summary({
  summary,
  sending,
  error,
  onAccept,
}: {
  summary: EngagementSummary;
  sending: boolean;
  error: string;
  onAccept: () => void;
}) {
  return (
    <Stack gap="md">
      <dl className="plain-list">
        <Text component="dt" fw={700}>
          {text.reference}
        </Text>
        <Text component="dd">{summary.reference}</Text>
        <Text component="dt" fw={700}>
          {text.person}
        </Text>
        <Text component="dd">{summary.person}</Text>
        <Text component="dt" fw={700}>
          {text.agency}
        </Text>
        <Text component="dd">{summary.agency}</Text>
        <Text component="dt" fw={700}>
          {text.counsellor}
        </Text>
        <Text component="dd">{summary.counsellor}</Text>
        {summary.basis !== "" && (
          <>
            <Text component="dt" fw={700}>
              {text.basis}
            </Text>
            <Text component="dd">{summary.basis}</Text>
          </>
        )}
      </dl>
      <section aria-labelledby="engagement-plan">
        <Title order={2} id="engagement-plan" mb="sm">
          {text.planHeading}
        </Title>
        {summary.actions.length === 0 ? (
          <Text>{text.noActions}</Text>
        ) : (
          <List spacing="xs" data-testid="engagement-actions">
            {summary.actions.map((action) => (
              <List.Item key={`${action.title}-${action.dueOn}`}>
                <Text component="span" fw={700}>
                  {action.title}
                </Text>{" "}
                ({action.kind}, {action.ownerLabel}) — {text.dueOn(frenchDay(action.dueOn))}
              </List.Item>
            ))}
          </List>
        )}
      </section>
      <section aria-labelledby="engagement-als">
        <Title order={2} id="engagement-als" mb="sm">
          {text.alsHeading}
        </Title>
        <List spacing="xs">
          {summary.alsCommitments.map((commitment) => (
            <List.Item key={commitment}>{commitment}</List.Item>
          ))}
        </List>
      </section>
      <section aria-labelledby="engagement-beneficiary">
        <Title order={2} id="engagement-beneficiary" mb="sm">
          {text.beneficiaryHeading}
        </Title>
        <List spacing="xs">
          {summary.beneficiaryCommitments.map((commitment) => (
            <List.Item key={commitment}>{commitment}</List.Item>
          ))}
        </List>
      </section>
      <Anchor href={summary.pdfPath} data-testid="engagement-link-pdf">
        {text.pdf}
      </Anchor>
      <Text size="sm">{text.expiresAt(frenchDay(summary.expiresAt.slice(0, 10)))}</Text>
      <div>
        <Button size="md" onClick={onAccept} loading={sending} disabled={sending}>
          {text.accept}
        </Button>
      </div>
      <div aria-live="assertive">{error !== "" && <Text c="red.9">{error}</Text>}</div>
    </Stack>
  );
}
