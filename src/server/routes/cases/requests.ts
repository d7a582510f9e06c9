// Opening a case: POST /api/v1/requests (the public form, no account, rate limited) and POST /api/v1/cases
// (a request taken by the agency). Both record the consent and the notice version, and flag a possible
// duplicate for the counsellor; the public caller only ever learns the reference of its own request.
import Type from "typebox";
import type { CounsellorRequest, PublicRequest } from "../../../contracts/cases.ts";
import { regionOfPostcode } from "../../../core/cases/regions.ts";
import { territoryOfPostcode } from "../../../core/rules/index.ts";
import { todayInParis } from "../../../core/time/index.ts";
import { normaliseEmail, normalisePhone, tidyName } from "../../../db/cases/identity.ts";
import {
  agencyForRegion,
  createCase,
  findCase,
  findUser,
  type NewCase,
} from "../../../db/cases/repository.ts";
import { HttpProblem, problemResponses, type ValidationIssue } from "../../problem.ts";
import type { AppInstance } from "../../types.ts";
import type { RateLimitSetting } from "../eligibility/eligibility.ts";
import { asProblems, auditContext, sessionOf, setEtag } from "./caseAccess.ts";
import { caseProblemMessages, caseRouteMessages } from "./messages.fr.ts";
import { caseDetail } from "./presenters.ts";

/** Per client address: a person files one request, perhaps corrects it; not a bulk channel. */
export const DEFAULT_REQUEST_RATE_LIMIT: RateLimitSetting = { max: 10, timeWindow: "1 minute" };

function invalid(errors: ValidationIssue[]): HttpProblem {
  return HttpProblem.of(400, "validation_failed", { errors });
}

function personOf(person: PublicRequest["person"] | CounsellorRequest["person"]): NewCase["person"] {
  return {
    firstName: tidyName(person.firstName),
    lastName: tidyName(person.lastName),
    birthDate: person.birthDate ?? null,
    email: normaliseEmail(person.email),
    phone: normalisePhone(person.phone),
    postcode: person.postcode ?? null,
  };
}

function contactProblems(person: NewCase["person"]): ValidationIssue[] {
  const problems: ValidationIssue[] = [];
  if (person.email === null && person.phone === null) {
    problems.push({
      path: "/person/email",
      code: "CONTACT_REQUIRED",
      message: caseProblemMessages.contactRequired,
    });
  }
  if (person.postcode !== null && territoryOfPostcode(person.postcode) === undefined) {
    problems.push({
      path: "/person/postcode",
      code: "UNKNOWN_POSTCODE",
      message: caseProblemMessages.unknownPostcode,
    });
  }
  return problems;
}

export async function caseRequestRoutes(
  app: AppInstance,
  options: { rateLimit?: RateLimitSetting | undefined },
): Promise<void> {
  const db = app.db;
  const rateLimit = options.rateLimit ?? DEFAULT_REQUEST_RATE_LIMIT;

  app.post(
    "/api/v1/requests",
    {
      config: { rateLimit: { max: rateLimit.max, timeWindow: rateLimit.timeWindow } },
      schema: {
        tags: ["cases"],
        summary: caseRouteMessages.publicRequestSummary,
        description: caseRouteMessages.publicRequestDescription,
        body: Type.Ref("PublicRequest"),
        response: { 201: Type.Ref("PublicRequestReceipt"), ...problemResponses(400, 413, 415, 429, 503) },
      },
    },
    async (request, reply) => {
      const body = request.body as PublicRequest;
      const person = personOf(body.person);
      const problems = contactProblems(person);
      if (problems.length > 0) throw invalid(problems);
      const organisationId = await agencyForRegion(db.drizzle, regionOfPostcode(body.person.postcode));
      if (organisationId === undefined) {
        const { title, detail } = caseProblemMessages.noAgency;
        throw new HttpProblem(503, "no_agency", title, detail);
      }
      const requestedOn = todayInParis();
      const created = await asProblems(() =>
        createCase(
          db,
          {
            organisationId,
            counsellorUserId: null,
            channel: "web_form",
            requestedOn,
            person,
            preferredChannel: body.preferredChannel ?? null,
            preferredTimes: body.preferredTimes?.trim() ?? null,
            situationSummary: body.situationSummary.trim(),
            noticeVersion: body.consent.noticeVersion,
            createdByUserId: null,
          },
          auditContext(request),
          app.config.dataEncryptionKey,
        ),
      );
      // Same answer whether or not the request duplicates another: the caller learns nothing of other cases.
      return reply.code(201).send({ reference: created.row.reference, requestedOn });
    },
  );

  app.post(
    "/api/v1/cases",
    {
      config: { permission: "cases.create" },
      schema: {
        tags: ["cases"],
        summary: caseRouteMessages.counsellorRequestSummary,
        description: caseRouteMessages.counsellorRequestDescription,
        body: Type.Ref("CounsellorRequest"),
        response: { 201: Type.Ref("CaseDetail"), ...problemResponses(400, 401, 403, 415, 422) },
      },
    },
    async (request, reply) => {
      const session = sessionOf(request);
      const organisationId = session.organisation?.id;
      if (organisationId === undefined || session.organisation?.kind !== "agency") {
        throw HttpProblem.of(403, "forbidden");
      }
      const body = request.body as CounsellorRequest;
      const person = personOf(body.person);
      const problems = contactProblems(person);
      if (body.requestedOn > todayInParis()) {
        problems.push({
          path: "/requestedOn",
          code: "DATE_IN_FUTURE",
          message: caseProblemMessages.futureDate,
        });
      }
      if (problems.length > 0) throw invalid(problems);
      let counsellorUserId = session.role === "counsellor" ? session.user.id : null;
      if (body.counsellorUserId !== undefined) {
        const counsellor = await findUser(db.drizzle, body.counsellorUserId);
        if (
          counsellor === undefined ||
          counsellor.organisationId !== organisationId ||
          (counsellor.role !== "counsellor" && counsellor.role !== "manager")
        ) {
          throw new HttpProblem(
            422,
            "NOT_A_COUNSELLOR",
            caseProblemMessages.invalidStep.title,
            caseProblemMessages.notACounsellor,
            {
              errors: [
                {
                  path: "/counsellorUserId",
                  code: "NOT_A_COUNSELLOR",
                  message: caseProblemMessages.notACounsellor,
                },
              ],
            },
          );
        }
        counsellorUserId = counsellor.id;
      }
      const created = await asProblems(
        () =>
          createCase(
            db,
            {
              organisationId,
              counsellorUserId,
              channel: body.channel,
              requestedOn: body.requestedOn,
              person,
              preferredChannel: body.preferredChannel ?? null,
              preferredTimes: body.preferredTimes?.trim() ?? null,
              situationSummary: body.situationSummary?.trim() ?? null,
              noticeVersion: body.consent.noticeVersion,
              createdByUserId: session.user.id,
            },
            auditContext(request),
            app.config.dataEncryptionKey,
          ),
        (field) => `/${field}`,
      );
      const record = await findCase(db.drizzle, created.row.id);
      if (record === undefined) throw new Error("created case not found");
      setEtag(reply, record.row.version);
      reply.header("location", `/api/v1/cases/${record.row.id}`);
      return reply.code(201).send(await caseDetail(db.drizzle, record, app.config.dataDecryptionKeys));
    },
  );
}
