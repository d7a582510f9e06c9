// OpenAPI 3.1 document built from the routes' TypeBox schemas, served at /api/v1/openapi.json, and the
// interactive documentation at /api/docs.
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import type { AppInstance } from "../types.ts";
import { VERSION } from "../version.ts";

export const OPENAPI_PATH = "/api/v1/openapi.json";
export const DOCS_PATH = "/api/docs";

export async function registerOpenApi(app: AppInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Appui API",
        description: "API d'Appui, accompagnement social et diagnostic (ASD) d'Action Logement.",
        version: VERSION,
      },
    },
    // Keep shared schemas under their own names (#/components/schemas/ProblemDetails).
    refResolver: {
      buildLocalReference: (json, _baseUri, _fragment, index) =>
        typeof json.$id === "string" ? json.$id : `def-${index}`,
    },
  });
  await app.register(swaggerUi, {
    routePrefix: DOCS_PATH,
    uiConfig: { url: OPENAPI_PATH },
    // Helmet already sets a CSP that allows the documentation's own files.
    staticCSP: false,
  });
  app.get(OPENAPI_PATH, { schema: { hide: true } }, async () => app.swagger());
}
