// The partner worker's page: the cases the agencies referred to their organisation (contact and the agency's
// note, never the diagnosis) and, for one case at a time, the actions entrusted to them, whose state they
// update.
import {
  Anchor,
  Box,
  Button,
  Group,
  NativeSelect,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { type FormEvent, useCallback, useEffect, useState } from "react";
import type { ReferralSummary } from "../../../../src/contracts/cases.ts";
import type { ActionView } from "../../../../src/contracts/diagnosis.ts";
import { ACTION_STATUS_LABELS } from "../../../../src/core/diagnosis/messages.fr.ts";
import { ACTION_STATUSES, type ActionStatus } from "../../../../src/core/diagnosis/types.ts";
import { callApi, type Problem } from "../../api.ts";
import { frenchDay, frenchMoment } from "../../frenchDates.ts";
import type { Session } from "../session.ts";
import { WideTable } from "../WideTable.tsx";
import { roleMessages } from "./messages.fr.ts";

const text = roleMessages.referrals;

function problemText(problem: Problem): string {
  if (problem.status === 403) return roleMessages.forbidden;
  if (problem.status === 412) return text.stale;
  return problem.errors[0]?.message ?? (problem.detail || roleMessages.failed);
}

export function ReferralsPage({ session }: { session: Session }) {
  const [items, setItems] = useState<ReferralSummary[] | null>(null);
  const [failure, setFailure] = useState("");
  const [opened, setOpened] = useState<ReferralSummary | null>(null);

  useEffect(() => {
    void callApi<{ items: ReferralSummary[] }>("/api/v1/referrals?limit=100").then((result) => {
      if (result.ok) setItems(result.body.items);
      else setFailure(problemText(result.problem));
    });
  }, []);

  const columns = text.columns;
  return (
    <Stack gap="xl">
      <Title order={1}>{text.title}</Title>
      <Text>{text.intro}</Text>
      {failure !== "" ? (
        <Text role="alert">{failure}</Text>
      ) : items === null ? (
        <Text role="status">{text.loading}</Text>
      ) : items.length === 0 ? (
        <Text>{text.empty}</Text>
      ) : (
        <WideTable
          minWidth={800}
          caption={text.caption}
          striped
          data-testid="referrals"
          columns={[
            columns.reference,
            columns.person,
            columns.contact,
            columns.agency,
            columns.referredAt,
            columns.note,
          ]}
        >
          <Table.Tbody>
            {items.map((item) => (
              <Table.Tr key={item.caseId}>
                <Table.Th scope="row">
                  <Anchor
                    component="button"
                    type="button"
                    aria-label={text.showActions(item.reference)}
                    aria-expanded={opened?.caseId === item.caseId}
                    onClick={() => setOpened(item)}
                  >
                    {item.reference}
                  </Anchor>
                </Table.Th>
                <Table.Td>{item.personName}</Table.Td>
                <Table.Td>
                  {[item.contact.phone, item.contact.email].filter((value) => value !== null).join(" — ")}
                </Table.Td>
                <Table.Td>{item.agency.name}</Table.Td>
                <Table.Td>{frenchMoment(item.referredAt)}</Table.Td>
                <Table.Td>{item.note ?? ""}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </WideTable>
      )}
      {opened !== null && <ReferredActions key={opened.caseId} referral={opened} session={session} />}
    </Stack>
  );
}

function ReferredActions({ referral, session }: { referral: ReferralSummary; session: Session }) {
  const [actions, setActions] = useState<ActionView[] | null>(null);
  const [failure, setFailure] = useState("");
  const [announcement, setAnnouncement] = useState("");

  const load = useCallback(async () => {
    const result = await callApi<{ items: ActionView[] }>(`/api/v1/referrals/${referral.caseId}/actions`);
    if (result.ok) setActions(result.body.items);
    else setFailure(problemText(result.problem));
  }, [referral.caseId]);

  useEffect(() => {
    void load();
  }, [load]);

  const columns = text.actionColumns;
  return (
    <Box component="section" aria-labelledby="actions-confiees">
      <Title order={2} id="actions-confiees" mb="sm">
        {text.actionsTitle(referral.reference)}
      </Title>
      <div aria-live="polite">{announcement !== "" && <Text fw={600}>{announcement}</Text>}</div>
      {failure !== "" ? (
        <Text role="alert">{failure}</Text>
      ) : actions === null ? (
        <Text role="status">{text.loading}</Text>
      ) : actions.length === 0 ? (
        <Text>{text.actionsEmpty}</Text>
      ) : (
        <WideTable
          minWidth={800}
          caption={text.actionsCaption}
          striped
          data-testid="referred-actions"
          columns={[columns.title, columns.due, columns.status, columns.change]}
        >
          <Table.Tbody>
            {actions.map((action) => (
              <Table.Tr key={action.id}>
                <Table.Th scope="row">{action.title}</Table.Th>
                <Table.Td>{frenchDay(action.dueOn)}</Table.Td>
                <Table.Td>{action.statusLabel}</Table.Td>
                <Table.Td>
                  <ActionStatusForm
                    caseId={referral.caseId}
                    action={action}
                    session={session}
                    onSaved={() => {
                      setAnnouncement(text.saved(action.title));
                      void load();
                    }}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </WideTable>
      )}
    </Box>
  );
}

function ActionStatusForm({
  caseId,
  action,
  session,
  onSaved,
}: {
  caseId: string;
  action: ActionView;
  session: Session;
  onSaved: () => void;
}) {
  const [status, setStatus] = useState<ActionStatus>(action.status);
  const [outcome, setOutcome] = useState(action.outcome ?? "");
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const result = await callApi<ActionView>(`/api/v1/referrals/${caseId}/actions/${action.id}`, {
      method: "PATCH",
      body: { status, ...(outcome.trim() === "" ? {} : { outcome: outcome.trim() }) },
      csrfToken: session.csrfToken,
      ifMatch: `"${action.version}"`,
    });
    setBusy(false);
    if (!result.ok) {
      setError(problemText(result.problem));
      return;
    }
    setError("");
    onSaved();
  }

  return (
    <form onSubmit={submit}>
      <Group align="flex-end" gap="xs" wrap="wrap">
        <NativeSelect
          id={`etat-${action.id}`}
          label={text.statusLabel(action.title)}
          value={status}
          onChange={(event) => setStatus(event.currentTarget.value as ActionStatus)}
          data={ACTION_STATUSES.map((value) => ({ value, label: ACTION_STATUS_LABELS[value] }))}
        />
        <TextInput
          id={`resultat-${action.id}`}
          label={text.outcome(action.title)}
          value={outcome}
          maxLength={2000}
          onChange={(event) => setOutcome(event.currentTarget.value)}
        />
        <Button type="submit" size="sm" loading={busy}>
          {text.save}
        </Button>
      </Group>
      <span aria-live="assertive">
        {error !== "" && (
          <Text size="sm" c="red.9" component="span">
            {error}
          </Text>
        )}
      </span>
    </form>
  );
}
