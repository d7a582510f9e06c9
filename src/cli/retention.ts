// `appui retention run [--dry-run]`: anonymises the cases closed more than RETENTION_YEARS ago (5 by
// default) on the configured database, as the server does once a day. Prints counts only.
import { SYSTEM_CALLER } from "../services/caller.ts";
import { createServiceContext } from "../services/context.ts";
import { runRetention } from "../services/privacy/retention.ts";
import { withConfiguredDatabase } from "./configuredDatabase.ts";
import { parseOptions, UsageError } from "./options.ts";

export const RETENTION_HELP = `appui retention run [--dry-run]

Anonymise les dossiers clos depuis plus de RETENTION_YEARS ans (5 par défaut) dans la base configurée
(DATABASE_URL, ou la base embarquée sous DATA_DIR) : identité, coordonnées, textes libres, diagnostic,
notes de rendez-vous et pièces sont effacés ; les faits utiles aux statistiques (statut, dates,
décisions, aides) restent. Une transaction par dossier, un événement par dossier dans le journal
d'audit, sans donnée personnelle. Le serveur lance le même traitement une fois par jour.

  --dry-run   Compte les dossiers concernés sans rien modifier.

Code de sortie : 0 en cas de succès, 2 en cas d'erreur d'utilisation, 1 si la base est inaccessible.`;

export async function runRetentionCommand(args: string[]): Promise<number> {
  const [subcommand, ...rest] = args;
  if (subcommand === "--help" || subcommand === "-h") {
    process.stdout.write(`${RETENTION_HELP}\n`);
    return 0;
  }
  if (subcommand !== "run") {
    process.stderr.write(`${RETENTION_HELP}\n`);
    return 2;
  }
  const options = parseOptions(rest, { flags: ["dry-run"] });
  if (options.flags.has("help")) {
    process.stdout.write(`${RETENTION_HELP}\n`);
    return 0;
  }
  if (options.positionals.length > 0)
    throw new UsageError(`Argument inattendu : « ${options.positionals[0]} ».`);
  const dryRun = options.flags.has("dry-run");
  return withConfiguredDatabase(
    async (db, config) => {
      const report = await runRetention(createServiceContext(config, db), SYSTEM_CALLER, { dryRun });
      const lines = [
        `Dossiers clos au plus tard le ${report.closedOnOrBefore} (${config.retentionYears} ans) non encore anonymisés : ${report.due}.`,
        dryRun
          ? "Simulation (--dry-run) : rien n'a été modifié."
          : `Dossiers anonymisés : ${report.anonymised}.`,
        ...Object.entries(report.replaced)
          .filter(([, count]) => count > 0)
          .map(([table, count]) => `  ${table} : ${count} ligne(s)`),
      ];
      process.stdout.write(`${lines.join("\n")}\n`);
      return 0;
    },
    { failurePrefix: "appui : " },
  );
}
