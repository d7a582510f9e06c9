// Second-factor enrolment, shown instead of the workspace while the session says the role must enrol: the
// QR code of the new key and the key itself for manual entry, a first code to confirm it, then the recovery
// codes, shown once, with a text download and a checkbox saying they were kept, before going on.
import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  Code,
  List,
  Paper,
  Stack,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { type FormEvent, useCallback, useEffect, useRef, useState } from "react";
import { callApi, NETWORK_FAILURE, type Problem } from "../../api.ts";
import { messages } from "../../messages.fr.ts";
import { refreshSession, type Session } from "../session.ts";
import { mfaMessages as text } from "./messages.fr.ts";
import { qrDrawing } from "./qrPath.ts";

interface Setup {
  secret: string;
  otpauthUri: string;
}

type Step =
  | { kind: "preparing" }
  | { kind: "setupFailed" }
  | { kind: "confirming"; setup: Setup }
  | { kind: "recovery"; codes: readonly string[] };

/** The key as the person copies it: groups of four characters. */
export const groupedSecret = (secret: string) => secret.match(/.{1,4}/g)?.join(" ") ?? secret;

function refusal(problem: Problem): string {
  switch (problem.code) {
    case "invalid_mfa_code":
      return text.invalidCode;
    case "mfa_setup_missing":
      return text.setupMissing;
    case "too_many_requests":
      return text.tooManyRequests;
    case NETWORK_FAILURE:
      return text.networkFailure;
    default:
      return problem.detail || text.setupFailed;
  }
}

export default function MfaEnrolmentPage({ session }: { session: Session }) {
  const [step, setStep] = useState<Step>({ kind: "preparing" });
  useEffect(() => {
    document.title = messages.documentTitle.page(text.documentTitle);
  }, []);

  const prepare = useCallback(async () => {
    setStep({ kind: "preparing" });
    const result = await callApi<Setup>("/api/v1/auth/totp/setup", {
      method: "POST",
      csrfToken: session.csrfToken,
    });
    if (result.ok) setStep({ kind: "confirming", setup: result.body });
    else if (result.problem.code === "mfa_already_enabled") await refreshSession();
    else setStep({ kind: "setupFailed" });
  }, [session.csrfToken]);

  useEffect(() => {
    void prepare();
  }, [prepare]);

  return (
    <Stack gap="lg" maw={720}>
      <Title order={1}>{text.title}</Title>
      {step.kind === "preparing" && <Text role="status">{text.preparing}</Text>}
      {step.kind === "setupFailed" && (
        <Stack gap="sm" align="flex-start">
          <Text role="alert" c="red.9" fw={600}>
            {text.setupFailed}
          </Text>
          <Button onClick={() => void prepare()}>{text.retry}</Button>
        </Stack>
      )}
      {step.kind === "confirming" && (
        <ConfirmStep
          setup={step.setup}
          session={session}
          onConfirmed={(codes) => setStep({ kind: "recovery", codes })}
          onExpired={prepare}
        />
      )}
      {step.kind === "recovery" && <RecoveryStep codes={step.codes} email={session.user.email} />}
    </Stack>
  );
}

function ConfirmStep({
  setup,
  session,
  onConfirmed,
  onExpired,
}: {
  setup: Setup;
  session: Session;
  onConfirmed: (codes: readonly string[]) => void;
  onExpired: () => Promise<void>;
}) {
  const [code, setCode] = useState("");
  const [fieldError, setFieldError] = useState("");
  const [message, setMessage] = useState("");
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const qr = qrDrawing(setup.otpauthUri);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const typed = code.replace(/\s/g, "");
    const problem = typed === "" ? text.required : /^[0-9]{6}$/.test(typed) ? "" : text.codeFormat;
    setFieldError(problem);
    setMessage("");
    if (problem !== "") {
      input.current?.focus();
      return;
    }
    setBusy(true);
    const result = await callApi<{ recoveryCodes: string[] }>("/api/v1/auth/totp/confirm", {
      method: "POST",
      body: { code: typed },
      csrfToken: session.csrfToken,
    });
    setBusy(false);
    if (result.ok) {
      onConfirmed(result.body.recoveryCodes);
      return;
    }
    const said = refusal(result.problem);
    setCode("");
    if (result.problem.code === "invalid_mfa_code") setFieldError(said);
    setMessage(said);
    input.current?.focus();
    if (result.problem.code === "mfa_setup_missing") await onExpired();
  }

  return (
    <>
      <Text>{text.intro}</Text>
      <Paper withBorder p="md" component="section" aria-labelledby="mfa-scan">
        <Title order={2} size="h3" id="mfa-scan" mb="sm">
          {text.scanTitle}
        </Title>
        <Text mb="sm">{text.scan}</Text>
        <svg
          role="img"
          aria-label={text.qrLabel}
          data-testid="mfa-qr"
          viewBox={`0 0 ${qr.size} ${qr.size}`}
          width={Math.max(200, qr.size * 5)}
          height={Math.max(200, qr.size * 5)}
          shapeRendering="crispEdges"
          style={{ background: "#fff" }}
        >
          <path d={qr.path} fill="#000" />
        </svg>
        <Text mt="sm">{text.manual}</Text>
        <Code block fz="lg" data-testid="mfa-secret" style={{ letterSpacing: "0.1em", wordSpacing: "0.4em" }}>
          {groupedSecret(setup.secret)}
        </Code>
      </Paper>
      <Paper withBorder p="md" component="section" aria-labelledby="mfa-confirm">
        <Title order={2} size="h3" id="mfa-confirm" mb="sm">
          {text.codeTitle}
        </Title>
        <form noValidate onSubmit={submit} aria-labelledby="mfa-confirm">
          <Stack gap="sm" align="flex-start">
            <TextInput
              id="mfa-code"
              ref={input}
              label={text.code}
              autoComplete="one-time-code"
              inputMode="numeric"
              maxLength={7}
              required
              value={code}
              error={fieldError === "" ? undefined : fieldError}
              onChange={(event) => setCode(event.currentTarget.value)}
            />
            <div aria-live="assertive" aria-atomic="true" data-testid="mfa-message">
              {message !== "" && (
                <Text c="red.9" fw={600}>
                  {message}
                </Text>
              )}
            </div>
            <Button type="submit" loading={busy}>
              {text.confirm}
            </Button>
          </Stack>
        </form>
      </Paper>
    </>
  );
}

function RecoveryStep({ codes, email }: { codes: readonly string[]; email: string }) {
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
    // The server no longer asks for enrolment: the workspace shows the page that was asked for.
    await refreshSession();
  }

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="mfa-recovery">
      <form noValidate onSubmit={goOn}>
        <Stack gap="md" align="flex-start">
          <Title order={2} size="h3" id="mfa-recovery" ref={heading} tabIndex={-1}>
            {text.recoveryTitle}
          </Title>
          <Alert color="blue" variant="light" w="100%">
            {text.recoveryIntro}
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
          <Button type="submit">{text.continue}</Button>
        </Stack>
      </form>
    </Paper>
  );
}
