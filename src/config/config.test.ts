// Configuration: read once from the environment; every bad variable is named in the message.
import { describe, expect, it } from "vitest";
import { ConfigError, DEMO_DATA_ENCRYPTION_KEY, DEMO_SESSION_SECRET, loadConfig } from "./config.ts";

const SECRETS = {
  SESSION_SECRET: "k".repeat(40),
  DATA_ENCRYPTION_KEY: Buffer.alloc(32, 3).toString("base64"),
};

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env, "/srv/appui");
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error("loadConfig accepted the environment");
}

describe("loadConfig", () => {
  it("starts a demo on this machine with an embedded database under ./data by default", () => {
    const config = loadConfig({}, "/srv/appui");
    expect(config).toMatchObject({
      port: 3000,
      host: "127.0.0.1",
      dataDir: "/srv/appui/data",
      database: { kind: "pglite", dataDir: "/srv/appui/data/pglite" },
      demoMode: true,
      logLevel: "info",
    });
    expect(config.dataEncryptionKey).toHaveLength(32);
  });

  it("switches to PostgreSQL when DATABASE_URL is set, and honours PORT, HOST and DATA_DIR", () => {
    const config = loadConfig(
      {
        DATABASE_URL: "postgres://appui@db:5432/appui",
        PORT: "8080",
        HOST: "::",
        DATA_DIR: "/var/lib/appui",
      },
      "/srv/appui",
    );
    expect(config.database).toEqual({ kind: "postgres", url: "postgres://appui@db:5432/appui" });
    expect(config).toMatchObject({ port: 8080, host: "::", dataDir: "/var/lib/appui" });
  });

  it("treats an empty variable as unset", () => {
    expect(loadConfig({ PORT: "" }, "/srv/appui").port).toBe(3000);
  });

  it("names each invalid variable", () => {
    const problems = problemsOf({ PORT: "trois-mille", LOG_LEVEL: "bavard", NODE_ENV: "staging" });
    expect(problems).toHaveLength(3);
    expect(problems.find((p) => p.startsWith("PORT"))).toMatch(/entier/);
    expect(problems.some((p) => p.startsWith("LOG_LEVEL"))).toBe(true);
    expect(problems.some((p) => p.startsWith("NODE_ENV"))).toBe(true);
    expect(problemsOf({ PORT: "70000" })[0]).toMatch(/^PORT/);
    expect(problemsOf({ DATABASE_URL: "mysql://x" })[0]).toMatch(/^DATABASE_URL/);
  });

  it("refuses production without its secrets, naming both", () => {
    const problems = problemsOf({ NODE_ENV: "production" });
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^SESSION_SECRET.*production/);
    expect(problems[1]).toMatch(/^DATA_ENCRYPTION_KEY.*production/);
  });

  it("refuses the public demo secrets in production", () => {
    const problems = problemsOf({
      NODE_ENV: "production",
      SESSION_SECRET: DEMO_SESSION_SECRET,
      DATA_ENCRYPTION_KEY: DEMO_DATA_ENCRYPTION_KEY,
    });
    expect(problems).toHaveLength(2);
    expect(problems.every((p) => /démonstration/.test(p))).toBe(true);
  });

  it("refuses a weak session secret and an encryption key that is not 32 bytes", () => {
    const problems = problemsOf({
      NODE_ENV: "production",
      SESSION_SECRET: "short",
      DATA_ENCRYPTION_KEY: Buffer.alloc(16).toString("base64"),
    });
    expect(problems.map((p) => p.split(" ")[0])).toEqual(["SESSION_SECRET", "DATA_ENCRYPTION_KEY"]);
  });

  it("starts production with its secrets, listening on every interface, without demo data", () => {
    const config = loadConfig({ NODE_ENV: "production", ...SECRETS }, "/srv/appui");
    expect(config).toMatchObject({ demoMode: false, host: "0.0.0.0", sessionSecret: SECRETS.SESSION_SECRET });
    expect(config.dataEncryptionKey.equals(Buffer.alloc(32, 3))).toBe(true);
  });

  it("shows all problems in one message, without a stack trace's worth of noise", () => {
    try {
      loadConfig({ PORT: "x", NODE_ENV: "production" });
      expect.unreachable();
    } catch (error) {
      expect((error as Error).message.split("\n")).toHaveLength(4);
    }
  });
});
