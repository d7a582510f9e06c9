// Staff accounts and their organisations in the database. The account use cases (src/services/users, and
// sign-in in src/services/auth) decide, open the transactions and call these inside them.
import { and, asc, eq, isNull, type SQL } from "drizzle-orm";
import type { OrganisationKind, Role } from "../../core/access/index.ts";
import type { Drizzle } from "../database.ts";
import { organisations, users } from "../schema/index.ts";

export interface AccountRow {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  organisationId: string | null;
  deactivatedAt: Date | null;
}

const accountColumns = {
  id: users.id,
  email: users.email,
  displayName: users.displayName,
  role: users.role,
  organisationId: users.organisationId,
  deactivatedAt: users.deactivatedAt,
};

export async function findAccountById(db: Drizzle, id: string): Promise<AccountRow | undefined> {
  const [account] = await db.select(accountColumns).from(users).where(eq(users.id, id));
  return account;
}

/** `email` as stored: lowercased. */
export async function findAccountByEmail(db: Drizzle, email: string): Promise<AccountRow | undefined> {
  const [account] = await db.select(accountColumns).from(users).where(eq(users.email, email));
  return account;
}

/** What a password sign-in needs of the account of `email` (stored lowercased). */
export async function findSignInAccount(db: Drizzle, email: string) {
  const [account] = await db
    .select({
      id: users.id,
      passwordHash: users.passwordHash,
      role: users.role,
      totpSecret: users.totpSecret,
      totpEnabledAt: users.totpEnabledAt,
      totpLastStep: users.totpLastStep,
      deactivatedAt: users.deactivatedAt,
    })
    .from(users)
    .where(eq(users.email, email));
  return account;
}

export async function findOrganisationKind(
  db: Drizzle,
  organisationId: string,
): Promise<OrganisationKind | undefined> {
  const [organisation] = await db
    .select({ kind: organisations.kind })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  return organisation?.kind;
}

export async function findOrganisationIdByName(db: Drizzle, name: string): Promise<string | undefined> {
  const [organisation] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.name, name));
  return organisation?.id;
}

export interface NewAccountRow {
  email: string;
  displayName: string;
  role: Role;
  organisationId: string | null;
  passwordHash: string;
}

/** The new account's id. */
export async function insertAccount(db: Drizzle, account: NewAccountRow): Promise<string> {
  const [created] = await db.insert(users).values(account).returning({ id: users.id });
  return created?.id as string;
}

export async function updateAccountProfile(
  db: Drizzle,
  id: string,
  profile: { displayName: string; role: Role; organisationId: string | null },
): Promise<void> {
  await db.update(users).set(profile).where(eq(users.id, id));
}

export async function markAccountDeactivated(db: Drizzle, id: string, at: Date): Promise<void> {
  await db.update(users).set({ deactivatedAt: at }).where(eq(users.id, id));
}

export async function updatePasswordHash(db: Drizzle, id: string, passwordHash: string): Promise<void> {
  await db.update(users).set({ passwordHash }).where(eq(users.id, id));
}

/** An account as the administration lists it: no password hash, no second-factor secret. */
export interface AccountListing {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  organisation: { id: string; name: string; kind: OrganisationKind } | null;
  mfaEnabled: boolean;
  isDemo: boolean;
  createdAt: Date;
  deactivatedAt: Date | null;
}

export interface AccountFilters {
  id?: string;
  organisationId?: string;
  role?: Role;
  includeDeactivated: boolean;
}

/** The accounts matching every given filter, by display name. */
export async function listAccounts(db: Drizzle, filters: AccountFilters): Promise<AccountListing[]> {
  const conditions: SQL[] = [];
  if (filters.id !== undefined) conditions.push(eq(users.id, filters.id));
  if (filters.organisationId !== undefined) conditions.push(eq(users.organisationId, filters.organisationId));
  if (filters.role !== undefined) conditions.push(eq(users.role, filters.role));
  if (!filters.includeDeactivated) conditions.push(isNull(users.deactivatedAt));
  const rows = await db
    .select({
      id: users.id,
      email: users.email,
      displayName: users.displayName,
      role: users.role,
      organisationId: organisations.id,
      organisationName: organisations.name,
      organisationKind: organisations.kind,
      totpEnabledAt: users.totpEnabledAt,
      isDemo: users.isDemo,
      createdAt: users.createdAt,
      deactivatedAt: users.deactivatedAt,
    })
    .from(users)
    .leftJoin(organisations, eq(organisations.id, users.organisationId))
    .where(and(...conditions))
    .orderBy(asc(users.displayName), asc(users.id));
  return rows.map((row) => ({
    id: row.id,
    email: row.email,
    displayName: row.displayName,
    role: row.role,
    organisation:
      row.organisationId === null || row.organisationName === null || row.organisationKind === null
        ? null
        : { id: row.organisationId, name: row.organisationName, kind: row.organisationKind },
    mfaEnabled: row.totpEnabledAt !== null,
    isDemo: row.isDemo,
    createdAt: row.createdAt,
    deactivatedAt: row.deactivatedAt,
  }));
}
