// The personal-data export as a readable French PDF (GDPR art. 15): the same content as the JSON export,
// case by case, in words a person can read. Built from the export value only: nothing here queries anything.
import type { Content, TDocumentDefinitions } from "pdfmake/interfaces";
import type { ExportedCase, PersonalDataExport } from "../contracts/privacy.ts";
import { amount, bullets, heading } from "./layout.ts";
import { PERSONAL_DATA as T } from "./messages.fr.ts";
import { renderPdf } from "./render.ts";

const PARIS_DAY = new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris", dateStyle: "long" });
const PARIS_TIME = new Intl.DateTimeFormat("fr-FR", {
  timeZone: "Europe/Paris",
  dateStyle: "long",
  timeStyle: "short",
});
const dayOf = (instant: string) => PARIS_DAY.format(new Date(instant));
const momentOf = (instant: string) => PARIS_TIME.format(new Date(instant));
const parisIsoDay = (instant: string) =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris" }).format(new Date(instant));

/** A stored value in words: amounts in euros (keys ending in Cents), lists and objects spelled out. */
function describe(value: unknown, key = ""): string {
  if (value === null || value === undefined) return T.unset;
  if (typeof value === "number" && key.endsWith("Cents")) return amount(value);
  if (typeof value === "boolean") return value ? T.yes : T.no;
  if (Array.isArray(value)) return value.map((item) => describe(item)).join(" ; ");
  if (typeof value === "object") {
    return Object.entries(value as Record<string, unknown>)
      .map(([name, item]) => `${T.fieldNames[name] ?? name} : ${describe(item, name)}`)
      .join(", ");
  }
  return String(value);
}

function fields(values: Record<string, unknown>): Content {
  return {
    table: {
      widths: [160, "*"],
      body: Object.entries(values).map(([name, value]) => [
        { text: T.labels[name] ?? name, bold: true },
        describe(value, name),
      ]),
    },
    layout: "lightHorizontalLines",
    margin: [0, 0, 0, 8],
  };
}

function list(items: readonly string[]): Content {
  return items.length === 0 ? { text: T.none, italics: true, margin: [0, 0, 0, 8] } : bullets(items);
}

function diagnosisContent(exported: ExportedCase): Content[] {
  const content: Content[] = [heading(T.diagnosisHeading)];
  if (exported.diagnosis === null) content.push({ text: T.none, italics: true });
  else {
    for (const [section, value] of Object.entries(exported.diagnosis.data)) {
      if (section === "sensitive" && typeof value === "object" && value !== null) {
        for (const [topic, text] of Object.entries(value as Record<string, unknown>)) {
          content.push({
            text: `${T.diagnosisSections[topic] ?? topic} : ${describe(text)}`,
            margin: [0, 0, 0, 4],
          });
        }
      } else {
        content.push({
          text: `${T.diagnosisSections[section] ?? section} : ${describe(value)}`,
          margin: [0, 0, 0, 4],
        });
      }
    }
  }
  if (exported.sensitiveWithheld) content.push({ text: T.sensitiveWithheld, italics: true });
  return content;
}

function caseContent(exported: ExportedCase): Content[] {
  const { request } = exported;
  return [
    { text: T.caseHeading(exported.reference, exported.statusLabel), style: "title", pageBreak: "before" },
    fields({
      organisation: exported.organisation,
      counsellor: exported.counsellor,
      directive: exported.directive,
    }),
    heading(T.requestHeading),
    fields({
      channel: request.channel,
      requestedOn: PARIS_DAY.format(new Date(`${request.requestedOn}T12:00:00Z`)),
      situationSummary: request.situationSummary,
      legalBasis: request.legalBasis,
      consentGivenAt: momentOf(request.consentGivenAt),
      noticeVersion: request.noticeVersion,
    }),
    heading(T.identityHeading),
    fields(exported.person),
    heading(T.snapshotsHeading),
    list(exported.snapshots.map((snapshot) => T.snapshot(snapshot.assessedOn, snapshot.outcome))),
    heading(T.decisionHeading),
    list(
      [exported.decision, exported.engagement, exported.closure]
        .filter((part) => part !== null)
        .map((part) => describe(part)),
    ),
    ...diagnosisContent(exported),
    heading(T.actionsHeading),
    list(exported.actions.map((action) => T.action(action.title, action.status, action.dueOn))),
    heading(T.appointmentsHeading),
    list(
      exported.appointments.map(
        (appointment) =>
          `${T.appointment(momentOf(appointment.at), appointment.channel)}${appointment.notes === null ? "" : ` : ${appointment.notes}`}`,
      ),
    ),
    heading(T.referralsHeading),
    list(
      exported.referrals.map(
        (referral) =>
          `${T.referral(referral.organisation, dayOf(referral.referredAt))}${referral.note === null ? "" : ` : ${referral.note}`}`,
      ),
    ),
    heading(T.outcomesHeading),
    list(exported.outcomes === null ? [] : [describe(exported.outcomes)]),
    heading(T.surveysHeading),
    list(
      exported.surveys.map(
        (survey) =>
          `${T.survey(dayOf(survey.answeredAt), survey.rating)}${survey.comment === null ? "" : ` : ${survey.comment}`}`,
      ),
    ),
    heading(T.aidsHeading),
    list(exported.aids.map((aid) => T.aid(aid.product, amount(aid.amountCents), aid.status, aid.year))),
    heading(T.documentsHeading),
    list(
      exported.documents.map((document) =>
        T.document(document.name, document.mediaType, document.sizeBytes, dayOf(document.uploadedAt)),
      ),
    ),
  ];
}

export function personalDataDefinition(exported: PersonalDataExport): TDocumentDefinitions {
  return {
    pageSize: "A4",
    pageMargins: [56, 48, 56, 56],
    language: "fr-FR",
    info: { title: T.title },
    content: [
      { text: T.title, style: "title" },
      { text: T.intro(parisIsoDay(exported.generatedAt)), margin: [0, 0, 0, 12] },
      heading(T.identityHeading),
      fields(exported.person),
      ...exported.cases.flatMap(caseContent),
    ],
    footer: (current, count) => ({
      columns: [
        { text: T.confidential, style: "footer", width: "auto" },
        { text: T.page(current, count), style: "footer", alignment: "right" },
      ],
      margin: [56, 16, 56, 0],
    }),
    defaultStyle: { font: "Roboto", fontSize: 10, lineHeight: 1.2 },
    styles: {
      title: { fontSize: 14, bold: true, margin: [0, 0, 0, 8] },
      heading: { fontSize: 11, bold: true, margin: [0, 12, 0, 4] },
      footer: { fontSize: 8, color: "#555555" },
    },
  };
}

export function personalDataPdf(exported: PersonalDataExport): Promise<Buffer> {
  return renderPdf(personalDataDefinition(exported));
}
