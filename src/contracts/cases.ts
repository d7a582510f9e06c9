// The case payloads of the HTTP API: requests (public form, counsellor-entered), the caseload list, the case
// detail and timeline, and the body of each step. One schema per payload, reused for validation, the
// handlers' types and the OpenAPI document (each has an $id: a component there).
import Type, { type Static } from "typebox";
import {
  CASE_STATUSES,
  CLOSURE_REASONS,
  COMMAND_TYPES,
  DECISION_KINDS,
  ENGAGEMENT_KINDS,
} from "../core/cases/index.ts";
import { OUTCOMES } from "../core/rules/index.ts";

/** How a request reached the agency. */
export const REQUEST_CHANNELS = ["web_form", "phone", "visit", "partner_referral"] as const;
export type RequestChannel = (typeof REQUEST_CHANNELS)[number];

/** How the person prefers to be contacted. */
export const CONTACT_CHANNELS = ["phone", "email", "visit"] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

/**
 * The legal basis recorded with every request: the person's consent to the processing of their data,
 * health data included (GDPR art. 6.1.a and 9.2.a), given after reading the information notice whose
 * version is recorded with it.
 */
export const LEGAL_BASES = ["consent"] as const;
export type LegalBasis = (typeof LEGAL_BASES)[number];

/** Human reference of a case: ASD-<year of the request>-<six digits>. */
export const CASE_REFERENCE_PATTERN = "^ASD-[0-9]{4}-[0-9]{6}$";

export const TEXT_LIMITS = {
  name: 100,
  situationSummary: 4000,
  preferredTimes: 200,
  motive: 2000,
  referralNote: 1000,
  search: 100,
} as const;

const IsoDate = (description: string) => Type.String({ format: "date", description });
const Uuid = (description?: string) =>
  Type.String({ format: "uuid", ...(description === undefined ? {} : { description }) });
const Nullable = <T extends Type.TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
// A written text must hold at least one visible character.
const Written = (maxLength: number, description: string) =>
  Type.String({ minLength: 1, maxLength, pattern: "\\S", description });

const personProperties = {
  firstName: Written(TEXT_LIMITS.name, "Prénom."),
  lastName: Written(TEXT_LIMITS.name, "Nom."),
  birthDate: Type.Optional(IsoDate("Date de naissance (AAAA-MM-JJ).")),
  email: Type.Optional(
    Type.String({ format: "email", maxLength: 254, description: "Adresse électronique." }),
  ),
  phone: Type.Optional(
    Type.String({
      pattern: "^\\+?[0-9][0-9 .-]{5,19}$",
      description: "Numéro de téléphone (chiffres, espaces, points ou tirets ; + pour l'international).",
    }),
  ),
};
const Postcode = Type.String({ pattern: "^[0-9]{5}$", description: "Code postal du logement." });

const ConsentSchema = Type.Object(
  {
    processing: Type.Literal(true, {
      description: "Consentement au traitement des données, après lecture de la notice d'information.",
    }),
    noticeVersion: Type.String({
      pattern: "^[A-Za-z0-9._-]{1,40}$",
      description: "Version de la notice d'information présentée à la personne.",
    }),
  },
  { additionalProperties: false },
);

const contactProperties = {
  preferredChannel: Type.Optional(Type.Enum(CONTACT_CHANNELS, { description: "Moyen de contact préféré." })),
  preferredTimes: Type.Optional(
    Written(TEXT_LIMITS.preferredTimes, "Moments où la personne préfère être contactée."),
  ),
};

/** The public form (no account). An email or a phone number is required (checked by the handler). */
export const PublicRequestSchema = Type.Object(
  {
    person: Type.Object({ ...personProperties, postcode: Postcode }, { additionalProperties: false }),
    situationSummary: Written(TEXT_LIMITS.situationSummary, "La situation, en quelques mots."),
    ...contactProperties,
    consent: ConsentSchema,
  },
  {
    additionalProperties: false,
    $id: "PublicRequest",
    description: "Demande déposée par le formulaire public.",
  },
);
export type PublicRequest = Static<typeof PublicRequestSchema>;

export const PublicRequestReceiptSchema = Type.Object(
  {
    reference: Type.String({ pattern: CASE_REFERENCE_PATTERN, description: "Référence à rappeler." }),
    requestedOn: IsoDate("Date d'enregistrement de la demande."),
  },
  { $id: "PublicRequestReceipt", description: "Accusé de réception de la demande." },
);
export type PublicRequestReceipt = Static<typeof PublicRequestReceiptSchema>;

/** A request taken by a counsellor (phone, visit, partner referral, or a form received otherwise). */
export const CounsellorRequestSchema = Type.Object(
  {
    person: Type.Object(
      { ...personProperties, postcode: Type.Optional(Postcode) },
      { additionalProperties: false },
    ),
    situationSummary: Type.Optional(Written(TEXT_LIMITS.situationSummary, "La situation, en quelques mots.")),
    ...contactProperties,
    channel: Type.Enum(REQUEST_CHANNELS, { description: "Canal par lequel la demande est arrivée." }),
    requestedOn: IsoDate("Date de la demande : elle choisit la directive applicable."),
    consent: ConsentSchema,
    counsellorUserId: Type.Optional(
      Uuid("Conseiller en charge ; par défaut, le conseiller qui enregistre la demande."),
    ),
  },
  { additionalProperties: false, $id: "CounsellorRequest", description: "Demande enregistrée par l'agence." },
);
export type CounsellorRequest = Static<typeof CounsellorRequestSchema>;

const PersonRefSchema = Type.Object({ id: Uuid(), name: Type.String() });

export const CaseSummarySchema = Type.Object(
  {
    id: Uuid(),
    reference: Type.String({ pattern: CASE_REFERENCE_PATTERN }),
    status: Type.Enum(CASE_STATUSES),
    directive: Type.String({ description: "Directive sous laquelle le dossier est examiné." }),
    personName: Type.String(),
    counsellor: Nullable(PersonRefSchema),
    requestedOn: IsoDate("Date de la demande."),
    channel: Type.Enum(REQUEST_CHANNELS),
    possibleDuplicate: Type.Boolean({
      description: "Un autre dossier ouvert semble concerner la même personne.",
    }),
    overdueActions: Type.Integer({ minimum: 0, description: "Actions du plan en retard." }),
    nextAppointmentAt: Nullable(Type.String({ format: "date-time", description: "Prochain rendez-vous." })),
    updatedAt: Type.String({ format: "date-time" }),
  },
  { $id: "CaseSummary" },
);
export type CaseSummary = Static<typeof CaseSummarySchema>;

export const CaseListSchema = Type.Object(
  {
    items: Type.Array(Type.Ref("CaseSummary")),
    nextCursor: Nullable(Type.String({ description: "À repasser dans cursor pour la page suivante." })),
  },
  { $id: "CaseList" },
);

export const CaseListQuerySchema = Type.Object(
  {
    status: Type.Optional(
      Type.Array(Type.Enum(CASE_STATUSES), {
        maxItems: CASE_STATUSES.length,
        description: "Étapes (répétable).",
      }),
    ),
    counsellor: Type.Optional(
      Type.Union([Uuid(), Type.Literal("none")], {
        description: "Conseiller en charge (identifiant), ou none pour les dossiers non attribués.",
      }),
    ),
    overdue: Type.Optional(
      Type.Boolean({ description: "Seulement les dossiers ayant des actions en retard." }),
    ),
    nextAppointmentBefore: Type.Optional(
      IsoDate("Seulement les dossiers ayant un rendez-vous prévu avant cette date (incluse)."),
    ),
    q: Type.Optional(
      Type.String({ minLength: 1, maxLength: TEXT_LIMITS.search, description: "Nom, prénom ou référence." }),
    ),
    cursor: Type.Optional(
      Type.String({ pattern: "^[A-Za-z0-9_-]{1,200}$", description: "Curseur de page." }),
    ),
    limit: Type.Integer({
      minimum: 1,
      maximum: 100,
      default: 25,
      description: "Dossiers par page (1 à 100).",
    }),
  },
  { additionalProperties: false },
);
export type CaseListQuery = Static<typeof CaseListQuerySchema>;

const EligibilitySummarySchema = Type.Object({
  snapshotId: Type.Optional(Uuid()),
  directive: Type.String(),
  outcome: Type.Enum(OUTCOMES),
  engineVersion: Type.String(),
  assessedOn: IsoDate("Date de l'évaluation."),
});

export const EligibilitySnapshotSchema = Type.Object(
  {
    id: Uuid(),
    directive: Type.String(),
    outcome: Type.Enum(OUTCOMES),
    facts: Type.Ref("Situation"),
    reasons: Type.Array(Type.Object({ clause: Type.String(), status: Type.String(), text: Type.String() })),
    missing: Type.Array(Type.String()),
    parameters: Type.Record(Type.String(), Type.Number()),
    engineVersion: Type.String(),
    assessedOn: IsoDate("Date de l'évaluation."),
    assessedBy: Nullable(PersonRefSchema),
  },
  { $id: "EligibilitySnapshot", description: "Évaluation enregistrée, jamais recalculée." },
);

const NextStepSchema = Type.Object({
  command: Type.Enum(COMMAND_TYPES),
  label: Type.String(),
  needs: Type.Array(Type.String()),
  reasons: Type.Optional(Type.Array(Type.Enum(CLOSURE_REASONS))),
  clause: Type.Optional(Type.String()),
});

export const CaseDetailSchema = Type.Object(
  {
    id: Uuid(),
    reference: Type.String({ pattern: CASE_REFERENCE_PATTERN }),
    version: Type.Integer({ minimum: 1, description: "Version du dossier ; l'en-tête ETag la porte." }),
    status: Type.Enum(CASE_STATUSES),
    statusLabel: Type.String(),
    directive: Type.String(),
    requestedOn: IsoDate("Date de la demande."),
    channel: Type.Enum(REQUEST_CHANNELS),
    organisation: Type.Object({ id: Uuid(), name: Type.String() }),
    counsellor: Nullable(PersonRefSchema),
    person: Type.Object({
      firstName: Type.String(),
      lastName: Type.String(),
      birthDate: Nullable(Type.String({ format: "date" })),
      email: Nullable(Type.String()),
      phone: Nullable(Type.String()),
      postcode: Nullable(Type.String()),
    }),
    contact: Type.Object({
      preferredChannel: Nullable(Type.Enum(CONTACT_CHANNELS)),
      preferredTimes: Nullable(Type.String()),
    }),
    situationSummary: Nullable(Type.String()),
    consent: Type.Object({
      legalBasis: Type.Enum(LEGAL_BASES),
      noticeVersion: Type.String(),
      givenAt: Type.String({ format: "date-time" }),
    }),
    eligibility: Nullable(EligibilitySummarySchema),
    latestSnapshot: Nullable(Type.Ref("EligibilitySnapshot")),
    decision: Nullable(
      Type.Object({
        kind: Type.Enum(DECISION_KINDS),
        motive: Type.Optional(Type.String()),
        outcome: Type.Enum(OUTCOMES),
      }),
    ),
    engagement: Nullable(
      Type.Object({
        kind: Type.Enum(ENGAGEMENT_KINDS),
        on: Type.String({ format: "date" }),
        reason: Type.Optional(Type.String()),
      }),
    ),
    closure: Nullable(
      Type.Object({ reason: Type.Enum(CLOSURE_REASONS), on: Type.String({ format: "date" }) }),
    ),
    nextSteps: Type.Array(NextStepSchema, {
      description: "Actions possibles maintenant (boutons de l'écran).",
    }),
    possibleDuplicateOf: Nullable(
      Type.Object(
        { id: Uuid(), reference: Type.String() },
        { description: "Dossier ouvert qui semble concerner la même personne, à vérifier." },
      ),
    ),
    referrals: Type.Array(
      Type.Object({
        organisation: Type.Object({ id: Uuid(), name: Type.String() }),
        referredAt: Type.String({ format: "date-time" }),
        note: Nullable(Type.String()),
      }),
    ),
    createdAt: Type.String({ format: "date-time" }),
    updatedAt: Type.String({ format: "date-time" }),
  },
  { $id: "CaseDetail" },
);
export type CaseDetail = Static<typeof CaseDetailSchema>;

export const CaseTimelineSchema = Type.Object(
  {
    items: Type.Array(
      Type.Object({
        seq: Type.Integer({ minimum: 1 }),
        occurredAt: Type.String({ format: "date-time" }),
        type: Type.String({ description: "Type d'événement (request_received, decision_taken, ...)." }),
        actor: Nullable(PersonRefSchema),
        data: Type.Record(Type.String(), Type.Unknown()),
      }),
    ),
  },
  { $id: "CaseTimeline", description: "Historique du dossier, du plus ancien au plus récent." },
);
export type CaseTimeline = Static<typeof CaseTimelineSchema>;

// --- Step bodies --------------------------------------------------------------------------------------------

export const EligibilityStepSchema = Type.Object(
  {
    situation: Type.Ref("Situation"),
    assessedOn: Type.Optional(IsoDate("Date de l'évaluation ; aujourd'hui par défaut (heure de Paris).")),
  },
  {
    additionalProperties: false,
    $id: "EligibilityStep",
    description:
      "Faits de la situation ; requestDate, si elle est donnée, doit être la date de la demande du dossier.",
  },
);
export type EligibilityStep = Static<typeof EligibilityStepSchema>;

export const DecisionStepSchema = Type.Object(
  {
    decision: Type.Enum(["admit", "refuse", "redirect"] as const),
    motive: Type.Optional(Type.String({ maxLength: TEXT_LIMITS.motive, description: "Motif écrit." })),
  },
  { additionalProperties: false, $id: "DecisionStep" },
);
export type DecisionStep = Static<typeof DecisionStepSchema>;

export const EmptyStepSchema = Type.Object({}, { additionalProperties: false, $id: "EmptyStep" });

export const SignEngagementStepSchema = Type.Object(
  { on: IsoDate("Date de la signature.") },
  { additionalProperties: false, $id: "SignEngagementStep" },
);
export type SignEngagementStep = Static<typeof SignEngagementStepSchema>;

export const WaiveEngagementStepSchema = Type.Object(
  {
    reason: Type.String({
      maxLength: TEXT_LIMITS.motive,
      description: "Pourquoi poursuivre sans signature.",
    }),
    on: IsoDate("Date de la décision de poursuivre sans signature."),
  },
  { additionalProperties: false, $id: "WaiveEngagementStep" },
);
export type WaiveEngagementStep = Static<typeof WaiveEngagementStepSchema>;

export const CloseStepSchema = Type.Object(
  { reason: Type.Enum(CLOSURE_REASONS), on: IsoDate("Date de la clôture.") },
  { additionalProperties: false, $id: "CloseStep" },
);
export type CloseStep = Static<typeof CloseStepSchema>;

export const AssignStepSchema = Type.Object(
  { counsellorUserId: Uuid("Conseiller de l'agence à qui attribuer le dossier.") },
  { additionalProperties: false, $id: "AssignStep" },
);
export type AssignStep = Static<typeof AssignStepSchema>;

export const ReferralStepSchema = Type.Object(
  {
    partnerOrganisationId: Uuid("Organisme partenaire à qui adresser le dossier."),
    note: Type.Optional(
      Written(TEXT_LIMITS.referralNote, "Ce que le partenaire doit savoir (jamais le diagnostic)."),
    ),
  },
  { additionalProperties: false, $id: "ReferralStep" },
);
export type ReferralStep = Static<typeof ReferralStepSchema>;

/** What a partner organisation sees of a case referred to it: never the diagnosis. */
export const ReferralSummarySchema = Type.Object(
  {
    caseId: Uuid(),
    reference: Type.String({ pattern: CASE_REFERENCE_PATTERN }),
    personName: Type.String(),
    contact: Type.Object({
      email: Nullable(Type.String()),
      phone: Nullable(Type.String()),
      preferredChannel: Nullable(Type.Enum(CONTACT_CHANNELS)),
      preferredTimes: Nullable(Type.String()),
    }),
    agency: Type.Object({ id: Uuid(), name: Type.String() }),
    counsellor: Nullable(PersonRefSchema),
    referredAt: Type.String({ format: "date-time" }),
    note: Nullable(Type.String()),
  },
  { $id: "ReferralSummary" },
);
export type ReferralSummary = Static<typeof ReferralSummarySchema>;

export const ReferralListSchema = Type.Object(
  { items: Type.Array(Type.Ref("ReferralSummary")), nextCursor: Nullable(Type.String()) },
  { $id: "ReferralList" },
);

/** Every schema with an $id, to register once with the server (components of the OpenAPI document). */
export const CASE_SCHEMAS = [
  PublicRequestSchema,
  PublicRequestReceiptSchema,
  CounsellorRequestSchema,
  CaseSummarySchema,
  CaseListSchema,
  EligibilitySnapshotSchema,
  CaseDetailSchema,
  CaseTimelineSchema,
  EligibilityStepSchema,
  DecisionStepSchema,
  EmptyStepSchema,
  SignEngagementStepSchema,
  WaiveEngagementStepSchema,
  CloseStepSchema,
  AssignStepSchema,
  ReferralStepSchema,
  ReferralSummarySchema,
  ReferralListSchema,
] as const;
