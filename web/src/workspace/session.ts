// The signed-in staff member, read once per page load from GET /api/v1/auth/session and shared by every
// component that needs it (the header's account menu, the pages, the CSRF token of each change).
import { useSyncExternalStore } from "react";
import { isRole, type Role } from "../../../src/core/access/index.ts";
import { callApi } from "../api.ts";

/** The session as the API answers it (GET /api/v1/auth/session, and the login itself). */
export interface SessionAnswer {
  readonly user: { readonly id: string; readonly email: string; readonly displayName: string };
  readonly role: string;
  readonly organisation: { readonly id: string; readonly name: string; readonly kind: string } | null;
  readonly csrfToken: string;
  readonly mfa: { readonly enabled: boolean; readonly enrolmentRequired: boolean };
}

/** The session with its role checked once, here, so that every page asks the permission table with it. */
export interface Session extends Omit<SessionAnswer, "role"> {
  readonly role: Role;
}

export type SessionState =
  | { readonly status: "loading" }
  | { readonly status: "signedOut" }
  | { readonly status: "unavailable" }
  | { readonly status: "signedIn"; readonly session: Session };

let state: SessionState = { status: "loading" };
let started = false;
const listeners = new Set<() => void>();

function publish(next: SessionState): void {
  state = next;
  for (const listener of listeners) listener();
}

/** Signed in, unless the answer names a role this application does not know (a newer server): unavailable. */
function signedIn(answer: SessionAnswer): SessionState {
  const { role } = answer;
  return isRole(role) ? { status: "signedIn", session: { ...answer, role } } : { status: "unavailable" };
}

async function load(): Promise<void> {
  const result = await callApi<SessionAnswer>("/api/v1/auth/session");
  if (result.ok) publish(signedIn(result.body));
  else publish({ status: result.problem.status === 401 ? "signedOut" : "unavailable" });
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (!started) {
    started = true;
    void load();
  }
  return () => listeners.delete(listener);
}

/** The session, fetched on first use and shared afterwards. */
export function useSession(): SessionState {
  return useSyncExternalStore(
    subscribe,
    () => state,
    () => state,
  );
}

/** After a successful sign-in: the login answer is the session itself. */
export function sessionStarted(answer: SessionAnswer): void {
  started = true;
  publish(signedIn(answer));
}

/** Reads the session again: after a change the server made to it (a second factor just enrolled). */
export function refreshSession(): Promise<void> {
  return load();
}

/** Ends the session on the server, then leaves the workspace. */
export async function signOut(session: Session): Promise<boolean> {
  const result = await callApi("/api/v1/auth/logout", { method: "POST", csrfToken: session.csrfToken });
  // 401: the session had already ended; either way nobody is signed in any more.
  if (!result.ok && result.problem.status !== 401) return false;
  publish({ status: "signedOut" });
  return true;
}

/** Where the workspace sends someone who is not signed in, coming back to `path` afterwards. */
export function loginPath(path: string): string {
  return `/connexion?suite=${encodeURIComponent(path)}`;
}

/** The page to open after signing in: the one asked for, if it is in the workspace. */
export function afterLoginPath(search: string): string {
  const next = new URLSearchParams(search).get("suite");
  return next !== null && /^\/espace(\/|$)/.test(next) && !next.startsWith("//") ? next : "/espace";
}
