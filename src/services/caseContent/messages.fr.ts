// The French texts of the refusals of a case's content: diagnosis, plan, appointments, closure, survey.

export const contentMessages = {
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
  actionStale: {
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
} as const;
