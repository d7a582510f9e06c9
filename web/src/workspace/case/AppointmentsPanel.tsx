// The follow-up's appointments: those already held or planned, and a form to record one (date and time,
// visit / phone / video, notes). The notes are sensitive: the API leaves them out for whoever may not read
// them, and the panel says so.
import { Button, NativeSelect, Paper, Stack, Table, Text, Textarea, TextInput, Title } from "@mantine/core";
import { type FormEvent, useEffect, useState } from "react";
import type { AppointmentView } from "../../../../src/contracts/diagnosis.ts";
import {
  APPOINTMENT_CHANNEL_LABELS,
  APPOINTMENT_CHANNELS,
  type AppointmentChannel,
  DIAGNOSIS_LIMITS,
} from "../../../../src/core/diagnosis/index.ts";
import { callApi } from "../../api.ts";
import { frenchMoment } from "../../frenchDates.ts";
import { workspaceMessages } from "../messages.fr.ts";
import type { Session } from "../session.ts";
import { WideTable } from "../WideTable.tsx";
import { type Announcement, LiveMessage } from "./LiveMessage.tsx";
import { problemText } from "./problemText.ts";

const text = workspaceMessages.appointments;

interface Props {
  caseId: string;
  etag: string;
  session: Session;
  mayAdd: boolean;
  onChanged: () => Promise<void>;
}

interface AppointmentList {
  items: AppointmentView[];
  sensitiveHidden: boolean;
}

export function AppointmentsPanel({ caseId, etag, session, mayAdd, onChanged }: Props) {
  const [list, setList] = useState<AppointmentList | null>(null);
  useEffect(() => {
    // Read again with each new version of the case: an appointment recorded here changes it.
    void etag;
    let current = true;
    void callApi<AppointmentList>(`/api/v1/cases/${caseId}/appointments`).then((result) => {
      if (current) setList(result.ok ? result.body : { items: [], sensitiveHidden: false });
    });
    return () => {
      current = false;
    };
  }, [caseId, etag]);

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="rendez-vous">
      <Title order={2} size="h3" id="rendez-vous" mb="sm">
        {text.title}
      </Title>
      {list === null ? null : list.items.length === 0 ? (
        <Text>{text.empty}</Text>
      ) : (
        <WideTable
          minWidth={560}
          caption={text.caption}
          data-testid="appointments"
          columns={[
            text.columns.at,
            text.columns.channel,
            !list.sensitiveHidden && text.columns.notes,
            text.columns.by,
          ]}
        >
          <Table.Tbody>
            {list.items.map((appointment) => (
              <Table.Tr key={appointment.id}>
                <Table.Th scope="row">{frenchMoment(appointment.at)}</Table.Th>
                <Table.Td>{appointment.channelLabel}</Table.Td>
                {!list.sensitiveHidden && (
                  <Table.Td className="written-text">{appointment.notes ?? ""}</Table.Td>
                )}
                <Table.Td>{appointment.createdBy?.name ?? ""}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </WideTable>
      )}
      {list?.sensitiveHidden && <Text size="sm">{text.notesHidden}</Text>}
      {mayAdd && <AddAppointment caseId={caseId} etag={etag} session={session} onAdded={onChanged} />}
    </Paper>
  );
}

function AddAppointment({
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
  const [at, setAt] = useState("");
  const [channel, setChannel] = useState<AppointmentChannel>("visit");
  const [notes, setNotes] = useState("");
  const [error, setError] = useState<string | undefined>(undefined);
  const [message, setMessage] = useState<Announcement | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    // datetime-local gives the wall-clock time of the counsellor's browser: Date reads it in that zone.
    const moment = at === "" ? Number.NaN : new Date(at).getTime();
    if (Number.isNaN(moment)) {
      setError(text.required);
      document.getElementById("appointment-at")?.focus();
      return;
    }
    setError(undefined);
    setBusy(true);
    const result = await callApi<AppointmentView>(`/api/v1/cases/${caseId}/appointments`, {
      method: "POST",
      body: {
        at: new Date(moment).toISOString(),
        channel,
        ...(notes.trim() === "" ? {} : { notes: notes.trim() }),
      },
      csrfToken: session.csrfToken,
      ifMatch: etag,
    });
    setBusy(false);
    if (result.ok) {
      setMessage({ text: text.added(frenchMoment(result.body.at)), error: false });
      setAt("");
      setNotes("");
      await onAdded();
      return;
    }
    const atIssue = result.problem.errors.find((issue) => issue.path === "/at");
    if (atIssue !== undefined) setError(atIssue.message);
    setMessage({ text: problemText(result.problem), error: true });
  }

  return (
    <form aria-label={text.addTitle} noValidate onSubmit={submit}>
      <Stack gap="sm" mt="md">
        <Title order={3} size="h4">
          {text.addTitle}
        </Title>
        <TextInput
          id="appointment-at"
          type="datetime-local"
          label={text.at}
          required
          w={260}
          value={at}
          error={error}
          onChange={(event) => setAt(event.currentTarget.value)}
        />
        <NativeSelect
          id="appointment-channel"
          label={text.channel}
          w={260}
          value={channel}
          onChange={(event) => setChannel(event.currentTarget.value as AppointmentChannel)}
          data={APPOINTMENT_CHANNELS.map((value) => ({ value, label: APPOINTMENT_CHANNEL_LABELS[value] }))}
        />
        <Textarea
          id="appointment-notes"
          label={text.notes}
          autosize
          minRows={2}
          maxLength={DIAGNOSIS_LIMITS.sensitiveText}
          value={notes}
          onChange={(event) => setNotes(event.currentTarget.value)}
        />
        <LiveMessage message={message} testId="appointment-message" />
        <Button type="submit" loading={busy} style={{ alignSelf: "flex-start" }}>
          {text.add}
        </Button>
      </Stack>
    </form>
  );
}
