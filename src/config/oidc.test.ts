import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.ts";

const COMPLETE = {
  OIDC_ISSUER: "https://annuaire.example/realms/al",
  OIDC_CLIENT_ID: "appui",
  OIDC_CLIENT_SECRET: "secret",
  OIDC_GROUP_ROLES: "asd-admins=admin; asd-paris=counsellor@Agence de Paris",
};

function problemsOf(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  return "";
}

describe("single sign-on settings", () => {
  it("are off by default", () => {
    expect(loadConfig({}).oidc).toBeUndefined();
  });

  it("map groups to roles in order, with the organisation of agency and partner roles", () => {
    const oidc = loadConfig(COMPLETE).oidc;
    expect(oidc?.issuer.href).toBe("https://annuaire.example/realms/al");
    expect(oidc?.groupsClaim).toBe("groups");
    expect(oidc?.groupRoles).toEqual([
      { group: "asd-admins", role: "admin", organisationName: null },
      { group: "asd-paris", role: "counsellor", organisationName: "Agence de Paris" },
    ]);
  });

  it("refuse an incomplete setting, an unknown role, and a role without its organisation", () => {
    expect(problemsOf({ OIDC_ISSUER: COMPLETE.OIDC_ISSUER })).toContain("OIDC_CLIENT_SECRET");
    expect(problemsOf({ ...COMPLETE, OIDC_GROUP_ROLES: "g=chef" })).toContain("« g=chef » invalide");
    expect(problemsOf({ ...COMPLETE, OIDC_GROUP_ROLES: "g=counsellor" })).toContain("OIDC_GROUP_ROLES");
    expect(problemsOf({ ...COMPLETE, OIDC_GROUP_ROLES: "g=admin@Agence de Paris" })).toContain(
      "OIDC_GROUP_ROLES",
    );
  });

  it("require https in production", () => {
    const production = {
      NODE_ENV: "production",
      SESSION_SECRET: "s".repeat(40),
      DATA_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64"),
    };
    expect(problemsOf({ ...production, ...COMPLETE, OIDC_ISSUER: "http://annuaire.example" })).toContain(
      "https:// obligatoire en production",
    );
    expect(loadConfig({ ...production, ...COMPLETE }).oidc?.clientId).toBe("appui");
  });
});
