// The header's account area in the workspace: who is signed in, for which organisation, the account security
// page, and signing out.
import { Anchor, Button, Group, Text } from "@mantine/core";
import { useState } from "react";
import { workspaceMessages } from "./messages.fr.ts";
import { mfaMessages } from "./mfa/messages.fr.ts";
import { SECURITY_PATH } from "./paths.ts";
import { signOut, useSession } from "./session.ts";

const text = workspaceMessages.account;

export default function AccountMenu() {
  const current = useSession();
  const [failed, setFailed] = useState(false);
  if (current.status !== "signedIn") return null;
  const { session } = current;
  return (
    <Group gap="sm" component="section" aria-label={text.label} wrap="wrap">
      <Text size="sm" data-testid="signed-in-as">
        {text.signedInAs(session.user.displayName, session.organisation?.name ?? null)}
      </Text>
      {/* While enrolment is required, the enrolment screen stands in for every page, this one included. */}
      {!session.mfa.enrolmentRequired && (
        <Anchor
          href={SECURITY_PATH}
          size="sm"
          aria-current={window.location.pathname === SECURITY_PATH ? "page" : undefined}
        >
          {mfaMessages.security.menuLink}
        </Anchor>
      )}
      <Button
        size="xs"
        variant="outline"
        onClick={async () => {
          const ended = await signOut(session);
          setFailed(!ended);
          if (ended) window.location.assign("/connexion");
        }}
      >
        {text.signOut}
      </Button>
      <span aria-live="polite">
        {failed && (
          <Text size="sm" c="red.9" component="span">
            {text.signOutFailed}
          </Text>
        )}
      </span>
    </Group>
  );
}
