// French texts the use cases share (each area has its own messages file for the rest).
export const serviceMessages = {
  invalid: {
    title: "Requête invalide",
    detail: "Certains champs de la requête sont invalides ; voir la liste des erreurs.",
  },
  unauthenticated: {
    title: "Authentification requise",
    detail: "Connectez-vous pour accéder à cette ressource ; votre session a peut-être expiré.",
  },
  forbidden: { title: "Accès refusé", detail: "Votre rôle ne permet pas cette action." },
  versionRequired: {
    title: "En-tête If-Match manquant",
    detail:
      "Renvoyez dans l'en-tête If-Match l'ETag du dossier lu, pour qu'une modification faite entre-temps " +
      "ne soit pas écrasée.",
  },
  unreadableData: {
    title: "Donnée chiffrée illisible",
    detail:
      "Une donnée chiffrée ne peut pas être déchiffrée avec les clés configurées. L'identifiant de la requête permet à l'exploitant de retrouver la clé manquante.",
  },
} as const;
