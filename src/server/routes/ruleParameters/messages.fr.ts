// French texts of the administrators' list of recorded rule-parameter values.
export const parameterRecordMessages = {
  summary: "Valeurs enregistrées des paramètres, plus récentes d'abord, avec leur auteur (administrateurs)",
  description:
    "Chaque valeur datée enregistrée, y compris le seuil des quatre yeux des aides financières (en " +
    "centimes) : paramètre, valeur, unité, date d'application, motif, date et auteur de l'enregistrement.",
  /** Parameters recorded in the same history but defined outside the eligibility rules. */
  labels: {
    "aids.fourEyesThresholdCents": {
      label: "Montant au-delà duquel deux contrôleurs budgétaires approuvent une aide",
      unit: "centimes",
    },
  } as Record<string, { label: string; unit: string } | undefined>,
} as const;
