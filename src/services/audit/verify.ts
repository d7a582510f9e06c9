// Verifying the audit trail: walks the whole hash chain and lists every broken link. Anchors are (number,
// hash) pairs noted outside the database, which the chain alone cannot vouch for: a cut at the end.
import type { ChainAnchor, ChainBreak } from "../../db/audit/chain.ts";
import { type ChainReport, verifyAuditChain } from "../../db/audit/verify.ts";
import type { ServiceContext } from "../context.ts";

export type { ChainAnchor, ChainBreak, ChainReport };

export function verifyAuditTrail(
  context: ServiceContext,
  anchors: readonly ChainAnchor[] = [],
): Promise<ChainReport> {
  return verifyAuditChain(context.db.drizzle, anchors);
}
