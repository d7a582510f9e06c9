// Moves one unfinished action of the plan on (in progress, done, cancelled) with its outcome, sent with
// that action's own ETag: two people updating the same action never overwrite each other silently.
import { Button, NativeSelect, Stack, Textarea, Title } from "@mantine/core";
import { type FormEvent, useState } from "react";
import type { ActionView } from "../../../../src/contracts/diagnosis.ts";
import {
  ACTION_LIMITS,
  ACTION_STATUS_LABELS,
  ACTION_STATUSES,
  type ActionStatus,
} from "../../../../src/core/diagnosis/index.ts";
import { callApi } from "../../api.ts";
import { workspaceMessages } from "../messages.fr.ts";
import type { Session } from "../session.ts";
import { type Announcement, LiveMessage } from "./LiveMessage.tsx";
import { problemText } from "./problemText.ts";

const text = workspaceMessages.actionUpdate;
const FINISHED: readonly ActionStatus[] = ["done", "cancelled"];

interface Props {
  caseId: string;
  actions: readonly ActionView[];
  session: Session;
  onUpdated: () => Promise<void>;
}

export function ActionUpdateForm({ caseId, actions, session, onUpdated }: Props) {
  const open = actions.filter((action) => !FINISHED.includes(action.status));
  const [chosen, setChosen] = useState("");
  const [status, setStatus] = useState<ActionStatus>("done");
  const [outcome, setOutcome] = useState("");
  const [error, setError] = useState<string | undefined>(undefined);
  const [message, setMessage] = useState<Announcement | null>(null);
  const [busy, setBusy] = useState(false);
  if (open.length === 0) return null;
  const action = open.find((candidate) => candidate.id === chosen) ?? (open[0] as ActionView);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (FINISHED.includes(status) && outcome.trim() === "") {
      setError(text.outcomeRequired);
      document.getElementById("action-update-outcome")?.focus();
      return;
    }
    setError(undefined);
    setBusy(true);
    const result = await callApi<ActionView>(`/api/v1/cases/${caseId}/actions/${action.id}`, {
      method: "PATCH",
      body: { status, ...(outcome.trim() === "" ? {} : { outcome: outcome.trim() }) },
      csrfToken: session.csrfToken,
      ifMatch: `"${action.version}"`,
    });
    setBusy(false);
    if (result.ok) {
      setMessage({ text: text.saved(result.body.title, result.body.statusLabel), error: false });
      setOutcome("");
      setChosen("");
      await onUpdated();
      return;
    }
    const outcomeIssue = result.problem.errors.find((issue) => issue.path === "/outcome");
    if (outcomeIssue !== undefined) setError(outcomeIssue.message);
    setMessage({ text: problemText(result.problem, text.stale), error: true });
    if (result.problem.status === 412) await onUpdated();
  }

  return (
    <form aria-label={text.title} noValidate onSubmit={submit}>
      <Stack gap="sm" mt="md">
        <Title order={3} size="h4">
          {text.title}
        </Title>
        <NativeSelect
          id="action-update-action"
          label={text.action}
          value={action.id}
          onChange={(event) => setChosen(event.currentTarget.value)}
          data={open.map((candidate) => ({ value: candidate.id, label: candidate.title }))}
        />
        <NativeSelect
          id="action-update-status"
          label={text.status}
          w={260}
          value={status}
          onChange={(event) => setStatus(event.currentTarget.value as ActionStatus)}
          data={ACTION_STATUSES.filter((value) => value !== "planned").map((value) => ({
            value,
            label: ACTION_STATUS_LABELS[value],
          }))}
        />
        <Textarea
          id="action-update-outcome"
          label={text.outcome}
          autosize
          minRows={2}
          maxLength={ACTION_LIMITS.outcome}
          value={outcome}
          error={error}
          onChange={(event) => setOutcome(event.currentTarget.value)}
        />
        <LiveMessage message={message} testId="action-update-message" />
        <Button type="submit" loading={busy} style={{ alignSelf: "flex-start" }}>
          {text.save}
        </Button>
      </Stack>
    </form>
  );
}
