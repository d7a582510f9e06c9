// The French texts of the documents use cases' refusals: an uploaded file or its fields, a document that is
// not there (yet), and a one-time engagement link that no longer works.
export const uploadRefusals = {
  empty: {
    title: "Fichier vide",
    detail: "Le fichier envoyé est vide : choisissez un PDF, un JPEG ou un PNG.",
  },
  tooLarge: {
    title: "Fichier trop volumineux",
    detail:
      "Le fichier dépasse 10 Mo, la taille maximale d'une pièce : réduisez-le ou scannez-le en plus basse résolution.",
  },
  /** A content that is not a PDF, a JPEG or a PNG, whatever the file's name. */
  typeRefused: {
    title: "Type de fichier refusé",
    executable: (name: string, detected: string) =>
      `Le fichier « ${name} » n'est pas un document : son contenu est celui d'un programme exécutable (${detected.toUpperCase()}). Seuls les PDF, JPEG et PNG sont acceptés, d'après leur contenu et non leur nom.`,
    script: (name: string) =>
      `Le fichier « ${name} » n'est pas un document : son contenu est un script. Seuls les PDF, JPEG et PNG sont acceptés, d'après leur contenu et non leur nom.`,
    unsupported: (name: string, detected: string | undefined) =>
      `Le contenu du fichier « ${name} » ${detected === undefined ? "n'est pas reconnu" : `est au format ${detected.toUpperCase()}`} : seuls les PDF, JPEG et PNG sont acceptés, d'après leur contenu et non leur nom.`,
  },
} as const;

export const documentMessages = {
  badKind: "Le type de pièce doit être « attachment » ou « signed_engagement ».",
  badActionId: "L'action doit être désignée par son identifiant (UUID).",
  unknownAction: "Cette action n'appartient pas au plan d'actions de ce dossier.",
  nameTooLong: "Le nom du fichier est trop long (255 caractères au plus).",
  documentNotFound: { title: "Pièce introuvable", detail: "Ce dossier ne contient pas cette pièce." },
  engagementTooEarly: {
    title: "Pas encore d'engagement réciproque",
    detail:
      "L'engagement réciproque se joint une fois le plan d'actions proposé, et tant que le dossier n'est pas clôturé.",
  },
  notRefused: {
    title: "Dossier non refusé",
    detail: "La lettre de refus n'existe que pour un dossier dont la demande a été refusée.",
  },
  noPlanYet: {
    title: "Pas encore de plan d'actions",
    detail: "L'engagement réciproque se génère une fois le plan d'actions proposé.",
  },
  cannotSignNow: {
    title: "Signature impossible à cette étape",
    detail:
      "L'engagement réciproque ne peut être accepté qu'une fois le plan d'actions proposé, et avant la clôture (ou, sous la directive 2025, après une poursuite sans signature).",
  },
} as const;

export const linkMessages = {
  notFound: {
    title: "Lien introuvable",
    detail: "Ce lien n'existe pas. Vérifiez l'adresse reçue, ou demandez un nouveau lien à votre conseiller.",
  },
  used: {
    title: "Lien déjà utilisé",
    detail: "Cet engagement a déjà été accepté avec ce lien, qui ne sert qu'une fois.",
  },
  expired: {
    title: "Lien expiré",
    detail: "Ce lien a expiré (il est valable 14 jours) : demandez-en un nouveau à votre conseiller.",
  },
  revoked: {
    title: "Lien remplacé",
    detail: "Un lien plus récent vous a été envoyé : utilisez le dernier reçu.",
  },
  notSignable: {
    title: "Acceptation impossible",
    detail:
      "L'engagement ne peut plus être accepté en ligne à cette étape du dossier : contactez votre conseiller.",
  },
} as const;
