// The documents Appui writes for the case and the engagement's signature: the refusal letter of a refused
// case; from the plan on, the engagement PDF, whether it is signed (or waived, and why), the one-time
// acceptance link to send to the person, and the upload of a scan signed on paper.
import { Anchor, Button, Group, Paper, Stack, Text, TextInput, Title } from "@mantine/core";
import { useState } from "react";
import type { CaseDetail } from "../../../../src/contracts/cases.ts";
import { type CaseStatus, COMMAND_LABELS, nextSteps } from "../../../../src/core/cases/index.ts";
import { callApi } from "../../api.ts";
import { frenchDay, frenchMoment } from "../../frenchDates.ts";
import { caseState } from "../caseState.ts";
import { workspaceMessages } from "../messages.fr.ts";
import type { Session } from "../session.ts";
import { DocumentUpload } from "./DocumentUpload.tsx";
import { type Announcement, LiveMessage } from "./LiveMessage.tsx";
import { problemText } from "./problemText.ts";

const text = workspaceMessages.engagement;

/** The steps at which the engagement exists (the API's rule for its PDF: from the plan on). */
const ENGAGEMENT_SHOWN: readonly CaseStatus[] = ["action_plan", "engagement", "follow_up", "closed"];
/** The steps at which a signed scan is accepted (the API's rule: from the plan on, until closure). */
const SCAN_ACCEPTED: readonly CaseStatus[] = ["action_plan", "engagement", "follow_up"];

interface Props {
  detail: CaseDetail;
  etag: string;
  session: Session;
  mayChange: boolean;
  onChanged: () => Promise<void>;
}

interface Link {
  path: string;
  expiresAt: string;
}

export function EngagementPanel({ detail, etag, session, mayChange, onChanged }: Props) {
  const [link, setLink] = useState<Link | null>(null);
  const [message, setMessage] = useState<Announcement | null>(null);
  const [busy, setBusy] = useState(false);
  const refused = detail.decision?.kind === "refused";
  const shown = ENGAGEMENT_SHOWN.includes(detail.status);
  if (!refused && !shown) return null;
  const signable = nextSteps(caseState(detail)).some((step) => step.command === "signEngagement");
  const base = `/api/v1/cases/${detail.id}`;

  async function createLink() {
    setBusy(true);
    const result = await callApi<Link>(`${base}/engagement/link`, {
      method: "POST",
      csrfToken: session.csrfToken,
      ifMatch: etag,
    });
    setBusy(false);
    if (!result.ok) {
      setMessage({ text: problemText(result.problem), error: true });
      return;
    }
    setLink(result.body);
    setMessage({ text: text.linkCreated, error: false });
    await onChanged();
  }

  async function copy(address: string) {
    try {
      await navigator.clipboard.writeText(address);
      setMessage({ text: text.copied, error: false });
    } catch {
      setMessage({ text: text.copyFailed, error: true });
    }
  }

  const engagement = detail.engagement;
  const address = link === null ? "" : `${window.location.origin}${link.path}`;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="engagement" data-testid="engagement-panel">
      <Title order={2} size="h3" id="engagement" mb="sm">
        {text.title}
      </Title>
      <Stack gap="sm">
        {refused && (
          <Anchor
            href={`${base}/letters/refusal.pdf`}
            target="_blank"
            rel="noopener"
            data-testid="refusal-pdf"
          >
            {text.refusalLetter} <span className="visually-hidden">{text.newTab}</span>
          </Anchor>
        )}
        {shown && (
          <>
            <Anchor
              href={`${base}/engagement.pdf`}
              target="_blank"
              rel="noopener"
              data-testid="engagement-pdf"
            >
              {text.preview} <span className="visually-hidden">{text.newTab}</span>
            </Anchor>
            <Text data-testid="engagement-status">
              <strong>{text.status}</strong>{" "}
              {engagement === null
                ? text.notYet
                : engagement.kind === "signed"
                  ? text.signed(frenchDay(engagement.on))
                  : text.waived(frenchDay(engagement.on), engagement.reason ?? "")}
            </Text>
          </>
        )}
        {mayChange && signable && (
          <Stack gap="xs">
            <Button variant="outline" loading={busy} style={{ alignSelf: "flex-start" }} onClick={createLink}>
              {text.createLink}
            </Button>
            {link !== null && (
              <Stack gap="xs">
                <Text size="sm">{text.linkIntro}</Text>
                <Group align="flex-end" wrap="wrap">
                  <TextInput
                    id="engagement-link"
                    label={text.linkLabel}
                    readOnly
                    value={address}
                    w={480}
                    onFocus={(event) => event.currentTarget.select()}
                  />
                  <Button variant="subtle" onClick={() => void copy(address)}>
                    {text.copy}
                  </Button>
                </Group>
                <Text size="sm">{text.linkExpires(frenchMoment(link.expiresAt))}</Text>
              </Stack>
            )}
          </Stack>
        )}
        <LiveMessage message={message} testId="engagement-message" />
        {mayChange && SCAN_ACCEPTED.includes(detail.status) && engagement?.kind !== "signed" && (
          <Stack gap="xs">
            <Title order={3} size="h4">
              {text.scanTitle}
            </Title>
            <Text size="sm">{text.scanIntro(COMMAND_LABELS.signEngagement)}</Text>
            <DocumentUpload
              id="engagement-scan"
              caseId={detail.id}
              etag={etag}
              session={session}
              kind="signed_engagement"
              onUploaded={onChanged}
            />
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
