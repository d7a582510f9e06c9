// The French texts of the rule parameters' use cases: why a date or a value is refused.

export const parameterMessages = {
  invalidDate: "Date invalide : format attendu AAAA-MM-JJ, avec un jour qui existe.",
  invalidAppliesFrom: "Date d'application invalide : format attendu AAAA-MM-JJ, avec un jour qui existe.",
  missingReason: "Le motif du changement est obligatoire.",
  reasonTooLong: (max: number) => `Le motif du changement ne doit pas dépasser ${max} caractères.`,
} as const;
