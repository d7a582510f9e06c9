// The two French PDFs of a case, generated on request from what is stored: the refusal letter (only for a
// refused case) and the reciprocal engagement (from the action plan on). Each generation reads the
// person's data, so each is written to the audit trail.

import { type CaseRecord, caseStateOf } from "../../db/cases/repository.ts";
import { engagementPdf } from "../../pdf/engagement.ts";
import { refusalLetterPdf } from "../../pdf/refusalLetter.ts";
import { recordRead } from "../auditing.ts";
import type { Caller } from "../caller.ts";
import { loadCaseInScope } from "../cases/access.ts";
import type { ServiceContext } from "../context.ts";
import { DomainError } from "../errors.ts";
import { engagementInput, refusalLetterInput } from "./letterInputs.ts";
import { documentMessages } from "./messages.fr.ts";

/** A generated PDF, and the reference of its case (which names the file). */
export interface CasePdf {
  bytes: Buffer;
  reference: string;
}

/** Whether the case has (had) an action plan: from its proposal on, closed cases included once engaged. */
function hasPlan(status: string, engaged: boolean): boolean {
  return ["action_plan", "engagement", "follow_up"].includes(status) || (status === "closed" && engaged);
}

async function generated(
  context: ServiceContext,
  caller: Caller,
  record: CaseRecord,
  action: string,
  bytes: Buffer,
): Promise<CasePdf> {
  await recordRead(context, caller, {
    action,
    targetType: "case",
    targetId: record.row.id,
    details: { version: record.row.version },
  });
  return { bytes, reference: record.row.reference };
}

/** The refusal letter of a refused case (409 for any other). */
export async function refusalLetter(
  context: ServiceContext,
  caller: Caller,
  caseId: string,
): Promise<CasePdf> {
  const record = await loadCaseInScope(context, caller, caseId, "documents.read");
  const input = await refusalLetterInput(context, record);
  if (input === undefined) {
    const { title, detail } = documentMessages.notRefused;
    throw new DomainError("conflict", "case_not_refused", title, detail);
  }
  const bytes = await refusalLetterPdf(input);
  return generated(context, caller, record, "case.refusal_letter_generated", bytes);
}

/** The reciprocal engagement, from the action plan on (409 before). */
export async function engagementDocument(
  context: ServiceContext,
  caller: Caller,
  caseId: string,
): Promise<CasePdf> {
  const record = await loadCaseInScope(context, caller, caseId, "documents.read");
  if (!hasPlan(record.row.status, caseStateOf(record.row).engagement !== null)) {
    const { title, detail } = documentMessages.noPlanYet;
    throw new DomainError("conflict", "no_action_plan", title, detail);
  }
  const bytes = await engagementPdf(await engagementInput(context, record));
  return generated(context, caller, record, "case.engagement_generated", bytes);
}
