// One-time links through which a person accepts their reciprocal engagement. The token (256 random bits)
// is given once, to the counsellor who sends it; only its SHA-256 is stored.
import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, isNull } from "drizzle-orm";
import type { Drizzle } from "../database.ts";
import { engagementLinks } from "../schema/index.ts";

/** How long a link works: 14 days. */
export const ENGAGEMENT_LINK_TTL_MS = 14 * 24 * 60 * 60 * 1000;

export type EngagementLinkRow = typeof engagementLinks.$inferSelect;

export function tokenHash(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** A new link for the case; the case's unused links stop working, so that only the latest one sent does. */
export async function createEngagementLink(
  tx: Drizzle,
  input: { caseId: string; createdByUserId: string; now: Date },
): Promise<{ id: string; token: string; expiresAt: Date }> {
  await tx
    .update(engagementLinks)
    .set({ revokedAt: input.now })
    .where(
      and(
        eq(engagementLinks.caseId, input.caseId),
        isNull(engagementLinks.usedAt),
        isNull(engagementLinks.revokedAt),
      ),
    );
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(input.now.getTime() + ENGAGEMENT_LINK_TTL_MS);
  const [row] = await tx
    .insert(engagementLinks)
    .values({
      caseId: input.caseId,
      tokenHash: tokenHash(token),
      createdByUserId: input.createdByUserId,
      createdAt: input.now,
      expiresAt,
    })
    .returning({ id: engagementLinks.id });
  if (row === undefined) throw new Error("insert returned no row");
  return { id: row.id, token, expiresAt };
}

export type LinkState = "usable" | "used" | "expired" | "revoked";

export function linkState(link: EngagementLinkRow, now: Date): LinkState {
  if (link.usedAt !== null) return "used";
  if (link.revokedAt !== null) return "revoked";
  return link.expiresAt > now ? "usable" : "expired";
}

export async function findEngagementLink(db: Drizzle, token: string): Promise<EngagementLinkRow | undefined> {
  const [row] = await db
    .select()
    .from(engagementLinks)
    .where(eq(engagementLinks.tokenHash, tokenHash(token)));
  return row;
}

/**
 * Marks the link used if it still works at `now`. False when it no longer does (used, revoked or expired
 * meanwhile): the guard is in the UPDATE itself, so two acceptances at once never both succeed.
 */
export async function useEngagementLink(tx: Drizzle, linkId: string, now: Date): Promise<boolean> {
  const used = await tx
    .update(engagementLinks)
    .set({ usedAt: now })
    .where(
      and(
        eq(engagementLinks.id, linkId),
        isNull(engagementLinks.usedAt),
        isNull(engagementLinks.revokedAt),
        gt(engagementLinks.expiresAt, now),
      ),
    )
    .returning({ id: engagementLinks.id });
  return used.length === 1;
}
