// Request ids: taken from an incoming `x-request-id` when it looks like an id (so a proxy's id carries
// through), generated otherwise, echoed in the response and present in every log line of the request.
import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { AppInstance } from "../types.ts";

export const REQUEST_ID_HEADER = "x-request-id";
const SAFE_ID = /^[A-Za-z0-9._:-]{1,64}$/;

export function generateRequestId(request: IncomingMessage): string {
  const incoming = request.headers[REQUEST_ID_HEADER];
  return typeof incoming === "string" && SAFE_ID.test(incoming) ? incoming : randomUUID();
}

export function registerRequestId(app: AppInstance): void {
  app.addHook("onRequest", async (request, reply) => {
    reply.header(REQUEST_ID_HEADER, request.id);
  });
}
