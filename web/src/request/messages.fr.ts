// Every French text of the public request form, with the information notice the person consents to.
// Loaded with the form only, so that the notice does not weigh on the other pages.

/** Recorded with each request: which text of the notice the person read. Change it with the text. */
export const NOTICE_VERSION = "2025-11-v1";

export const requestMessages = {
  intro:
    "Décrivez votre situation en quelques mots et dites-nous comment vous joindre : un conseiller social " +
    "de l'agence de votre région vous recontacte. La demande est gratuite et votre employeur n'en est pas informé.",
  simulatorHint: "Vous ne savez pas si le service peut vous aider ?",
  simulatorLink: "Vérifiez d'abord votre éligibilité",
  requiredHint: "Les champs marqués d'un astérisque (*) sont obligatoires.",
  sections: {
    identity: "Vous",
    contact: "Comment vous joindre",
    situation: "Votre situation",
    consent: "Vos données personnelles",
  },
  fields: {
    firstName: "Prénom",
    lastName: "Nom",
    birthDate: { label: "Date de naissance (facultatif)", description: "Au format JJ/MM/AAAA." },
    postcode: {
      label: "Code postal de votre logement",
      description: "Cinq chiffres : il désigne l'agence qui examinera votre demande.",
    },
    email: {
      label: "Adresse électronique",
      description: "Une adresse électronique ou un numéro de téléphone.",
    },
    phone: {
      label: "Numéro de téléphone",
      description: "Une adresse électronique ou un numéro de téléphone.",
    },
    preferredChannel: {
      legend: "Comment préférez-vous être contacté(e) ? (facultatif)",
      phone: "Par téléphone",
      email: "Par courriel",
      visit: "Par un rendez-vous à l'agence",
    },
    preferredTimes: {
      label: "Quand préférez-vous être contacté(e) ? (facultatif)",
      description: "Par exemple : en semaine après 17 h, le mercredi matin.",
    },
    situationSummary: {
      label: "Votre situation, en quelques mots",
      description:
        "Ce qui vous arrive et ce dont vous avez besoin (impayés de loyer, séparation, recherche de logement…). " +
        "Inutile de donner des détails médicaux : le conseiller vous posera les questions utiles.",
    },
    consent:
      "J'ai lu la notice d'information ci-dessus et j'accepte que mes données soient traitées pour examiner ma demande et, le cas échéant, m'accompagner.",
  },
  errors: {
    required: "Ce champ est obligatoire.",
    contactRequired: "Indiquez une adresse électronique ou un numéro de téléphone.",
    birthDate: "Date invalide : format attendu JJ/MM/AAAA, avec un jour qui existe.",
    postcode: "Le code postal comporte cinq chiffres.",
    consent: "Votre accord est nécessaire pour que nous puissions traiter votre demande.",
    summaryTitle: (count: number) =>
      count === 1 ? "1 champ est à corriger :" : `${count} champs sont à corriger :`,
    tooMany: "Trop de demandes envoyées depuis votre connexion : patientez une minute puis réessayez.",
    network:
      "Le serveur ne répond pas : vérifiez votre connexion puis réessayez. Votre saisie est conservée.",
    failed: "La demande n'a pas pu être enregistrée. Réessayez dans quelques instants.",
  },
  submit: "Envoyer ma demande",
  notice: {
    title: "Notice d'information sur vos données",
    items: [
      {
        title: "Qui traite vos données",
        text: "Action Logement Services, pour son service d'accompagnement et de diagnostic social.",
      },
      {
        title: "Ce que nous recueillons",
        text:
          "Ce formulaire : vos nom et prénom, éventuellement votre date de naissance, vos coordonnées, le code postal de " +
          "votre logement et ce que vous dites de votre situation. Si vous êtes accompagné(e), le conseiller recueille " +
          "ensuite, avec vous, des informations sur votre ménage, vos ressources et charges, vos dettes, votre logement, " +
          "votre emploi et, seulement si vous choisissez de les confier, votre santé ou des violences subies.",
      },
      {
        title: "Pourquoi",
        text:
          "Pour examiner votre demande, vous recontacter, et si vous êtes accompagné(e), établir le diagnostic social, " +
          "le plan d'actions et son suivi ; et mesurer la qualité du service par des statistiques sans nom.",
      },
      {
        title: "Sur quelle base",
        text:
          "Votre consentement, donné en cochant la case ci-dessous (articles 6.1.a et 9.2.a du règlement général sur la " +
          "protection des données). Vous pouvez le retirer à tout moment auprès de votre agence ; le retrait ne remet pas " +
          "en cause ce qui a été fait auparavant.",
      },
      {
        title: "Combien de temps",
        text:
          "Pendant l'examen de votre demande et l'accompagnement, puis 5 ans après la clôture du dossier ; vos données " +
          "sont ensuite anonymisées.",
      },
      {
        title: "Qui y a accès",
        text:
          "Le conseiller social en charge de votre dossier et son responsable, dans l'agence de votre région ; avec votre " +
          "accord, l'association partenaire à qui votre dossier est adressé, pour ce qui la concerne. Chaque consultation " +
          "est tracée.",
      },
      {
        title: "Votre employeur n'en sait rien",
        text:
          "Votre employeur n'est informé ni de votre demande, ni de son examen, ni de l'accompagnement : aucune " +
          "information sur votre situation ne lui est communiquée.",
      },
      {
        title: "Gratuit",
        text: "Le service est gratuit : aucune somme ne peut vous être demandée.",
      },
      {
        title: "Vos droits",
        text:
          "Vous pouvez accéder à vos données, les faire rectifier ou effacer, vous opposer à leur traitement ou en " +
          "demander la limitation, en écrivant à votre agence ou au délégué à la protection des données d'Action " +
          "Logement Services. En cas de difficulté, vous pouvez adresser une réclamation à la CNIL (www.cnil.fr).",
      },
    ],
  },
  sent: {
    title: "Votre demande est enregistrée",
    reference: "Votre référence :",
    keep: "Notez-la : elle vous sera demandée si vous contactez l'agence.",
    next:
      "Un conseiller social de l'agence de votre région vous recontactera par le moyen que vous avez indiqué. " +
      "La décision d'accompagnement lui revient, après examen de votre situation.",
    receivedOn: (date: string) => `Demande reçue le ${date}.`,
  },
} as const;
