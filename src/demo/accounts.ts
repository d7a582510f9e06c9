// The demo organisations and accounts (demo mode only), all with the public password DEMO_PASSWORD.
import { hash } from "@node-rs/argon2";
import { DEMO_EMAIL_DOMAIN, type OrganisationKind, type Role } from "../core/access/index.ts";
import { ARGON2ID_OPTIONS } from "../crypto/passwords.ts";
import type { Database } from "../db/database.ts";
import { ensureOrganisations, findUsersByEmail, insertMissingUsers } from "../db/demo/accounts.ts";

export const DEMO_PASSWORD = "appui-demo";

const DEMO_ORGANISATIONS: {
  key: string;
  kind: OrganisationKind;
  name: string;
  region: string;
  city: string;
}[] = [
  { key: "paris", kind: "agency", name: "Agence de Paris", region: "Île-de-France", city: "Paris" },
  { key: "lyon", kind: "agency", name: "Agence de Lyon", region: "Auvergne-Rhône-Alpes", city: "Lyon" },
  // Fictitious association: no real organisation is meant.
  {
    key: "partner",
    kind: "partner",
    name: "Association Passerelles Logement (démo)",
    region: "Île-de-France",
    city: "Montreuil",
  },
];

export const DEMO_ACCOUNTS: {
  email: string;
  displayName: string;
  role: Role;
  organisation: string | null;
}[] = [
  {
    email: `conseillere.paris@${DEMO_EMAIL_DOMAIN}`,
    displayName: "Claire Fontaine (démo)",
    role: "counsellor",
    organisation: "paris",
  },
  {
    email: `conseiller.lyon@${DEMO_EMAIL_DOMAIN}`,
    displayName: "Karim Benali (démo)",
    role: "counsellor",
    organisation: "lyon",
  },
  {
    email: `manager.paris@${DEMO_EMAIL_DOMAIN}`,
    displayName: "Sophie Marchand (démo)",
    role: "manager",
    organisation: "paris",
  },
  {
    email: `budget@${DEMO_EMAIL_DOMAIN}`,
    displayName: "Luc Perrin (démo)",
    role: "budget_controller",
    organisation: null,
  },
  {
    email: `admin@${DEMO_EMAIL_DOMAIN}`,
    displayName: "Nadia Roussel (démo)",
    role: "admin",
    organisation: null,
  },
  {
    email: `audit@${DEMO_EMAIL_DOMAIN}`,
    displayName: "Hugo Lemoine (démo)",
    role: "auditor",
    organisation: null,
  },
  {
    email: `partenaire@${DEMO_EMAIL_DOMAIN}`,
    displayName: "Inès Garnier (démo)",
    role: "partner_worker",
    organisation: "partner",
  },
];

export interface SeedResult {
  createdAccounts: number;
}

/**
 * Creates what is missing of the demo organisations and accounts; running it again changes nothing. No
 * transaction: each of the two writes adds only what is absent, so a start interrupted between them leaves
 * organisations without accounts, which the next start completes.
 */
export async function seedDemoData(db: Database): Promise<SeedResult> {
  const existing = await findUsersByEmail(
    db.drizzle,
    DEMO_ACCOUNTS.map((account) => account.email),
  );
  const existingEmails = new Set(existing.map((row) => row.email));
  const missing = DEMO_ACCOUNTS.filter((account) => !existingEmails.has(account.email));
  if (missing.length === 0) return { createdAccounts: 0 };

  // Hash before writing: PGlite is one connection and must not wait on CPU work.
  const hashes = await Promise.all(missing.map(() => hash(DEMO_PASSWORD, ARGON2ID_OPTIONS)));
  const idByName = await ensureOrganisations(
    db.drizzle,
    DEMO_ORGANISATIONS.map(({ key: _key, ...organisation }) => organisation),
  );
  const organisationId = (key: string | null) => {
    const name = DEMO_ORGANISATIONS.find((organisation) => organisation.key === key)?.name;
    return name === undefined ? null : (idByName.get(name) ?? null);
  };
  const createdAccounts = await insertMissingUsers(
    db.drizzle,
    missing.map((account, index) => ({
      email: account.email,
      displayName: account.displayName,
      role: account.role,
      organisationId: organisationId(account.organisation),
      passwordHash: hashes[index] as string,
      isDemo: true,
    })),
  );
  return { createdAccounts };
}
