// The files of a case: upload (multipart, one file), list, download: schema → service
// (src/services/documents/files.ts) → the document as the API shows it. Reading the multipart form part by
// part, the file as a stream, is this route's; checking what it holds is the service's.
import type { FastifyRequest } from "fastify";
import Type from "typebox";
import type { CaseDocument } from "../../../contracts/documents.ts";
import {
  type DocumentSummary,
  type DocumentUpload,
  documentTooLarge,
  downloadDocument,
  listCaseDocuments,
  uploadDocument,
} from "../../../services/documents/index.ts";
import { callerOf } from "../../http/caller.ts";
import { setEtag } from "../../http/preconditions.ts";
import { HttpProblem, invalidField, problemResponses } from "../../http/problems.ts";
import type { AppInstance } from "../../types.ts";
import { CaseIdParams } from "../cases/reads.ts";
import { target } from "../cases/steps.ts";
import { sendDownload } from "./download.ts";
import { documentRouteMessages, uploadFormProblems } from "./messages.fr.ts";

const DocumentParams = Type.Object(
  {
    id: Type.String({ format: "uuid", description: "Identifiant du dossier." }),
    documentId: Type.String({ format: "uuid", description: "Identifiant de la pièce." }),
  },
  { additionalProperties: false },
);

function presentDocument(document: DocumentSummary): CaseDocument {
  return { ...document, uploadedAt: document.uploadedAt.toISOString() };
}

function formProblem(status: number, code: string, text: { title: string; detail: string }): HttpProblem {
  return new HttpProblem(status, code, text.title, text.detail);
}

function unknownField(name: string): HttpProblem {
  return invalidField(`/${name}`, "unknown_field", uploadFormProblems.unknownField(name));
}

/** Reads the form: one `file`, and the optional `kind` and `actionId` fields, as sent. */
async function readUpload(request: FastifyRequest): Promise<DocumentUpload> {
  if (!request.isMultipart()) {
    throw formProblem(415, "multipart_expected", uploadFormProblems.notMultipart);
  }
  let file: { content: Buffer; name: string } | undefined;
  const fields: { kind?: string; actionId?: string } = {};
  try {
    for await (const part of request.parts()) {
      if (part.type === "file") {
        if (part.fieldname !== "file") throw unknownField(part.fieldname);
        file = { content: await part.toBuffer(), name: part.filename };
      } else if (part.fieldname === "kind" || part.fieldname === "actionId") {
        fields[part.fieldname] = String(part.value);
      } else {
        throw unknownField(part.fieldname);
      }
    }
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === "FST_REQ_FILE_TOO_LARGE") throw documentTooLarge();
    if (code === "FST_FILES_LIMIT") throw formProblem(400, "one_file_only", uploadFormProblems.oneFile);
    throw error;
  }
  if (file === undefined) throw formProblem(400, "document_missing", uploadFormProblems.noFile);
  return { ...file, kind: fields.kind, actionId: fields.actionId };
}

export async function caseDocumentRoutes(app: AppInstance): Promise<void> {
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
      // The form documents the body; readUpload reads it part by part, the file as a stream, and the
      // service checks it. The case id is checked when the case is loaded (a malformed id is no case: 404).
      validatorCompiler: () => () => true,
    },
    async (request, reply) => {
      // The service asks for the body once scope and version are checked: a refused caller's file is not read.
      const { document, caseVersion } = await uploadDocument(
        app.services,
        callerOf(request),
        target(request),
        () => readUpload(request),
      );
      setEtag(reply, caseVersion);
      return reply
        .code(201)
        .header("location", `/api/v1/cases/${document.caseId}/documents/${document.id}`)
        .send(presentDocument(document));
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
      const documents = await listCaseDocuments(app.services, callerOf(request), request.params.id);
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
    async (request, reply) =>
      sendDownload(
        reply,
        await downloadDocument(app.services, callerOf(request), request.params.id, request.params.documentId),
      ),
  );
}
