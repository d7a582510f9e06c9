// The HTTP service on a real socket and a real database, once per database kind.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import Type from "typebox";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate } from "../src/db/migrate.ts";
import { problemResponses } from "../src/server/http/problems.ts";
import type { AppInstance } from "../src/server/types.ts";
import { DATABASE_KINDS, suiteName, type TestDatabase } from "./support/databases.ts";
import { capturingLogger, type RunningServer, startServer } from "./support/server.ts";

const PROBLEM_JSON = /^application\/problem\+json/;

// Fictitious, recognisable personal data that must never reach the logs.
const PERSON = {
  firstName: "Gwendoline",
  lastName: "Quatrebarbes",
  email: "gwendoline.quatrebarbes@exemple-perso.fr",
  phone: "06 71 82 93 04",
};

/** Test-only route with a nested schema, to exercise validation and body parsing. */
function addEchoRoute(app: AppInstance): void {
  app.post(
    "/api/test/echo",
    {
      schema: {
        querystring: Type.Object({ search: Type.Optional(Type.String()) }),
        body: Type.Object(
          {
            person: Type.Object({
              name: Type.String({ minLength: 1 }),
              contract: Type.Object({ start: Type.String({ format: "date" }) }),
            }),
            incomeCents: Type.Integer({ minimum: 0 }),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ ok: Type.Boolean() }), ...problemResponses(400, 413, 415) },
      },
    },
    async () => ({ ok: true }),
  );
  app.get("/api/test/lookup/:id", async (request) => {
    const { id } = request.params as { id: string };
    await app.services.db.drizzle.execute(sql`select ${id}::uuid`);
    return { found: false };
  });
  app.get("/api/test/slow", async () => {
    await new Promise((resolve) => setTimeout(resolve, 300));
    return { finished: true };
  });
}

for (const kind of DATABASE_KINDS) {
  describe.skipIf(kind.skipReason !== undefined)(suiteName(kind, "HTTP service"), () => {
    let database: TestDatabase;
    let server: RunningServer;
    const logLines: string[] = [];
    const webRoot = mkdtempSync(join(tmpdir(), "appui-web-"));

    beforeAll(async () => {
      writeFileSync(join(webRoot, "index.html"), "<!doctype html><title>Appui</title><div id=root></div>");
      database = await kind.open();
      await migrate(database.db);
      server = await startServer(database.db, {
        logger: capturingLogger(logLines),
        webRoot,
        routes: addEchoRoute,
      });
    });

    afterAll(async () => {
      await server?.close();
      await database?.dispose();
      rmSync(webRoot, { recursive: true, force: true });
    });

    const post = (body: string, contentType: string, path = "/api/test/echo") =>
      fetch(`${server.url}${path}`, { method: "POST", body, headers: { "content-type": contentType } });

    it("reports itself healthy with its database and version", async () => {
      const response = await fetch(`${server.url}/api/v1/health`);
      expect(response.status).toBe(200);
      const body = await response.json();
      expect(body).toMatchObject({ status: "ok", database: "ok" });
      expect(body.version).toMatch(/^\d+\.\d+\.\d+/);
    });

    it("echoes a safe incoming request id and generates one otherwise", async () => {
      const given = await fetch(`${server.url}/api/v1/health`, { headers: { "x-request-id": "proxy-42.a" } });
      expect(given.headers.get("x-request-id")).toBe("proxy-42.a");
      const hostile = await fetch(`${server.url}/api/v1/health`, {
        headers: { "x-request-id": "a b<script>" },
      });
      expect(hostile.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    });

    it("serves an OpenAPI 3.1 document listing the health route and the problem schema", async () => {
      const response = await fetch(`${server.url}/api/v1/openapi.json`);
      expect(response.status).toBe(200);
      const document = await response.json();
      expect(document.openapi).toMatch(/^3\.1\./);
      expect(document.info.title).toBeTypeOf("string");
      expect(document.paths["/api/v1/health"].get.responses).toHaveProperty("200");
      expect(document.paths["/api/v1/health"].get.responses).toHaveProperty("503");
      expect(document.components.schemas.ProblemDetails.required).toContain("code");
      const echoResponses = document.paths["/api/test/echo"].post.responses;
      expect(JSON.stringify(echoResponses["400"])).toContain("ProblemDetails");
    });

    it("serves the interactive API documentation as HTML under a strict CSP", async () => {
      const response = await fetch(`${server.url}/api/docs`);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toMatch(/^text\/html/);
      expect(await response.text()).toContain("swagger");
      const csp = response.headers.get("content-security-policy") ?? "";
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    });

    it("answers an unknown /api route with a 404 problem, for GET and POST", async () => {
      for (const method of ["GET", "POST"]) {
        const response = await fetch(`${server.url}/api/x?name=${PERSON.lastName}`, { method });
        expect(response.status).toBe(404);
        expect(response.headers.get("content-type")).toMatch(PROBLEM_JSON);
        const problem = await response.json();
        expect(problem).toMatchObject({ status: 404, code: "not_found", instance: "/api/x" });
        expect(problem.detail).toMatch(/ressource/i);
      }
    });

    it("serves the web application's index.html for client-side routes, never for /api", async () => {
      const page = await fetch(`${server.url}/dossiers/123`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain("<div id=root>");
      const api = await fetch(`${server.url}/api/v2/dossiers`);
      expect(api.status).toBe(404);
      expect(api.headers.get("content-type")).toMatch(PROBLEM_JSON);
    });

    it("rejects malformed JSON with a 400 problem", async () => {
      const response = await post(`{"person": {"name": "${PERSON.lastName}"`, "application/json");
      expect(response.status).toBe(400);
      expect(response.headers.get("content-type")).toMatch(PROBLEM_JSON);
      expect(await response.json()).toMatchObject({ code: "invalid_json", status: 400 });
    });

    it("rejects an unsupported content type with a 415 problem", async () => {
      const response = await post("<person/>", "application/xml");
      expect(response.status).toBe(415);
      expect(response.headers.get("content-type")).toMatch(PROBLEM_JSON);
      expect(await response.json()).toMatchObject({ code: "unsupported_media_type" });
    });

    it("rejects an oversized body with a 413 problem", async () => {
      const huge = JSON.stringify({ padding: "x".repeat(2 * 1024 * 1024) });
      const response = await post(huge, "application/json");
      expect(response.status).toBe(413);
      expect(response.headers.get("content-type")).toMatch(PROBLEM_JSON);
      expect(await response.json()).toMatchObject({ code: "body_too_large" });
    });

    it("lists every invalid field with its JSON Pointer and a French message", async () => {
      const response = await post(
        JSON.stringify({ person: { name: "", contract: {} }, incomeCents: -5, extra: true }),
        "application/json",
      );
      expect(response.status).toBe(400);
      const problem = await response.json();
      expect(problem.code).toBe("validation_failed");
      const byPath = Object.fromEntries(
        (problem.errors as { path: string; code: string }[]).map((e) => [e.path, e.code]),
      );
      expect(byPath).toEqual({
        "/person/name": "minLength",
        "/person/contract/start": "required",
        "/incomeCents": "minimum",
        "/extra": "additionalProperties",
      });
      expect(problem.errors[0].message).toMatch(/[a-zé]/);
    });

    it("answers a value the database rejects with a 400 problem, not a 500", async () => {
      const response = await fetch(`${server.url}/api/test/lookup/not-a-uuid`);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ code: "invalid_value" });
    });

    it("accepts a valid body", async () => {
      const response = await post(
        JSON.stringify({ person: { name: "A", contract: { start: "2025-01-31" } }, incomeCents: 0 }),
        "application/json",
      );
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ ok: true });
    });

    it("writes no personal data from bodies, query strings, headers or cookies to the logs", async () => {
      logLines.length = 0;
      const query = `?search=${encodeURIComponent(`${PERSON.firstName} ${PERSON.email}`)}`;
      const headers = {
        "content-type": "application/json",
        cookie: `session=${PERSON.email}; name=${PERSON.lastName}`,
        authorization: `Bearer ${PERSON.phone}`,
        "x-person": PERSON.lastName,
      };
      const valid = { person: { name: PERSON.lastName, contract: { start: "2025-01-31" } }, incomeCents: 1 };
      const invalid = {
        person: { name: PERSON.firstName, contract: { start: PERSON.phone } },
        email: PERSON.email,
      };
      const bodies = [JSON.stringify(valid), JSON.stringify(invalid), `{"name": "${PERSON.lastName}", `];
      for (const body of bodies) {
        await fetch(`${server.url}/api/test/echo${query}`, { method: "POST", body, headers });
      }
      await fetch(`${server.url}/api/x/${encodeURIComponent(PERSON.email)}${query}`, { headers });
      await fetch(`${server.url}/api/v1/health${query}`, { headers });
      await fetch(`${server.url}/api/test/lookup/${encodeURIComponent(PERSON.lastName)}`, { headers });
      await server.app.ready();
      // Timestamps and durations are numbers the clock chose: they may spell "0671" by chance.
      const logs = logLines
        .join("")
        .split("\n")
        .filter((line) => line !== "")
        .map((line) => JSON.stringify({ ...JSON.parse(line), time: undefined, responseTime: undefined }))
        .join("\n");
      // The capture works: request lines are there, with their request id.
      expect(logs).toContain('"route":"/api/test/echo"');
      expect(logs).toMatch(/"reqId":"[0-9a-f-]{36}"/);
      for (const value of [
        PERSON.firstName,
        PERSON.lastName,
        "quatrebarbes",
        "06 71",
        "0671",
        "exemple-perso",
      ]) {
        expect(logs.toLowerCase()).not.toContain(value.toLowerCase());
      }
    });

    // Last two: they close the database, then the server.
    it("reports 503 when the database is unreachable", async () => {
      await database.db.close();
      const response = await fetch(`${server.url}/api/v1/health`);
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ status: "unavailable", database: "unavailable" });
    });

    it("lets an in-flight request finish when the server closes, then refuses new connections", async () => {
      const inFlight = fetch(`${server.url}/api/test/slow`);
      await new Promise((resolve) => setTimeout(resolve, 50));
      const closing = server.close();
      const response = await inFlight;
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ finished: true });
      await closing;
      await expect(fetch(`${server.url}/api/v1/health`)).rejects.toThrow();
    }, 10_000);
  });
}
