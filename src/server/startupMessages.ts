// What `npm start` prints for people (stdout/stderr, not the structured logs). French, then English.
export const startupMessages = {
  portInUse: (port: number) =>
    `Le port ${port} est déjà utilisé : arrêtez l'autre programme ou choisissez un autre port (variable PORT).\n` +
    `Port ${port} is already in use: stop the other program or set another port with PORT.`,
  portForbidden: (port: number) =>
    `Le port ${port} n'est pas autorisé pour cet utilisateur : choisissez-en un autre (variable PORT).\n` +
    `Port ${port} is not allowed for this user: set another one with PORT.`,
  hostUnavailable: (host: string) =>
    `L'adresse ${host} n'existe pas sur cette machine (variable HOST).\n` +
    `Address ${host} is not available on this machine (HOST).`,
  databaseFailed: (reason: string) =>
    `Démarrage impossible (base de données) / Cannot start (database):\n${reason}`,
  ready: (info: {
    url: string;
    seconds: number;
    demoAccounts: { email: string; role: string }[];
    demoPassword: string;
  }) => {
    const lines = [
      "",
      `Appui est prêt en ${info.seconds.toFixed(1)} s : ${info.url}`,
      `Documentation de l'API : ${info.url}/api/docs`,
    ];
    if (info.demoAccounts.length > 0) {
      lines.push("", `Comptes de démonstration (mot de passe : ${info.demoPassword}) :`);
      for (const account of info.demoAccounts) lines.push(`  ${account.email.padEnd(36)} ${account.role}`);
    }
    lines.push("", "Ctrl-C pour arrêter.", "");
    return lines.join("\n");
  },
} as const;
