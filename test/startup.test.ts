// `npm start` as a user runs it: a real process, a fresh data directory, Ctrl-C, and a restart.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const REPO_ROOT = fileURLToPath(new URL("../", import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), "appui-start-"));

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function start(env: Record<string, string>): Started {
  const child = spawn(process.execPath, ["--import", "tsx", "src/server/main.ts"], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk) => {
    output += String(chunk);
  });
  child.stderr?.on("data", (chunk) => {
    output += String(chunk);
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (typeof address !== "object" || address === null) throw new Error("no port");
  return address.port;
}

async function waitForHealth(port: number, started: Started): Promise<unknown> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (started.child.exitCode !== null) throw new Error(`server exited early:\n${started.output()}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api/v1/health`);
      if (response.ok) return response.json();
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`server not healthy within 60 s:\n${started.output()}`);
}

afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

describe("npm start", () => {
  it("starts on a fresh data directory, refuses a busy port or data directory, stops cleanly on Ctrl-C and restarts", async () => {
    const port = await freePort();
    const env = { PORT: String(port), DATA_DIR: dataDir };

    const first = start(env);
    expect(await waitForHealth(port, first)).toMatchObject({ status: "ok", database: "ok" });
    expect(first.output()).toContain(`http://localhost:${port}`);
    expect(first.output()).toContain("conseillere.paris@demo.appui.fr");
    expect(first.output()).toContain("appui-demo");

    // A second instance on the same port explains itself instead of printing a stack trace.
    const otherDataDir = mkdtempSync(join(tmpdir(), "appui-start-other-"));
    try {
      const second = start({ PORT: String(port), DATA_DIR: otherDataDir });
      expect(await second.exited).toBe(1);
      expect(second.output()).toMatch(new RegExp(`port ${port}.*PORT`, "i"));
      expect(second.output()).not.toMatch(/\n\s+at /);
    } finally {
      rmSync(otherDataDir, { recursive: true, force: true });
    }

    // A second instance on the same data directory would corrupt the embedded database: refused.
    const sameData = start({ PORT: String(await freePort()), DATA_DIR: dataDir });
    expect(await sameData.exited).toBe(1);
    expect(sameData.output()).toContain("DATA_DIR");
    expect(sameData.output()).toContain(String(first.child.pid));

    first.child.kill("SIGINT");
    expect(await first.exited).toBe(0);

    const again = start(env);
    try {
      expect(await waitForHealth(port, again)).toMatchObject({ status: "ok", database: "ok" });
    } finally {
      again.child.kill("SIGINT");
    }
    expect(await again.exited).toBe(0);
  }, 120_000);

  it("stops with a message naming a bad variable, without a stack trace", async () => {
    const started = start({ PORT: "trois-mille", DATA_DIR: dataDir });
    expect(await started.exited).toBe(1);
    expect(started.output()).toMatch(/^\s*- PORT/m);
    expect(started.output()).not.toMatch(/\n\s+at /);
  });
});
