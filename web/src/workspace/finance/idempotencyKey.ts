// One Idempotency-Key per decision attempt: made at the first click, sent again when the same click is
// retried after no answer (network failure, server error), so that the API replays its first answer and
// never approves or pays twice; forgotten once the API has given a definitive answer.
import { useRef } from "react";
import type { ApiResult } from "../../api.ts";

export function useIdempotencyKey() {
  const key = useRef<string | null>(null);
  return {
    /** The key of the attempt under way, made on its first send. */
    current(): string {
      key.current ??= crypto.randomUUID();
      return key.current;
    },
    /** Keeps the key while the outcome is unknown (the retry must reuse it), drops it otherwise. */
    settle(result: ApiResult<unknown>): void {
      const unknownOutcome = !result.ok && (result.problem.status === 0 || result.problem.status >= 500);
      if (!unknownOutcome) key.current = null;
    },
  };
}
