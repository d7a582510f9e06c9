// Every French text of the documents routes: refusals of an uploaded file or a request, descriptions for
// the OpenAPI document, and what the one-time engagement link answers.
export const uploadRefusals = {
  empty: {
    title: "Fichier vide",
    detail: "Le fichier envoyé est vide : choisissez un PDF, un JPEG ou un PNG.",
  },
  too_large: {
    title: "Fichier trop volumineux",
    detail:
      "Le fichier dépasse 10 Mo, la taille maximale d'une pièce : réduisez-le ou scannez-le en plus basse résolution.",
  },
  executable: {
    title: "Type de fichier refusé",
    detail: (name: string, detected: string) =>
      `Le fichier « ${name} » n'est pas un document : son contenu est celui d'un programme exécutable (${detected.toUpperCase()}). Seuls les PDF, JPEG et PNG sont acceptés, d'après leur contenu et non leur nom.`,
  },
  script: {
    title: "Type de fichier refusé",
    detail: (name: string) =>
      `Le fichier « ${name} » n'est pas un document : son contenu est un script. Seuls les PDF, JPEG et PNG sont acceptés, d'après leur contenu et non leur nom.`,
  },
  unsupported: {
    title: "Type de fichier refusé",
    detail: (name: string, detected: string | undefined) =>
      `Le contenu du fichier « ${name} » ${detected === undefined ? "n'est pas reconnu" : `est au format ${detected.toUpperCase()}`} : seuls les PDF, JPEG et PNG sont acceptés, d'après leur contenu et non leur nom.`,
  },
} as const;

export const documentProblems = {
  notMultipart: {
    title: "Envoi de fichier attendu",
    detail: "Envoyez la pièce en multipart/form-data : un champ « file » avec le fichier.",
  },
  noFile: {
    title: "Fichier manquant",
    detail: "Aucun fichier n'a été reçu : joignez-le dans le champ « file ».",
  },
  oneFile: { title: "Un seul fichier", detail: "Envoyez une pièce à la fois, dans le champ « file »." },
  unknownField: (name: string) => `Champ inconnu : « ${name} ». Champs acceptés : file, kind, actionId.`,
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

export const linkProblems = {
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
  accepted:
    "Merci : votre acceptation de l'engagement réciproque est enregistrée. Votre conseiller en est informé.",
} as const;

export const documentRouteMessages = {
  uploadSummary: "Joindre une pièce au dossier (PDF, JPEG ou PNG, 10 Mo au plus)",
  uploadDescription:
    "Envoi en multipart/form-data : « file » (le fichier), « kind » (attachment par défaut, ou " +
    "signed_engagement pour l'engagement réciproque signé et scanné, à partir du plan d'actions), « actionId » " +
    "(facultatif : l'action du plan à laquelle la pièce se rapporte). Le type est lu dans le contenu, jamais " +
    "dans le nom : un autre contenu répond 415 ; au-delà de 10 Mo, 413. L'empreinte SHA-256 est conservée. " +
    "Exige l'en-tête If-Match avec l'ETag du dossier ; répond la pièce et le nouvel ETag.",
  listSummary: "Pièces du dossier",
  downloadSummary: "Télécharger une pièce",
  downloadDescription:
    "Le contenu tel qu'il a été reçu, avec son type et en pièce jointe (Content-Disposition: attachment). " +
    "Chaque téléchargement est inscrit au journal d'audit.",
  refusalSummary: "Lettre de refus (PDF), pour un dossier refusé",
  engagementSummary: "Engagement réciproque (PDF), généré à partir du plan d'actions",
  linkSummary: "Créer un lien d'acceptation de l'engagement, à usage unique (14 jours)",
  linkDescription:
    "Le jeton n'est donné qu'une fois ; un nouveau lien remplace les précédents non utilisés. La personne " +
    "consulte l'engagement et l'accepte par GET puis POST /api/v1/engagements/{token}, ce qui enregistre " +
    "la signature. Exige l'en-tête If-Match avec l'ETag du dossier.",
  publicSummary: "Consulter l'engagement réciproque à accepter (lien reçu par la personne, sans compte)",
  publicAcceptSummary: "Accepter l'engagement réciproque (lien reçu par la personne, sans compte)",
  publicAcceptDescription:
    "Enregistre la signature de l'engagement à la date du jour (heure de Paris), une seule fois : le lien " +
    "ne fonctionne plus ensuite.",
  publicPdfSummary: "L'engagement réciproque en PDF (lien reçu par la personne, sans compte)",
  tokenDescription: "Jeton reçu par la personne.",
} as const;
