// Sign-in: email and password, then the second factor when the API asks for it. Every refusal is said in
// French in a live region (read out by screen readers) and, for a field's own mistake, next to the field.
import { Anchor, Button, PasswordInput, Stack, Text, TextInput, Title } from "@mantine/core";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { callApi, NETWORK_FAILURE, type Problem } from "../api.ts";
import { workspaceMessages } from "./messages.fr.ts";
import { afterLoginPath, type SessionAnswer, sessionStarted, useSession } from "./session.ts";

const text = workspaceMessages.login;

type Step = "password" | "secondFactor";
type FieldErrors = Partial<Record<"email" | "password" | "code", string>>;

function refusal(problem: Problem): string {
  switch (problem.code) {
    case "invalid_credentials":
      return text.invalidCredentials;
    case "invalid_mfa_code":
      return text.invalidCode;
    case "login_locked":
      return text.locked(
        problem.retryAfterSeconds === null ? null : Math.ceil(problem.retryAfterSeconds / 60),
      );
    case "too_many_requests":
      return text.tooManyRequests;
    case NETWORK_FAILURE:
      return workspaceMessages.networkFailure;
    default:
      return problem.detail || workspaceMessages.unavailable;
  }
}

export default function LoginPage() {
  const current = useSession();
  if (current.status === "signedIn") {
    return (
      <Stack gap="sm">
        <Text>{text.alreadySignedIn(current.session.user.displayName)}</Text>
        <Anchor href="/espace">{text.goToWorkspace}</Anchor>
      </Stack>
    );
  }
  return <LoginForm />;
}

function LoginForm() {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [code, setCode] = useState("");
  const [useRecovery, setUseRecovery] = useState(false);
  const [step, setStep] = useState<Step>("password");
  const [message, setMessage] = useState("");
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const codeInput = useRef<HTMLInputElement>(null);
  const singleSignOn = useSingleSignOn();
  // The code's field appears with the second step: it takes the focus, for keyboard and screen reader users.
  useEffect(() => {
    if (step === "secondFactor") codeInput.current?.focus();
  }, [step]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const errors: FieldErrors = {};
    if (email.trim() === "") errors.email = text.required;
    if (password === "") errors.password = text.required;
    const trimmedCode = code.replace(/\s/g, "");
    if (step === "secondFactor") {
      if (trimmedCode === "") errors.code = text.required;
      else if (!useRecovery && !/^[0-9]{6}$/.test(trimmedCode)) errors.code = text.totpFormat;
    }
    setFieldErrors(errors);
    if (Object.keys(errors).length > 0) {
      setMessage("");
      document.getElementById(`connexion-${Object.keys(errors)[0]}`)?.focus();
      return;
    }

    setBusy(true);
    setMessage("");
    const secondFactor =
      step === "secondFactor"
        ? useRecovery
          ? { recoveryCode: trimmedCode }
          : { totpCode: trimmedCode }
        : {};
    const result = await callApi<SessionAnswer>("/api/v1/auth/login", {
      method: "POST",
      body: { email: email.trim(), password, ...secondFactor },
    });
    setBusy(false);
    if (result.ok) {
      // A role that must enrol a second factor lands on the workspace's enrolment screen first.
      sessionStarted(result.body);
      window.location.assign(afterLoginPath(window.location.search));
      return;
    }
    const { problem } = result;
    if (problem.code === "mfa_required") {
      setStep("secondFactor");
      setMessage(text.secondFactorIntro);
      return;
    }
    if (problem.code === "invalid_mfa_code") {
      setCode("");
      setFieldErrors({ code: text.invalidCode });
    }
    setMessage(refusal(problem));
  }

  return (
    <form aria-label={text.formLabel} noValidate onSubmit={submit}>
      <Stack gap="md" maw={420}>
        <Text>{text.intro}</Text>
        {/* Always in the page, so that a message put in it is read out at once. */}
        <div aria-live="assertive" aria-atomic="true">
          {message !== "" && (
            <Text
              fw={600}
              c={step === "secondFactor" && message === text.secondFactorIntro ? undefined : "red.9"}
            >
              {message}
            </Text>
          )}
        </div>
        <TextInput
          id="connexion-email"
          type="email"
          label={text.email}
          autoComplete="username"
          required
          value={email}
          onChange={(event) => setEmail(event.currentTarget.value)}
          error={fieldErrors.email}
          readOnly={step === "secondFactor"}
        />
        <PasswordInput
          id="connexion-password"
          label={text.password}
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.currentTarget.value)}
          error={fieldErrors.password}
          readOnly={step === "secondFactor"}
        />
        {step === "secondFactor" && (
          <Stack gap="xs">
            <Title order={2} size="h3">
              {text.secondFactorTitle}
            </Title>
            <TextInput
              id="connexion-code"
              ref={codeInput}
              label={useRecovery ? text.recoveryCode : text.totpCode}
              autoComplete="one-time-code"
              inputMode={useRecovery ? "text" : "numeric"}
              maxLength={useRecovery ? 32 : 6}
              required
              value={code}
              onChange={(event) => setCode(event.currentTarget.value)}
              error={fieldErrors.code}
            />
            <Button
              variant="subtle"
              type="button"
              onClick={() => {
                setUseRecovery(!useRecovery);
                setCode("");
                setFieldErrors({});
                codeInput.current?.focus();
              }}
              style={{ alignSelf: "flex-start" }}
            >
              {useRecovery ? text.useTotpCode : text.useRecoveryCode}
            </Button>
          </Stack>
        )}
        <Button type="submit" loading={busy} style={{ alignSelf: "flex-start" }}>
          {step === "secondFactor" ? text.verify : text.submit}
        </Button>
        {singleSignOn && step === "password" && (
          <Button
            component="a"
            variant="outline"
            href="/api/v1/auth/oidc/start"
            style={{ alignSelf: "flex-start" }}
          >
            {text.singleSignOn}
          </Button>
        )}
      </Stack>
    </form>
  );
}

/** Whether the server offers the company directory (OpenID Connect); false until it says so. */
function useSingleSignOn(): boolean {
  const [offered, setOffered] = useState(false);
  useEffect(() => {
    let current = true;
    void callApi<{ singleSignOn: boolean }>("/api/v1/auth/methods").then((result) => {
      if (current && result.ok) setOffered(result.body.singleSignOn);
    });
    return () => {
      current = false;
    };
  }, []);
  return offered;
}
