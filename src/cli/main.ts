// Entry point of `bin/appui` (also run directly: `node --import tsx src/cli/main.ts db migrate`): dispatches
// to a command and turns usage errors into exit status 2. Commands are imported on demand so that
// `appui eligibility` never loads database code.
import { cliMessages, GENERAL_HELP } from "./messages.ts";
import { UsageError } from "./options.ts";

type Command = (args: string[]) => Promise<number>;

const COMMANDS: Record<string, () => Promise<Command>> = {
  eligibility: async () => (await import("./eligibility.ts")).runEligibility,
  impact: async () => (await import("./impact.ts")).runImpact,
  db: async () => (await import("./db.ts")).runDbCommand,
  audit: async () => (await import("./audit.ts")).runAuditCommand,
  users: async () => (await import("./users.ts")).runUsersCommand,
  retention: async () => (await import("./retention.ts")).runRetentionCommand,
  parameters: async () => (await import("./parametersCommand.ts")).runParametersCommand,
  keys: async () => (await import("./keys.ts")).runKeysCommand,
};

async function main(args: string[]): Promise<number> {
  // A reader that stops early (`appui eligibility big.jsonl | head`) is not an error.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
  const [name, ...rest] = args;
  try {
    if (name === undefined || name === "--help" || name === "-h" || name === "help") {
      if (name === undefined) {
        process.stderr.write(`${cliMessages.missingCommand}\n\n${GENERAL_HELP}\n`);
        return 2;
      }
      process.stdout.write(`${GENERAL_HELP}\n`);
      return 0;
    }
    const load = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
    if (load === undefined) {
      const problem = name.startsWith("-")
        ? cliMessages.unknownOption(name)
        : cliMessages.unknownCommand(name);
      throw new UsageError(problem);
    }
    const command = await load();
    return await command(rest);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`appui : ${error.message}\n${cliMessages.seeHelp}\n`);
    return 2;
  }
}

process.exitCode = await main(process.argv.slice(2));
