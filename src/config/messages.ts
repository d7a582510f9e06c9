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
  shortSessionSecret:
    "SESSION_SECRET : au moins 32 caractères (openssl rand -base64 48) / at least 32 characters (openssl rand -base64 48)",
} as const;
