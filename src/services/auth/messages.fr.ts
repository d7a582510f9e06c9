// The French texts of the refusals of sign-in, the second factor and single sign-on.

export const authRefusalMessages = {
  invalid_credentials: {
    title: "Identifiants incorrects",
    detail: "Identifiants incorrects.",
  },
  mfa_required: {
    title: "Code de vérification requis",
    detail: "Saisissez le code à 6 chiffres de votre application d'authentification, ou un code de secours.",
  },
  invalid_mfa_code: {
    title: "Code de vérification incorrect",
    detail: "Ce code est incorrect, expiré ou déjà utilisé.",
  },
  mfa_already_enabled: {
    title: "Second facteur déjà actif",
    detail: "Un second facteur est déjà actif sur ce compte ; un administrateur peut le réinitialiser.",
  },
  mfa_not_enabled: {
    title: "Second facteur inactif",
    detail: "Activez d'abord le second facteur : les codes de secours l'accompagnent.",
  },
  mfa_setup_missing: {
    title: "Activation non commencée",
    detail: "Commencez par demander un secret (POST /api/v1/auth/totp/setup).",
  },
  sso_failed: {
    title: "Connexion par l'annuaire impossible",
    detail: "La réponse de l'annuaire est invalide ou a expiré ; recommencez la connexion.",
  },
  sso_no_role: {
    title: "Aucun rôle dans Appui",
    detail: "Votre compte de l'annuaire n'appartient à aucun groupe donnant accès à Appui.",
  },
  sso_refused: {
    title: "Connexion refusée",
    detail: "Ce compte ne peut pas se connecter à Appui ; adressez-vous à un administrateur.",
  },
} as const;
