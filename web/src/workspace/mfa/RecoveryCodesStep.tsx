// Recovery codes, shown once (at enrolment and after a renewal): the list, a text download, and a checkbox
// saying they were kept before the person may go on.
import { Alert, Anchor, Button, Checkbox, Code, List, Paper, Stack, Title } from "@mantine/core";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { mfaMessages as text } from "./messages.fr.ts";

export function RecoveryCodesStep({
  codes,
  email,
  intro,
  doneLabel,
  onKept,
}: {
  codes: readonly string[];
  email: string;
  intro: string;
  doneLabel: string;
  onKept: () => Promise<void> | void;
}) {
  const [kept, setKept] = useState(false);
  const [error, setError] = useState("");
  const heading = useRef<HTMLHeadingElement>(null);
  const checkbox = useRef<HTMLInputElement>(null);
  // The step replaces the form that had the focus: its heading takes it, and is read out first.
  useEffect(() => {
    heading.current?.focus();
  }, []);
  const file = `${text.fileHeader(email)}${codes.join("\n")}\n`;

  async function goOn(event: FormEvent) {
    event.preventDefault();
    if (!kept) {
      setError(text.keptRequired);
      checkbox.current?.focus();
      return;
    }
    await onKept();
  }

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="mfa-recovery">
      <form noValidate onSubmit={goOn}>
        <Stack gap="md" align="flex-start">
          <Title order={2} size="h3" id="mfa-recovery" ref={heading} tabIndex={-1}>
            {text.recoveryTitle}
          </Title>
          <Alert color="blue" variant="light" w="100%">
            {intro}
          </Alert>
          <List aria-label={text.recoveryListLabel} data-testid="mfa-recovery-codes" listStyleType="none">
            {codes.map((code) => (
              <List.Item key={code}>
                <Code fz="md">{code}</Code>
              </List.Item>
            ))}
          </List>
          <Anchor href={`data:text/plain;charset=utf-8,${encodeURIComponent(file)}`} download={text.fileName}>
            {text.download}
          </Anchor>
          <Checkbox
            id="mfa-kept"
            ref={checkbox}
            label={text.kept}
            checked={kept}
            error={error === "" ? undefined : error}
            onChange={(event) => {
              setKept(event.currentTarget.checked);
              if (event.currentTarget.checked) setError("");
            }}
          />
          <Button type="submit">{doneLabel}</Button>
        </Stack>
      </form>
    </Paper>
  );
}
