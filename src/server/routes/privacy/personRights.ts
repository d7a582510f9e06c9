// The person's rights over a case (GDPR): access (the export, JSON and PDF), rectification of identity and
// contact, and erasure where the law allows it. Each is scoped like any case route (another agency's case
// is a 404) and audited; the trail says what was done, never the values.
import { eq } from "drizzle-orm";
import type { FastifyRequest } from "fastify";
import Type from "typebox";
import type { ErasureRequest, PersonRectification } from "../../../contracts/privacy.ts";
import { territoryOfPostcode } from "../../../core/rules/index.ts";
import { recordAudit } from "../../../db/audit/append.ts";
import { normaliseEmail, normalisePhone, tidyName } from "../../../db/cases/identity.ts";
import type { CaseRecord, CaseRow } from "../../../db/cases/repository.ts";
import type { Drizzle } from "../../../db/database.ts";
import { caseAnonymisations, cases } from "../../../db/schema/index.ts";
import { personalDataPdf } from "../../../pdf/personalData.ts";
import { mayReadSensitive } from "../../../services/cases/access.ts";
import { callerOf } from "../../http/caller.ts";
import { HttpProblem, problemResponses, type ValidationIssue } from "../../http/problems.ts";
import { eraseCase } from "../../privacy/erasure.ts";
import { personalDataOf } from "../../privacy/personalData.ts";
import type { AppInstance } from "../../types.ts";
import { auditContext, caseNotFound, loadCaseInScope, runCaseStep } from "../cases/caseAccess.ts";
import { CaseIdParams } from "../cases/reads.ts";
import { privacyProblemMessages, privacyRouteMessages } from "./messages.fr.ts";

type PersonColumns = Pick<
  CaseRow,
  | "personFirstName"
  | "personLastName"
  | "personBirthDate"
  | "personEmail"
  | "personPhone"
  | "personPostcode"
  | "preferredChannel"
  | "preferredTimes"
>;

/** Body field → column, for the fields a rectification may change. */
const COLUMNS: Record<keyof PersonRectification, keyof PersonColumns> = {
  firstName: "personFirstName",
  lastName: "personLastName",
  birthDate: "personBirthDate",
  email: "personEmail",
  phone: "personPhone",
  postcode: "personPostcode",
  preferredChannel: "preferredChannel",
  preferredTimes: "preferredTimes",
};

/** The body's values as stored (normalised as at creation, so that duplicates are still recognised). */
function storedValues(body: PersonRectification): Partial<PersonColumns> {
  const values: Partial<PersonColumns> = {};
  if (body.firstName !== undefined) values.personFirstName = tidyName(body.firstName);
  if (body.lastName !== undefined) values.personLastName = tidyName(body.lastName);
  if (body.birthDate !== undefined) values.personBirthDate = body.birthDate;
  if (body.email !== undefined) values.personEmail = normaliseEmail(body.email ?? undefined);
  if (body.phone !== undefined) values.personPhone = normalisePhone(body.phone ?? undefined);
  if (body.postcode !== undefined) values.personPostcode = body.postcode;
  if (body.preferredChannel !== undefined) values.preferredChannel = body.preferredChannel;
  if (body.preferredTimes !== undefined) values.preferredTimes = body.preferredTimes?.trim() ?? null;
  return values;
}

function rectificationProblems(row: CaseRow, values: Partial<PersonColumns>): ValidationIssue[] {
  const after = { ...row, ...values };
  const problems: ValidationIssue[] = [];
  if (after.personEmail === null && after.personPhone === null) {
    problems.push({
      path: "email" in values ? "/email" : "/phone",
      code: "CONTACT_REQUIRED",
      message: privacyProblemMessages.contactRequired,
    });
  }
  if (values.personPostcode != null && territoryOfPostcode(values.personPostcode) === undefined) {
    problems.push({
      path: "/postcode",
      code: "UNKNOWN_POSTCODE",
      message: privacyProblemMessages.unknownPostcode,
    });
  }
  return problems;
}

/** 409 once the case's personal data are erased (by request or by the retention job). */
async function refuseWhenErased(db: Drizzle, caseId: string): Promise<void> {
  const [erased] = await db
    .select({ id: caseAnonymisations.caseId })
    .from(caseAnonymisations)
    .where(eq(caseAnonymisations.caseId, caseId));
  if (erased !== undefined) {
    const { title, detail } = privacyProblemMessages.alreadyErased;
    throw new HttpProblem(409, "personal_data_erased", title, detail);
  }
}

export async function personRightsRoutes(app: AppInstance): Promise<void> {
  const db = app.db.drizzle;
  const keys = () => app.config.dataDecryptionKeys;

  async function exportFor(request: FastifyRequest, format: "json" | "pdf") {
    const { id } = request.params as { id: string };
    const record = await loadCaseInScope(db, request, id, "cases.sensitive.read");
    const exported = await personalDataOf(
      db,
      record,
      keys(),
      (other: CaseRecord) => mayReadSensitive(callerOf(request), other),
      new Date(),
    );
    await recordAudit(db, {
      ...auditContext(request),
      action: "person.data_exported",
      targetType: "case",
      targetId: record.row.id,
      details: {
        format,
        caseIds: exported.cases.map((item) => item.id),
        sensitiveWithheld: exported.cases.filter((item) => item.sensitiveWithheld).map((item) => item.id),
      },
    });
    return { record, exported };
  }

  app.get(
    "/api/v1/cases/:id/personal-data",
    {
      config: { permission: "cases.sensitive.read" },
      schema: {
        tags: ["privacy"],
        summary: privacyRouteMessages.exportSummary,
        description: privacyRouteMessages.exportDescription,
        params: CaseIdParams,
        response: { 200: Type.Ref("PersonalDataExport"), ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const { exported } = await exportFor(request, "json");
      reply.header("cache-control", "no-store");
      return exported;
    },
  );

  app.get(
    "/api/v1/cases/:id/personal-data.pdf",
    {
      config: { permission: "cases.sensitive.read" },
      schema: {
        tags: ["privacy"],
        summary: privacyRouteMessages.exportPdfSummary,
        description: privacyRouteMessages.exportDescription,
        params: CaseIdParams,
        produces: ["application/pdf"],
        response: {
          200: Type.String({ contentMediaType: "application/pdf", description: "Relevé en PDF." }),
          ...problemResponses(400, 401, 403, 404),
        },
      },
    },
    async (request, reply) => {
      const { record, exported } = await exportFor(request, "pdf");
      const bytes = await personalDataPdf(exported);
      return reply
        .header("cache-control", "no-store")
        .header(
          "content-disposition",
          `attachment; filename="donnees-personnelles-${record.row.reference}.pdf"`,
        )
        .type("application/pdf")
        .send(bytes);
    },
  );

  app.patch(
    "/api/v1/cases/:id/person",
    {
      config: { permission: "cases.change" },
      schema: {
        tags: ["privacy"],
        summary: privacyRouteMessages.rectifySummary,
        description: privacyRouteMessages.rectifyDescription,
        params: CaseIdParams,
        headers: Type.Object({ "if-match": Type.Optional(Type.String()) }),
        body: Type.Ref("PersonRectification"),
        response: {
          200: Type.Ref("CaseDetail"),
          ...problemResponses(400, 401, 403, 404, 409, 412, 415, 428),
        },
      },
    },
    async (request, reply) => {
      const body = request.body as PersonRectification;
      const values = storedValues(body);
      return runCaseStep(app, request, reply, "cases.change", async (row) => {
        // First: an erased case has no contact left, and saying so beats asking for one.
        await refuseWhenErased(db, row.id);
        const problems = rectificationProblems(row, values);
        if (problems.length > 0) throw HttpProblem.of(400, "validation_failed", { errors: problems });
        return async (current, tx) => {
          await refuseWhenErased(tx, current.id);
          // Which fields changed, in the body's names: the values stay in the case row only.
          const fields = (Object.keys(COLUMNS) as (keyof PersonRectification)[]).filter(
            (field) => COLUMNS[field] in values && current[COLUMNS[field]] !== values[COLUMNS[field]],
          );
          if (fields.length > 0) await tx.update(cases).set(values).where(eq(cases.id, current.id));
          return {
            events: [{ type: "person_rectified", data: { fields } }],
            audit: { action: "case.person_rectified", details: { fields } },
          };
        };
      });
    },
  );

  app.post(
    "/api/v1/cases/:id/erasure",
    {
      config: { permission: "cases.change" },
      schema: {
        tags: ["privacy"],
        summary: privacyRouteMessages.eraseSummary,
        description: privacyRouteMessages.eraseDescription,
        params: CaseIdParams,
        body: Type.Ref("ErasureRequest"),
        response: { 200: Type.Ref("ErasureResult"), ...problemResponses(400, 401, 403, 404, 409, 415) },
      },
      preValidation: async (request) => {
        request.body ??= {};
      },
    },
    async (request) => {
      const record = await loadCaseInScope(db, request, request.params.id, "cases.change");
      const body = request.body as ErasureRequest;
      const outcome = await eraseCase(db, {
        caseId: record.row.id,
        reason: body.reason.trim(),
        context: auditContext(request),
        now: new Date(),
      });
      if (!outcome.ok) {
        if (outcome.refusal === "not_found") throw caseNotFound();
        throw new HttpProblem(
          409,
          outcome.refusal,
          privacyProblemMessages.erasureRefused.title,
          privacyProblemMessages.erasureRefusals[outcome.refusal],
        );
      }
      return {
        caseId: record.row.id,
        erasedAt: outcome.erasedAt.toISOString(),
        replaced: outcome.replaced,
      };
    },
  );
}
