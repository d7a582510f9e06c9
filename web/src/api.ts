// Calls to the Appui API from the browser: JSON in and out, and every refusal read as the API's
// problem+json, so that pages show its French `detail` and put each field's message next to the field.

/** One field at fault, as the API lists it (`path` is a JSON Pointer such as /contact/email). */
export interface FieldIssue {
  readonly path: string;
  readonly code: string;
  readonly message: string;
}

/** An RFC 9457 problem as the API writes it, plus the response headers a page may need (Retry-After, ETag). */
export interface Problem {
  readonly status: number;
  readonly code: string;
  readonly title: string;
  readonly detail: string;
  readonly errors: readonly FieldIssue[];
  readonly retryAfterSeconds: number | null;
}

export type ApiResult<T> =
  | { readonly ok: true; readonly status: number; readonly body: T; readonly etag: string | null }
  | { readonly ok: false; readonly problem: Problem };

export interface ApiRequest {
  readonly method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** JSON, or a FormData sent as multipart/form-data (the browser writes the boundary). */
  readonly body?: unknown;
  /** The session's token: every cookie-authenticated change must carry it. */
  readonly csrfToken?: string;
  /** The version the change applies to: the API answers 412 when someone changed it meanwhile. */
  readonly ifMatch?: string;
  /** Further headers a route reads, such as the Idempotency-Key of a money move. */
  readonly headers?: Readonly<Record<string, string>>;
  readonly signal?: AbortSignal;
}

/** What a page shows when the network itself failed (no answer at all). */
export const NETWORK_FAILURE = "network_failure";

export async function callApi<T>(path: string, request: ApiRequest = {}): Promise<ApiResult<T>> {
  const headers: Record<string, string> = { ...request.headers, accept: "application/json" };
  const multipart = request.body instanceof FormData;
  if (request.body !== undefined && !multipart) headers["content-type"] = "application/json";
  if (request.csrfToken !== undefined) headers["x-csrf-token"] = request.csrfToken;
  if (request.ifMatch !== undefined) headers["if-match"] = request.ifMatch;
  let response: Response;
  try {
    response = await fetch(path, {
      method: request.method ?? "GET",
      headers,
      credentials: "same-origin",
      ...(request.body === undefined
        ? {}
        : { body: multipart ? (request.body as FormData) : JSON.stringify(request.body) }),
      ...(request.signal === undefined ? {} : { signal: request.signal }),
    });
  } catch (error) {
    if (request.signal?.aborted) throw error;
    return {
      ok: false,
      problem: {
        status: 0,
        code: NETWORK_FAILURE,
        title: "",
        detail: "",
        errors: [],
        retryAfterSeconds: null,
      },
    };
  }
  const text = await response.text();
  const parsed: unknown = text === "" ? null : safeJson(text);
  if (response.ok) {
    return { ok: true, status: response.status, body: parsed as T, etag: response.headers.get("etag") };
  }
  return { ok: false, problem: problemOf(response, parsed) };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function problemOf(response: Response, body: unknown): Problem {
  const fields = (typeof body === "object" && body !== null ? body : {}) as Record<string, unknown>;
  const retryAfter = Number(response.headers.get("retry-after"));
  const errors = Array.isArray(fields.errors)
    ? fields.errors.filter(
        (issue): issue is FieldIssue =>
          typeof issue === "object" &&
          issue !== null &&
          typeof (issue as FieldIssue).path === "string" &&
          typeof (issue as FieldIssue).message === "string",
      )
    : [];
  return {
    status: response.status,
    code: typeof fields.code === "string" ? fields.code : String(response.status),
    title: typeof fields.title === "string" ? fields.title : "",
    detail: typeof fields.detail === "string" ? fields.detail : "",
    errors,
    retryAfterSeconds: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null,
  };
}

/** The first message the API gave for each field, keyed by the field's JSON Pointer. */
export function issuesByPath(problem: Problem): Record<string, string> {
  const byPath: Record<string, string> = {};
  for (const issue of problem.errors) byPath[issue.path] ??= issue.message;
  return byPath;
}
