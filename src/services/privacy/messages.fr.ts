// The French texts of the GDPR use cases' refusals (the routes' summaries stay in the route folder).

export const privacyMessages = {
  justificationRequired: {
    title: "Justification requise",
    detail: (minutes: number) =>
      "Un auditeur ne peut consulter le contenu d'un dossier qu'après avoir enregistré une justification " +
      "écrite : POST /api/v1/cases/{id}/access-justifications. L'accès dure " +
      `${minutes} minutes.`,
  },
  contactRequired: "Gardez une adresse électronique ou un numéro de téléphone pour joindre la personne.",
  unknownPostcode: "Ce code postal n'existe pas dans la liste officielle des codes postaux.",
  alreadyErased: {
    title: "Données déjà effacées",
    detail: "Les données personnelles de ce dossier ont déjà été effacées : il n'y a plus rien à rectifier.",
  },
  erasureRefused: { title: "Effacement impossible" },
  erasureRefusals: {
    case_in_progress:
      "Le dossier est en cours : l'effacement n'est possible que pour un dossier clôturé ou une demande " +
      "jamais évaluée. Clôturez d'abord le dossier.",
    aid_in_progress:
      "Une aide de l'enveloppe est en cours sur ce dossier (proposée, accordée et non versée, ou prêt en " +
      "remboursement) : ses données comptables doivent être conservées (RGPD art. 17.3.b).",
    already_erased: "Les données personnelles de ce dossier ont déjà été effacées.",
  },
} as const;
