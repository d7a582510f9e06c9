// Every French text of the staff workspace (sign-in, caseload, case page). Kept apart from the public
// pages' messages so that it loads with the workspace and not with the home page.
export const workspaceMessages = {
  loading: "Chargement de l'espace professionnel…",
  unavailable: "Le service ne répond pas. Réessayez dans quelques instants.",
  networkFailure: "Le serveur ne répond pas : vérifiez votre connexion puis réessayez.",
  signingIn: "Redirection vers la page de connexion…",
  account: {
    label: "Compte",
    signedInAs: (name: string, organisation: string | null) =>
      organisation === null ? `Connecté(e) : ${name}` : `Connecté(e) : ${name} — ${organisation}`,
    signOut: "Se déconnecter",
    signOutFailed: "La déconnexion a échoué ; réessayez.",
  },
  login: {
    intro: "Réservé aux professionnels du service. Connectez-vous avec votre compte.",
    formLabel: "Connexion",
    email: "Adresse électronique",
    password: "Mot de passe",
    submit: "Se connecter",
    submitting: "Connexion en cours…",
    required: "Ce champ est obligatoire.",
    secondFactorTitle: "Vérification en deux étapes",
    secondFactorIntro:
      "Votre compte est protégé par un second facteur. Saisissez le code à 6 chiffres affiché par votre application d'authentification.",
    totpCode: "Code de vérification (6 chiffres)",
    totpFormat: "Le code comporte exactement 6 chiffres.",
    recoveryCode: "Code de secours",
    useRecoveryCode: "Utiliser plutôt un code de secours",
    useTotpCode: "Utiliser plutôt le code de l'application",
    verify: "Valider le code",
    invalidCredentials: "Adresse électronique ou mot de passe incorrect.",
    invalidCode: "Ce code est incorrect, expiré ou déjà utilisé.",
    locked: (minutes: number | null) =>
      minutes === null
        ? "Trop de tentatives de connexion : le compte est bloqué quelques minutes. Réessayez plus tard."
        : `Trop de tentatives de connexion : le compte est bloqué. Réessayez dans ${minutes} minute${minutes > 1 ? "s" : ""}.`,
    tooManyRequests: "Trop de demandes de connexion en peu de temps : patientez une minute puis réessayez.",
    alreadySignedIn: (name: string) => `Vous êtes déjà connecté(e) en tant que ${name}.`,
    goToWorkspace: "Aller à mon espace",
    enrolmentRequired:
      "Votre rôle exige un second facteur d'authentification. Activez-le avant de continuer : demandez la procédure à votre administrateur.",
  },
} as const;
