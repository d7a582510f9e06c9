// Fixtures of the finance tests: cases inserted straight into the cases table (already admitted, so that the
// tests exercise aids rather than the case workflow), extra staff accounts, a JSON client that carries the
// session's cookie, CSRF token and an optional Idempotency-Key, and the set-up every finance suite shares:
// its server, the demo staff signed in, a catalogue and the year's envelope.
import { randomUUID } from "node:crypto";
import { hash } from "@node-rs/argon2";
import { eq } from "drizzle-orm";
import type { Role } from "../../src/core/access/index.ts";
import { ARGON2ID_OPTIONS } from "../../src/crypto/passwords.ts";
import type { Database } from "../../src/db/database.ts";
import { cases, organisations, users } from "../../src/db/schema/index.ts";
import { DEMO_PASSWORD } from "../../src/demo/accounts.ts";
import { type RunningServer, startServer } from "./server.ts";

export const DIRECTIVE_2025 = "PP_SERV_ASD_2_DIR";
export const DIRECTIVE_2021 = "PP_EX_CPA_2_DIR";
export const PARIS_COUNSELLOR = "conseillere.paris@demo.appui.fr";
export const LYON_COUNSELLOR = "conseiller.lyon@demo.appui.fr";

async function idOf(db: Database, table: "organisations" | "users", key: string): Promise<string> {
  const [row] =
    table === "organisations"
      ? await db.drizzle
          .select({ id: organisations.id })
          .from(organisations)
          .where(eq(organisations.name, key))
      : await db.drizzle.select({ id: users.id }).from(users).where(eq(users.email, key));
  if (row === undefined) throw new Error(`no ${table} row for ${key}`);
  return row.id;
}

/** Inserts `count` cases of an agency, assigned to a counsellor, at a given step; returns their ids. */
export async function insertCases(
  db: Database,
  options: { count: number; agency: string; counsellorEmail: string; directive: string; status?: string },
): Promise<string[]> {
  const organisationId = await idOf(db, "organisations", options.agency);
  const counsellorUserId = await idOf(db, "users", options.counsellorEmail);
  const batch = randomUUID().slice(0, 8);
  const rows = await db.drizzle
    .insert(cases)
    .values(
      Array.from({ length: options.count }, (_, index) => ({
        reference: `TEST-${batch}-${index}`,
        organisationId,
        counsellorUserId,
        status: (options.status ?? "admitted") as "admitted",
        directive: options.directive,
        requestedOn: options.directive === DIRECTIVE_2021 ? "2025-06-02" : "2026-01-15",
        channel: "phone" as const,
        personFirstName: "Test",
        personLastName: `Personne ${index}`,
        legalBasis: "test",
        noticeVersion: "test",
        consentGivenAt: new Date(),
      })),
    )
    .returning({ id: cases.id });
  return rows.map((row) => row.id);
}

const AGENCIES = {
  paris: { agency: "Agence de Paris", counsellorEmail: PARIS_COUNSELLOR },
  lyon: { agency: "Agence de Lyon", counsellorEmail: LYON_COUNSELLOR },
} as const;

/** `count` admitted cases of the 2025 directive (the only one aids are for), with the agency's counsellor. */
export function insertAgencyCases(
  db: Database,
  agency: keyof typeof AGENCIES,
  count: number,
): Promise<string[]> {
  return insertCases(db, { count, ...AGENCIES[agency], directive: DIRECTIVE_2025 });
}

/** A staff account with the demo password (a second budget controller, for four-eyes). */
export async function addStaff(db: Database, email: string, role: Role): Promise<void> {
  await db.drizzle.insert(users).values({
    email,
    displayName: `${role} (test)`,
    role,
    passwordHash: await hash(DEMO_PASSWORD, ARGON2ID_OPTIONS),
    isDemo: true,
  });
}

export interface Session {
  cookie: string;
  csrfToken: string;
  userId: string;
}

export interface Answer<T> {
  status: number;
  contentType: string | null;
  body: T;
}

export function financeClient(baseUrl: string) {
  return {
    async signIn(email: string): Promise<Session> {
      const response = await fetch(`${baseUrl}/api/v1/auth/login`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email, password: DEMO_PASSWORD }),
      });
      if (response.status !== 200) throw new Error(`sign-in of ${email} answered ${response.status}`);
      const body = (await response.json()) as { csrfToken: string; user: { id: string } };
      return {
        cookie: response.headers.get("set-cookie")?.split(";")[0] ?? "",
        csrfToken: body.csrfToken,
        userId: body.user.id,
      };
    },

    async call<T = Record<string, unknown>>(
      session: Session,
      method: string,
      path: string,
      body?: unknown,
      idempotencyKey?: string,
    ): Promise<Answer<T>> {
      const headers: Record<string, string> = { cookie: session.cookie, "x-csrf-token": session.csrfToken };
      if (body !== undefined) headers["content-type"] = "application/json";
      if (idempotencyKey !== undefined) headers["idempotency-key"] = idempotencyKey;
      const response = await fetch(`${baseUrl}${path}`, {
        method,
        headers,
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const contentType = response.headers.get("content-type");
      const text = await response.text();
      return {
        status: response.status,
        contentType,
        body: (contentType?.includes("json") ? JSON.parse(text) : text) as T,
      };
    },

    async download(
      session: Session,
      path: string,
    ): Promise<{ status: number; type: string | null; bytes: Buffer }> {
      const response = await fetch(`${baseUrl}${path}`, { headers: { cookie: session.cookie } });
      return {
        status: response.status,
        type: response.headers.get("content-type"),
        bytes: Buffer.from(await response.arrayBuffer()),
      };
    },
  };
}

export type FinanceClient = ReturnType<typeof financeClient>;

/** The server of a finance suite, sign-in unthrottled: a suite signs several accounts in from one address. */
export async function startFinanceServer(
  db: Database,
): Promise<{ server: RunningServer; client: FinanceClient }> {
  const server = await startServer(db, { auth: { loginRateLimitPerMinute: 10_000 } });
  return { server, client: financeClient(server.url) };
}

/** The demo accounts (the seed creates them) that the finance suites act as. */
export const FINANCE_STAFF = {
  admin: "admin@demo.appui.fr",
  paris: PARIS_COUNSELLOR,
  lyon: LYON_COUNSELLOR,
  parisManager: "manager.paris@demo.appui.fr",
  controller: "budget@demo.appui.fr",
} as const;

export type FinanceStaff = Record<keyof typeof FINANCE_STAFF, Session>;

/** Signs in every account of FINANCE_STAFF, one after the other. */
export async function signInFinanceStaff(client: FinanceClient): Promise<FinanceStaff> {
  const staff: Partial<FinanceStaff> = {};
  for (const [name, email] of Object.entries(FINANCE_STAFF)) {
    staff[name as keyof FinanceStaff] = await client.signIn(email);
  }
  return staff as FinanceStaff;
}

export interface CatalogueProduct {
  code: string;
  kind: "grant" | "loan";
  name: string;
  maxAmountCents: number;
  maxDurationMonths?: number;
}

/** The grant most suites propose: up to 10 000 €. */
export const GRANT: CatalogueProduct = {
  code: "subvention",
  kind: "grant",
  name: "Subvention",
  maxAmountCents: 1_000_000,
};

/** The interest-free loan, up to 10 000 € over at most `maxDurationMonths`. */
export function loanProduct(maxDurationMonths: number): CatalogueProduct {
  return { code: "pret", kind: "loan", name: "Prêt à 0 %", maxAmountCents: 1_000_000, maxDurationMonths };
}

export interface EnvelopeOpening {
  year: number;
  nationalCents: number;
  allocations?: { code: string; label: string; amountCents: number }[];
}

/**
 * What a suite needs before its first aid: the administrator records `products` for the 2025 directive (from
 * its first day in force), then a budget controller opens the year's envelope. Throws if either is refused,
 * which fails the suite's set-up.
 */
export async function openCatalogueAndEnvelope(
  client: FinanceClient,
  staff: Pick<FinanceStaff, "admin" | "controller">,
  products: CatalogueProduct[],
  envelope: EnvelopeOpening,
): Promise<void> {
  for (const product of products) {
    const recorded = await client.call(staff.admin, "POST", "/api/v1/finance/catalogue", {
      ...product,
      directives: [DIRECTIVE_2025],
      appliesFrom: "2025-11-20",
      reason: "Catalogue initial",
    });
    if (recorded.status !== 201) {
      throw new Error(
        `product ${product.code} answered ${recorded.status}: ${JSON.stringify(recorded.body)}`,
      );
    }
  }
  const opened = await client.call(staff.controller, "POST", "/api/v1/finance/envelopes", envelope);
  if (opened.status !== 201) {
    throw new Error(`envelope ${envelope.year} answered ${opened.status}: ${JSON.stringify(opened.body)}`);
  }
}
