// Second-factor enrolment, shown instead of the workspace while the session says the role must enrol; once
// the recovery codes are kept, the session is read again and the workspace shows the page that was asked for.
import { Stack, Text, Title } from "@mantine/core";
import { useEffect } from "react";
import { messages } from "../../messages.fr.ts";
import { refreshSession, type Session } from "../session.ts";
import { EnrolmentFlow } from "./EnrolmentFlow.tsx";
import { mfaMessages as text } from "./messages.fr.ts";

export default function MfaEnrolmentPage({ session }: { session: Session }) {
  useEffect(() => {
    document.title = messages.documentTitle.page(text.documentTitle);
  }, []);

  return (
    <Stack gap="lg" maw={720}>
      <Title order={1}>{text.title}</Title>
      <Text>{text.requiredIntro}</Text>
      <EnrolmentFlow session={session} doneLabel={text.continue} onDone={refreshSession} />
    </Stack>
  );
}
