// The audit trail use cases: the auditors' search and export, and the verification of the chain.
export {
  type AuditActor,
  type AuditEvent,
  type AuditFilters,
  type AuditPage,
  type AuditSearchQuery,
  exportAuditTrail,
  type FoundAuditEvent,
  searchAuditTrail,
} from "./search.ts";
export { type ChainAnchor, type ChainBreak, type ChainReport, verifyAuditTrail } from "./verify.ts";
