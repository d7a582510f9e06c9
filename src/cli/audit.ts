// `appui audit verify`: walks the audit trail's hash chain on the configured database and reports every
// broken link. Exit status: 0 intact, 1 broken (the first broken link's number is printed last), 2 misuse,
// 3 the trail could not be read (configuration or database).

import {
  type ChainAnchor,
  type ChainBreak,
  type ChainReport,
  verifyAuditTrail,
} from "../services/audit/index.ts";
import { withServiceContext } from "./configuredDatabase.ts";
import { AUDIT_HELP, cliMessages } from "./messages.ts";
import { parseOptions, UsageError } from "./options.ts";

export function describeBreak(problem: ChainBreak): string {
  const text = cliMessages.auditBreak;
  switch (problem.kind) {
    case "hash_mismatch":
      return text.hashMismatch(problem.seq);
    case "prev_hash_mismatch":
      return text.prevHashMismatch(problem.seq);
    case "missing_before":
      return problem.seq > problem.expectedSeq
        ? text.missingBefore(problem.seq, problem.expectedSeq)
        : text.unexpectedSeq(problem.seq, problem.expectedSeq);
    case "anchor_mismatch":
      return text.anchorMismatch(problem.seq);
    case "anchor_missing":
      return text.anchorMissing(problem.seq);
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
    throw new UsageError(cliMessages.unexpectedArgument(options.positionals[0] ?? ""));
  const anchors: ChainAnchor[] = [];
  for (const text of options.values.get("anchor") ?? []) {
    const match = /^(\d+):([0-9a-f]{64})$/.exec(text);
    if (match === null) throw new UsageError(cliMessages.invalidAnchor(text));
    anchors.push({ seq: Number(match[1]), hash: match[2] as string });
  }
  let report: ChainReport | undefined;
  const status = await withServiceContext(
    async (context) => {
      report = await verifyAuditTrail(context, anchors);
      return 0;
    },
    { failureStatus: 3, failurePrefix: cliMessages.auditUnreadable },
  );
  if (report === undefined) return status;
  const first = report.breaks[0];
  if (first === undefined) {
    process.stdout.write(
      report.count === 0
        ? `${cliMessages.auditEmpty}\n`
        : `${cliMessages.auditIntact(report.count, report.lastSeq)}\n` +
            `${cliMessages.auditAnchorToKeep(report.lastSeq, report.lastHash)}\n`,
    );
    return 0;
  }
  const lines = [
    cliMessages.auditAltered(report.breaks.length, report.count),
    ...report.breaks.map((problem) => `  - ${describeBreak(problem)}`),
    cliMessages.auditFirstBreak(first.seq),
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
  return 1;
}
