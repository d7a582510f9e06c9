// A case's content is validated in the browser too: these modules import nothing but each other and the
// pure rules and finance cores, and touch no Node API, no clock and no randomness.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const DIRECTORY = new URL(".", import.meta.url).pathname;
const SOURCES = readdirSync(DIRECTORY).filter((name) => name.endsWith(".ts") && !name.endsWith(".test.ts"));

describe("diagnosis core purity", () => {
  it.each(SOURCES)("%s imports only the core", (name) => {
    const text = readFileSync(join(DIRECTORY, name), "utf8");
    const imports = [...text.matchAll(/from "([^"]+)"/g)].map((match) => match[1]);
    for (const source of imports)
      expect(source).toMatch(/^\.\/[a-z.]+\.ts$|^\.\.\/(rules|finance)\/[a-zA-Z./]+\.ts$/);
    expect(text).not.toMatch(/\bprocess\.|\brequire\(|Math\.random|Date\.now|new Date\(/);
  });
});
