// `appui audit verify`: walks the audit trail's hash chain on the configured database and reports every
// broken link. Exit status: 0 intact, 1 broken (the first broken link's number is printed last), 2 misuse,
// 3 the trail could not be read (configuration or database).

import type { ChainAnchor, ChainBreak } from "../db/audit/chain.ts";
import { verifyAuditChain } from "../db/audit/verify.ts";
import { withConfiguredDatabase } from "./configuredDatabase.ts";
import { parseOptions, UsageError } from "./options.ts";

export const AUDIT_HELP = `appui audit verify [--anchor <n°>:<empreinte>]...

Vérifie le journal d'audit de la base configurée (DATABASE_URL, ou la base embarquée sous DATA_DIR) :
chaque événement porte l'empreinte SHA-256 de son contenu et de l'événement précédent ; une modification
ou une suppression rompt la chaîne. Liste chaque maillon rompu, puis le numéro du premier.

La chaîne seule ne révèle pas la suppression des derniers événements. Notez régulièrement, hors de la
base, la dernière empreinte affichée, puis passez-la à --anchor : la vérification échoue si cet
événement a disparu ou changé.

Code de sortie : 0 si le journal est intact, 1 s'il a été altéré, 2 en cas d'erreur d'utilisation,
3 si le journal n'a pas pu être lu.`;

export function describeBreak(problem: ChainBreak): string {
  switch (problem.kind) {
    case "hash_mismatch":
      return `événement n° ${problem.seq} : contenu modifié (son empreinte ne correspond plus)`;
    case "prev_hash_mismatch":
      return `événement n° ${problem.seq} : ne suit pas l'événement précédent (chaînage rompu)`;
    case "missing_before":
      return problem.seq > problem.expectedSeq
        ? `événement(s) n° ${problem.expectedSeq} à ${problem.seq - 1} manquant(s) (supprimé(s)) avant le n° ${problem.seq}`
        : `événement n° ${problem.seq} : numéro inattendu (attendu n° ${problem.expectedSeq})`;
    case "anchor_mismatch":
      return `événement n° ${problem.seq} : son empreinte n'est plus celle notée (--anchor)`;
    case "anchor_missing":
      return `événement n° ${problem.seq} absent alors qu'il a été noté (--anchor) : journal tronqué`;
  }
}

export async function runAuditCommand(args: string[]): Promise<number> {
  const [subcommand, ...rest] = args;
  if (subcommand === "--help" || subcommand === "-h") {
    process.stdout.write(`${AUDIT_HELP}\n`);
    return 0;
  }
  if (subcommand !== "verify") {
    process.stderr.write(`${AUDIT_HELP}\n`);
    return 2;
  }
  const options = parseOptions(rest, { values: { anchor: "repeatable" } });
  if (options.flags.has("help")) {
    process.stdout.write(`${AUDIT_HELP}\n`);
    return 0;
  }
  if (options.positionals.length > 0)
    throw new UsageError(`Argument inattendu : « ${options.positionals[0]} ».`);
  const anchors: ChainAnchor[] = [];
  for (const text of options.values.get("anchor") ?? []) {
    const match = /^(\d+):([0-9a-f]{64})$/.exec(text);
    if (match === null)
      throw new UsageError(
        `--anchor attend <n°>:<empreinte de 64 caractères hexadécimaux>, reçu « ${text} ».`,
      );
    anchors.push({ seq: Number(match[1]), hash: match[2] as string });
  }
  let report: Awaited<ReturnType<typeof verifyAuditChain>> | undefined;
  const status = await withConfiguredDatabase(
    async (db) => {
      report = await verifyAuditChain(db.drizzle, anchors);
      return 0;
    },
    { failureStatus: 3, failurePrefix: "Impossible de lire le journal d'audit : " },
  );
  if (report === undefined) return status;
  const first = report.breaks[0];
  if (first === undefined) {
    process.stdout.write(
      report.count === 0
        ? "Journal d'audit vide : rien à vérifier.\n"
        : `Journal d'audit intact : ${report.count} événement(s), chaîne vérifiée jusqu'au n° ${report.lastSeq}.\n` +
            `Dernière empreinte, à noter hors de la base : --anchor ${report.lastSeq}:${report.lastHash}\n`,
    );
    return 0;
  }
  const lines = [
    `Journal d'audit ALTÉRÉ : ${report.breaks.length} maillon(s) rompu(s) sur ${report.count} événement(s) lus.`,
    ...report.breaks.map((problem) => `  - ${describeBreak(problem)}`),
    `Premier maillon rompu : n° ${first.seq}`,
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
  return 1;
}
