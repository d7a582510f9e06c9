// French texts of the account administration routes (OpenAPI summaries and descriptions). The refusals'
// texts are the services' (src/services/users/messages.fr.ts).
export const usersRouteMessages = {
  listSummary: "Liste des comptes du personnel (administrateurs)",
  listDescription:
    "Sans mot de passe ni secret : identité professionnelle, rôle, organisation, second facteur actif ou non, " +
    "désactivation. Filtres : organisation, rôle.",
  createSummary: "Crée un compte (rôle, organisation, mot de passe initial soumis à la politique)",
  updateSummary: "Modifie le nom affiché, le rôle ou l'organisation d'un compte",
  updateDescription:
    "Un changement de rôle ou d'organisation ferme les sessions ouvertes du compte : les droits changent " +
    "à la prochaine connexion.",
  deactivateSummary: "Désactive un compte et ferme toutes ses sessions",
  mfaResetSummary: "Retire le second facteur et les codes de secours d'un compte ; ferme ses sessions",
} as const;
