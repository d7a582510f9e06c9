// The French texts of the eligibility evaluation's refusals.
export const eligibilityServiceMessages = {
  tooManySituations: (limit: number) =>
    `Un lot contient au plus ${limit.toLocaleString("fr-FR")} situations ; découpez-le en plusieurs requêtes.`,
} as const;
