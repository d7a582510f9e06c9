// The payloads of a case's documents and of the engagement's acceptance link: the document list, the link
// a counsellor sends, and what the person sees and answers through it. One schema per payload, each with
// an $id: a component of the OpenAPI document.
import Type, { type Static } from "typebox";
import { ACTION_OWNERS } from "../core/diagnosis/index.ts";

export const DOCUMENT_KINDS = ["attachment", "signed_engagement"] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const DOCUMENT_MEDIA_TYPES = ["application/pdf", "image/jpeg", "image/png"] as const;

/** Longest original file name kept, in characters. */
export const DOCUMENT_NAME_MAX_LENGTH = 255;

const Uuid = (description?: string) =>
  Type.String({ format: "uuid", ...(description === undefined ? {} : { description }) });
const IsoDate = (description: string) => Type.String({ format: "date", description });

export const CaseDocumentSchema = Type.Object(
  {
    id: Uuid(),
    caseId: Uuid(),
    actionId: Type.Union([Uuid("Action du plan à laquelle la pièce est jointe."), Type.Null()]),
    kind: Type.Enum(DOCUMENT_KINDS, {
      description: "attachment : pièce du dossier ; signed_engagement : engagement réciproque signé, scanné.",
    }),
    originalName: Type.String({ description: "Nom du fichier envoyé." }),
    mediaType: Type.Enum(DOCUMENT_MEDIA_TYPES, { description: "Type lu dans le contenu du fichier." }),
    sizeBytes: Type.Integer({ minimum: 1, description: "Taille en octets." }),
    sha256: Type.String({ pattern: "^[0-9a-f]{64}$", description: "Empreinte SHA-256 du contenu." }),
    uploadedAt: Type.String({ format: "date-time" }),
    uploadedBy: Type.Object({ id: Uuid(), name: Type.String() }),
  },
  { $id: "CaseDocument" },
);
export type CaseDocument = Static<typeof CaseDocumentSchema>;

/** The upload form (multipart/form-data): read part by part by the route, described here for OpenAPI. */
export const DocumentUploadFormSchema = Type.Object(
  {
    file: Type.String({
      format: "binary",
      description: "Le fichier : PDF, JPEG ou PNG d'après son contenu, 10 Mo au plus.",
    }),
    kind: Type.Optional(Type.Enum(DOCUMENT_KINDS, { description: "attachment par défaut." })),
    actionId: Type.Optional(Uuid("Action du plan à laquelle la pièce se rapporte.")),
  },
  { additionalProperties: false, $id: "DocumentUploadForm" },
);

export const CaseDocumentListSchema = Type.Object(
  { items: Type.Array(Type.Ref("CaseDocument"), { description: "Du plus ancien au plus récent." }) },
  { $id: "CaseDocumentList" },
);

export const EngagementLinkSchema = Type.Object(
  {
    token: Type.String({ description: "Jeton à usage unique : il n'est donné qu'une fois." }),
    path: Type.String({ description: "Adresse (sans le domaine) à transmettre à la personne." }),
    expiresAt: Type.String({ format: "date-time", description: "Le lien ne fonctionne plus après." }),
  },
  { $id: "EngagementLink" },
);

export const EngagementSummarySchema = Type.Object(
  {
    reference: Type.String(),
    agency: Type.String(),
    counsellor: Type.String(),
    person: Type.String({ description: "Nom de la personne." }),
    directive: Type.String({ description: "Directive sous laquelle le dossier est examiné." }),
    basis: Type.String({ description: "Ce sur quoi repose l'engagement, avec la clause citée." }),
    alsCommitments: Type.Array(Type.String()),
    beneficiaryCommitments: Type.Array(Type.String()),
    actions: Type.Array(
      Type.Object({
        title: Type.String(),
        kind: Type.String({ description: "Nature de l'action, en français." }),
        owner: Type.Enum(ACTION_OWNERS),
        ownerLabel: Type.String(),
        dueOn: IsoDate("Échéance (AAAA-MM-JJ)."),
      }),
    ),
    expiresAt: Type.String({ format: "date-time" }),
    pdfPath: Type.String({ description: "Le document complet, en PDF." }),
  },
  { $id: "EngagementSummary" },
);

export const EngagementAcceptanceSchema = Type.Object(
  { accept: Type.Literal(true, { description: "La personne accepte l'engagement réciproque." }) },
  { additionalProperties: false, $id: "EngagementAcceptance" },
);

export const EngagementAcceptedSchema = Type.Object(
  {
    reference: Type.String(),
    acceptedOn: IsoDate("Jour de l'acceptation (heure de Paris)."),
    message: Type.String(),
  },
  { $id: "EngagementAccepted" },
);

export const DOCUMENT_SCHEMAS = [
  CaseDocumentSchema,
  DocumentUploadFormSchema,
  CaseDocumentListSchema,
  EngagementLinkSchema,
  EngagementSummarySchema,
  EngagementAcceptanceSchema,
  EngagementAcceptedSchema,
] as const;
