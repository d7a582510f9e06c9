// The documents use cases: a case's files, its two PDFs, and the engagement's one-time acceptance link.
export {
  acceptEngagement,
  type CreatedLink,
  createAcceptanceLink,
  type LinkedEngagement,
  linkedEngagementPdf,
  readLinkedEngagement,
} from "./engagementLinks.ts";
export {
  type DocumentSummary,
  type DocumentUpload,
  type DownloadedDocument,
  documentTooLarge,
  downloadDocument,
  listCaseDocuments,
  uploadDocument,
} from "./files.ts";
export { MAX_DOCUMENT_BYTES } from "./inspect.ts";
export { type CasePdf, engagementDocument, refusalLetter } from "./letters.ts";
