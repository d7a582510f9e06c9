// The French texts of the routes of a case's content: OpenAPI summaries and descriptions, and the survey's
// question. The refusals' texts are the use cases' (src/services/caseContent/messages.fr.ts).

export const contentRouteMessages = {
  diagnosisReadSummary: "Diagnostic social du dossier, avec le budget et le reste à vivre",
  diagnosisReadDescription:
    "Les rubriques sensibles (santé, violences, notes libres) ne sont renvoyées qu'au conseiller en charge " +
    "et au responsable de l'agence ; pour les autres, elles sont omises et sensitiveHidden vaut true. " +
    "L'en-tête ETag porte la version du dossier. Chaque consultation est inscrite au journal d'audit.",
  diagnosisWriteSummary: "Enregistrer le diagnostic social (remplace le précédent)",
  diagnosisWriteDescription:
    "Possible de l'étape « Diagnostic social » jusqu'au suivi. Exige If-Match avec l'ETag du dossier (428 " +
    "sans, 412 s'il a changé). Le reste à vivre est calculé : ressources − charges, en centimes, et par " +
    "unité de consommation (échelle de l'OCDE modifiée, INSEE). Les rubriques sensibles sont chiffrées.",
  actionsListSummary: "Actions du plan, avec les actions en retard",
  actionsCreateSummary: "Ajouter une action au plan",
  actionsCreateDescription:
    "Exige If-Match avec l'ETag du dossier. Un accompagnement Logement d'Abord n'est possible que sous la " +
    "directive de 2025 et pour une personne sans logement ou sans hébergement ; une action confiée à un " +
    "partenaire suppose que le dossier lui a été adressé. Le lien avec le service locatif ne donne aucun " +
    "accès prioritaire au logement (avertissement joint à l'action).",
  actionsUpdateSummary: "Mettre à jour une action du plan (étape, échéance, résultat)",
  actionsUpdateDescription:
    "Exige If-Match avec l'ETag de l'action (428 sans, 412 si elle a changé). Une action réalisée ou annulée " +
    "ne change plus ; la réaliser ou l'annuler demande son résultat.",
  partnerActionsListSummary: "Actions confiées à son organisation dans un dossier adressé",
  partnerActionsUpdateSummary: "Mettre à jour une action confiée à son organisation",
  appointmentsListSummary: "Rendez-vous du dossier",
  appointmentsListDescription:
    "Les notes ne sont renvoyées qu'au conseiller en charge et au responsable de l'agence. Chaque " +
    "consultation est inscrite au journal d'audit.",
  appointmentsCreateSummary: "Enregistrer un rendez-vous (visite, téléphone, visioconférence)",
  appointmentsCreateDescription:
    "Exige If-Match avec l'ETag du dossier ; impossible sur un dossier clôturé. Les notes sont chiffrées.",
  outcomeSummary: "Enregistrer les indicateurs de résultat d'un dossier clôturé",
  outcomeDescription:
    "Maintien dans le logement, accès à un logement, expulsion évitée, dossier de surendettement déposé… " +
    "Seulement pour un dossier clôturé ; exige If-Match avec l'ETag du dossier.",
  qualitySummary: "Mesure de la qualité : résultats, délais et enquête de satisfaction",
  surveyLinkSummary: "Créer le lien à usage unique de l'enquête de satisfaction",
  surveyLinkDescription:
    "Seulement pour un dossier clôturé. Le jeton n'est montré qu'une fois : à transmettre à la personne. Un " +
    "nouveau lien annule le précédent s'il n'a pas servi.",
  surveyReadSummary: "Questionnaire de satisfaction (lien à usage unique, sans compte)",
  surveyAnswerSummary: "Répondre à l'enquête de satisfaction (une seule fois)",
  ifMatchCase: 'ETag du dossier lu (par exemple "3").',
  ifMatchAction: 'ETag de l\'action lue (par exemple "2").',
  surveyQuestion:
    "Êtes-vous satisfait de l'accompagnement que vous a apporté le service d'accompagnement social d'Action Logement ?",
} as const;
