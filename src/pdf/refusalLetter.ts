// The refusal letter (« lettre de refus »): sent when the counsellor refuses a request. It says under which
// directive the request was examined, the outcome and the counsellor's motive, how to ask for a new
// examination, where else to find help, and the service's guarantees.
import type { TDocumentDefinitions } from "pdfmake/interfaces";
import {
  bullets,
  caseDocument,
  dataProtectionNotice,
  heading,
  letterhead,
  references,
  serviceGuarantees,
} from "./layout.ts";
import { REFUSAL_LETTER } from "./messages.fr.ts";
import { renderPdf } from "./render.ts";
import type { RefusalLetterInput } from "./types.ts";

export function refusalLetterDefinition(input: RefusalLetterInput): TDocumentDefinitions {
  const motive = input.motive?.trim() || REFUSAL_LETTER.defaultMotive[input.outcome];
  return caseDocument(input, REFUSAL_LETTER.title, [
    letterhead(input),
    references(input),
    { text: REFUSAL_LETTER.subject, bold: true, margin: [0, 0, 0, 12] },
    { text: REFUSAL_LETTER.salutation, style: "paragraph" },
    { text: REFUSAL_LETTER.examined(input.requestedOn), style: "paragraph" },
    { text: REFUSAL_LETTER.decision, style: "paragraph", bold: true },
    heading(REFUSAL_LETTER.outcomeHeading),
    REFUSAL_LETTER.outcome(input.outcome),
    { text: REFUSAL_LETTER.motive(motive), margin: [0, 4, 0, 4] },
    { text: REFUSAL_LETTER.noEntitlement, style: "small", margin: [0, 0, 0, 4] },
    heading(REFUSAL_LETTER.contestHeading),
    { text: REFUSAL_LETTER.contest(input.agency.name), style: "paragraph" },
    heading(REFUSAL_LETTER.otherHelpHeading),
    bullets(REFUSAL_LETTER.otherHelp),
    ...serviceGuarantees(input),
    { text: REFUSAL_LETTER.closing, margin: [0, 12, 0, 16] },
    { stack: REFUSAL_LETTER.signature(input.counsellor), alignment: "right", margin: [0, 0, 0, 16] },
    ...dataProtectionNotice(input),
  ]);
}

export function refusalLetterPdf(input: RefusalLetterInput): Promise<Buffer> {
  return renderPdf(refusalLetterDefinition(input));
}
