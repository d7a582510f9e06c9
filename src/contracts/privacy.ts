// The payloads of the GDPR routes: an auditor's justification, the export of everything held about a person
// (right of access, art. 15), the rectification of identity and contact (art. 16) and the erasure (art. 17).
// One schema per payload, reused for validation, the handlers' types and the OpenAPI document.
import Type, { type Static } from "typebox";
import { CONTACT_CHANNELS, TEXT_LIMITS } from "./cases.ts";

const Nullable = <T extends Type.TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const Written = (minLength: number, maxLength: number, description: string) =>
  Type.String({ minLength, maxLength, pattern: "\\S", description });
const Json = Type.Record(Type.String(), Type.Unknown());

/** Shortest reason accepted: a few words, not a letter or two. */
export const MIN_REASON_LENGTH = 10;

export const AccessJustificationRequestSchema = Type.Object(
  {
    reason: Written(
      MIN_REASON_LENGTH,
      1000,
      "Pourquoi l'auditeur doit lire ce dossier (contrôle, réclamation, demande d'une autorité…), au moins " +
        "10 caractères. Ne pas y écrire de données sur la personne.",
    ),
  },
  { $id: "AccessJustificationRequest", additionalProperties: false },
);
export type AccessJustificationRequest = Static<typeof AccessJustificationRequestSchema>;

export const AccessJustificationSchema = Type.Object(
  {
    id: Type.String({ format: "uuid", description: "Identifiant de la justification, cité au journal." }),
    caseId: Type.String({ format: "uuid" }),
    grantedAt: Type.String({ format: "date-time" }),
    expiresAt: Type.String({ format: "date-time", description: "Fin de l'accès en lecture au dossier." }),
  },
  { $id: "AccessJustification" },
);
export type AccessJustification = Static<typeof AccessJustificationSchema>;

/** Identity and contact fields a rectification may change; null clears an optional one. */
export const PersonRectificationSchema = Type.Object(
  {
    firstName: Type.Optional(Written(1, TEXT_LIMITS.name, "Prénom.")),
    lastName: Type.Optional(Written(1, TEXT_LIMITS.name, "Nom.")),
    birthDate: Type.Optional(Nullable(Type.String({ format: "date", description: "AAAA-MM-JJ." }))),
    email: Type.Optional(Nullable(Type.String({ format: "email", maxLength: 254 }))),
    phone: Type.Optional(Nullable(Type.String({ pattern: "^\\+?[0-9][0-9 .-]{5,19}$" }))),
    postcode: Type.Optional(Nullable(Type.String({ pattern: "^[0-9]{5}$" }))),
    preferredChannel: Type.Optional(Nullable(Type.Enum(CONTACT_CHANNELS))),
    preferredTimes: Type.Optional(Nullable(Written(1, TEXT_LIMITS.preferredTimes, "Disponibilités."))),
  },
  {
    $id: "PersonRectification",
    additionalProperties: false,
    minProperties: 1,
    description: "Les seuls champs à corriger ; null efface un champ facultatif.",
  },
);
export type PersonRectification = Static<typeof PersonRectificationSchema>;

export const ErasureRequestSchema = Type.Object(
  {
    reason: Written(
      MIN_REASON_LENGTH,
      1000,
      "Fondement de l'effacement (retrait du consentement, données plus nécessaires…), au moins 10 " +
        "caractères. Gardé dans l'historique du dossier : ne pas y écrire de données sur la personne.",
    ),
  },
  { $id: "ErasureRequest", additionalProperties: false },
);
export type ErasureRequest = Static<typeof ErasureRequestSchema>;

export const ErasureResultSchema = Type.Object(
  {
    caseId: Type.String({ format: "uuid" }),
    erasedAt: Type.String({ format: "date-time" }),
    replaced: Type.Record(Type.String(), Type.Integer(), {
      description: "Valeurs personnelles remplacées ou supprimées, par table.",
    }),
  },
  { $id: "ErasureResult" },
);
export type ErasureResult = Static<typeof ErasureResultSchema>;

const PersonSchema = Type.Object({
  firstName: Type.String(),
  lastName: Type.String(),
  birthDate: Nullable(Type.String()),
  email: Nullable(Type.String()),
  phone: Nullable(Type.String()),
  postcode: Nullable(Type.String()),
  preferredChannel: Nullable(Type.String()),
  preferredTimes: Nullable(Type.String()),
});

const ExportedCaseSchema = Type.Object({
  id: Type.String({ format: "uuid" }),
  reference: Type.String(),
  organisation: Type.String(),
  counsellor: Nullable(Type.String()),
  status: Type.String(),
  statusLabel: Type.String(),
  directive: Type.String(),
  request: Type.Object({
    channel: Type.String(),
    requestedOn: Type.String(),
    situationSummary: Nullable(Type.String()),
    legalBasis: Type.String(),
    noticeVersion: Type.String(),
    consentGivenAt: Type.String(),
  }),
  person: PersonSchema,
  decision: Nullable(Json),
  engagement: Nullable(Json),
  closure: Nullable(Json),
  snapshots: Type.Array(
    Type.Object({
      assessedOn: Type.String(),
      directive: Type.String(),
      outcome: Type.String(),
      facts: Json,
      reasons: Type.Array(Type.Unknown()),
    }),
  ),
  diagnosis: Nullable(
    Type.Object({ diagnosedOn: Type.String(), data: Json }, { description: "Rubriques sensibles incluses." }),
  ),
  sensitiveWithheld: Type.Boolean({
    description:
      "Vrai quand les rubriques sensibles de ce dossier ne sont pas lisibles par l'appelant (dossier suivi " +
      "par un autre conseiller) : le responsable d'agence obtient l'export complet.",
  }),
  actions: Type.Array(
    Type.Object({
      kind: Type.String(),
      title: Type.String(),
      owner: Type.String(),
      partner: Nullable(Type.String()),
      dueOn: Type.String(),
      status: Type.String(),
      outcome: Nullable(Type.String()),
    }),
  ),
  appointments: Type.Array(
    Type.Object({ at: Type.String(), channel: Type.String(), notes: Nullable(Type.String()) }),
  ),
  referrals: Type.Array(
    Type.Object({ organisation: Type.String(), referredAt: Type.String(), note: Nullable(Type.String()) }),
  ),
  outcomes: Nullable(
    Type.Object({ indicators: Type.Array(Type.String()), comment: Nullable(Type.String()) }),
  ),
  surveys: Type.Array(
    Type.Object({
      answeredAt: Type.String(),
      rating: Nullable(Type.Integer()),
      comment: Nullable(Type.String()),
    }),
  ),
  aids: Type.Array(
    Type.Object({
      product: Type.String(),
      kind: Type.String(),
      amountCents: Type.Integer(),
      status: Type.String(),
      year: Type.Integer(),
    }),
  ),
  documents: Type.Array(
    Type.Object(
      {
        name: Type.String(),
        mediaType: Type.String(),
        sizeBytes: Type.Integer(),
        sha256: Type.String(),
        uploadedAt: Type.String(),
      },
      { description: "Les pièces elles-mêmes se téléchargent une à une." },
    ),
  ),
});
export type ExportedCase = Static<typeof ExportedCaseSchema>;

export const PersonalDataExportSchema = Type.Object(
  {
    generatedAt: Type.String({ format: "date-time" }),
    person: PersonSchema,
    cases: Type.Array(ExportedCaseSchema, {
      description: "Tous les dossiers de l'agence qui semblent concerner la même personne.",
    }),
  },
  { $id: "PersonalDataExport" },
);
export type PersonalDataExport = Static<typeof PersonalDataExportSchema>;

export const PRIVACY_SCHEMAS = [
  AccessJustificationRequestSchema,
  AccessJustificationSchema,
  PersonRectificationSchema,
  ErasureRequestSchema,
  ErasureResultSchema,
  PersonalDataExportSchema,
] as const;
