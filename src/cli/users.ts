// `appui users add|set-password|reset-mfa`: staff accounts from the command line, through the same services
// as the administration API (src/services/users/accounts.ts). The only way to create the first accounts in
// production (which seeds nothing). Passwords are read from standard input, never from the command line
// (visible to every user of the machine in `ps`), and go through the password policy. Every change is
// recorded in the audit trail, as made from the command line.

import { isNationalRole, NATIONAL_ROLES, ROLES, type Role } from "../core/access/index.ts";
import { SYSTEM_CALLER } from "../services/caller.ts";
import { createServiceContext, type ServiceContext } from "../services/context.ts";
import { DomainError } from "../services/errors.ts";
import {
  createAccount,
  organisationNamed,
  resetSecondFactor,
  setAccountPassword,
} from "../services/users/accounts.ts";
import { withConfiguredDatabase } from "./configuredDatabase.ts";
import { parseOptions, UsageError } from "./options.ts";

export const USERS_HELP = `appui users <sous-commande>

Comptes du personnel, dans la base configurée (DATABASE_URL, ou la base embarquée sous DATA_DIR).
Le mot de passe est lu sur l'entrée standard (première ligne), jamais sur la ligne de commande :
  printf '%s\\n' "$MOT_DE_PASSE" | appui users add --email ... --name ... --role ...

Sous-commandes :
  add --email <adresse> --name <nom affiché> --role <rôle> [--organisation <nom>]
                          Crée un compte. Rôles : ${ROLES.join(", ")}.
                          --organisation (nom exact de l'agence ou du partenaire) est obligatoire
                          sauf pour ${NATIONAL_ROLES.join(", ")}.
  set-password <adresse>  Change le mot de passe et ferme les sessions ouvertes du compte.
  reset-mfa <adresse>     Retire le second facteur et les codes de secours (à réactiver à la prochaine
                          connexion) et ferme les sessions ouvertes du compte.

Mot de passe : au moins 12 caractères, absent de la liste des mots de passe courants, sans l'adresse
ni le nom du compte.

Code de sortie : 0 en cas de succès, 2 si la commande ou une valeur est incorrecte (mot de passe refusé
compris), 1 si le compte est introuvable ou la base inaccessible.`;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** Refusals about something that does not exist: exit status 1; any other refusal of a value: 2. */
const NOT_FOUND = ["account_not_found", "organisation_not_found"];

export async function runUsersCommand(args: string[]): Promise<number> {
  const [subcommand, ...rest] = args;
  if (subcommand === undefined || subcommand === "--help" || subcommand === "-h") {
    (subcommand === undefined ? process.stderr : process.stdout).write(`${USERS_HELP}\n`);
    return subcommand === undefined ? 2 : 0;
  }
  if (rest.includes("--help") || rest.includes("-h")) return help();
  try {
    if (subcommand === "add") return await add(rest);
    if (subcommand === "set-password") return await setPassword(rest);
    if (subcommand === "reset-mfa") return await resetMfa(rest);
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    if (error.code === "password_rejected") {
      const problems = error.issues.map((issue) => issue.message).join(" ");
      process.stderr.write(`appui : mot de passe refusé. ${problems}\n`);
      return 2;
    }
    process.stderr.write(`appui : ${error.detail}\n`);
    return NOT_FOUND.includes(error.code) ? 1 : 2;
  }
  throw new UsageError(
    `Sous-commande inconnue : « ${subcommand} » (attendu : add, set-password ou reset-mfa).`,
  );
}

async function add(args: string[]): Promise<number> {
  const options = parseOptions(args, {
    values: { email: "single", name: "single", role: "single", organisation: "single" },
  });
  if (options.positionals.length > 0)
    throw new UsageError(`Argument inattendu : « ${options.positionals[0]} ».`);
  const email = normaliseEmail(required(options.values.get("email")?.[0], "--email"));
  const displayName = required(options.values.get("name")?.[0], "--name").trim();
  const roleText = required(options.values.get("role")?.[0], "--role");
  if (!(ROLES as readonly string[]).includes(roleText)) {
    throw new UsageError(`Rôle inconnu : « ${roleText} » (rôles : ${ROLES.join(", ")}).`);
  }
  const role = roleText as Role;
  const organisationName = options.values.get("organisation")?.[0];
  const national = isNationalRole(role);
  if (!national && organisationName === undefined) {
    throw new UsageError(`Le rôle ${role} exige --organisation (nom de l'agence ou du partenaire).`);
  }
  if (national && organisationName !== undefined) {
    throw new UsageError(`Le rôle ${role} est national : il ne prend pas --organisation.`);
  }
  const password = await readPassword();
  return withServices(async (services) => {
    const organisationId =
      organisationName === undefined ? null : await organisationNamed(services, organisationName);
    await createAccount(services, SYSTEM_CALLER, { email, displayName, role, organisationId, password });
    process.stdout.write(`Compte créé : ${displayName} (${role}).\n`);
    return 0;
  });
}

async function setPassword(args: string[]): Promise<number> {
  const email = singleEmail(args);
  const password = await readPassword();
  return withServices(async (services) => {
    await setAccountPassword(services, SYSTEM_CALLER, { email }, password);
    process.stdout.write("Mot de passe changé ; les sessions ouvertes du compte sont fermées.\n");
    return 0;
  });
}

async function resetMfa(args: string[]): Promise<number> {
  const email = singleEmail(args);
  return withServices(async (services) => {
    await resetSecondFactor(services, SYSTEM_CALLER, { email });
    process.stdout.write("Second facteur retiré ; les sessions ouvertes du compte sont fermées.\n");
    return 0;
  });
}

function singleEmail(args: string[]): string {
  const options = parseOptions(args, {});
  if (options.positionals.length !== 1)
    throw new UsageError("Indiquez une adresse électronique, et une seule.");
  return normaliseEmail(options.positionals[0] as string);
}

function normaliseEmail(text: string): string {
  const email = text.trim().toLowerCase();
  if (!EMAIL.test(email)) throw new UsageError("Adresse électronique invalide.");
  return email;
}

function required(value: string | undefined, option: string): string {
  if (value === undefined || value.trim() === "")
    throw new UsageError(`L'option « ${option} » est obligatoire.`);
  return value;
}

function help(): number {
  process.stdout.write(`${USERS_HELP}\n`);
  return 0;
}

async function readPassword(): Promise<string> {
  if (process.stdin.isTTY) {
    throw new UsageError("Passez le mot de passe sur l'entrée standard (voir appui users --help).");
  }
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const password = Buffer.concat(chunks).toString("utf8").split(/\r?\n/)[0] ?? "";
  if (password === "") throw new UsageError("Aucun mot de passe reçu sur l'entrée standard.");
  return password;
}

function withServices(work: (services: ServiceContext) => Promise<number>): Promise<number> {
  return withConfiguredDatabase((db, config) => work(createServiceContext(config, db)), {
    failurePrefix: "appui : ",
  });
}
