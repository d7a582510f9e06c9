// The layering of the tree, enforced: dependencies point inward (entry points → services → adapters →
// contracts → core), the core runs anywhere (no Node API, no package, no clock outside core/time, no
// randomness), and only the data layer speaks SQL. docs/adr/0001-layering.md gives the reasons; a new
// folder under src/ must be given a layer here before anything may import it.
import { readdirSync, readFileSync } from "node:fs";
import { join, normalize, relative } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = normalize(new URL("..", import.meta.url).pathname);

type Layer =
  | "core"
  | "contracts"
  | "crypto"
  | "config"
  | "db"
  | "pdf"
  | "services"
  | "demo"
  | "server"
  | "cli"
  | "web";

/** Which layers each layer may import (itself included). */
const ALLOWED: Record<Layer, readonly Layer[]> = {
  core: ["core"],
  contracts: ["contracts", "core"],
  crypto: ["crypto", "core"],
  config: ["config", "core"],
  db: ["db", "crypto", "contracts", "core", "config"],
  pdf: ["pdf", "contracts", "core"],
  services: ["services", "db", "pdf", "crypto", "config", "contracts", "core"],
  demo: ["demo", "services", "db", "crypto", "contracts", "core"],
  server: ["server", "services", "demo", "db", "crypto", "config", "contracts", "core"],
  cli: ["cli", "services", "db", "config", "contracts", "core"],
  web: ["web", "contracts", "core"],
};

/**
 * The entry points open, migrate, guard and close the database (their composition root) and classify its
 * errors; everything else of the data layer they reach through the services.
 */
const DATABASE_LIFECYCLE = [
  "src/db/database.ts",
  "src/db/migrate.ts",
  "src/db/demoAccounts.ts",
  "src/db/errors.ts",
];

/** Packages only one layer may use: SQL in the data layer, HTTP in the server. */
const PACKAGE_OWNERS: Record<string, readonly Layer[]> = {
  "drizzle-orm": ["db"],
  pg: ["db"],
  "@electric-sql/pglite": ["db"],
  fastify: ["server"],
};

function layerOf(path: string): Layer | undefined {
  if (path.startsWith("web/")) return "web";
  const match = /^src\/([^/]+)\//.exec(path);
  if (match === null) return undefined;
  const folder = match[1] as string;
  return folder in ALLOWED ? (folder as Layer) : undefined;
}

function sourceFiles(directory: string): string[] {
  return readdirSync(join(ROOT, directory), { withFileTypes: true }).flatMap((entry) => {
    const path = `${directory}/${entry.name}`;
    if (entry.isDirectory()) return entry.name === "node_modules" ? [] : sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

const IMPORT =
  /(?:^|[\s;])(?:import|export)\s[^"';]*?from\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

interface Import {
  file: string;
  specifier: string;
  /** Repository-relative path of a relative import. */
  target?: string;
}

function importsOf(file: string): Import[] {
  const text = readFileSync(join(ROOT, file), "utf8");
  return [...text.matchAll(IMPORT)].map((match) => {
    const specifier = (match[1] ?? match[2]) as string;
    if (!specifier.startsWith(".")) return { file, specifier };
    const target = relative(ROOT, normalize(join(ROOT, file, "..", specifier)));
    return { file, specifier, target };
  });
}

const FILES = [...sourceFiles("src"), ...sourceFiles("web/src")];
const IMPORTS = FILES.flatMap(importsOf);
const describeImport = (found: Import) => `${found.file} → ${found.target ?? found.specifier}`;

describe("architecture", () => {
  it("gives every source folder a layer", () => {
    expect(FILES.filter((file) => layerOf(file) === undefined)).toEqual([]);
  });

  it("points every import inward", () => {
    const outward = IMPORTS.filter((found) => {
      if (found.target === undefined) return false;
      const from = layerOf(found.file) as Layer;
      const to = layerOf(found.target);
      if (to === undefined) return found.target.startsWith("src/");
      if (!ALLOWED[from].includes(to)) return true;
      // The entry points reach the data layer only to open, migrate and guard the database.
      return to === "db" && from !== "db" && (from === "server" || from === "cli")
        ? !DATABASE_LIFECYCLE.includes(found.target)
        : false;
    });
    expect(outward.map(describeImport)).toEqual([]);
  });

  it("keeps SQL in the data layer and HTTP in the server", () => {
    const misplaced = IMPORTS.filter((found) => {
      const owners = Object.entries(PACKAGE_OWNERS).find(
        ([name]) => found.specifier === name || found.specifier.startsWith(`${name}/`),
      )?.[1];
      return owners !== undefined && !owners.includes(layerOf(found.file) as Layer);
    });
    expect(misplaced.map(describeImport)).toEqual([]);
  });

  it("keeps the core runnable anywhere: no package, no Node API, no clock but core/time, no randomness", () => {
    const core = FILES.filter((file) => layerOf(file) === "core");
    const packages = IMPORTS.filter((found) => layerOf(found.file) === "core" && found.target === undefined);
    expect(packages.map(describeImport)).toEqual([]);
    const impure = core.filter((file) => {
      const text = readFileSync(join(ROOT, file), "utf8");
      const clock = !file.startsWith("src/core/time/") && /Date\.now|new Date\(\)/.test(text);
      return clock || /\bprocess\.|\brequire\(|Math\.random|globalThis\./.test(text);
    });
    expect(impure).toEqual([]);
  });

  it("lets the web application import nothing that needs Node", () => {
    const web = IMPORTS.filter(
      (found) => layerOf(found.file) === "web" && found.specifier.startsWith("node:"),
    );
    expect(web.map(describeImport)).toEqual([]);
  });
});
