// Rewrites the generated section of docs/security.md (permission matrix and routes) from the code.
// test/auth.test.ts fails while the document and the code disagree. Run:
//   node --import tsx scripts/render-security-docs.ts
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadConfig } from "../src/config/config.ts";
import { renderPermissionsSection, replaceGeneratedSection } from "../src/core/access/document.ts";
import { openMemoryDatabase } from "../src/db/database.ts";
import { buildApp } from "../src/server/app.ts";
import { createLogger } from "../src/server/logger.ts";

const DOCUMENT = fileURLToPath(new URL("../docs/security.md", import.meta.url));

const db = await openMemoryDatabase();
const app = await buildApp({
  config: loadConfig({ LOG_LEVEL: "silent" }),
  db,
  logger: createLogger("silent"),
  webRoot: join(tmpdir(), "appui-no-web-app"),
});
await app.ready();
const section = renderPermissionsSection(app.routeAccess);
await app.close();
await db.close();
writeFileSync(DOCUMENT, replaceGeneratedSection(readFileSync(DOCUMENT, "utf8"), section));
// Biome formats Markdown too (it pads tables): leave the file as `npm run lint` wants it.
execFileSync(
  fileURLToPath(new URL("../node_modules/.bin/biome", import.meta.url)),
  ["format", "--write", DOCUMENT],
  {
    stdio: "inherit",
  },
);
process.stdout.write(`${DOCUMENT} updated\n`);
