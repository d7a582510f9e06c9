// The typed refusals of the use cases. A service throws a DomainError; the server turns it into a problem
// (RFC 9457) with the status of its kind, in one place (src/server/http/problems.ts); the command line into
// a message and an exit status. `detail` and the issues' messages are French, taken from a messages file.
import { serviceMessages } from "./messages.fr.ts";

export type DomainErrorKind =
  /** The input is wrong: `issues` names each field at fault. */
  | "invalid"
  /** No caller, or an expired session. */
  | "unauthenticated"
  /** The caller may not do this. */
  | "forbidden"
  /** Nothing there, or nothing the caller may see (never revealing which). */
  | "not_found"
  /** The state of the data forbids it. */
  | "conflict"
  /** A one-time link used or expired. */
  | "gone"
  /** An upload is larger than its limit. */
  | "too_large"
  /** The content of an upload is not of an accepted type. */
  | "unsupported_media_type"
  /** Well-formed, but a field's value cannot be accepted as it stands. */
  | "unprocessable"
  /** The caller did not say which version it read (HTTP If-Match). */
  | "precondition_required"
  /** The caller read an older version. */
  | "precondition_failed"
  /** Something the service needs is missing (no agency to receive a request). */
  | "unavailable"
  /** Stored encrypted data that the configured keys cannot open: the operator must act. */
  | "unreadable_data";

export interface FieldIssue {
  /** JSON Pointer of the field in the input, e.g. /person/email. */
  path: string;
  /** Stable code for programs: required, UNKNOWN_POSTCODE... */
  code: string;
  /** French, for people. */
  message: string;
}

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    /** Stable code for programs. */
    readonly code: string,
    /** French, short. */
    readonly title: string,
    /** French, the whole explanation. */
    readonly detail: string,
    /** Extra members of the answer: `errors` (field issues), `clause`, `currentEtag`... */
    readonly extensions: Readonly<Record<string, unknown>> = {},
  ) {
    super(code);
    this.name = "DomainError";
  }

  /** The input is wrong; every field at fault is listed. */
  static invalid(issues: readonly FieldIssue[]): DomainError {
    const { title, detail } = serviceMessages.invalid;
    return new DomainError("invalid", "validation_failed", title, detail, { errors: [...issues] });
  }

  /** One field at fault. */
  static invalidField(path: string, code: string, message: string): DomainError {
    return DomainError.invalid([{ path, code, message }]);
  }

  static unauthenticated(): DomainError {
    const { title, detail } = serviceMessages.unauthenticated;
    return new DomainError("unauthenticated", "unauthenticated", title, detail);
  }

  static forbidden(): DomainError {
    const { title, detail } = serviceMessages.forbidden;
    return new DomainError("forbidden", "forbidden", title, detail);
  }

  /** `issues` of an input error carried as extensions. */
  get issues(): readonly FieldIssue[] {
    return (this.extensions.errors as FieldIssue[] | undefined) ?? [];
  }
}
