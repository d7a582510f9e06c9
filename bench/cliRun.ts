// Pipes generated JSON Lines through the real `bin/appui eligibility` and measures its throughput and the
// child's peak resident memory (VmHWM from /proc, polled while it runs and read again when its output ends).
import { spawn } from "node:child_process";
import { once } from "node:events";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Situation } from "../src/core/rules/index.ts";

export interface CliMeasure {
  lines: number;
  outputLines: number;
  seconds: number;
  peakResidentBytes: number;
  exitCode: number | null;
  stderr: string;
}

const APPUI = resolve(import.meta.dirname, "../bin/appui");

function peakResidentBytes(pid: number): number {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0; // the process has already exited
  }
}

export async function measureCli(
  count: number,
  situationAt: (index: number) => Situation,
): Promise<CliMeasure> {
  const started = performance.now();
  const child = spawn(APPUI, ["eligibility"], { stdio: ["pipe", "pipe", "pipe"] });
  const pid = child.pid as number;
  let peak = 0;
  const poll = setInterval(() => {
    peak = Math.max(peak, peakResidentBytes(pid));
  }, 20);
  let outputLines = 0;
  child.stdout.on("data", (chunk: Buffer) => {
    for (let at = chunk.indexOf(10); at !== -1; at = chunk.indexOf(10, at + 1)) outputLines++;
  });
  child.stdout.on("end", () => {
    peak = Math.max(peak, peakResidentBytes(pid));
  });
  let stderr = "";
  child.stderr.setEncoding("utf8").on("data", (text: string) => {
    stderr += text;
  });
  const exited = once(child, "close");
  // If the CLI dies early its exit code tells why; writing on to its closed stdin must not crash the bench.
  child.stdin.on("error", () => {});

  const batchSize = 1000;
  for (let index = 0; index < count; ) {
    let batch = "";
    for (const end = Math.min(count, index + batchSize); index < end; index++) {
      batch += `${JSON.stringify(situationAt(index))}\n`;
    }
    if (child.exitCode !== null) break;
    if (!child.stdin.write(batch)) await Promise.race([once(child.stdin, "drain"), exited]);
  }
  child.stdin.end();
  const [exitCode] = (await exited) as [number | null];
  clearInterval(poll);
  return {
    lines: count,
    outputLines,
    seconds: (performance.now() - started) / 1000,
    peakResidentBytes: peak,
    exitCode,
    stderr,
  };
}
