// `appui audit verify`: walks the audit trail's hash chain on the configured database and reports every
// broken link. Exit status: 0 intact, 1 broken (the first broken link's number is printed last), 2 misuse,
// 3 the trail could not be read (configuration or database).
import { ConfigError, loadConfig } from "../config/config.ts";
import { openDatabase } from "../db/database.ts";
import { verifyAuditChain } from "../server/audit/auditTrail.ts";
import type { ChainBreak } from "../server/audit/chain.ts";

export const AUDIT_HELP = `appui audit verify

Vérifie le journal d'audit de la base configurée (DATABASE_URL, ou la base embarquée sous DATA_DIR) :
chaque événement porte l'empreinte SHA-256 de son contenu et de l'événement précédent ; une modification
ou une suppression rompt la chaîne. Liste chaque maillon rompu, puis le numéro du premier.

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
  }
}

export async function runAuditCommand(args: string[]): Promise<number> {
  const [subcommand, ...rest] = args;
  if (subcommand === "--help" || subcommand === "-h") {
    process.stdout.write(`${AUDIT_HELP}\n`);
    return 0;
  }
  if (subcommand !== "verify" || rest.length > 0) {
    process.stderr.write(`${AUDIT_HELP}\n`);
    return 2;
  }
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 3;
  }
  let db: Awaited<ReturnType<typeof openDatabase>> | undefined;
  let report: Awaited<ReturnType<typeof verifyAuditChain>>;
  try {
    db = await openDatabase(config.database);
    report = await verifyAuditChain(db.drizzle);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`Impossible de lire le journal d'audit : ${message}\n`);
    return 3;
  } finally {
    await db?.close();
  }
  const first = report.breaks[0];
  if (first === undefined) {
    process.stdout.write(
      report.count === 0
        ? "Journal d'audit vide : rien à vérifier.\n"
        : `Journal d'audit intact : ${report.count} événement(s), chaîne vérifiée jusqu'au n° ${report.lastSeq}.\n`,
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
