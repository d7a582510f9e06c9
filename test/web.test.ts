// The web application: built with Vite, served by the real server on a real database, and its pages
// rendered to HTML to check their text and structure without a browser.
import { gzipSync } from "node:zlib";
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate } from "../src/db/migrate.ts";
import { DEFAULT_WEB_ROOT } from "../src/server/app.ts";
import { buildWebIfStale } from "../src/server/webBuild.ts";
import { App } from "../web/src/App.tsx";
import { messages } from "../web/src/messages.fr.ts";
import { DATABASE_KINDS, type TestDatabase } from "./support/databases.ts";
import { type RunningServer, startServer } from "./support/server.ts";

/** Entry script of the home page, gzipped: people may be on a phone with a poor connection. */
const JS_BUDGET_GZIP_BYTES = 120_000;

const PGLITE = DATABASE_KINDS.find((kind) => kind.kind === "pglite");

describe("web application served by the server", () => {
  let database: TestDatabase;
  let server: RunningServer;

  beforeAll(async () => {
    // Usually already built by test/support/globalSetup.ts; builds here when it is stale anyway.
    expect(await buildWebIfStale()).not.toBe("no-web-app");
    if (PGLITE === undefined) throw new Error("no PGlite database kind");
    database = await PGLITE.open();
    await migrate(database.db);
    server = await startServer(database.db, { webRoot: DEFAULT_WEB_ROOT });
  }, 180_000);

  afterAll(async () => {
    await server?.close();
    await database?.dispose();
  });

  async function home(): Promise<string> {
    const response = await fetch(`${server.url}/`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/html/);
    return response.text();
  }

  function scriptPaths(html: string): string[] {
    return [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((match) => match[1] as string);
  }

  it("serves index.html at / in French, with only external scripts (the CSP forbids inline ones)", async () => {
    const html = await home();
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain(`<title>${messages.documentTitle.home}</title>`);
    expect(scriptPaths(html)).toHaveLength(1);
    expect(html).not.toMatch(/<script\b(?![^>]*\bsrc=)[^>]*>/);
  });

  it("serves the JavaScript asset that index.html references: a production build, under its size budget", async () => {
    const [script] = scriptPaths(await home());
    expect(script).toMatch(/^\/assets\/.+\.js$/);
    const response = await fetch(`${server.url}${script}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/javascript/);
    // React's development build alone would exceed the budget (about 150 kB against 90 kB).
    expect(gzipSync(await response.text()).length).toBeLessThan(JS_BUDGET_GZIP_BYTES);
  });

  it("answers a client-side route with the same index.html", async () => {
    const response = await fetch(`${server.url}/simulateur`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(await home());
  });

  it("answers an unknown API path with a 404 problem, not the page", async () => {
    const response = await fetch(`${server.url}/api/nope`);
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    expect(await response.json()).toMatchObject({ status: 404, code: "not_found" });
  });
});

describe("web application pages", () => {
  const render = (path: string) => renderToString(createElement(App, { path }));

  it("home page: skip link first, then header, main and footer landmarks", () => {
    const html = render("/");
    const order = ['class="skip-link" href="#contenu"', "<header", "<main", "<footer"].map((marker) =>
      html.indexOf(marker),
    );
    expect(order.every((position) => position >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(html).toMatch(/<main\b[^>]*\bid="contenu"/);
  });

  it("home page: one h1 with the service's title, and no heading level skipped", () => {
    const html = render("/");
    const levels = [...html.matchAll(/<h([1-6])\b/g)].map((match) => Number(match[1]));
    expect(levels[0]).toBe(1);
    expect(levels.filter((level) => level === 1)).toHaveLength(1);
    levels.forEach((level, index) => {
      if (index > 0) expect(level).toBeLessThanOrEqual((levels[index - 1] as number) + 1);
    });
    expect(html).toMatch(new RegExp(`<h1[^>]*>${messages.home.title}</h1>`));
  });

  it("home page: says the service is free, confidential and grants no automatic right; links to what comes", () => {
    const text = render("/").replaceAll("&#x27;", "'");
    expect(text).toContain("Gratuit");
    expect(text).toContain("Confidentiel vis-à-vis de l'employeur");
    expect(text).toContain("Aucun droit automatique");
    expect(text).toContain('href="/simulateur"');
    expect(text).toContain('href="/connexion"');
    expect(text).toContain('href="/api/docs"');
  });

  it("lazily loaded pages and unknown paths each have their own h1 at once", () => {
    expect(render("/simulateur/")).toMatch(new RegExp(`<h1[^>]*>${messages.simulator.title}</h1>`));
    expect(render("/connexion").replaceAll("&#x27;", "'")).toMatch(
      new RegExp(`<h1[^>]*>${messages.login.title}</h1>`),
    );
    expect(render("/nulle-part")).toMatch(new RegExp(`<h1[^>]*>${messages.notFound.title}</h1>`));
  });
});
