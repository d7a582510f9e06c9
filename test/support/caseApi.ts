// A small client for the case API in tests: signs demo accounts in, sends JSON with the session's cookie,
// CSRF token and If-Match, and returns status, headers and parsed body.

import { DEMO_EMAIL_DOMAIN } from "../../src/core/access/index.ts";
import { DEMO_PASSWORD } from "../../src/demo/accounts.ts";

export interface Session {
  cookie: string;
  csrfToken: string;
  userId: string;
}

export interface ApiResponse<T = Record<string, unknown>> {
  status: number;
  etag: string | null;
  contentType: string | null;
  body: T;
}

export const DEMO_USERS = {
  parisCounsellor: `conseillere.paris@${DEMO_EMAIL_DOMAIN}`,
  lyonCounsellor: `conseiller.lyon@${DEMO_EMAIL_DOMAIN}`,
  parisManager: `manager.paris@${DEMO_EMAIL_DOMAIN}`,
  budgetController: `budget@${DEMO_EMAIL_DOMAIN}`,
  admin: `admin@${DEMO_EMAIL_DOMAIN}`,
  auditor: `audit@${DEMO_EMAIL_DOMAIN}`,
  partnerWorker: `partenaire@${DEMO_EMAIL_DOMAIN}`,
} as const;

export async function signIn(baseUrl: string, email: string): Promise<Session> {
  const response = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  if (response.status !== 200) throw new Error(`sign-in of ${email} answered ${response.status}`);
  const body = (await response.json()) as { csrfToken: string; user: { id: string } };
  const cookie = response.headers.get("set-cookie")?.split(";")[0] ?? "";
  return { cookie, csrfToken: body.csrfToken, userId: body.user.id };
}

/** Signs every demo account in, by its key in DEMO_USERS. */
export async function signInAll(baseUrl: string): Promise<Record<keyof typeof DEMO_USERS, Session>> {
  const sessions = {} as Record<keyof typeof DEMO_USERS, Session>;
  for (const [key, email] of Object.entries(DEMO_USERS)) {
    sessions[key as keyof typeof DEMO_USERS] = await signIn(baseUrl, email);
  }
  return sessions;
}

/** An employee of a private company, in arrears on rent: eligible under both directives. */
export const ELIGIBLE_FACTS = {
  person: {
    activity: "employee",
    employer: { sector: "private_non_agricultural", headcount: 80 },
    contract: { type: "permanent", start: "2019-01-01", end: null },
  },
  housing: { postcode: "75011", occupancy: "tenant" },
  situations: ["rent_arrears"],
};

export async function call<T = Record<string, unknown>>(
  baseUrl: string,
  method: string,
  path: string,
  options: { session?: Session; body?: unknown; ifMatch?: string | null } = {},
): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = {};
  if (options.body !== undefined) headers["content-type"] = "application/json";
  if (options.session !== undefined) {
    headers.cookie = options.session.cookie;
    headers["x-csrf-token"] = options.session.csrfToken;
  }
  if (options.ifMatch !== undefined && options.ifMatch !== null) headers["if-match"] = options.ifMatch;
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers,
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
  const text = await response.text();
  return {
    status: response.status,
    etag: response.headers.get("etag"),
    contentType: response.headers.get("content-type"),
    body: (text === "" ? {} : JSON.parse(text)) as T,
  };
}
