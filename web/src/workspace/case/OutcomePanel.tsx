// After closure: the outcome indicators of the accompaniment (what it achieved) and a comment, read from
// the case's quality view and written with the case's ETag.
import { Button, Checkbox, Paper, Stack, Text, Textarea, Title } from "@mantine/core";
import { type FormEvent, useEffect, useState } from "react";
import type { QualityView } from "../../../../src/contracts/diagnosis.ts";
import {
  CLOSURE_OUTCOME_LABELS,
  CLOSURE_OUTCOMES,
  type ClosureOutcome,
  QUALITY_LIMITS,
} from "../../../../src/core/diagnosis/index.ts";
import { callApi } from "../../api.ts";
import { workspaceMessages } from "../messages.fr.ts";
import type { Session } from "../session.ts";
import { type Announcement, LiveMessage } from "./LiveMessage.tsx";
import { problemText } from "./problemText.ts";

const text = workspaceMessages.outcome;

interface Props {
  caseId: string;
  etag: string;
  session: Session;
  mayChange: boolean;
  onChanged: () => Promise<void>;
}

export function OutcomePanel({ caseId, etag, session, mayChange, onChanged }: Props) {
  const [indicators, setIndicators] = useState<ClosureOutcome[]>([]);
  const [comment, setComment] = useState("");
  const [recorded, setRecorded] = useState<readonly ClosureOutcome[] | null>(null);
  const [message, setMessage] = useState<Announcement | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let current = true;
    void callApi<QualityView>(`/api/v1/cases/${caseId}/quality`).then((result) => {
      if (!current || !result.ok || result.body.outcomes === null) return;
      // The contract refers to ClosureOutcomes by $id: its static type is open, named here.
      const outcomes = result.body.outcomes as { indicators: ClosureOutcome[]; comment?: string };
      setIndicators(outcomes.indicators);
      setComment(outcomes.comment ?? "");
      setRecorded(outcomes.indicators);
    });
    return () => {
      current = false;
    };
  }, [caseId]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const result = await callApi<{ indicators: ClosureOutcome[] }>(`/api/v1/cases/${caseId}/outcome`, {
      method: "PUT",
      body: { indicators, ...(comment.trim() === "" ? {} : { comment: comment.trim() }) },
      csrfToken: session.csrfToken,
      ifMatch: etag,
    });
    setBusy(false);
    if (result.ok) {
      setRecorded(result.body.indicators);
      setMessage({ text: text.saved, error: false });
      await onChanged();
      return;
    }
    setMessage({ text: problemText(result.problem), error: true });
  }

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="resultats" data-testid="outcome-panel">
      <Title order={2} size="h3" id="resultats" mb="sm">
        {text.title}
      </Title>
      {recorded !== null && (
        <Text mb="sm" data-testid="outcome-recorded">
          {text.recorded}{" "}
          {recorded.length === 0
            ? text.none
            : recorded.map((indicator) => CLOSURE_OUTCOME_LABELS[indicator]).join(", ")}
        </Text>
      )}
      {mayChange && (
        <form aria-label={text.title} noValidate onSubmit={submit}>
          <Stack gap="sm">
            <Text size="sm">{text.intro}</Text>
            <fieldset style={{ border: 0, margin: 0, padding: 0 }}>
              <legend>
                <Text fw={600}>{text.legend}</Text>
              </legend>
              <Stack gap="xs" mt="xs">
                {CLOSURE_OUTCOMES.map((indicator) => (
                  <Checkbox
                    key={indicator}
                    id={`outcome-${indicator}`}
                    label={CLOSURE_OUTCOME_LABELS[indicator]}
                    checked={indicators.includes(indicator)}
                    onChange={(event) => {
                      const checked = event.currentTarget.checked;
                      setIndicators((current) =>
                        checked
                          ? CLOSURE_OUTCOMES.filter((one) => one === indicator || current.includes(one))
                          : current.filter((one) => one !== indicator),
                      );
                    }}
                  />
                ))}
              </Stack>
            </fieldset>
            <Textarea
              id="outcome-comment"
              label={text.comment}
              autosize
              minRows={2}
              maxLength={QUALITY_LIMITS.comment}
              value={comment}
              onChange={(event) => setComment(event.currentTarget.value)}
            />
            <LiveMessage message={message} testId="outcome-message" />
            <Button type="submit" loading={busy} style={{ alignSelf: "flex-start" }}>
              {text.save}
            </Button>
          </Stack>
        </form>
      )}
    </Paper>
  );
}
