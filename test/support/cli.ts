// Runs the `appui` command line as a user would, silent logs, with the given environment and standard input.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const APPUI = fileURLToPath(new URL("../../bin/appui", import.meta.url));

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runAppui(args: string[], env: Record<string, string>, input = ""): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = spawn(APPUI, args, { env: { ...process.env, ...env, LOG_LEVEL: "silent" } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
    });
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}
