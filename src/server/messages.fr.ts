// Every French text the HTTP API shows to users (problem `title` and `detail`), in one place.
export const problemMessages = {
  validation_failed: {
    title: "Requête invalide",
    detail: "Certains champs de la requête sont invalides ; voir la liste des erreurs.",
  },
  invalid_json: { title: "JSON invalide", detail: "Le corps de la requête n'est pas un JSON valide." },
  empty_body: { title: "Corps de requête vide", detail: "Cette requête attend un corps JSON, qui est vide." },
  body_too_large: {
    title: "Corps de requête trop volumineux",
    detail: "Le corps de la requête dépasse la taille maximale acceptée.",
  },
  unsupported_media_type: {
    title: "Type de contenu non pris en charge",
    detail: "Le type de contenu de la requête n'est pas accepté ; envoyez application/json.",
  },
  not_found: { title: "Ressource introuvable", detail: "Aucune ressource ne correspond à cette adresse." },
  method_not_allowed: { title: "Méthode non autorisée", detail: "Cette méthode n'est pas acceptée ici." },
  too_many_requests: {
    title: "Trop de requêtes",
    detail: "Trop de requêtes en peu de temps ; réessayez dans quelques instants.",
  },
  invalid_value: {
    title: "Valeur invalide",
    detail: "Une valeur de la requête n'a pas le format attendu (identifiant, date ou nombre).",
  },
  conflict: {
    title: "Conflit",
    detail: "La requête contredit des données existantes (doublon ou référence manquante).",
  },
  bad_request: { title: "Requête incorrecte", detail: "La requête est incorrecte." },
  internal_error: {
    title: "Erreur interne",
    detail: "Une erreur inattendue est survenue. L'identifiant de la requête permet de la retrouver.",
  },
  service_unavailable: {
    title: "Service indisponible",
    detail: "Le service est momentanément indisponible ; réessayez plus tard.",
  },
} as const;

export type ProblemCode = keyof typeof problemMessages;

/** French message for each JSON Schema keyword a validation error can carry. */
export const validationMessages: Record<string, (params: Record<string, unknown>) => string> = {
  required: () => "Ce champ est obligatoire.",
  type: (params) => `Type attendu : ${translateType(params.type)}.`,
  minLength: (params) => `Au moins ${params.limit} caractère(s).`,
  maxLength: (params) => `Au plus ${params.limit} caractère(s).`,
  minimum: (params) => `Valeur minimale : ${params.limit}.`,
  maximum: (params) => `Valeur maximale : ${params.limit}.`,
  exclusiveMinimum: (params) => `Doit être strictement supérieur à ${params.limit}.`,
  exclusiveMaximum: (params) => `Doit être strictement inférieur à ${params.limit}.`,
  minItems: (params) => `Au moins ${params.limit} élément(s).`,
  maxItems: (params) => `Au plus ${params.limit} élément(s).`,
  pattern: () => "Format invalide.",
  format: (params) => `Format attendu : ${params.format}.`,
  enum: () => "Valeur non autorisée.",
  const: () => "Valeur non autorisée.",
  anyOf: () => "Ne correspond à aucune des formes attendues.",
  oneOf: () => "Ne correspond à aucune des formes attendues.",
  additionalProperties: () => "Champ inconnu.",
  multipleOf: (params) => `Doit être un multiple de ${params.multipleOf}.`,
};

export const fallbackValidationMessage = "Valeur invalide.";

const TYPE_NAMES: Record<string, string> = {
  string: "texte",
  number: "nombre",
  integer: "nombre entier",
  boolean: "booléen",
  object: "objet",
  array: "liste",
  null: "null",
};

function translateType(type: unknown): string {
  return String(type)
    .split(",")
    .map((name) => TYPE_NAMES[name] ?? name)
    .join(" ou ");
}

export const healthMessages = {
  summary: "État du service et de sa base de données",
} as const;
