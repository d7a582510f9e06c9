// Renewing the recovery codes, against a current code of the application (never a recovery code: a leaked
// list must not renew itself); the new codes are shown once, and the old ones stop working.
import { Button, Paper, Stack, Text, TextInput, Title } from "@mantine/core";
import { type FormEvent, useRef, useState } from "react";
import { callApi } from "../../api.ts";
import { refreshSession, type Session } from "../session.ts";
import { refusal, typedCode } from "./codeChecks.ts";
import { mfaMessages } from "./messages.fr.ts";
import { RecoveryCodesStep } from "./RecoveryCodesStep.tsx";

const text = mfaMessages.security;

export function RecoveryCodesRenewal({ session, onDone }: { session: Session; onDone: () => void }) {
  const [codes, setCodes] = useState<readonly string[] | null>(null);
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
    const result = await callApi<{ recoveryCodes: string[] }>("/api/v1/auth/recovery-codes", {
      method: "POST",
      body: { code: typed.code },
      csrfToken: session.csrfToken,
    });
    setBusy(false);
    if (result.ok) {
      setCodes(result.body.recoveryCodes);
      return;
    }
    const said = refusal(result.problem, mfaMessages.networkFailure);
    setCode("");
    if (result.problem.code === "invalid_mfa_code") setFieldError(said);
    setMessage(said);
    input.current?.focus();
    // The factor was removed meanwhile (by an administrator): the page offers to enrol again.
    if (result.problem.code === "mfa_not_enabled") await refreshSession();
  }

  if (codes !== null) {
    return (
      <RecoveryCodesStep
        codes={codes}
        email={session.user.email}
        intro={mfaMessages.renewedIntro}
        doneLabel={mfaMessages.done}
        onKept={onDone}
      />
    );
  }

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="security-renew">
      <Title order={2} size="h3" id="security-renew" mb="sm">
        {text.renewTitle}
      </Title>
      <Text mb="sm">{text.renewIntro}</Text>
      <form noValidate onSubmit={submit} aria-labelledby="security-renew">
        <Stack gap="sm" align="flex-start">
          <TextInput
            id="security-code"
            ref={input}
            label={text.renewCode}
            autoComplete="one-time-code"
            inputMode="numeric"
            maxLength={7}
            required
            value={code}
            error={fieldError === "" ? undefined : fieldError}
            onChange={(event) => setCode(event.currentTarget.value)}
          />
          <div aria-live="assertive" aria-atomic="true" data-testid="security-message">
            {message !== "" && (
              <Text c="red.9" fw={600}>
                {message}
              </Text>
            )}
          </div>
          <Button type="submit" loading={busy}>
            {text.renew}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
