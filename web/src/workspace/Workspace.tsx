// The signed-in workspace, loaded on demand: nothing of it weighs on the public pages. It checks the
// session once, sends whoever is not signed in to the login page (and back afterwards), then shows the page
// the path names.
import { Stack, Text, Title } from "@mantine/core";
import { useEffect } from "react";
import { workspaceMessages } from "./messages.fr.ts";
import { loginPath, type Session, useSession } from "./session.ts";

export default function Workspace({ path }: { path: string }) {
  const current = useSession();
  useEffect(() => {
    if (current.status === "signedOut") window.location.replace(loginPath(path));
  }, [current.status, path]);

  switch (current.status) {
    case "loading":
      return <Text role="status">{workspaceMessages.loading}</Text>;
    case "signedOut":
      return <Text role="status">{workspaceMessages.signingIn}</Text>;
    case "unavailable":
      return <Text role="alert">{workspaceMessages.unavailable}</Text>;
    case "signedIn":
      return <WorkspaceHome session={current.session} />;
  }
}

function WorkspaceHome({ session }: { session: Session }) {
  return (
    <Stack gap="md">
      <Title order={1}>{session.user.displayName}</Title>
    </Stack>
  );
}
