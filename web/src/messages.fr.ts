// Every French text of the web application, in one place.
export const messages = {
  appName: "Appui",
  /** Browser tab titles; index.html repeats the home one so that it shows before the script runs. */
  documentTitle: {
    home: "Appui — Accompagnement et diagnostic social",
    page: (title: string) => `${title} — Appui`,
  },
  skipLink: "Aller au contenu principal",
  header: {
    tagline: "Service d'accompagnement et de diagnostic social",
    navigationLabel: "Navigation principale",
    professionalArea: "Espace professionnel",
    simulator: "Simulateur",
    directives: "Directives",
    request: "Faire une demande",
  },
  home: {
    title: "Accompagnement et diagnostic social",
    lead:
      "Vous avez du mal à payer votre loyer ou votre prêt immobilier, vous traversez une séparation, " +
      "une maladie ou un autre coup dur, ou vous cherchez un logement ? Un conseiller social peut vous " +
      "écouter, faire le point avec vous et vous aider à trouver des solutions.",
    keyFacts: [
      { title: "Gratuit", text: "Le service ne vous coûte rien." },
      {
        title: "Confidentiel vis-à-vis de l'employeur",
        text: "Votre employeur n'est pas informé de votre démarche.",
      },
      {
        title: "Le plus tôt possible",
        text: "Mieux vaut demander de l'aide avant que la situation s'aggrave.",
      },
    ],
    checkEligibility: "Vérifier mon éligibilité",
    makeRequest: "Faire une demande d'accompagnement",
    service: {
      title: "Ce que propose le service",
      steps: [
        {
          title: "Une écoute personnalisée",
          text: "Un premier entretien avec un conseiller social pour comprendre votre situation.",
        },
        {
          title: "Un diagnostic social",
          text: "Un point complet sur votre logement, votre budget, votre famille et votre travail.",
        },
        {
          title: "Un plan d'actions",
          text:
            "Des solutions adaptées, proposées par le conseiller : aides et services d'Action Logement, " +
            "aides d'autres organismes, accompagnement par une association partenaire.",
        },
        {
          title: "Un suivi",
          text: "Le conseiller suit avec vous la mise en œuvre des solutions convenues.",
        },
      ],
    },
    situations: {
      title: "Les situations concernées",
      intro:
        "Le service intervient quand une difficulté menace votre accès au logement ou votre maintien dans le logement, par exemple :",
      items: [
        "impayés de loyer, d'échéances de prêt immobilier ou de charges de copropriété, ou risque d'impayés ;",
        "surendettement ;",
        "accidents de la vie : séparation, violences ou conflits familiaux, décès, maladie, invalidité… ;",
        "précarité énergétique ;",
        "absence de logement ou hébergement chez un tiers.",
      ],
    },
    audience: {
      title: "Qui peut être accompagné ?",
      intro: "Le service s'adresse notamment :",
      items: [
        "aux salariés des entreprises du secteur privé non agricole de 10 salariés et plus, sous conditions liées au contrat de travail ;",
        "aux travailleurs en situation de handicap accueillis en ESAT avec un contrat de soutien et d'aide par le travail ;",
        "à tout salarié, quels que soient le secteur et la taille de son entreprise, touché par une catastrophe naturelle ou technologique reconnue.",
      ],
      territory:
        "Le logement doit se trouver en France métropolitaine, dans un département ou région d'outre-mer, ou à Saint-Martin.",
      decisionTitle: "Aucun droit automatique",
      decision:
        "Ces conditions ne suffisent pas à ouvrir un droit : la décision d'accompagnement revient toujours " +
        "à un conseiller social, après examen de votre situation. La vérification en ligne donne une " +
        "première indication, pas une décision.",
    },
    nextStep: {
      title: "Et maintenant ?",
      text:
        "Répondez à quelques questions pour savoir si votre situation peut relever du service, " +
        "ou demandez directement à être recontacté(e) par un conseiller social.",
    },
  },
  simulator: {
    title: "Vérifier mon éligibilité",
    intro:
      "Répondez à quelques questions : le résultat s'affiche au fur et à mesure, à côté du formulaire " +
      "(en dessous sur un petit écran). " +
      "Seules les questions utiles à votre situation sont posées. Vos réponses restent dans votre " +
      "navigateur : rien n'est envoyé ni enregistré.",
    loading: "Chargement du simulateur…",
    required:
      "Seule la date de la demande est obligatoire ; une réponse manquante rend le résultat incomplet.",
    yes: "Oui",
    no: "Non",
    dontKnow: "Je ne sais pas",
    steps: {
      request: "1. Votre demande",
      work: "2. Votre situation professionnelle",
      events: "3. Événements exceptionnels",
      housing: "4. Votre logement",
      difficulties: "5. Vos difficultés",
    },
    fields: {
      requestDate: {
        label: "Date de la demande",
        description:
          "Au format JJ/MM/AAAA. Elle détermine la directive applicable : celle du 1er juin 2021 jusqu'au 19 novembre 2025, celle du 20 novembre 2025 ensuite.",
      },
      activity: {
        legend: "Quelle est votre situation professionnelle ?",
      },
      sector: {
        legend: "Dans quel secteur est votre employeur ?",
        legendFormer: "Dans quel secteur était votre dernier employeur ?",
        description: "Le service s'adresse aux salariés des entreprises du secteur privé non agricole.",
      },
      headcount: {
        label: "Nombre de salariés de l'entreprise",
        labelFormer: "Nombre de salariés de votre dernière entreprise",
        description: "Le service s'adresse aux entreprises de 10 salariés et plus.",
      },
      contractType: { legend: "Quel est votre contrat de travail ?" },
      contractStart: {
        label: "Date de début du contrat",
        labelMission: "Date de début de la mission",
        description: "Au format JJ/MM/AAAA.",
      },
      contractEnd: {
        label: "Date de fin prévue du contrat",
        labelMission: "Date de fin prévue de la mission",
        description: "Au format JJ/MM/AAAA.",
      },
      tempHours: {
        label: "Heures de mission effectuées sur les 12 derniers mois",
        description:
          "Pour une mission de moins de 3 mois, la directive de 2025 demande un nombre minimal d'heures de mission, fixé par Action Logement Services.",
      },
      esatSigned: {
        legend: "Avez-vous signé un contrat de soutien et d'aide par le travail avec l'ESAT ?",
      },
      activityEndDate: {
        label: "Date de fin de votre dernière activité professionnelle",
        description:
          "Au format JJ/MM/AAAA. La directive de 2021 vise les demandeurs d'emploi dans les 12 mois suivant la fin de leur activité.",
      },
      visaleEvent: {
        legend: "Votre ménage est-il confronté à un événement exceptionnel au sens de la garantie VISALE ?",
        description: "La directive de 2021 ouvre le service à ces ménages, qu'ils soient salariés ou non.",
      },
      visaleEligible: { legend: "Votre ménage est-il éligible à la garantie VISALE ?" },
      disaster: {
        legend: "Votre logement a-t-il été touché par une catastrophe ?",
        description:
          "Une catastrophe naturelle reconnue par arrêté, ou une catastrophe technologique déclarée au Journal officiel.",
        none: "Non",
        natural: "Oui, une catastrophe naturelle (inondation, tempête, cyclone…)",
        technological: "Oui, une catastrophe technologique (accident industriel…)",
      },
      disasterDeclared: {
        legendNatural: "Un arrêté de catastrophe naturelle a-t-il été publié ?",
        legendTechnological:
          "L'état de catastrophe technologique a-t-il été déclaré par arrêté publié au Journal officiel ?",
      },
      dwellings: {
        label: "Nombre de logements rendus inhabitables par l'accident",
        description: "La directive vise les accidents rendant inhabitables plus de 500 logements.",
      },
      postcode: {
        label: "Code postal du logement",
        description:
          "Cinq chiffres. Le logement doit être en France métropolitaine, dans un DROM ou, depuis 2025, à Saint-Martin.",
      },
      occupancy: { legend: "Vous êtes :" },
      situations: {
        legend: "Quelles difficultés rencontrez-vous ?",
        description: "Cochez toutes celles qui vous concernent.",
      },
    },
    dateFormatError: "Date invalide : format attendu JJ/MM/AAAA, avec un jour qui existe.",
    result: {
      title: "Résultat",
      errors: (count: number) =>
        count === 1
          ? "1 réponse est à corriger avant d'afficher un résultat."
          : `${count} réponses sont à corriger avant d'afficher un résultat.`,
      outcome: "Résultat indicatif :",
      directive: "Directive appliquée :",
      inForce: (from: string, until: string | null) =>
        until === null ? `en vigueur depuis le ${from}` : `en vigueur du ${from} au ${until}`,
      reasonsTitle: "Motifs",
      clause: "Article",
      quote: (clause: string) => `Texte de l'article ${clause}`,
      missingTitle: "Informations à compléter",
      missingNone: "Aucune information ne manque.",
      decisionTitle: "Aucun droit automatique",
      decision:
        "Ce résultat n'est qu'une indication. La directive n'ouvre aucun droit automatique : la décision " +
        "d'accompagnement revient à un conseiller social d'Action Logement Services, après examen de votre situation.",
      compare: "Comparer les deux versions de la directive",
      requestTitle: "Être accompagné(e)",
      requestText:
        "Pour qu'un conseiller social examine votre situation, faites une demande : elle est gratuite, et votre employeur n'en est pas informé.",
      request: "Faire une demande d'accompagnement",
    },
  },
  directives: {
    title: "Les deux versions de la directive",
    intro:
      "Le service est défini par deux directives successives. Elles sont présentées ici article par article, " +
      "côte à côte, avec les différences de texte mises en évidence.",
    loading: "Chargement des directives…",
    versionsTitle: "Les deux versions",
    reference: "Référence",
    mode: "Mode d'intervention",
    validatedOn: "Validée le",
    applies: "Application",
    appliesFrom: (from: string) => `à partir du ${from}`,
    appliesRange: (from: string, until: string) => `du ${from} au ${until}`,
    openEntitlement: "Droit ouvert",
    openEntitlementNo: "non",
    envelope: "Enveloppe",
    envelopeYes: "dans la limite de l'enveloppe nationale annuelle",
    envelopeNo: "non mentionnée",
    legendTitle: "Comment lire la comparaison",
    legendRemoved: "Texte supprimé :",
    legendRemovedText: "barré, sur fond rouge, précédé de « supprimé » pour les lecteurs d'écran",
    legendAdded: "Texte ajouté :",
    legendAddedText: "souligné, sur fond vert, précédé de « ajouté » pour les lecteurs d'écran",
    removedMarker: "supprimé : ",
    addedMarker: "ajouté : ",
    clausesTitle: "Article par article",
    change: {
      unchanged: "inchangé",
      changed: "modifié",
      added: "nouveau en 2025",
      removed: "supprimé en 2025",
    },
    absent: "Pas d'article correspondant dans cette version.",
  },
  request: {
    title: "Faire une demande d'accompagnement",
    loading: "Chargement du formulaire…",
  },
  login: {
    title: "Connexion à l'espace professionnel",
    loading: "Chargement de l'espace professionnel…",
  },
  notFound: {
    title: "Page introuvable",
    text: "L'adresse demandée ne correspond à aucune page.",
  },
  backHome: "Retour à l'accueil",
  footer: {
    label: "Liens de pied de page",
    about: "Appui — service d'accompagnement et de diagnostic social.",
    apiDocs: "Documentation de l'API",
  },
} as const;
