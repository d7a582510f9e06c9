// The second-factor enrolment itself, shared by the screen a role that must enrol sees first and by the
// account security page: the QR code of a new key and the key for manual entry, a first code to confirm it,
// then the recovery codes, shown once.
import { Button, Code, Paper, Stack, Text, Title } from "@mantine/core";
import { useCallback, useEffect, useRef, useState } from "react";
import { callApi } from "../../api.ts";
import { refreshSession, type Session } from "../session.ts";
import { mfaMessages as text } from "./messages.fr.ts";
import { qrDrawing } from "./qrPath.ts";
import { RecoveryCodesStep } from "./RecoveryCodesStep.tsx";
import { SixDigitCodeForm } from "./SixDigitCodeForm.tsx";

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

export function EnrolmentFlow({
  session,
  doneLabel,
  onDone,
  focusOnStart = false,
}: {
  session: Session;
  doneLabel: string;
  /** Once the recovery codes are said to be kept. */
  onDone: () => Promise<void> | void;
  /** Started by a button that disappears: the first step takes the focus instead of leaving it nowhere. */
  focusOnStart?: boolean;
}) {
  const [step, setStep] = useState<Step>({ kind: "preparing" });

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
    <>
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
          focusOnStart={focusOnStart}
          onConfirmed={(codes) => setStep({ kind: "recovery", codes })}
          onExpired={prepare}
        />
      )}
      {step.kind === "recovery" && (
        <RecoveryCodesStep
          codes={step.codes}
          email={session.user.email}
          intro={text.recoveryIntro}
          doneLabel={doneLabel}
          onKept={onDone}
        />
      )}
    </>
  );
}

function ConfirmStep({
  setup,
  session,
  focusOnStart,
  onConfirmed,
  onExpired,
}: {
  setup: Setup;
  session: Session;
  focusOnStart: boolean;
  onConfirmed: (codes: readonly string[]) => void;
  onExpired: () => Promise<void>;
}) {
  const scanHeading = useRef<HTMLHeadingElement>(null);
  const qr = qrDrawing(setup.otpauthUri);
  useEffect(() => {
    if (focusOnStart) scanHeading.current?.focus();
  }, [focusOnStart]);

  return (
    <>
      <Text>{text.appIntro}</Text>
      <Paper withBorder p="md" component="section" aria-labelledby="mfa-scan">
        <Title order={2} size="h3" id="mfa-scan" mb="sm" ref={scanHeading} tabIndex={-1}>
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
      <SixDigitCodeForm
        headingId="mfa-confirm"
        title={text.codeTitle}
        idPrefix="mfa"
        label={text.code}
        submitLabel={text.confirm}
        endpoint="/api/v1/auth/totp/confirm"
        session={session}
        fallback={text.setupFailed}
        onRecoveryCodes={onConfirmed}
        onRefused={async (problem) => {
          // The key expired on the server: a new one is prepared, to be added again.
          if (problem.code === "mfa_setup_missing") await onExpired();
        }}
      />
    </>
  );
}
