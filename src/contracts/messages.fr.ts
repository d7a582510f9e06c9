// The French messages of input errors, shared by the API, the CLI and the web forms.
export const INPUT_MESSAGES = {
  required: "Ce champ est obligatoire.",
  unknownField: "Ce champ n'est pas attendu.",
  invalidType: (expected: string) => `Type de valeur incorrect : ${expected} attendu.`,
  invalidValue: (allowed: readonly unknown[]) =>
    `Valeur non reconnue. Valeurs possibles : ${allowed.map((value) => String(value)).join(", ")}.`,
  invalidDate: "Date invalide : format attendu AAAA-MM-JJ, avec un jour qui existe.",
  invalidPostcode: "Code postal invalide : cinq chiffres attendus.",
  unknownPostcode: "Ce code postal n'existe pas dans la liste officielle des codes postaux.",
  outOfRange: (limit: number, kind: "min" | "max") =>
    kind === "min" ? `La valeur doit être au moins ${limit}.` : `La valeur doit être au plus ${limit}.`,
  tooLong: (limit: number) => `Texte trop long : ${limit} caractères au plus.`,
  duplicate: "Une même valeur est indiquée plusieurs fois.",
  tooMany: (limit: number) => `Au plus ${limit} éléments.`,
  tooFew: (limit: number) => `Au moins ${limit} élément${limit > 1 ? "s" : ""}.`,
  contractEndsBeforeStart: "La date de fin du contrat précède sa date de début.",
  invalid: "Valeur invalide.",
} as const;

export const TYPE_NAMES: Readonly<Record<string, string>> = {
  string: "texte",
  integer: "nombre entier",
  number: "nombre",
  boolean: "booléen (true ou false)",
  object: "objet",
  array: "liste",
  null: "null",
};
