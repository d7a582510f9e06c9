// Single sign-on settings (OpenID Connect), read from the environment: off unless OIDC_ISSUER is set, and
// then complete or refused. OIDC_GROUP_ROLES maps directory groups to roles, first match wins:
//   OIDC_GROUP_ROLES="asd-admins=admin;asd-conseillers-paris=counsellor@Agence de Paris"
// Agency and partner roles name their organisation after "@"; national roles take none.
import { isNationalRole, ROLES, type Role } from "../core/access/index.ts";

export interface GroupRole {
  group: string;
  role: Role;
  /** Exact name of the organisation, for agency and partner roles. */
  organisationName: string | null;
}

export interface OidcConfig {
  issuer: URL;
  clientId: string;
  clientSecret: string;
  groupRoles: GroupRole[];
  /** Claim of the ID token or userinfo holding the user's groups. */
  groupsClaim: string;
}

type Env = Record<string, string | undefined>;

export const OIDC_VARIABLES = [
  "OIDC_ISSUER",
  "OIDC_CLIENT_ID",
  "OIDC_CLIENT_SECRET",
  "OIDC_GROUP_ROLES",
] as const;

/** The settings, undefined when single sign-on is off; pushes one message per problem. */
export function readOidcConfig(env: Env, production: boolean, problems: string[]): OidcConfig | undefined {
  const value = (name: string) => (env[name] === undefined || env[name] === "" ? undefined : env[name]);
  const issuerText = value("OIDC_ISSUER");
  if (issuerText === undefined) return undefined;
  const missing = OIDC_VARIABLES.filter((name) => value(name) === undefined);
  for (const name of missing)
    problems.push(`${name} : obligatoire avec OIDC_ISSUER / required with OIDC_ISSUER`);
  let issuer: URL | undefined;
  try {
    issuer = new URL(issuerText);
  } catch {
    problems.push("OIDC_ISSUER : une URL est attendue / a URL is expected");
  }
  if (issuer !== undefined && production && issuer.protocol !== "https:") {
    problems.push("OIDC_ISSUER : https:// obligatoire en production / https:// required in production");
  }
  const groupRoles = parseGroupRoles(value("OIDC_GROUP_ROLES") ?? "", problems);
  if (missing.length > 0 || issuer === undefined || groupRoles === undefined) return undefined;
  return {
    issuer,
    clientId: value("OIDC_CLIENT_ID") as string,
    clientSecret: value("OIDC_CLIENT_SECRET") as string,
    groupRoles,
    groupsClaim: value("OIDC_GROUPS_CLAIM") ?? "groups",
  };
}

function parseGroupRoles(text: string, problems: string[]): GroupRole[] | undefined {
  const entries: GroupRole[] = [];
  let valid = true;
  for (const entry of text
    .split(";")
    .map((part) => part.trim())
    .filter((part) => part !== "")) {
    const match = /^([^=]+)=([a-z_]+)(?:@(.+))?$/.exec(entry);
    const role = match?.[2] as Role | undefined;
    const national = role !== undefined && isNationalRole(role);
    const organisationName = match?.[3]?.trim() ?? null;
    if (
      match === null ||
      role === undefined ||
      !(ROLES as readonly string[]).includes(role) ||
      national !== (organisationName === null)
    ) {
      problems.push(
        `OIDC_GROUP_ROLES : « ${entry} » invalide ; attendu groupe=rôle (rôles nationaux) ou groupe=rôle@organisation / ` +
          "expected group=role (national roles) or group=role@organisation",
      );
      valid = false;
      continue;
    }
    entries.push({ group: (match[1] as string).trim(), role, organisationName });
  }
  return valid ? entries : undefined;
}
