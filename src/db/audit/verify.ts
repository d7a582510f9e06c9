// Verification of the audit trail: walks the whole chain in seq order and lists every broken link.
import { asc, gt } from "drizzle-orm";
import type { Drizzle } from "../database.ts";
import { auditEvents } from "../schema/index.ts";
import { type ChainAnchor, type ChainBreak, ChainVerifier } from "./chain.ts";

export interface ChainReport {
  /** Entries read. */
  count: number;
  lastSeq: number;
  /** Hash of the last entry (the genesis value when empty): what to keep outside the database. */
  lastHash: string;
  breaks: ChainBreak[];
}

/** Entries read at a time, by the verification and the exports: memory stays bounded. */
export const AUDIT_BATCH = 1_000;

/** Walks the whole trail in seq order, in batches (bounded memory), and lists every broken link. */
export async function verifyAuditChain(
  db: Drizzle,
  anchors: readonly ChainAnchor[] = [],
): Promise<ChainReport> {
  const verifier = new ChainVerifier(anchors);
  let after = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditEvents)
      .where(gt(auditEvents.seq, after))
      .orderBy(asc(auditEvents.seq))
      .limit(AUDIT_BATCH);
    for (const row of rows) verifier.add(row);
    const last = rows.at(-1);
    if (last === undefined || rows.length < AUDIT_BATCH) break;
    after = last.seq;
  }
  verifier.finish();
  return {
    count: verifier.count,
    lastSeq: verifier.lastSeq,
    lastHash: verifier.lastHash,
    breaks: verifier.breaks,
  };
}
