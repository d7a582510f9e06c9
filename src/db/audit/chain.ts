// Hash chain of the audit trail: pure functions, no I/O. Each entry's hash covers a canonical serialisation
// of all its fields and the previous entry's hash, so that changing, inserting or removing an entry breaks
// every link after it.
import { createHash } from "node:crypto";

/** prev_hash of the first entry. */
export const GENESIS_HASH = "0".repeat(64);
const DOMAIN = "appui-audit-v1";

export interface ChainedEntry {
  id: string;
  seq: number;
  occurredAt: Date;
  actorUserId: string | null;
  actorRole: string | null;
  organisationId: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  requestId: string | null;
  clientAddress: string | null;
  details: Record<string, unknown>;
  prevHash: string;
}

/**
 * JSON with object keys sorted at every level: jsonb does not keep key order, so the hash must not depend
 * on it. Numbers, strings, booleans and null use JSON's own (deterministic) representation.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item)).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, item]) => item !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(",")}}`;
}

export function entryHash(entry: ChainedEntry): string {
  const fields = [
    DOMAIN,
    entry.id,
    entry.seq,
    entry.occurredAt.toISOString(),
    entry.actorUserId,
    entry.actorRole,
    entry.organisationId,
    entry.action,
    entry.targetType,
    entry.targetId,
    entry.requestId,
    entry.clientAddress,
    entry.details,
    entry.prevHash,
  ];
  return createHash("sha256").update(canonicalJson(fields)).digest("hex");
}

export type ChainBreak =
  | { seq: number; kind: "hash_mismatch" }
  | { seq: number; kind: "prev_hash_mismatch" }
  | { seq: number; kind: "missing_before"; expectedSeq: number }
  | { seq: number; kind: "anchor_mismatch" }
  | { seq: number; kind: "anchor_missing" };

/** A (seq, hash) pair recorded outside the database: proves that the trail was not cut after it. */
export interface ChainAnchor {
  seq: number;
  hash: string;
}

/**
 * Walks entries in seq order, fed in batches, and records every broken link. A changed entry breaks its own
 * hash; a removed entry leaves a gap in seq and a prev_hash that matches nothing. Links are followed through
 * the stored hashes, so one change is reported once and later intact entries are not flagged.
 */
export class ChainVerifier {
  private expectedSeq = 1;
  private previousHash = GENESIS_HASH;
  private readonly anchors: Map<number, string>;
  private readonly anchorsSeen = new Set<number>();
  readonly breaks: ChainBreak[] = [];
  count = 0;

  constructor(anchors: readonly ChainAnchor[] = []) {
    this.anchors = new Map(anchors.map((anchor) => [anchor.seq, anchor.hash]));
  }

  add(entry: ChainedEntry & { hash: string }): void {
    this.count++;
    if (entry.seq !== this.expectedSeq) {
      this.breaks.push({ seq: entry.seq, kind: "missing_before", expectedSeq: this.expectedSeq });
    } else if (entry.prevHash !== this.previousHash) {
      this.breaks.push({ seq: entry.seq, kind: "prev_hash_mismatch" });
    }
    if (entryHash(entry) !== entry.hash) this.breaks.push({ seq: entry.seq, kind: "hash_mismatch" });
    const anchored = this.anchors.get(entry.seq);
    if (anchored !== undefined) {
      this.anchorsSeen.add(entry.seq);
      if (anchored !== entry.hash) this.breaks.push({ seq: entry.seq, kind: "anchor_mismatch" });
    }
    this.expectedSeq = entry.seq + 1;
    this.previousHash = entry.hash;
  }

  get lastSeq(): number {
    return this.expectedSeq - 1;
  }

  get lastHash(): string {
    return this.previousHash;
  }

  /** Call after the last entry: anchors never met mean entries removed (at the end, if nothing else). */
  finish(): void {
    for (const seq of [...this.anchors.keys()].sort((a, b) => a - b)) {
      if (!this.anchorsSeen.has(seq)) this.breaks.push({ seq, kind: "anchor_missing" });
    }
    this.breaks.sort((a, b) => a.seq - b.seq);
  }
}
