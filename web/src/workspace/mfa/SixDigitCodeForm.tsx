// The titled form that sends a code of the authenticator application, shared by the enrolment's
// confirmation and the renewal of the recovery codes: both answer with new recovery codes, and both say a
// refusal on the field (a wrong code) and in a live region, then give the focus back to the field.
import { Button, Paper, Stack, Text, TextInput, Title } from "@mantine/core";
import { type FormEvent, useRef, useState } from "react";
import { callApi, type Problem } from "../../api.ts";
import type { Session } from "../session.ts";
import { refusal, typedCode } from "./codeChecks.ts";

export function SixDigitCodeForm({
  headingId,
  title,
  intro,
  idPrefix,
  label,
  submitLabel,
  endpoint,
  session,
  fallback,
  onRecoveryCodes,
  onRefused,
}: {
  headingId: string;
  title: string;
  intro?: string;
  /** Names the field `<prefix>-code` and the live region `<prefix>-message`. */
  idPrefix: string;
  label: string;
  submitLabel: string;
  /** The POST route that takes `{ code }` and answers the new recovery codes. */
  endpoint: string;
  session: Session;
  /** What a refusal says when the server gives no French detail. */
  fallback: string;
  onRecoveryCodes: (codes: readonly string[]) => void;
  /** After the refusal is said: what else the refusal calls for (a new key, a fresh session). */
  onRefused: (problem: Problem) => Promise<void>;
}) {
  const [code, setCode] = useState("");
  const [fieldError, setFieldError] = useState("");
  const [message, setMessage] = useState("");
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const typed = typedCode(code);
    setFieldError(typed.problem);
    setMessage("");
    if (typed.problem !== "") {
      input.current?.focus();
      return;
    }
    setBusy(true);
    const result = await callApi<{ recoveryCodes: string[] }>(endpoint, {
      method: "POST",
      body: { code: typed.code },
      csrfToken: session.csrfToken,
    });
    setBusy(false);
    if (result.ok) {
      onRecoveryCodes(result.body.recoveryCodes);
      return;
    }
    const said = refusal(result.problem, fallback);
    setCode("");
    if (result.problem.code === "invalid_mfa_code") setFieldError(said);
    setMessage(said);
    input.current?.focus();
    await onRefused(result.problem);
  }

  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <Title order={2} size="h3" id={headingId} mb="sm">
        {title}
      </Title>
      {intro !== undefined && <Text mb="sm">{intro}</Text>}
      <form noValidate onSubmit={submit} aria-labelledby={headingId}>
        <Stack gap="sm" align="flex-start">
          <TextInput
            id={`${idPrefix}-code`}
            ref={input}
            label={label}
            autoComplete="one-time-code"
            inputMode="numeric"
            maxLength={7}
            required
            value={code}
            error={fieldError === "" ? undefined : fieldError}
            onChange={(event) => setCode(event.currentTarget.value)}
          />
          <div aria-live="assertive" aria-atomic="true" data-testid={`${idPrefix}-message`}>
            {message !== "" && (
              <Text c="red.9" fw={600}>
                {message}
              </Text>
            )}
          </div>
          <Button type="submit" loading={busy}>
            {submitLabel}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
