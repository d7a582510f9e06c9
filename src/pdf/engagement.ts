// The reciprocal engagement (« engagement réciproque »), generated from the action plan: the parties,
// what each side commits to, the plan's actions with their owner, due date and amount, the service's
// guarantees, and the signature blocks. Its opening paragraph follows the case's directive: always signed
// under PP_EX_CPA_2_DIR, « le cas échéant » under PP_SERV_ASD_2_DIR (CASE_POLICIES).
import type { Content, TableCell, TDocumentDefinitions } from "pdfmake/interfaces";
import { casePolicy } from "../core/cases/index.ts";
import { frenchDate } from "../core/rules/index.ts";
import {
  amount,
  bullets,
  caseDocument,
  dataProtectionNotice,
  directiveOf,
  heading,
  letterhead,
  quoteClause,
  references,
  serviceGuarantees,
} from "./layout.ts";
import { ENGAGEMENT } from "./messages.fr.ts";
import { renderPdf } from "./render.ts";
import type { EngagementAction, EngagementInput } from "./types.ts";

export function engagementDefinition(input: EngagementInput): TDocumentDefinitions {
  const directive = directiveOf(input.directive);
  const policy = casePolicy(directive.reference);
  if (policy === undefined) throw new Error(`no case policy for ${directive.reference}`);
  return caseDocument(input, ENGAGEMENT.title, [
    letterhead(input),
    references(input),
    { text: ENGAGEMENT.title, style: "title" },
    { text: ENGAGEMENT.subtitle, style: "subtitle" },
    ENGAGEMENT.basis[policy.engagement],
    quoteClause(directive, policy.engagementClause),
    heading(ENGAGEMENT.partiesHeading),
    ENGAGEMENT.beneficiary(input.person.name),
    { text: ENGAGEMENT.and, margin: [0, 2, 0, 2] },
    { text: ENGAGEMENT.als(input.agency.name, input.counsellor), style: "paragraph" },
    heading(ENGAGEMENT.alsHeading),
    bullets(ENGAGEMENT.alsCommitments),
    heading(ENGAGEMENT.beneficiaryHeading),
    bullets(ENGAGEMENT.beneficiaryCommitments),
    heading(ENGAGEMENT.planHeading),
    ...(input.planProposedOn === undefined ? [] : [ENGAGEMENT.planDated(input.planProposedOn)]),
    planTable(input.actions),
    heading(ENGAGEMENT.noRightHeading),
    ENGAGEMENT.noRight,
    quoteClause(directive, "follow_up"),
    ENGAGEMENT.rentalService,
    quoteClause(directive, "rental_service"),
    ...serviceGuarantees(input),
    ...dataProtectionNotice(input),
    signatures(input),
  ]);
}

function planTable(actions: readonly EngagementAction[]): Content {
  if (actions.length === 0) return { text: ENGAGEMENT.emptyPlan, italics: true, margin: [0, 4, 0, 8] };
  const header: TableCell[] = ENGAGEMENT.planColumns.map((text) => ({ text, style: "tableHeader" }));
  const rows: TableCell[][] = actions.map((action) => [
    action.kindLabel === undefined
      ? action.title
      : { stack: [action.title, { text: action.kindLabel, style: "small", color: "#555555" }] },
    owner(action),
    action.dueOn === undefined ? ENGAGEMENT.noDueDate : frenchDate(action.dueOn),
    {
      text: action.amountCents === undefined ? ENGAGEMENT.noAmount : amount(action.amountCents),
      alignment: "right",
    },
  ]);
  return {
    table: { headerRows: 1, widths: ["*", 120, 90, 70], body: [header, ...rows], dontBreakRows: true },
    layout: "lightHorizontalLines",
    margin: [0, 4, 0, 8],
  };
}

function owner(action: EngagementAction): string {
  const label = ENGAGEMENT.owners[action.owner.kind];
  const name = action.owner.name?.trim();
  return name ? ENGAGEMENT.ownerNamed(label, name) : label;
}

function signatures(input: EngagementInput): Content {
  const blocks: Content =
    input.signature === undefined
      ? {
          columns: [
            { stack: ENGAGEMENT.signatureBeneficiary(input.person.name), width: "*" },
            { stack: ENGAGEMENT.signatureAls(input.counsellor), width: "*" },
          ],
          columnGap: 24,
          margin: [0, 4, 0, 48],
        }
      : {
          text: (input.signature.online ? ENGAGEMENT.acceptedOnline : ENGAGEMENT.signedOn)(
            input.signature.on,
          ),
          bold: true,
        };
  // The heading never stays alone at the foot of a page, away from the blocks it announces.
  return { stack: [heading(ENGAGEMENT.signaturesHeading), blocks], unbreakable: true };
}

export function engagementPdf(input: EngagementInput): Promise<Buffer> {
  return renderPdf(engagementDefinition(input));
}
