// French texts of the audit search's OpenAPI description: the author of each entry as known today.
export const auditActorMessages = {
  actorObjectDescription:
    "Auteur de l'événement tel que connu aujourd'hui (hors chaîne d'intégrité) ; null pour le système.",
  actorAccountDescription:
    "État du compte de l'auteur : active (actif), deactivated (désactivé), deleted (n'existe plus).",
  actorNameDescription: "Nom affiché de l'auteur ; null si son compte est désactivé ou n'existe plus.",
  actorRoleDescription: "Rôle actuel du compte de l'auteur ; null s'il n'existe plus.",
} as const;
