// The GDPR answers as the API shows them (contracts/privacy.ts): a recorded justification and an erasure.
import type { AccessJustification, ErasureResult } from "../../../contracts/privacy.ts";
import type { Erasure, Justification } from "../../../services/privacy/index.ts";

export function accessJustification(stored: Justification): AccessJustification {
  return {
    id: stored.id,
    caseId: stored.caseId,
    grantedAt: stored.grantedAt.toISOString(),
    expiresAt: stored.expiresAt.toISOString(),
  };
}

export function erasureResult(erasure: Erasure): ErasureResult {
  return {
    caseId: erasure.caseId,
    erasedAt: erasure.erasedAt.toISOString(),
    replaced: erasure.replaced,
  };
}
