// The finance core runs in the browser too: its modules import nothing but each other and the rules
// engine's calendar helpers, and touch no Node API.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const DIRECTORY = new URL(".", import.meta.url).pathname;
const SOURCES = readdirSync(DIRECTORY).filter((name) => name.endsWith(".ts") && !name.endsWith(".test.ts"));

describe("finance core purity", () => {
  it.each(SOURCES)("%s imports only the core", (name) => {
    const text = readFileSync(join(DIRECTORY, name), "utf8");
    const imports = [...text.matchAll(/from "([^"]+)"/g)].map((match) => match[1]);
    for (const source of imports) expect(source).toMatch(/^\.\/[a-z.]+\.ts$|^\.\.\/rules\/dates\.ts$/);
    expect(text).not.toMatch(/\bprocess\.|\brequire\(|Math\.random|Date\.now|new Date\(\)/);
  });
});
