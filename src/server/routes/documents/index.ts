// The documents of a case: uploaded files, the two generated PDFs, and the engagement's one-time link.
// Multipart bodies are accepted in this scope only, for the upload: every other route keeps refusing them,
// and the global 1 MiB body limit stays; an uploaded file may reach 10 MiB.
import multipart from "@fastify/multipart";
import { DOCUMENT_SCHEMAS } from "../../../contracts/documents.ts";
import { MAX_DOCUMENT_BYTES } from "../../../services/documents/index.ts";
import type { AppInstance } from "../../types.ts";
import { caseDocumentRoutes } from "./documents.ts";
import { engagementLinkRoutes } from "./engagementLinks.ts";
import { letterRoutes } from "./letters.ts";

export async function documentRoutes(app: AppInstance): Promise<void> {
  for (const schema of DOCUMENT_SCHEMAS) app.addSchema(schema);
  await app.register(async (uploads: AppInstance) => {
    await uploads.register(multipart, {
      limits: { fileSize: MAX_DOCUMENT_BYTES, files: 1, fields: 2, parts: 3, fieldSize: 100 },
      throwFileSizeLimit: true,
    });
    await caseDocumentRoutes(uploads);
  });
  await letterRoutes(app);
  await engagementLinkRoutes(app);
}
