// The workspace pages of the roles without a caseload, each at its own address, and the menu that links the
// signed-in person to the pages of their role: each page names the action of the permission table it
// serves, so the menu offers exactly what the server lets the role do.
import { Anchor, Group } from "@mantine/core";
import { useEffect } from "react";
import { type Action, isAllowed } from "../../../../src/core/access/index.ts";
import { messages } from "../../messages.fr.ts";
import { CataloguePage } from "../admin/CataloguePage.tsx";
import { ParametersPage } from "../admin/ParametersPage.tsx";
import { DashboardPage } from "../dashboard/DashboardPage.tsx";
import type { Session } from "../session.ts";
import { AccountsPage } from "./AccountsPage.tsx";
import { AuditPage } from "./AuditPage.tsx";
import { EnvelopePage } from "./EnvelopePage.tsx";
import { roleMessages } from "./messages.fr.ts";
import { ReferralsPage } from "./ReferralsPage.tsx";

const text = roleMessages.menu;

const PAGES = {
  "/espace/tableau-de-bord": { label: text.dashboard, action: "statistics.read" },
  "/espace/enveloppe": { label: text.envelope, action: "envelope.read" },
  "/espace/orientations": { label: text.referrals, action: "referrals.read" },
  "/espace/comptes": { label: text.accounts, action: "users.manage" },
  "/espace/catalogue": { label: text.catalogue, action: "catalogue.manage" },
  "/espace/parametres": { label: text.parameters, action: "rule_parameters.change" },
  "/espace/journal": { label: text.audit, action: "audit.read" },
} as const satisfies Record<string, { label: string; action: Action }>;

type RolePath = keyof typeof PAGES;

/** True when the address names one of these pages. */
export const isRolePath = (path: string): path is RolePath => Object.hasOwn(PAGES, path);

/** The page of a role at this address. */
export function RolePage({ path, session }: { path: string; session: Session }) {
  const title = isRolePath(path) ? PAGES[path].label : "";
  useEffect(() => {
    if (title !== "") document.title = messages.documentTitle.page(title);
  }, [title]);
  switch (path) {
    case "/espace/tableau-de-bord":
      return <DashboardPage session={session} />;
    case "/espace/enveloppe":
      return <EnvelopePage session={session} />;
    case "/espace/orientations":
      return <ReferralsPage session={session} />;
    case "/espace/comptes":
      return <AccountsPage session={session} />;
    case "/espace/catalogue":
      return <CataloguePage session={session} />;
    case "/espace/parametres":
      return <ParametersPage session={session} />;
    case "/espace/journal":
      return <AuditPage />;
    default:
      return null;
  }
}

/** Links to the pages the signed-in role may open; nothing for a role with only its caseload. */
export function RoleMenu({ path, session }: { path: string; session: Session }) {
  const own = (Object.keys(PAGES) as RolePath[]).filter((page) =>
    isAllowed(session.role, PAGES[page].action),
  );
  if (own.length === 0) return null;
  return (
    <nav aria-label={text.label}>
      <Group gap="lg" component="ul" className="plain-list" mb="lg">
        {own.map((page) => (
          <li key={page}>
            <Anchor href={page} aria-current={path === page ? "page" : undefined}>
              {PAGES[page].label}
            </Anchor>
          </li>
        ))}
      </Group>
    </nav>
  );
}
