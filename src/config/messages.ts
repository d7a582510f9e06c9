// Messages shown to whoever starts Appui with a bad environment. French first, English after, because
// operators of a French service may not read English and contributors may not read French.
export const configMessages = {
  header: "Configuration invalide / Invalid configuration:",
  invalidValue: (variable: string, expected: string) =>
    `${variable} : valeur invalide / invalid value ; attendu / expected: ${expected}`,
  requiredInProduction: (variable: string) =>
    `${variable} : obligatoire quand NODE_ENV=production / required when NODE_ENV=production`,
  demoValueInProduction: (variable: string) =>
    `${variable} : la valeur de démonstration est interdite en production / the demo value is forbidden in production`,
  badDatabaseUrl:
    "DATABASE_URL : doit commencer par postgres:// ou postgresql:// / must start with postgres:// or postgresql://",
  badEncryptionKey:
    "DATA_ENCRYPTION_KEY : 32 octets encodés en base64 attendus (openssl rand -base64 32) / expected 32 bytes in base64 (openssl rand -base64 32)",
  badPreviousEncryptionKeys:
    "DATA_ENCRYPTION_KEYS_PREVIOUS : clés séparées par des virgules, chacune de 32 octets encodés en base64 / comma-separated keys, each 32 bytes in base64",
  /** What a variable expects (NODE_ENV and LOG_LEVEL list their values). */
  expected: {
    PORT: "un entier de 0 à 65535 / an integer from 0 to 65535",
    HOST: "une adresse ou un nom d'hôte / an address or host name",
    DATA_DIR: "un chemin de dossier / a directory path",
    DATABASE_URL: "postgres://…",
    SESSION_SECRET: "une chaîne / a string",
    DATA_ENCRYPTION_KEY: "une chaîne base64 / a base64 string",
    DATA_ENCRYPTION_KEYS_PREVIOUS:
      "des chaînes base64 séparées par des virgules / comma-separated base64 strings",
    RETENTION_YEARS: "un nombre d'années de 1 à 30 / a number of years from 1 to 30",
  },
  shortSessionSecret:
    "SESSION_SECRET : au moins 32 caractères (openssl rand -base64 48) / at least 32 characters (openssl rand -base64 48)",
} as const;
