// The French texts of the audit trail use cases' refusals.
export const auditServiceMessages = {
  referenceUnknown: { title: "Dossier introuvable", detail: "Aucun dossier ne porte cette référence." },
} as const;
