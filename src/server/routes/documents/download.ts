// Sending a file to be saved, never displayed: the stored media type, `attachment` with the name in both
// forms of RFC 6266 (an ASCII fallback and the UTF-8 original), no type sniffing and no caching, since
// every file of a case holds personal data.
import type { FastifyReply } from "fastify";
import type { CasePdf } from "../../../services/documents/index.ts";

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

/** The OpenAPI answer of a route that sends a PDF. */
export const PDF_RESPONSE = {
  description: "Le document PDF.",
  content: { "application/pdf": { schema: {} } },
};

/** A generated PDF of a case, named after what it is and the case's reference. */
export function sendPdf(reply: FastifyReply, title: string, pdf: CasePdf): FastifyReply {
  return sendDownload(reply, {
    bytes: pdf.bytes,
    mediaType: "application/pdf",
    name: `${title}-${pdf.reference}.pdf`,
  });
}
