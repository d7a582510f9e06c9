// What the data layer tells an operator, in French: refusals at start (schema, migrations, data directory,
// demo accounts in production).

export const databaseMessages = {
  schemaNewerThanCode: (unknownTags: readonly string[]) =>
    `La base de données a un schéma plus récent que ce code (migrations inconnues : ${unknownTags.join(", ")}). ` +
    "Mettez Appui à jour ; les migrations ne reviennent jamais en arrière.",
  migrationChanged: (tag: string) =>
    `La migration ${tag} a été modifiée après avoir été appliquée ; créez une nouvelle migration.`,
  dataDirectoryInUse: (dataDir: string, pid: number) =>
    `La base embarquée ${dataDir} est déjà ouverte par le processus ${pid} : arrêtez-le, ou choisissez un autre DATA_DIR.`,
  demoAccountsInProduction: (count: number) =>
    `Refus de démarrer en production : ${count} compte(s) de démonstration existent dans la base. ` +
    "Supprimez-les ou utilisez une base dédiée à la production.",
} as const;
