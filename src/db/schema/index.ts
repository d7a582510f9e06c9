// Drizzle schema: the single description of the tables, one file per bounded context. `npm run db:generate`
// turns changes into a new SQL migration under src/db/migrations/, which is committed and applied at start.
export * from "./audit.ts";
export * from "./caseContent.ts";
export * from "./cases.ts";
export * from "./documents.ts";
export * from "./finance.ts";
export * from "./identity.ts";
export * from "./parameters.ts";
