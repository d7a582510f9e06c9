// Optimistic concurrency: a change names the version of the resource its caller read (HTTP If-Match), and
// is refused when another change landed since. The version tag is the one the API shows as ETag.
import { DomainError } from "./errors.ts";
import { serviceMessages } from "./messages.fr.ts";

/**
 * The versions the caller accepts: any (If-Match: *), or the ones it read; undefined when it did not say,
 * which every change refuses, once the resource is known to be the caller's to change.
 */
export type ExpectedVersion = "any" | readonly number[] | undefined;

/** The ETag of a version: a strong tag (RFC 9110). */
export function versionTag(version: number): string {
  return `"${version}"`;
}

/** What the refusal says of the resource that changed (« Dossier modifié entre-temps »...). */
export interface StaleMessages {
  title: string;
  detail: string;
}

export function staleVersion(currentVersion: number, messages: StaleMessages): DomainError {
  return new DomainError("precondition_failed", "precondition_failed", messages.title, messages.detail, {
    currentEtag: versionTag(currentVersion),
  });
}

/** Throws when the caller did not say which version it read, or read another one. */
export function checkVersion(
  expected: ExpectedVersion,
  currentVersion: number,
  messages: StaleMessages,
): void {
  if (expected === undefined) {
    const { title, detail } = serviceMessages.versionRequired;
    throw new DomainError("precondition_required", "precondition_required", title, detail);
  }
  if (expected !== "any" && !expected.includes(currentVersion)) throw staleVersion(currentVersion, messages);
}
