// What an uploaded file really is, read from its bytes (magic numbers, through `file-type`), never from
// its name or the type the browser claims: a « .pdf » that is a program is refused. Only PDF, JPEG and PNG
// are kept, up to 10 MiB, with their SHA-256 so that a download can be checked against the upload.
import { createHash } from "node:crypto";
import { fileTypeFromBuffer } from "file-type";

export const MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

export const DOCUMENT_MEDIA_TYPES = ["application/pdf", "image/jpeg", "image/png"] as const;
export type DocumentMediaType = (typeof DOCUMENT_MEDIA_TYPES)[number];

/** Formats that run code when opened or executed: named as such in the refusal. */
const EXECUTABLE_EXTENSIONS: ReadonlySet<string> = new Set(["elf", "exe", "macho", "wasm", "class", "dex"]);

export type Inspection =
  | {
      readonly ok: true;
      readonly mediaType: DocumentMediaType;
      readonly size: number;
      readonly sha256: string;
    }
  | { readonly ok: false; readonly refusal: "empty" | "too_large" }
  | {
      readonly ok: false;
      readonly refusal: "executable" | "script" | "unsupported";
      /** What the content was recognised as (« elf », « zip »…), when it was. */
      readonly detected?: string;
    };

export async function inspectUpload(bytes: Uint8Array): Promise<Inspection> {
  if (bytes.length === 0) return { ok: false, refusal: "empty" };
  if (bytes.length > MAX_DOCUMENT_BYTES) return { ok: false, refusal: "too_large" };
  const detected = await fileTypeFromBuffer(bytes);
  if (detected !== undefined && isDocumentMediaType(detected.mime)) {
    return { ok: true, mediaType: detected.mime, size: bytes.length, sha256: sha256Hex(bytes) };
  }
  if (detected !== undefined && EXECUTABLE_EXTENSIONS.has(detected.ext)) {
    return { ok: false, refusal: "executable", detected: detected.ext };
  }
  // Text is not detected by magic numbers; a shebang line is what makes a text file run as a program.
  if (detected === undefined && bytes[0] === 0x23 && bytes[1] === 0x21)
    return { ok: false, refusal: "script" };
  return detected === undefined
    ? { ok: false, refusal: "unsupported" }
    : { ok: false, refusal: "unsupported", detected: detected.ext };
}

export function isDocumentMediaType(value: string): value is DocumentMediaType {
  return (DOCUMENT_MEDIA_TYPES as readonly string[]).includes(value);
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}
