// Sending a file to be saved, never displayed: the stored media type, `attachment` with the name in both
// forms of RFC 6266 (an ASCII fallback and the UTF-8 original), no type sniffing and no caching, since
// every file of a case holds personal data.
import type { FastifyReply } from "fastify";

export function sendDownload(
  reply: FastifyReply,
  file: { bytes: Buffer; mediaType: string; name: string },
): FastifyReply {
  return reply
    .header("content-type", file.mediaType)
    .header("content-disposition", contentDisposition(file.name))
    .header("x-content-type-options", "nosniff")
    .header("cache-control", "no-store")
    .send(file.bytes);
}

export function contentDisposition(name: string): string {
  const fallback = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/gu, "")
    .replace(/[^\x20-\x7e]|["\\]/gu, "_");
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeRFC5987(name)}`;
}

function encodeRFC5987(value: string): string {
  return encodeURIComponent(value).replace(
    /['()*]/gu,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}
