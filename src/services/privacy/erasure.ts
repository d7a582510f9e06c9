// Erasure on request (GDPR art. 17): the case's personal data replaced at once, by the same erasers as the
// retention job, where the law allows it. Not while the case is being worked on (only a closed case, or a
// request never assessed), and never while an aid from the envelope is still running: its accounts must be
// kept (art. 17.3.b, legal obligation). A change of the case: the timeline keeps the reason given, the audit
// trail the event and counts, not the data. No If-Match: the refusals say what stands in the way.
import type { ErasureRequest } from "../../contracts/privacy.ts";
import type { AidStatus } from "../../core/finance/index.ts";
import { erasePersonalData, hasAidIn, isAnonymised, markAnonymised } from "../../db/privacy/anonymisation.ts";
import type { Caller } from "../caller.ts";
import { loadCaseInScope } from "../cases/access.ts";
import { changeCase } from "../cases/change.ts";
import type { ServiceContext } from "../context.ts";
import { DomainError } from "../errors.ts";
import { privacyMessages } from "./messages.fr.ts";

/** Case statuses in which nothing more is being done for the person. */
const ERASABLE_STATUSES: readonly string[] = ["closed", "request_received"];

/** Aids whose money is still moving: reserved, committed but unpaid, or a loan being repaid. */
const RUNNING_AID_STATUSES: readonly AidStatus[] = [
  "queued",
  "proposed",
  "approved",
  "repaying",
  "in_arrears",
];

type ErasureRefusal = keyof typeof privacyMessages.erasureRefusals;

function erasureRefused(refusal: ErasureRefusal): DomainError {
  return new DomainError(
    "conflict",
    refusal,
    privacyMessages.erasureRefused.title,
    privacyMessages.erasureRefusals[refusal],
  );
}

export interface Erasure {
  caseId: string;
  erasedAt: Date;
  /** Rows changed per table. */
  replaced: Record<string, number>;
}

/** Erases the case's personal data in one transaction, or says why the law (or the state) forbids it. */
export async function eraseCase(
  context: ServiceContext,
  caller: Caller,
  caseId: string,
  input: ErasureRequest,
): Promise<Erasure> {
  const record = await loadCaseInScope(context, caller, caseId, "cases.change");
  const erasedAt = context.now();
  let replaced: Record<string, number> = {};
  // Checked on the locked row: no step, aid proposal or retention run changes the case in between.
  await changeCase(context, caller, { caseId: record.row.id, expected: "any" }, async (current, tx) => {
    if (await isAnonymised(tx, current.id)) throw erasureRefused("already_erased");
    if (!ERASABLE_STATUSES.includes(current.status)) throw erasureRefused("case_in_progress");
    if (await hasAidIn(tx, current.id, RUNNING_AID_STATUSES)) throw erasureRefused("aid_in_progress");
    replaced = await erasePersonalData(tx, current.id);
    await markAnonymised(tx, current.id, erasedAt, replaced);
    return {
      events: [{ type: "personal_data_erased", data: { reason: input.reason.trim() } }],
      audit: {
        action: "case.anonymised",
        details: { via: "erasure_request", status: current.status, replaced },
      },
    };
  });
  return { caseId: record.row.id, erasedAt, replaced };
}
