// Streaming JSON Lines plumbing: reads an input stream chunk by chunk, hands each non-blank line to a
// handler and writes the handler's output, one write per input chunk, waiting for "drain" whenever the
// output asks to. Memory stays bounded by one chunk (plus the longest line) whatever the input size.
import { once } from "node:events";
import { open } from "node:fs/promises";
import type { Readable, Writable } from "node:stream";
import { cliMessages } from "./messages.ts";
import { UsageError } from "./options.ts";

/** Returns the text to write for a line (including its trailing newline), or undefined to write nothing. */
export type LineHandler = (line: string, lineNumber: number) => string | undefined;

export async function transformLines(input: Readable, output: Writable, handle: LineHandler): Promise<void> {
  input.setEncoding("utf8");
  let pending = "";
  let lineNumber = 0;
  const handleLine = (raw: string): string | undefined => {
    lineNumber++;
    let line = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    if (lineNumber === 1 && line.startsWith("\uFEFF")) line = line.slice(1);
    // Blank lines are skipped but keep their number, so that error line numbers match an editor's.
    if (line.trim() === "") return undefined;
    return handle(line, lineNumber);
  };
  for await (const chunk of input) {
    const text = pending + (chunk as string);
    let batch = "";
    let start = 0;
    let newline = text.indexOf("\n", start);
    while (newline !== -1) {
      const written = handleLine(text.slice(start, newline));
      if (written !== undefined) batch += written;
      start = newline + 1;
      newline = text.indexOf("\n", start);
    }
    pending = text.slice(start);
    if (batch !== "" && !output.write(batch)) await once(output, "drain");
  }
  if (pending !== "") {
    const written = handleLine(pending);
    if (written !== undefined && !output.write(written)) await once(output, "drain");
  }
}

/** The input named on the command line: a file, or standard input when absent or "-". */
export async function openInput(file: string | undefined): Promise<Readable> {
  if (file === undefined || file === "-") return process.stdin;
  // Open first so that a missing file is a clear usage error rather than a stream error mid-way.
  try {
    const handle = await open(file, "r");
    const stats = await handle.stat();
    if (stats.isDirectory()) {
      await handle.close();
      throw Object.assign(new Error("directory"), { code: "EISDIR" });
    }
    return handle.createReadStream({ highWaterMark: 64 * 1024 });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === "ENOENT"
        ? cliMessages.fileNotFound
        : code === "EISDIR"
          ? cliMessages.isDirectory
          : code === "EACCES"
            ? cliMessages.accessDenied
            : String(code ?? error);
    throw new UsageError(cliMessages.unreadableFile(file, reason));
  }
}
