// The files of a case: upload (multipart, one file, its type read from its content), list, download.
// An upload is a change of the case (If-Match, new ETag, timeline, audit, one transaction); every list and
// download of a person's files is written to the audit trail.
import { randomUUID } from "node:crypto";
import type { MultipartFile } from "@fastify/multipart";
import type { FastifyRequest } from "fastify";
import Type from "typebox";
import {
  type CaseDocument,
  DOCUMENT_KINDS,
  DOCUMENT_NAME_MAX_LENGTH,
  type DocumentKind,
} from "../../../contracts/documents.ts";
import { recordAudit } from "../../../db/audit/append.ts";
import { type DocumentSummary, findDocument, insertDocument, listDocuments } from "../../../db/documents.ts";
import { isActionOfCase } from "../../../db/engagementPlan.ts";
import { type Inspection, inspectUpload } from "../../documents/inspect.ts";
import { HttpProblem, problemResponses } from "../../http/problems.ts";
import type { AppInstance } from "../../types.ts";
import {
  asProblems,
  auditContext,
  caseNotFound,
  changeCase,
  expectedVersion,
  loadCaseInScope,
  sessionOf,
  setEtag,
} from "../cases/caseAccess.ts";
import { CaseIdParams } from "../cases/reads.ts";
import { sendDownload } from "./download.ts";
import { documentProblems, documentRouteMessages, uploadRefusals } from "./messages.fr.ts";

/** Where a signed engagement may be joined: once there is a plan, until the case is closed. */
const ENGAGEMENT_STATUSES: readonly string[] = ["action_plan", "engagement", "follow_up"];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/iu;

const DocumentParams = Type.Object(
  {
    id: Type.String({ format: "uuid", description: "Identifiant du dossier." }),
    documentId: Type.String({ format: "uuid", description: "Identifiant de la pièce." }),
  },
  { additionalProperties: false },
);

export function presentDocument(document: DocumentSummary): CaseDocument {
  return { ...document, uploadedAt: document.uploadedAt.toISOString() };
}

function invalidField(path: string, code: string, message: string): HttpProblem {
  return HttpProblem.of(400, "validation_failed", { errors: [{ path, code, message }] });
}

function problem(status: number, code: string, text: { title: string; detail: string }): HttpProblem {
  return new HttpProblem(status, code, text.title, text.detail);
}

/** The refusal of a file that is not a PDF, JPEG or PNG of at most 10 MiB, in French. */
function refusalProblem(inspection: Inspection & { ok: false }, name: string): HttpProblem {
  switch (inspection.refusal) {
    case "empty":
      return problem(400, "document_empty", uploadRefusals.empty);
    case "too_large":
      return problem(413, "document_too_large", uploadRefusals.too_large);
    case "executable":
      return new HttpProblem(
        415,
        "document_type_refused",
        uploadRefusals.executable.title,
        uploadRefusals.executable.detail(name, inspection.detected ?? "?"),
      );
    case "script":
      return new HttpProblem(
        415,
        "document_type_refused",
        uploadRefusals.script.title,
        uploadRefusals.script.detail(name),
      );
    case "unsupported":
      return new HttpProblem(
        415,
        "document_type_refused",
        uploadRefusals.unsupported.title,
        uploadRefusals.unsupported.detail(name, inspection.detected),
      );
  }
}

/** The name as sent, without any path a client may prefix, control characters or surrounding spaces. */
export function originalNameOf(filename: string | undefined): string {
  const base = (filename ?? "").split(/[/\\]/u).pop() ?? "";
  const cleaned = base.replace(/\p{Cc}/gu, "").trim();
  return cleaned === "" ? "document" : cleaned;
}

interface Upload {
  file: Buffer;
  name: string;
  kind: DocumentKind;
  actionId: string | null;
}

/** Reads the form: one `file`, and the optional `kind` and `actionId` fields. */
async function readUpload(request: FastifyRequest): Promise<Upload> {
  if (!request.isMultipart()) throw problem(415, "multipart_expected", documentProblems.notMultipart);
  let file: { bytes: Buffer; name: string } | undefined;
  const fields: Record<string, string> = {};
  try {
    for await (const part of request.parts()) {
      if (part.type === "file") {
        if (part.fieldname !== "file") {
          throw invalidField(
            `/${part.fieldname}`,
            "unknown_field",
            documentProblems.unknownField(part.fieldname),
          );
        }
        file = { bytes: await (part as MultipartFile).toBuffer(), name: originalNameOf(part.filename) };
      } else if (part.fieldname === "kind" || part.fieldname === "actionId") {
        fields[part.fieldname] = String(part.value);
      } else {
        throw invalidField(
          `/${part.fieldname}`,
          "unknown_field",
          documentProblems.unknownField(part.fieldname),
        );
      }
    }
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === "FST_REQ_FILE_TOO_LARGE") throw problem(413, "document_too_large", uploadRefusals.too_large);
    if (code === "FST_FILES_LIMIT") throw problem(400, "one_file_only", documentProblems.oneFile);
    throw error;
  }
  if (file === undefined) throw problem(400, "document_missing", documentProblems.noFile);
  if (file.name.length > DOCUMENT_NAME_MAX_LENGTH) {
    throw invalidField("/file", "name_too_long", documentProblems.nameTooLong);
  }
  const kind = fields.kind ?? "attachment";
  if (!(DOCUMENT_KINDS as readonly string[]).includes(kind)) {
    throw invalidField("/kind", "enum", documentProblems.badKind);
  }
  const actionId = fields.actionId?.trim() || null;
  if (actionId !== null && !UUID.test(actionId)) {
    throw invalidField("/actionId", "format", documentProblems.badActionId);
  }
  return { file: file.bytes, name: file.name, kind: kind as DocumentKind, actionId };
}

export async function caseDocumentRoutes(app: AppInstance): Promise<void> {
  const db = app.db;

  app.post(
    "/api/v1/cases/:id/documents",
    {
      config: { permission: "documents.upload" },
      schema: {
        tags: ["documents"],
        summary: documentRouteMessages.uploadSummary,
        description: documentRouteMessages.uploadDescription,
        consumes: ["multipart/form-data"],
        params: CaseIdParams,
        body: Type.Ref("DocumentUploadForm"),
        response: {
          201: Type.Ref("CaseDocument"),
          ...problemResponses(400, 401, 403, 404, 409, 412, 413, 415, 428),
        },
      },
      // The form documents the body; readUpload reads and checks it part by part, the file as a stream.
      validatorCompiler: () => () => true,
    },
    async (request, reply) => {
      // Scope and version before the body is read: a refused caller sends 10 MiB for nothing at most.
      const record = await loadCaseInScope(db.drizzle, request, request.params.id, "documents.upload");
      const version = expectedVersion(request, record.row.version);
      const upload = await readUpload(request);
      const inspection = await inspectUpload(upload.file);
      if (!inspection.ok) throw refusalProblem(inspection, upload.name);
      if (upload.kind === "signed_engagement" && !ENGAGEMENT_STATUSES.includes(record.row.status)) {
        throw problem(409, "engagement_not_expected", documentProblems.engagementTooEarly);
      }
      if (upload.actionId !== null && !(await isActionOfCase(db.drizzle, record.row.id, upload.actionId))) {
        throw invalidField("/actionId", "unknown_action", documentProblems.unknownAction);
      }
      const documentId = randomUUID();
      const context = auditContext(request);
      const uploaderId = sessionOf(request).user.id;
      const facts = {
        documentId,
        kind: upload.kind,
        mediaType: inspection.mediaType,
        sizeBytes: inspection.size,
        sha256: inspection.sha256,
        actionId: upload.actionId,
      };
      const updated = await asProblems(() =>
        changeCase(db, { caseId: record.row.id, expectedVersion: version, context }, async (row, tx) => {
          await insertDocument(tx, app.config.dataEncryptionKey, {
            id: documentId,
            caseId: row.id,
            actionId: upload.actionId,
            kind: upload.kind,
            originalName: upload.name,
            mediaType: inspection.mediaType,
            sizeBytes: inspection.size,
            sha256: inspection.sha256,
            content: upload.file,
            uploadedByUserId: uploaderId,
          });
          // The file's name may name the person: neither the timeline nor the audit trail keeps it.
          return {
            events: [{ type: "document_added", data: facts }],
            audit: { action: "case.document_uploaded", details: facts },
          };
        }),
      );
      const stored = await findDocument(db.drizzle, app.config.dataDecryptionKeys, record.row.id, documentId);
      if (stored === undefined) throw caseNotFound();
      setEtag(reply, updated.version);
      const { content: _content, ...summary } = stored;
      return reply
        .code(201)
        .header("location", `/api/v1/cases/${record.row.id}/documents/${documentId}`)
        .send(presentDocument(summary));
    },
  );

  app.get(
    "/api/v1/cases/:id/documents",
    {
      config: { permission: "documents.read" },
      schema: {
        tags: ["documents"],
        summary: documentRouteMessages.listSummary,
        params: CaseIdParams,
        response: { 200: Type.Ref("CaseDocumentList"), ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const record = await loadCaseInScope(db.drizzle, request, request.params.id, "documents.read");
      const documents = await listDocuments(db.drizzle, record.row.id);
      await recordAudit(db.drizzle, {
        ...auditContext(request),
        action: "case.documents_listed",
        targetType: "case",
        targetId: record.row.id,
        details: { count: documents.length },
      });
      return { items: documents.map(presentDocument) };
    },
  );

  app.get(
    "/api/v1/cases/:id/documents/:documentId",
    {
      config: { permission: "documents.read" },
      schema: {
        tags: ["documents"],
        summary: documentRouteMessages.downloadSummary,
        description: documentRouteMessages.downloadDescription,
        params: DocumentParams,
        response: {
          200: { description: "Le fichier.", content: { "application/octet-stream": { schema: {} } } },
          ...problemResponses(400, 401, 403, 404),
        },
      },
    },
    async (request, reply) => {
      const record = await loadCaseInScope(db.drizzle, request, request.params.id, "documents.read");
      const document = await findDocument(
        db.drizzle,
        app.config.dataDecryptionKeys,
        record.row.id,
        request.params.documentId,
      );
      if (document === undefined) throw problem(404, "document_not_found", documentProblems.documentNotFound);
      await recordAudit(db.drizzle, {
        ...auditContext(request),
        action: "case.document_downloaded",
        targetType: "case_document",
        targetId: document.id,
        details: { caseId: record.row.id, sha256: document.sha256 },
      });
      return sendDownload(reply, {
        bytes: document.content,
        mediaType: document.mediaType,
        name: document.originalName,
      });
    },
  );
}
