// The parts both documents share: letterhead, addressee, references, the clauses they quote, the notices
// on confidentiality, gratuity and personal data, the page footer and the styles.
import type { Content, TDocumentDefinitions } from "pdfmake/interfaces";
import { formatCents } from "../core/finance/index.ts";
import { type DirectiveWithRules, directiveByReference } from "../core/rules/index.ts";
import type { ClauseTopic } from "../core/rules/types.ts";
import { COMMON, CONFIDENTIALITY, DATA_PROTECTION, FREE_OF_CHARGE, LETTERHEAD } from "./messages.fr.ts";
import type { CaseDocumentInput } from "./types.ts";

export function directiveOf(reference: string): DirectiveWithRules {
  const directive = directiveByReference(reference);
  if (directive === undefined) throw new Error(`unknown directive ${reference}`);
  return directive;
}

/** A clause of `directive`, named by its topic or its id, quoted with its id as the documents cite it. */
export function quoteClause(directive: DirectiveWithRules, which: ClauseTopic | string): Content {
  const clause = directive.clauses.find((c) => c.topic === which || c.id === which);
  if (clause === undefined) throw new Error(`${directive.reference} has no clause ${which}`);
  return { text: COMMON.clause(clause.id, clause.text), style: "clause" };
}

/** Euros in French. Roboto has no narrow no-break space, so thousands are grouped by a no-break space. */
export function amount(cents: number): string {
  return formatCents(cents).replaceAll("\u202f", "\u00a0");
}

export function letterhead(input: CaseDocumentInput): Content {
  return {
    columns: [
      {
        width: "*",
        stack: [
          { text: LETTERHEAD.organisation, style: "organisation" },
          { text: LETTERHEAD.service, style: "small" },
          { text: input.agency.name, bold: true, margin: [0, 4, 0, 0] },
          ...input.agency.addressLines.map((line) => ({ text: line, style: "small" })),
        ],
      },
      {
        width: 200,
        margin: [0, 36, 0, 0],
        stack: [{ text: input.person.name, bold: true }, ...input.person.addressLines],
      },
    ],
    margin: [0, 0, 0, 24],
  };
}

export function references(input: CaseDocumentInput): Content {
  const directive = directiveOf(input.directive);
  return {
    stack: [
      { text: COMMON.placeAndDate(input.agency.city, input.issuedOn), alignment: "right" },
      { text: COMMON.reference(input.reference), margin: [0, 8, 0, 0] },
      COMMON.requestedOn(input.requestedOn),
      COMMON.followedBy(input.counsellor),
      COMMON.directive(directive.reference, directive.title, directive.appliesFrom),
    ],
    style: "small",
    margin: [0, 0, 0, 16],
  };
}

export function heading(text: string): Content {
  return { text, style: "heading" };
}

export function bullets(items: readonly string[]): Content {
  return { ul: [...items], margin: [0, 0, 0, 8] };
}

/** Confidentiality towards the employer and gratuity: both directive versions state them as principles. */
export function serviceGuarantees(input: CaseDocumentInput): Content[] {
  const directive = directiveOf(input.directive);
  return [
    heading(CONFIDENTIALITY.heading),
    CONFIDENTIALITY.text,
    quoteClause(directive, "confidentiality"),
    heading(FREE_OF_CHARGE.heading),
    FREE_OF_CHARGE.text,
    quoteClause(directive, "free_of_charge"),
  ];
}

export function dataProtectionNotice(input: CaseDocumentInput): Content[] {
  return [
    heading(DATA_PROTECTION.heading),
    ...DATA_PROTECTION.paragraphs(input.retentionYears).map((text) => ({ text, style: "notice" })),
  ];
}

/** The frame of a case document: A4, footer with the reference and page numbers, French metadata. */
export function caseDocument(
  input: CaseDocumentInput,
  title: string,
  content: Content[],
): TDocumentDefinitions {
  return {
    pageSize: "A4",
    pageMargins: [56, 48, 56, 56],
    language: "fr-FR",
    info: { title, author: LETTERHEAD.organisation, subject: COMMON.reference(input.reference) },
    content,
    footer: (current, count) => ({
      columns: [
        { text: COMMON.confidential, style: "footer", width: "auto" },
        { text: COMMON.page(current, count, input.reference), style: "footer", alignment: "right" },
      ],
      margin: [56, 16, 56, 0],
    }),
    defaultStyle: { font: "Roboto", fontSize: 10, lineHeight: 1.2 },
    styles: {
      organisation: { fontSize: 14, bold: true, color: "#1d3f8f" },
      title: { fontSize: 14, bold: true, margin: [0, 0, 0, 4] },
      subtitle: { fontSize: 11, italics: true, margin: [0, 0, 0, 12] },
      heading: { fontSize: 11, bold: true, margin: [0, 12, 0, 4] },
      paragraph: { margin: [0, 0, 0, 8] },
      clause: { italics: true, fontSize: 9, color: "#333333", margin: [12, 2, 0, 8] },
      small: { fontSize: 9 },
      notice: { fontSize: 8.5, margin: [0, 0, 0, 4] },
      tableHeader: { bold: true, fillColor: "#eef1f8" },
      footer: { fontSize: 8, color: "#555555" },
    },
  };
}
