// Optimistic concurrency over HTTP: the ETag a read answers, and the If-Match a change must send back
// (RFC 9110, strong comparison: a weak tag never matches; `*` matches any version).
import type { IncomingHttpHeaders } from "node:http";
import type { FastifyReply } from "fastify";
import type { ExpectedVersion } from "../../services/versions.ts";
import { versionTag } from "../../services/versions.ts";

export function setEtag(reply: FastifyReply, version: number): void {
  reply.header("etag", versionTag(version));
}

/**
 * The versions named by If-Match; undefined without the header, which the change refuses (428) once the
 * resource is known to be the caller's, so that a missing header reveals nothing of other agencies' cases.
 */
export function ifMatch(request: { headers: IncomingHttpHeaders }): ExpectedVersion {
  const header = request.headers["if-match"];
  if (header === undefined || header.trim() === "") return undefined;
  const tags = header.split(",").map((tag) => tag.trim());
  if (tags.includes("*")) return "any";
  return tags.flatMap((tag) => {
    const match = /^"(\d{1,15})"$/.exec(tag);
    return match === null ? [] : [Number(match[1])];
  });
}
