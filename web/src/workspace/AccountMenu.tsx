// The header's account area in the workspace: who is signed in, for which organisation, and signing out.
import { Button, Group, Text } from "@mantine/core";
import { useState } from "react";
import { workspaceMessages } from "./messages.fr.ts";
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
