// Serves the built web application (dist/web) and answers every other path: `/api/...` with a 404
// problem, any other GET with the application's index.html so that client-side routes survive a reload.
import { existsSync } from "node:fs";
import { join } from "node:path";
import fastifyStatic from "@fastify/static";
import { HttpProblem, sendProblem } from "../http/problems.ts";
import type { AppInstance } from "../types.ts";

export async function registerWeb(app: AppInstance, webRoot: string | undefined): Promise<void> {
  const hasWeb = webRoot !== undefined && existsSync(join(webRoot, "index.html"));
  if (hasWeb) {
    await app.register(fastifyStatic, { root: webRoot, index: ["index.html"] });
  }
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split("?")[0] ?? "/";
    const isApi = path === "/api" || path.startsWith("/api/");
    if (hasWeb && !isApi && (request.method === "GET" || request.method === "HEAD")) {
      // index.html names hashed assets: it must be revalidated, never cached for long.
      return reply.sendFile("index.html", { maxAge: 0, immutable: false });
    }
    return sendProblem(reply, HttpProblem.of(404, "not_found"));
  });
}
