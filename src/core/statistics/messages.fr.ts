// French texts of the statistics core: why a requested period is refused.
export const STATISTICS_MESSAGES = {
  invalidDate: "Indiquez une date au format AAAA-MM-JJ.",
  toBeforeFrom: "La fin de la période précède son début.",
  periodTooLong: "La période ne peut pas dépasser 24 mois.",
} as const;
