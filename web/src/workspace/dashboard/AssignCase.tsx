// A manager assigns (or reassigns) a case to one of the agency's counsellors, chosen from
// GET /api/v1/agency/counsellors with each one's open cases, through POST /api/v1/cases/{id}/assign with
// the case's ETag. Used on the caseload (new requests nobody has taken) and on the case page.
import { Button, Group, NativeSelect, Text } from "@mantine/core";
import { type FormEvent, useEffect, useState } from "react";
import type { CaseDetail } from "../../../../src/contracts/cases.ts";
import type { AgencyCounsellors } from "../../../../src/contracts/statistics.ts";
import { callApi, NETWORK_FAILURE } from "../../api.ts";
import { workspaceMessages } from "../messages.fr.ts";
import type { Session } from "../session.ts";
import { dashboardMessages } from "./messages.fr.ts";

const text = dashboardMessages.assign;

/** The agency's active counsellors, read once; null while loading, "failed" when unavailable. */
export function useAgencyCounsellors(enabled: boolean): AgencyCounsellors | null | "failed" {
  const [counsellors, setCounsellors] = useState<AgencyCounsellors | null | "failed">(null);
  useEffect(() => {
    if (!enabled) return;
    void callApi<AgencyCounsellors>("/api/v1/agency/counsellors").then((result) =>
      setCounsellors(result.ok ? result.body : "failed"),
    );
  }, [enabled]);
  return counsellors;
}

interface Props {
  caseId: string;
  reference: string;
  currentCounsellorId: string | null;
  /** The case's ETag when the page holds it; otherwise the case is read first to get it. */
  etag?: string;
  session: Session;
  counsellors: AgencyCounsellors | null | "failed";
  onAssigned: (detail: CaseDetail, etag: string) => void;
}

export function AssignCase({
  caseId,
  reference,
  currentCounsellorId,
  etag,
  session,
  counsellors,
  onAssigned,
}: Props) {
  const [chosen, setChosen] = useState(currentCounsellorId ?? "");
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const fieldId = `attribuer-${caseId}`;

  if (counsellors === "failed") return <Text c="red.9">{text.unavailable}</Text>;
  if (counsellors === null) return <Text role="status">{workspaceMessages.loading}</Text>;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (chosen === "") {
      setMessage({ text: text.required, error: true });
      document.getElementById(fieldId)?.focus();
      return;
    }
    setBusy(true);
    let version = etag;
    if (version === undefined) {
      const read = await callApi<CaseDetail>(`/api/v1/cases/${caseId}`);
      if (read.ok && read.etag !== null) version = read.etag;
    }
    const result = await callApi<CaseDetail>(`/api/v1/cases/${caseId}/assign`, {
      method: "POST",
      body: { counsellorUserId: chosen },
      csrfToken: session.csrfToken,
      ...(version === undefined ? {} : { ifMatch: version }),
    });
    setBusy(false);
    if (result.ok) {
      const name = result.body.counsellor?.name ?? "";
      setMessage({ text: text.done(name), error: false });
      onAssigned(result.body, result.etag ?? `"${result.body.version}"`);
      return;
    }
    const { problem } = result;
    const detail =
      problem.status === 412
        ? text.stale
        : problem.code === NETWORK_FAILURE
          ? workspaceMessages.networkFailure
          : (problem.errors[0]?.message ?? (problem.detail || text.failed));
    setMessage({ text: detail, error: true });
  }

  return (
    <form aria-label={text.submitFor(reference)} noValidate onSubmit={submit}>
      <Group align="flex-end" gap="xs" wrap="wrap">
        <NativeSelect
          id={fieldId}
          label={text.label}
          aria-label={text.labelFor(reference)}
          value={chosen}
          onChange={(event) => setChosen(event.currentTarget.value)}
          data={[
            { value: "", label: text.choose },
            ...counsellors.map((counsellor) => ({
              value: counsellor.id,
              label: text.option(counsellor.displayName, counsellor.openCases),
            })),
          ]}
        />
        <Button type="submit" variant="outline" loading={busy} aria-label={text.submitFor(reference)}>
          {text.submit}
        </Button>
      </Group>
      <div aria-live="polite" aria-atomic="true">
        {message !== null && (
          <Text size="sm" mt={4} fw={600} c={message.error ? "red.9" : undefined}>
            {message.text}
          </Text>
        )}
      </div>
    </form>
  );
}
