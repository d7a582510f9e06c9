// French texts of the single sign-on routes (OpenAPI summaries). The refusals' texts are the services'
// (src/services/auth/messages.fr.ts).
export const oidcRouteMessages = {
  startSummary: "Connexion par l'annuaire de l'entreprise (OpenID Connect) : redirige vers le fournisseur",
  callbackSummary: "Retour du fournisseur d'identité : ouvre la session et redirige vers l'application",
} as const;
