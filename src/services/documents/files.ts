// The files of a case: upload (one file, its type read from its content), list, download. An upload is a
// change of the case (its version, a timeline event, an audit entry, one transaction); every list and
// download of a person's files is written to the audit trail.

import { randomUUID } from "node:crypto";
import { DOCUMENT_KINDS, DOCUMENT_NAME_MAX_LENGTH, type DocumentKind } from "../../contracts/documents.ts";
import { isActionOfCase } from "../../db/documents/engagementPlan.ts";
import {
  type DocumentMediaType,
  type DocumentSummary,
  findDocument,
  findDocumentSummary,
  insertDocument,
  listDocuments,
} from "../../db/documents/repository.ts";
import { recordRead } from "../auditing.ts";
import { type Caller, staffOf } from "../caller.ts";
import { caseNotFound, loadCaseInScope } from "../cases/access.ts";
import { changeCase } from "../cases/change.ts";
import { caseMessages } from "../cases/messages.fr.ts";
import type { StepTarget } from "../cases/steps.ts";
import type { ServiceContext } from "../context.ts";
import { DomainError } from "../errors.ts";
import { checkVersion } from "../versions.ts";
import { type Inspection, inspectUpload } from "./inspect.ts";
import { documentMessages, uploadRefusals } from "./messages.fr.ts";

export type { DocumentSummary };

/** Where a signed engagement may be joined: once there is a plan, until the case is closed. */
const ENGAGEMENT_STATUSES: readonly string[] = ["action_plan", "engagement", "follow_up"];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/iu;

/** The file and the fields of an upload as the client sent them, not yet checked. */
export interface DocumentUpload {
  content: Buffer;
  /** The file's name as sent; a client may prefix a path. */
  name: string | undefined;
  kind: string | undefined;
  actionId: string | undefined;
}

/** A file more than 10 MiB long (413). */
export function documentTooLarge(): DomainError {
  const { title, detail } = uploadRefusals.tooLarge;
  return new DomainError("too_large", "document_too_large", title, detail);
}

/** The refusal of a file that is not a PDF, JPEG or PNG of at most 10 MiB, in French. */
function uploadRefusal(inspection: Inspection & { ok: false }, name: string): DomainError {
  const { typeRefused } = uploadRefusals;
  const refused = (detail: string) =>
    new DomainError("unsupported_media_type", "document_type_refused", typeRefused.title, detail);
  switch (inspection.refusal) {
    case "empty": {
      const { title, detail } = uploadRefusals.empty;
      return new DomainError("invalid", "document_empty", title, detail);
    }
    case "too_large":
      return documentTooLarge();
    case "executable":
      return refused(typeRefused.executable(name, inspection.detected ?? "?"));
    case "script":
      return refused(typeRefused.script(name));
    case "unsupported":
      return refused(typeRefused.unsupported(name, inspection.detected));
  }
}

/** The name as sent, without any path a client may prefix, control characters or surrounding spaces. */
function originalNameOf(filename: string | undefined): string {
  const base = (filename ?? "").split(/[/\\]/u).pop() ?? "";
  const cleaned = base.replace(/\p{Cc}/gu, "").trim();
  return cleaned === "" ? "document" : cleaned;
}

/** The upload's name, kind and action, checked in this order. */
function checkedUpload(upload: DocumentUpload): {
  content: Buffer;
  name: string;
  kind: DocumentKind;
  actionId: string | null;
} {
  const name = originalNameOf(upload.name);
  if (name.length > DOCUMENT_NAME_MAX_LENGTH) {
    throw DomainError.invalidField("/file", "name_too_long", documentMessages.nameTooLong);
  }
  const kind = upload.kind ?? "attachment";
  if (!(DOCUMENT_KINDS as readonly string[]).includes(kind)) {
    throw DomainError.invalidField("/kind", "enum", documentMessages.badKind);
  }
  const actionId = upload.actionId?.trim() || null;
  if (actionId !== null && !UUID.test(actionId)) {
    throw DomainError.invalidField("/actionId", "format", documentMessages.badActionId);
  }
  return { content: upload.content, name, kind: kind as DocumentKind, actionId };
}

/**
 * Joins a file to the case. `receive` gives the upload once the caller is known to be allowed to change
 * this version of the case, so that a refused caller's file is never read (an HTTP body is streamed).
 * Answers the stored document and the case's new version.
 */
export async function uploadDocument(
  context: ServiceContext,
  caller: Caller,
  target: StepTarget,
  receive: () => Promise<DocumentUpload>,
): Promise<{ document: DocumentSummary; caseVersion: number }> {
  const db = context.db.drizzle;
  const record = await loadCaseInScope(context, caller, target.caseId, "documents.upload");
  checkVersion(target.expected, record.row.version, caseMessages.stale);
  const upload = checkedUpload(await receive());
  const inspection = await inspectUpload(upload.content);
  if (!inspection.ok) throw uploadRefusal(inspection, upload.name);
  if (upload.kind === "signed_engagement" && !ENGAGEMENT_STATUSES.includes(record.row.status)) {
    const { title, detail } = documentMessages.engagementTooEarly;
    throw new DomainError("conflict", "engagement_not_expected", title, detail);
  }
  if (upload.actionId !== null && !(await isActionOfCase(db, record.row.id, upload.actionId))) {
    throw DomainError.invalidField("/actionId", "unknown_action", documentMessages.unknownAction);
  }
  const documentId = randomUUID();
  const uploadedByUserId = staffOf(caller).userId;
  const facts = {
    documentId,
    kind: upload.kind,
    mediaType: inspection.mediaType,
    sizeBytes: inspection.size,
    sha256: inspection.sha256,
    actionId: upload.actionId,
  };
  const updated = await changeCase(context, caller, target, async (row, tx) => {
    await insertDocument(tx, context.keys.sealing, {
      id: documentId,
      caseId: row.id,
      actionId: upload.actionId,
      kind: upload.kind,
      originalName: upload.name,
      mediaType: inspection.mediaType,
      sizeBytes: inspection.size,
      sha256: inspection.sha256,
      content: upload.content,
      uploadedByUserId,
    });
    // The file's name may name the person: neither the timeline nor the audit trail keeps it.
    return {
      events: [{ type: "document_added", data: facts }],
      audit: { action: "case.document_uploaded", details: facts },
    };
  });
  const document = await findDocumentSummary(db, record.row.id, documentId);
  if (document === undefined) throw caseNotFound();
  return { document, caseVersion: updated.version };
}

/** The case's documents, oldest first, without their bytes. */
export async function listCaseDocuments(
  context: ServiceContext,
  caller: Caller,
  caseId: string,
): Promise<DocumentSummary[]> {
  const db = context.db.drizzle;
  const record = await loadCaseInScope(context, caller, caseId, "documents.read");
  const documents = await listDocuments(db, record.row.id);
  await recordRead(context, caller, {
    action: "case.documents_listed",
    targetType: "case",
    targetId: record.row.id,
    details: { count: documents.length },
  });
  return documents;
}

/** A file to be saved: its bytes as uploaded, its detected media type and its original name. */
export interface DownloadedDocument {
  bytes: Buffer;
  mediaType: DocumentMediaType;
  name: string;
}

/** One document of the case, decrypted; the trail keeps its checksum, never its name. */
export async function downloadDocument(
  context: ServiceContext,
  caller: Caller,
  caseId: string,
  documentId: string,
): Promise<DownloadedDocument> {
  const db = context.db.drizzle;
  const record = await loadCaseInScope(context, caller, caseId, "documents.read");
  const document = await findDocument(db, context.keys.opening, record.row.id, documentId);
  if (document === undefined) {
    const { title, detail } = documentMessages.documentNotFound;
    throw new DomainError("not_found", "document_not_found", title, detail);
  }
  await recordRead(context, caller, {
    action: "case.document_downloaded",
    targetType: "case_document",
    targetId: document.id,
    details: { caseId: record.row.id, sha256: document.sha256 },
  });
  return { bytes: document.content, mediaType: document.mediaType, name: document.originalName };
}
