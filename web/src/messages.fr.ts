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
      text: "Répondez à quelques questions pour savoir si votre situation peut relever du service.",
    },
  },
  upcoming: {
    simulator: "Vérifier mon éligibilité",
    login: "Espace professionnel",
    text: "Cette page sera bientôt disponible.",
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
