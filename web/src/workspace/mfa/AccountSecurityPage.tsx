// « Sécurité du compte », open to every signed-in role from the account menu: whether a second factor is
// active; without one, its enrolment (optional for counsellors and partner workers, and for everyone in demo
// mode); with one, the renewal of the recovery codes.
import { Button, Stack, Text, Title } from "@mantine/core";
import { useEffect, useRef, useState } from "react";
import { messages } from "../../messages.fr.ts";
import { refreshSession, type Session } from "../session.ts";
import { EnrolmentFlow } from "./EnrolmentFlow.tsx";
import { mfaMessages } from "./messages.fr.ts";
import { RecoveryCodesRenewal } from "./RecoveryCodesRenewal.tsx";

const text = mfaMessages.security;

type View = "overview" | "enrolling";

export default function AccountSecurityPage({ session }: { session: Session }) {
  const [view, setView] = useState<View>("overview");
  const [notice, setNotice] = useState("");
  const [renewals, setRenewals] = useState(0);
  const noticeLine = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    document.title = messages.documentTitle.page(text.title);
  }, []);
  // Back from a finished step, whose form had the focus: the sentence saying what changed takes it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: each renewal moves the focus, even with the same notice
  useEffect(() => {
    if (notice !== "") noticeLine.current?.focus();
  }, [notice, renewals]);

  const enabled = session.mfa.enabled;
  return (
    <Stack gap="lg" maw={720}>
      {/* One block: the live region, empty most of the time, must not add a gap of its own. */}
      <div>
        <Title order={1}>{text.title}</Title>
        <div role="status">
          {notice !== "" && (
            <Text ref={noticeLine} tabIndex={-1} fw={600} c="teal.9" mt="md" data-testid="security-notice">
              {notice}
            </Text>
          )}
        </div>
      </div>
      <Text data-testid="security-state">{enabled ? text.active : text.inactive}</Text>
      {!enabled && view !== "enrolling" && (
        <Button
          style={{ alignSelf: "flex-start" }}
          onClick={() => {
            setNotice("");
            setView("enrolling");
          }}
        >
          {text.activate}
        </Button>
      )}
      {!enabled && view === "enrolling" && (
        <EnrolmentFlow
          session={session}
          doneLabel={mfaMessages.done}
          focusOnStart
          onDone={async () => {
            await refreshSession();
            setView("overview");
            setNotice(text.activated);
          }}
        />
      )}
      {enabled && view === "overview" && (
        <RecoveryCodesRenewal
          // A fresh form after each renewal: the code typed last time is spent.
          key={renewals}
          session={session}
          onDone={() => {
            setRenewals(renewals + 1);
            setNotice(text.renewed);
          }}
        />
      )}
    </Stack>
  );
}
