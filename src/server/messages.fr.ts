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
  unauthenticated: {
    title: "Authentification requise",
    detail: "Connectez-vous pour accéder à cette ressource ; votre session a peut-être expiré.",
  },
  forbidden: { title: "Accès refusé", detail: "Votre rôle ne permet pas cette action." },
  csrf_failed: {
    title: "Jeton CSRF invalide",
    detail: "Cette requête doit porter l'en-tête X-CSRF-Token de votre session ; rechargez la page.",
  },
  login_locked: {
    title: "Trop de tentatives",
    detail: "Trop de tentatives de connexion : réessayez dans quelques minutes.",
  },
  mfa_enrolment_required: {
    title: "Second facteur à activer",
    detail: "Votre rôle exige un second facteur : activez-le avant de continuer.",
  },
  internal_error: {
    title: "Erreur interne",
    detail: "Une erreur inattendue est survenue. L'identifiant de la requête permet de la retrouver.",
  },
  encrypted_data_unreadable: {
    title: "Donnée chiffrée illisible",
    detail:
      "Une donnée chiffrée ne peut pas être déchiffrée avec les clés configurées. L'identifiant de la requête permet à l'exploitant de retrouver la clé manquante.",
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

export const authMessages = {
  loginSummary: "Ouvre une session (adresse électronique et mot de passe, en JSON)",
  loginDescription:
    "Répond la session ouverte et dépose le cookie appui_session (HttpOnly, SameSite=Lax). Un identifiant " +
    "inconnu et un mot de passe faux reçoivent la même réponse ; après des échecs répétés, le compte et " +
    "l'adresse sont bloqués quelques minutes (429, en-tête Retry-After).",
  sessionSummary: "Session en cours : utilisateur, rôle, organisation et jeton CSRF",
  sessionDescription:
    "Toute requête de modification (POST, PUT, PATCH, DELETE) authentifiée par le cookie doit porter ce " +
    "jeton dans l'en-tête X-CSRF-Token.",
  logoutSummary: "Ferme la session en cours",
  methodsSummary:
    "Moyens de connexion proposés (mot de passe ; annuaire de l'entreprise quand il est configuré)",
  totpSetupSummary: "Commence l'activation du second facteur (TOTP) : secret et URI otpauth",
  totpConfirmSummary: "Confirme le second facteur avec un premier code ; renvoie les codes de secours",
  recoveryCodesSummary: "Remplace ses codes de secours, sur présentation d'un code à 6 chiffres",
  recoveryCodesDescription:
    "Les dix nouveaux codes ne sont montrés qu'une fois ; les anciens, utilisés ou non, cessent de fonctionner. Un code de secours ne suffit pas : il faut le code de l'application.",
  totpConfirmDescription:
    "Les dix codes de secours ne sont montrés qu'une fois ; chacun remplace une fois le code à 6 chiffres.",
} as const;

export const auditMessages = {
  searchSummary: "Recherche dans le journal d'audit (auditeurs)",
  searchDescription:
    "Les événements, du plus récent au plus ancien, filtrés par acteur, cible, dossier, personne (tous ses " +
    "dossiers, retrouvés à partir de la référence de l'un d'eux), action et période ; pagination par " +
    "curseur (nextCursor à repasser dans before).",
  caseDescription:
    "Identifiant (UUID) d'un dossier : les événements qui le visent, et les listes qui l'ont affiché.",
  personDescription:
    "Référence d'un dossier (ASD-AAAA-NNNNNN) : les événements de tous les dossiers de la même personne " +
    "(même adresse électronique, ou mêmes nom et prénom avec la même date de naissance ou le même téléphone).",
  actionDescription: "Action enregistrée, par exemple case.read ou user.deactivated.",
  actorDescription: "Identifiant (UUID) de l'utilisateur auteur des événements.",
  targetDescription: "Identifiant de la cible des événements (dossier, utilisateur...).",
  fromDescription: "Date-heure ISO 8601 de début (incluse).",
  toDescription: "Date-heure ISO 8601 de fin (incluse).",
  beforeDescription: "Curseur : ne renvoie que les événements de numéro inférieur.",
  limitDescription: "Nombre d'événements par page (1 à 200, 50 par défaut).",
  exportSummary: "Export du journal d'audit en JSON Lines (auditeurs)",
  exportDescription:
    "Un événement JSON par ligne, du plus ancien au plus récent, avec numéro, empreinte et empreinte " +
    "précédente, avec les mêmes filtres que la recherche ; l'export est lui-même journalisé.",
} as const;

export const eligibilityMessages = {
  summary: "Évalue l'éligibilité d'une situation, ou d'un lot de situations, au service ASD",
  description:
    'Le corps est une situation, ou un lot { "situations": [...] } d\'au plus 1 000 situations. Chaque situation ' +
    "est évaluée selon la directive en vigueur à sa date de demande, avec les paramètres en vigueur à cette " +
    "date, que le résultat rappelle. Les erreurs de saisie ont les mêmes codes et messages que la ligne de " +
    "commande (UNKNOWN_POSTCODE, NO_DIRECTIVE_IN_FORCE, INVALID_DATE...) ; dans un lot, leur chemin commence " +
    "par /situations/<rang>, et une situation invalide fait refuser tout le lot. Un corps sans requestDate " +
    "dont la liste situations contient des objets est un lot ; sinon, c'est une situation (dont le champ " +
    "situations liste les difficultés). Le résultat éclaire la décision du conseiller social et ne la " +
    "remplace pas. " +
    "Accessible sans compte, avec un nombre limité de requêtes par minute.",
} as const;

export const directiveMessages = {
  listSummary: "Versions de la directive du service ASD, avec leurs articles",
  listDescription:
    "Chaque version, dans l'ordre de son entrée en vigueur : référence, titre, modalité, dates d'application " +
    "(appliesUntil vaut null pour la version en vigueur) et articles cités mot pour mot.",
  comparisonSummary: "Comparaison de deux versions de la directive, article par article",
  comparisonDescription:
    "Les articles des deux versions, rapprochés par thème, avec la nature du changement et les différences " +
    "mot à mot.",
  fromDescription: "Référence de la version de départ, par exemple PP_EX_CPA_2_DIR.",
  toDescription: "Référence de la version d'arrivée, par exemple PP_SERV_ASD_2_DIR.",
  unknownDirective: (reference: string, known: string) =>
    `Directive inconnue : « ${reference} ». Références connues : ${known}.`,
} as const;

export const ruleParameterMessages = {
  summary: "Paramètres des règles fixés par Action Logement Services, avec leur historique",
  description:
    "Les définitions des paramètres (libellé, unité, bornes, valeur par défaut, article), les valeurs en " +
    "vigueur à la date demandée (aujourd'hui par défaut, heure de Paris) et l'historique complet des valeurs " +
    "enregistrées. La modification est réservée aux administrateurs (POST sur la même adresse, ou en ligne " +
    "de commande : appui parameters set).",
  recordSummary: "Enregistrer une nouvelle valeur datée d'un paramètre (administrateurs)",
  recordDescription:
    "Ajoute une valeur à l'historique, applicable à partir de la date indiquée, avec son motif ; les valeurs " +
    "précédentes restent dans l'historique et l'enregistrement est inscrit au journal d'audit. Les évaluations " +
    "déjà enregistrées gardent les valeurs qu'elles ont utilisées.",
  dateDescription: "Date (AAAA-MM-JJ) des valeurs en vigueur à renvoyer ; aujourd'hui par défaut.",
} as const;
