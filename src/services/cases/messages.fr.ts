// The French texts of the case use cases' refusals.

export const caseMessages = {
  notFound: { title: "Dossier introuvable", detail: "Aucun dossier ne correspond à cette adresse." },
  notAssigned: {
    title: "Dossier suivi par un autre conseiller",
    detail: "Seul le conseiller en charge du dossier, ou le responsable de l'agence, peut le faire avancer.",
  },
  stale: {
    title: "Dossier modifié entre-temps",
    detail:
      "Le dossier a été modifié depuis que vous l'avez ouvert : rechargez-le, vérifiez, puis recommencez.",
  },
  refused: { title: "Action impossible à cette étape" },
  invalidStep: { title: "Informations de l'étape invalides" },
  contactRequired: "Indiquez une adresse électronique ou un numéro de téléphone.",
  unknownPostcode: "Ce code postal n'existe pas dans la liste officielle des codes postaux.",
  noAgency: {
    title: "Aucune agence",
    detail: "Aucune agence n'est ouverte pour recevoir la demande ; réessayez plus tard.",
  },
  requestDateMismatch: (requestedOn: string) =>
    `La situation est évaluée à la date de la demande du dossier (${requestedOn}) : laissez requestDate vide ou indiquez cette date.`,
  futureDate: "Cette date est dans le futur.",
  notACounsellor: "Cette personne n'est pas un conseiller ou un responsable de cette agence.",
  notAPartner: "Cet organisme n'est pas un organisme partenaire.",
  alreadyReferred: {
    title: "Dossier déjà adressé",
    detail: "Ce dossier est déjà adressé à cet organisme partenaire.",
  },
  invalidCursor: "Curseur invalide : reprenez la liste depuis le début.",
  unknownField: "Ce champ n'est pas attendu.",
  required: "Ce champ est obligatoire.",
  invalidDate: "Date invalide : format attendu AAAA-MM-JJ, avec un jour qui existe.",
  notAnObject: "Un objet JSON est attendu.",
} as const;
