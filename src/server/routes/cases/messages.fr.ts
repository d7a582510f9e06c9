// The French texts of the case routes' OpenAPI document: summaries and descriptions (the refusals are the
// services': src/services/cases/messages.fr.ts).

export const caseRouteMessages = {
  publicRequestSummary: "Déposer une demande d'accompagnement (formulaire public, sans compte)",
  publicRequestDescription:
    "Enregistre la demande, avec le consentement de la personne au traitement de ses données et la version " +
    "de la notice d'information qu'elle a lue. La demande est confiée à l'agence de la région du code postal " +
    "(à défaut, à la première agence ouverte). Une adresse électronique ou un numéro de téléphone est " +
    "nécessaire. La réponse ne donne que la référence de la demande. Nombre de requêtes limité par minute.",
  counsellorRequestSummary: "Enregistrer une demande reçue par téléphone, en visite ou par un partenaire",
  counsellorRequestDescription:
    "Ouvre un dossier dans l'agence de l'utilisateur, sous la directive en vigueur à la date de la demande. " +
    "Si un dossier ouvert de l'agence semble concerner la même personne, le nouveau dossier le signale " +
    "(possibleDuplicateOf) pour vérification.",
  listSummary: "Portefeuille de dossiers de l'agence",
  listDescription:
    "Filtres : étape (status, répétable), conseiller (identifiant, ou none), actions en retard, prochain " +
    "rendez-vous, recherche sur le nom, le prénom ou la référence (q). Du plus récent au plus ancien ; " +
    "pagination par curseur (nextCursor à repasser dans cursor).",
  detailSummary: "Dossier : personne, éligibilité, décision, engagement, clôture, étapes possibles",
  detailDescription:
    "L'en-tête ETag porte la version du dossier : toute modification doit la renvoyer dans If-Match. Un " +
    "dossier d'une autre agence répond 404. La consultation est inscrite au journal d'audit.",
  timelineSummary: "Historique du dossier : qui a fait quoi, et quand",
  referralsSummary: "Dossiers adressés à son organisation (intervenants partenaires)",
  referralsDescription:
    "La fiche d'orientation seulement : référence, nom et coordonnées de la personne, agence, conseiller et " +
    "note d'orientation. Jamais le diagnostic.",
  eligibilitySummary: "Évaluer (ou réévaluer) l'éligibilité du dossier",
  eligibilityDescription:
    "Évalue la situation selon la directive du dossier et les paramètres en vigueur à la date de la " +
    "demande, et enregistre le résultat tel quel (faits, motifs, paramètres, version du moteur) : il ne sera " +
    "jamais recalculé. Une réévaluation ajoute une nouvelle évaluation et ne change pas la décision.",
  decisionSummary: "Décider : admettre, refuser ou réorienter",
  decisionDescription:
    "« Droit ouvert : non » : le conseiller décide. Un motif écrit est exigé pour admettre un dossier dont " +
    "le résultat n'est pas « éligible », pour refuser un dossier « éligible », et pour toute réorientation.",
  diagnosisSummary: "Commencer le diagnostic social",
  planSummary: "Proposer le plan d'actions",
  signSummary: "Enregistrer la signature de l'engagement réciproque",
  waiveSummary: "Poursuivre sans engagement signé, avec un motif (directive 2025 seulement)",
  followUpSummary: "Commencer le suivi du plan d'actions",
  closeSummary: "Clôturer le dossier, avec un motif",
  assignSummary: "Attribuer le dossier à un conseiller de l'agence (responsables d'agence)",
  referSummary: "Adresser le dossier à un organisme partenaire",
  stepDescription:
    "Exige l'en-tête If-Match avec l'ETag lu (428 sans, 412 si le dossier a changé entre-temps). Une action " +
    "que l'étape du dossier interdit répond 409 avec la raison ; un champ manquant ou invalide, 422. Répond " +
    "le dossier à jour et son nouvel ETag.",
  ifMatchDescription: 'ETag du dossier lu (par exemple "3").',
} as const;
