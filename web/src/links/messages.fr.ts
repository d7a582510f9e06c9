// What the person reads on the two one-time link pages (engagement acceptance, satisfaction survey), loaded
// with their chunk; the titles the shell shows at once are in pageTitles.fr.ts.
export const linkMessages = {
  problems: {
    notFound:
      "Ce lien n'existe pas. Vérifiez l'adresse reçue, ou demandez un nouveau lien à votre conseiller.",
    engagementUsed:
      "Ce lien a déjà été utilisé : l'engagement a déjà été accepté, et le lien ne sert qu'une fois.",
    engagementExpired: "Ce lien a expiré ou a été remplacé : demandez-en un nouveau à votre conseiller.",
    engagementNotSignable:
      "L'engagement ne peut plus être accepté en ligne à cette étape du dossier : contactez votre conseiller.",
    surveyClosed: "Ce questionnaire a déjà été utilisé ou a expiré : il ne peut servir qu'une fois.",
    network: "Le service ne répond pas. Vérifiez votre connexion puis réessayez.",
    other: "Une erreur est survenue. Réessayez dans quelques instants.",
  },
  engagement: {
    reference: "Dossier",
    agency: "Agence",
    counsellor: "Votre conseiller",
    person: "Bénéficiaire",
    basis: "Cadre de l'accompagnement",
    alsHeading: "Action Logement s'engage à",
    beneficiaryHeading: "Vous vous engagez à",
    planHeading: "Le plan d'actions",
    dueOn: (day: string) => `Échéance : ${day}`,
    noActions: "Aucune action n'est encore inscrite au plan.",
    pdf: "Lire l'engagement complet (PDF)",
    expiresAt: (day: string) => `Ce lien est valable jusqu'au ${day} et ne sert qu'une fois.`,
    accept: "J'accepte l'engagement réciproque",
    accepting: "Enregistrement…",
    acceptedTitle: "Engagement accepté",
    accepted: (day: string) =>
      `Merci : votre acceptation est enregistrée le ${day}. Votre conseiller en est informé.`,
  },
  survey: {
    intro: (agency: string) =>
      `Quelques secondes pour nous dire comment s'est passé votre accompagnement par ${agency}.`,
    ratingRequired: "Choisissez une note de 1 à 5.",
    comment: "Commentaire (facultatif)",
    commentHint: "N'y indiquez pas d'informations sur votre santé ni sur d'autres personnes.",
    submit: "Envoyer mon avis",
    sending: "Envoi…",
    thanksTitle: "Merci",
    thanks: "Votre avis est enregistré. Il nous aide à améliorer le service.",
  },
} as const;
