// Renewing the recovery codes, against a current code of the application (never a recovery code: a leaked
// list must not renew itself); the new codes are shown once, and the old ones stop working.
import { useState } from "react";
import { refreshSession, type Session } from "../session.ts";
import { mfaMessages } from "./messages.fr.ts";
import { RecoveryCodesStep } from "./RecoveryCodesStep.tsx";
import { SixDigitCodeForm } from "./SixDigitCodeForm.tsx";

const text = mfaMessages.security;

export function RecoveryCodesRenewal({ session, onDone }: { session: Session; onDone: () => void }) {
  const [codes, setCodes] = useState<readonly string[] | null>(null);

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
    <SixDigitCodeForm
      headingId="security-renew"
      title={text.renewTitle}
      intro={text.renewIntro}
      idPrefix="security"
      label={text.renewCode}
      submitLabel={text.renew}
      endpoint="/api/v1/auth/recovery-codes"
      session={session}
      fallback={mfaMessages.networkFailure}
      onRecoveryCodes={setCodes}
      onRefused={async (problem) => {
        // The factor was removed meanwhile (by an administrator): the page offers to enrol again.
        if (problem.code === "mfa_not_enabled") await refreshSession();
      }}
    />
  );
}
