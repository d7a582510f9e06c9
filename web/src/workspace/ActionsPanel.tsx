// The action plan: the case's actions by due date (overdue ones said so in words, with the rental service's
// notice when the API attaches it), and a form to add one, sent with the case's ETag.
import { Button, Group, NativeSelect, Paper, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { type FormEvent, useCallback, useEffect, useRef, useState } from "react";
import type { ActionView } from "../../../src/contracts/diagnosis.ts";
import {
  ACTION_KIND_LABELS,
  ACTION_KINDS,
  ACTION_LIMITS,
  ACTION_OWNER_LABELS,
  ACTION_OWNERS,
  type ActionKind,
  EXTERNAL_AID_LABELS,
  EXTERNAL_AIDS,
} from "../../../src/core/diagnosis/index.ts";
import { callApi, NETWORK_FAILURE } from "../api.ts";
import { frenchDay, isoDay } from "../frenchDates.ts";
import { ActionUpdateForm } from "./case/ActionUpdateForm.tsx";
import { workspaceMessages } from "./messages.fr.ts";
import type { Session } from "./session.ts";
import { WideTable } from "./WideTable.tsx";

const text = workspaceMessages.actions;

// Action Logement products come from the catalogue, which has no screen yet; partner referrals need a
// partner organisation: both are left to the API for now and not offered here.
const OFFERED_KINDS = ACTION_KINDS.filter((kind) => kind !== "al_product" && kind !== "partner_referral");

interface Props {
  caseId: string;
  etag: string;
  session: Session;
  mayChange: boolean;
  onChanged: () => Promise<void>;
}

export function ActionsPanel({ caseId, etag, session, mayChange, onChanged }: Props) {
  const [items, setItems] = useState<ActionView[] | null>(null);
  const load = useCallback(async () => {
    const result = await callApi<{ items: ActionView[] }>(`/api/v1/cases/${caseId}/actions`);
    setItems(result.ok ? result.body.items : []);
  }, [caseId]);
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="plan">
      <Title order={2} size="h3" id="plan" mb="sm">
        {text.title}
      </Title>
      {items === null ? null : items.length === 0 ? (
        <Text>{text.empty}</Text>
      ) : (
        <WideTable
          minWidth={640}
          caption={text.caption}
          data-testid="actions"
          columns={[
            text.columns.title,
            text.columns.kind,
            text.columns.owner,
            text.columns.due,
            text.columns.status,
          ]}
        >
          <Table.Tbody>
            {items.map((action) => (
              <Table.Tr key={action.id}>
                <Table.Th scope="row">
                  {action.title}
                  {action.notice !== null && (
                    <Text size="sm" fw={400}>
                      {action.notice.text}
                    </Text>
                  )}
                </Table.Th>
                <Table.Td>
                  {action.kindLabel}
                  {action.externalAid !== null && ` — ${EXTERNAL_AID_LABELS[action.externalAid]}`}
                </Table.Td>
                <Table.Td>{ACTION_OWNER_LABELS[action.owner]}</Table.Td>
                <Table.Td>
                  {frenchDay(action.dueOn)}
                  {action.overdue && (
                    <Text size="sm" c="red.9" fw={600}>
                      {text.overdue(action.daysOverdue)}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{action.statusLabel}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </WideTable>
      )}
      {mayChange && items !== null && (
        <ActionUpdateForm
          caseId={caseId}
          actions={items}
          session={session}
          onUpdated={async () => {
            await load();
            await onChanged();
          }}
        />
      )}
      {mayChange && (
        <AddAction
          caseId={caseId}
          etag={etag}
          session={session}
          onAdded={async () => {
            await load();
            await onChanged();
          }}
        />
      )}
    </Paper>
  );
}

function AddAction({
  caseId,
  etag,
  session,
  onAdded,
}: {
  caseId: string;
  etag: string;
  session: Session;
  onAdded: () => Promise<void>;
}) {
  const [kind, setKind] = useState<ActionKind>("external_aid");
  const [title, setTitle] = useState("");
  const [externalAid, setExternalAid] = useState<string>("fsl");
  const [owner, setOwner] = useState<string>("counsellor");
  const [due, setDue] = useState("");
  const [errors, setErrors] = useState<Partial<Record<"title" | "due", string>>>({});
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  const messageLine = useRef<HTMLParagraphElement>(null);
  // The button is disabled while sending, which drops the keyboard focus: the outcome's line takes it.
  const [outcomeShown, setOutcomeShown] = useState(0);
  useEffect(() => {
    if (outcomeShown > 0) messageLine.current?.focus();
  }, [outcomeShown]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: typeof errors = {};
    if (title.trim() === "") found.title = text.required;
    const dueOn = isoDay(due);
    if (dueOn === undefined) found.due = due.trim() === "" ? text.required : text.dateFormat;
    setErrors(found);
    if (Object.keys(found).length > 0) {
      document.getElementById(found.title ? "action-title" : "action-due")?.focus();
      return;
    }
    setBusy(true);
    const result = await callApi<ActionView>(`/api/v1/cases/${caseId}/actions`, {
      method: "POST",
      body: {
        kind,
        title: title.trim(),
        owner,
        dueOn,
        ...(kind === "external_aid" ? { externalAid } : {}),
      },
      csrfToken: session.csrfToken,
      ifMatch: etag,
    });
    setBusy(false);
    if (result.ok) {
      setMessage({ text: text.added(result.body.title), error: false });
      setTitle("");
      setDue("");
      setOutcomeShown((count) => count + 1);
      await onAdded();
      return;
    }
    const { problem } = result;
    setMessage({
      text:
        problem.status === 412
          ? workspaceMessages.case.steps.stale
          : problem.code === NETWORK_FAILURE
            ? workspaceMessages.networkFailure
            : [problem.detail, ...problem.errors.map((issue) => issue.message)].filter(Boolean).join(" "),
      error: true,
    });
    setOutcomeShown((count) => count + 1);
  }

  return (
    <form aria-label={text.addTitle} noValidate onSubmit={submit}>
      <Stack gap="sm" mt="md">
        <Title order={3} size="h4">
          {text.addTitle}
        </Title>
        <Group align="flex-start" wrap="wrap">
          <NativeSelect
            id="action-kind"
            label={text.kind}
            value={kind}
            onChange={(event) => setKind(event.currentTarget.value as ActionKind)}
            data={OFFERED_KINDS.map((value) => ({ value, label: ACTION_KIND_LABELS[value] }))}
          />
          {kind === "external_aid" && (
            <NativeSelect
              id="action-externalAid"
              label={text.externalAid}
              value={externalAid}
              onChange={(event) => setExternalAid(event.currentTarget.value)}
              data={EXTERNAL_AIDS.map((value) => ({ value, label: EXTERNAL_AID_LABELS[value] }))}
            />
          )}
          <NativeSelect
            id="action-owner"
            label={text.owner}
            value={owner}
            onChange={(event) => setOwner(event.currentTarget.value)}
            data={ACTION_OWNERS.filter((value) => value !== "partner").map((value) => ({
              value,
              label: ACTION_OWNER_LABELS[value],
            }))}
          />
        </Group>
        <TextInput
          id="action-title"
          label={text.actionTitle}
          required
          maxLength={ACTION_LIMITS.title}
          value={title}
          error={errors.title}
          onChange={(event) => setTitle(event.currentTarget.value)}
        />
        <TextInput
          id="action-due"
          label={text.dueOn}
          description={text.dueHint}
          required
          inputMode="numeric"
          w={200}
          value={due}
          error={errors.due}
          onChange={(event) => setDue(event.currentTarget.value)}
        />
        <div aria-live="polite" aria-atomic="true" data-testid="action-message">
          {message !== null && (
            <Text ref={messageLine} tabIndex={-1} fw={600} c={message.error ? "red.9" : undefined}>
              {message.text}
            </Text>
          )}
        </div>
        <Button type="submit" loading={busy} style={{ alignSelf: "flex-start" }}>
          {text.add}
        </Button>
      </Stack>
    </form>
  );
}
