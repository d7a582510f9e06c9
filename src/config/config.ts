// Reads and validates the environment once, at start. Pure: takes the environment and the working directory
// as arguments so tests can call it, and never touches the file system.
import { isAbsolute, resolve } from "node:path";
import Type, { type Static } from "typebox";
import Value from "typebox/value";
import { configMessages } from "./messages.ts";
import { type OidcConfig, readOidcConfig } from "./oidc.ts";

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
const NODE_ENVS = ["development", "test", "production"] as const;

const EnvSchema = Type.Object({
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 3000 }),
  HOST: Type.Optional(Type.String({ minLength: 1 })),
  DATA_DIR: Type.String({ minLength: 1, default: "./data" }),
  DATABASE_URL: Type.Optional(Type.String({ minLength: 1 })),
  NODE_ENV: Type.Union(
    NODE_ENVS.map((value) => Type.Literal(value)),
    { default: "development" },
  ),
  LOG_LEVEL: Type.Union(
    LOG_LEVELS.map((value) => Type.Literal(value)),
    { default: "info" },
  ),
  SESSION_SECRET: Type.Optional(Type.String()),
  DATA_ENCRYPTION_KEY: Type.Optional(Type.String()),
  DATA_ENCRYPTION_KEYS_PREVIOUS: Type.Optional(Type.String()),
  RETENTION_YEARS: Type.Integer({ minimum: 1, maximum: 30, default: 5 }),
});

/** What each variable expects, as the refusal says it. */
const EXPECTED: Record<keyof Static<typeof EnvSchema>, string> = {
  ...configMessages.expected,
  NODE_ENV: NODE_ENVS.join(" | "),
  LOG_LEVEL: LOG_LEVELS.join(" | "),
};

/**
 * Demo-only values, public on purpose: demo data is fictitious and must survive restarts, so the key must be
 * stable. Production refuses them (see loadConfig), so they can never protect real data.
 */
export const DEMO_SESSION_SECRET = "appui-demo-session-secret-not-for-production-use";
export const DEMO_DATA_ENCRYPTION_KEY = Buffer.alloc(32, "appui-demo-key").toString("base64");

export type LogLevel = (typeof LOG_LEVELS)[number];
export type DatabaseConfig = { kind: "pglite"; dataDir: string } | { kind: "postgres"; url: string };

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  database: DatabaseConfig;
  nodeEnv: (typeof NODE_ENVS)[number];
  /** Demo mode: every mode but production. Seeds demo data and allows demo secrets. */
  demoMode: boolean;
  logLevel: LogLevel;
  sessionSecret: string;
  /** 32-byte key for application-level encryption of sensitive fields (AES-256-GCM). */
  dataEncryptionKey: Buffer;
  /**
   * Keys that decrypt: the current one first, then the previous ones (DATA_ENCRYPTION_KEYS_PREVIOUS), so that
   * values sealed before a rotation still open. Each value names the id of its key.
   */
  dataDecryptionKeys: readonly Buffer[];
  /** Years after closure after which a case's personal data is anonymised (src/services/privacy/retention.ts). */
  retentionYears: number;
  /** Single sign-on through OpenID Connect; undefined when off (the default). */
  oidc: OidcConfig | undefined;
}

/** One problem per variable, each message naming the variable. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super([configMessages.header, ...problems.map((problem) => `  - ${problem}`)].join("\n"));
    this.name = "ConfigError";
  }
}

type Env = Record<string, string | undefined>;

export function loadConfig(env: Env, cwd: string = process.cwd()): Config {
  const raw: Record<string, string> = {};
  for (const key of Object.keys(EnvSchema.properties)) {
    const value = env[key];
    // An empty variable (`PORT=`) means "not set", as in most twelve-factor tools.
    if (value !== undefined && value !== "") raw[key] = value;
  }
  const converted = Value.Convert(EnvSchema, Value.Default(EnvSchema, raw));
  const problems: string[] = [];
  const schemaValid = Value.Check(EnvSchema, converted);
  if (!schemaValid) {
    const seen = new Set<string>();
    for (const error of Value.Errors(EnvSchema, converted)) {
      const variable = error.instancePath.split("/")[1] as keyof typeof EXPECTED | undefined;
      if (variable === undefined || seen.has(variable)) continue;
      seen.add(variable);
      problems.push(configMessages.invalidValue(variable, EXPECTED[variable]));
    }
  }
  // Checked even when another variable is wrong, so that one run lists every problem.
  const production = raw.NODE_ENV === "production";
  if (raw.DATABASE_URL !== undefined && !/^postgres(ql)?:\/\//.test(raw.DATABASE_URL)) {
    problems.push(configMessages.badDatabaseUrl);
  }
  const sessionSecret = secret("SESSION_SECRET", raw.SESSION_SECRET, DEMO_SESSION_SECRET);
  if (sessionSecret !== undefined && sessionSecret.length < 32)
    problems.push(configMessages.shortSessionSecret);
  const keyText = secret("DATA_ENCRYPTION_KEY", raw.DATA_ENCRYPTION_KEY, DEMO_DATA_ENCRYPTION_KEY);
  const dataEncryptionKey = keyText === undefined ? undefined : decodeKey(keyText);
  if (keyText !== undefined && dataEncryptionKey === undefined)
    problems.push(configMessages.badEncryptionKey);
  const previousKeys = (raw.DATA_ENCRYPTION_KEYS_PREVIOUS ?? "")
    .split(",")
    .map((text) => text.trim())
    .filter((text) => text !== "")
    .map(decodeKey);
  if (previousKeys.includes(undefined)) problems.push(configMessages.badPreviousEncryptionKeys);

  const oidc = readOidcConfig(env, production, problems);

  if (!schemaValid || problems.length > 0 || sessionSecret === undefined || dataEncryptionKey === undefined) {
    throw new ConfigError(problems);
  }
  const values = converted as Static<typeof EnvSchema>;
  const dataDir = isAbsolute(values.DATA_DIR) ? values.DATA_DIR : resolve(cwd, values.DATA_DIR);
  return {
    port: values.PORT,
    // Demo accounts have a public password: a demo listens on this machine only unless HOST says otherwise.
    // Production usually runs behind a proxy or in a container, where loopback would be unreachable.
    host: values.HOST ?? (production ? "0.0.0.0" : "127.0.0.1"),
    dataDir,
    database:
      values.DATABASE_URL === undefined
        ? { kind: "pglite", dataDir: resolve(dataDir, "pglite") }
        : { kind: "postgres", url: values.DATABASE_URL },
    nodeEnv: values.NODE_ENV,
    demoMode: !production,
    logLevel: values.LOG_LEVEL,
    sessionSecret,
    dataEncryptionKey,
    dataDecryptionKeys: [dataEncryptionKey, ...(previousKeys as Buffer[])],
    retentionYears: values.RETENTION_YEARS,
    oidc,
  };

  function secret(variable: string, value: string | undefined, demoValue: string): string | undefined {
    if (!production) return value ?? demoValue;
    if (value === undefined) problems.push(configMessages.requiredInProduction(variable));
    else if (value === demoValue) problems.push(configMessages.demoValueInProduction(variable));
    else return value;
    return undefined;
  }
}

function decodeKey(text: string): Buffer | undefined {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text)) return undefined;
  const key = Buffer.from(text, "base64");
  return key.length === 32 ? key : undefined;
}
