// Every French text of the routes of a case's content: OpenAPI summaries and descriptions, and the
// problems they answer.

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

export const contentProblemMessages = {
  diagnosisNotFound: {
    title: "Diagnostic non enregistré",
    detail: "Aucun diagnostic social n'a encore été enregistré pour ce dossier.",
  },
  diagnosisNotOpen: {
    title: "Diagnostic impossible à cette étape",
    detail: (status: string) =>
      `Le diagnostic social s'enregistre une fois commencé, jusqu'au suivi ; le dossier est à l'étape « ${status} ».`,
  },
  planNotOpen: {
    title: "Plan d'actions impossible à cette étape",
    detail: (status: string) =>
      `Les actions du plan s'ajoutent une fois le diagnostic commencé, jusqu'au suivi ; le dossier est à l'étape « ${status} ».`,
  },
  caseClosed: {
    title: "Dossier clôturé",
    detail: "Le dossier est clôturé : plus aucun rendez-vous ni aucune action ne peut y être ajouté.",
  },
  caseNotClosed: {
    title: "Dossier non clôturé",
    detail: "Les indicateurs de résultat et l'enquête de satisfaction viennent après la clôture du dossier.",
  },
  actionNotFound: {
    title: "Action introuvable",
    detail: "Aucune action du plan ne correspond à cette adresse.",
  },
  actionConflict: { title: "Action impossible" },
  actionPreconditionFailed: {
    title: "L'action a changé",
    detail: "L'action a été modifiée depuis votre lecture : rechargez-la avant de la modifier.",
  },
  notAPartner: "Cet organisme n'est pas un organisme partenaire.",
  partnerNotReferred: {
    title: "Dossier non adressé à ce partenaire",
    detail: "Adressez d'abord le dossier à cet organisme partenaire, puis confiez-lui l'action.",
  },
  unknownCatalogueItem: "Ce produit ou service n'existe pas dans le catalogue.",
  appointmentBeforeRequest: "Le rendez-vous ne peut pas précéder la date de la demande.",
  surveyAlreadyAnswered: {
    title: "Enquête déjà remplie",
    detail: "La personne a déjà répondu à l'enquête de satisfaction de ce dossier.",
  },
  surveyNotFound: {
    title: "Enquête introuvable",
    detail: "Ce lien d'enquête n'existe pas. Vérifiez l'adresse reçue.",
  },
  surveyClosed: {
    title: "Enquête close",
    detail: "Ce lien a déjà servi, a expiré ou a été remplacé. Merci pour votre participation.",
  },
  invalidTitle: "Le contenu envoyé est invalide.",
} as const;
