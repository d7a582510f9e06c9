// The signed-in workspace, loaded on demand: nothing of it weighs on the public pages. It checks the
// session once, sends whoever is not signed in to the login page (and back afterwards), then shows the page
// the path names (the account security page, a role's page, a case or the caseload); until a role that needs a second factor has one, the enrolment screen stands in for every
// page (the server refuses everything else meanwhile).
import { Text } from "@mantine/core";
import { lazy, Suspense, useEffect } from "react";
import { CaseloadPage } from "./CaseloadPage.tsx";
import { CasePage } from "./CasePage.tsx";
import { workspaceMessages } from "./messages.fr.ts";
import { caseIdOf, SECURITY_PATH } from "./paths.ts";
import { isRolePath, RoleMenu, RolePage } from "./roles/RolePages.tsx";
import { loginPath, useSession } from "./session.ts";

// Loaded only by those who enrol: the QR code encoder stays out of everyone else's workspace.
const MfaEnrolmentPage = lazy(() => import("./mfa/MfaEnrolmentPage.tsx"));
const AccountSecurityPage = lazy(() => import("./mfa/AccountSecurityPage.tsx"));

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
    case "signedIn": {
      if (current.session.mfa.enrolmentRequired) {
        return (
          <Suspense fallback={<Text role="status">{workspaceMessages.loading}</Text>}>
            <MfaEnrolmentPage session={current.session} />
          </Suspense>
        );
      }
      const caseId = caseIdOf(path);
      return (
        <>
          <RoleMenu path={path} session={current.session} />
          {path === SECURITY_PATH ? (
            <Suspense fallback={<Text role="status">{workspaceMessages.loading}</Text>}>
              <AccountSecurityPage session={current.session} />
            </Suspense>
          ) : isRolePath(path) ? (
            <RolePage path={path} session={current.session} />
          ) : caseId === undefined ? (
            <CaseloadPage session={current.session} />
          ) : (
            <CasePage id={caseId} session={current.session} />
          )}
        </>
      );
    }
  }
}
