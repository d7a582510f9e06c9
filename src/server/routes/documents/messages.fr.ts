// The French texts of the documents routes: what the reading of a multipart upload refuses, what an
// accepted engagement answers, and the OpenAPI document's summaries and descriptions (the refusals of the
// use cases are the services': src/services/documents/messages.fr.ts).
export const uploadFormProblems = {
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
} as const;

export const engagementAccepted =
  "Merci : votre acceptation de l'engagement réciproque est enregistrée. Votre conseiller en est informé.";

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
