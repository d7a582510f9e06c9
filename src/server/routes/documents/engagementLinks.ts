// The one-time acceptance link of the reciprocal engagement. A counsellor creates it (a case change: If-Match,
// timeline, audit) and sends it; the person, without an account, reads the engagement through it and
// accepts it once, which signs the engagement through the core's transition, in one transaction with the
// link's use, the timeline events and the audit entry.
import Type from "typebox";
import { casePolicy, nextSteps, transition } from "../../../core/cases/index.ts";
import { ACTION_KIND_LABELS, EXTERNAL_AID_LABELS } from "../../../core/diagnosis/index.ts";
import { todayInParis } from "../../../core/time/index.ts";
import { recordAudit } from "../../../db/audit/append.ts";
import { type CaseRecord, caseStateOf, findCase } from "../../../db/cases/repository.ts";
import {
  createEngagementLink,
  type EngagementLinkRow,
  findEngagementLink,
  linkState,
  useEngagementLink,
} from "../../../db/engagementLinks.ts";
import { ACCEPTED_ONLINE_EVENT, planActions } from "../../../db/engagementPlan.ts";
import { engagementPdf } from "../../../pdf/engagement.ts";
import { ENGAGEMENT } from "../../../pdf/messages.fr.ts";
import type { AuditContext } from "../../../services/caller.ts";
import { HttpProblem, problemResponses } from "../../http/problems.ts";
import type { AppInstance } from "../../types.ts";
import {
  asProblems,
  auditContext,
  CaseCommandError,
  changeCase,
  expectedVersion,
  lifecycleChange,
  loadCaseInScope,
  StaleCaseError,
  sessionOf,
  setEtag,
} from "../cases/caseAccess.ts";
import { caseRouteMessages } from "../cases/messages.fr.ts";
import { CaseIdParams } from "../cases/reads.ts";
import { sendDownload } from "./download.ts";
import { engagementInput } from "./letterInputs.ts";
import { documentProblems, documentRouteMessages, linkProblems } from "./messages.fr.ts";

const TokenParams = Type.Object(
  {
    token: Type.String({
      minLength: 20,
      maxLength: 100,
      description: documentRouteMessages.tokenDescription,
    }),
  },
  { additionalProperties: false },
);

function linkProblem(state: "missing" | "used" | "expired" | "revoked"): HttpProblem {
  if (state === "missing") {
    return new HttpProblem(404, "link_not_found", linkProblems.notFound.title, linkProblems.notFound.detail);
  }
  const { title, detail } = linkProblems[state];
  return new HttpProblem(410, `link_${state}`, title, detail);
}

function notSignable(): HttpProblem {
  return new HttpProblem(
    409,
    "engagement_not_signable",
    linkProblems.notSignable.title,
    linkProblems.notSignable.detail,
  );
}

/** The person's audit context: no account, only the request. */
function personContext(request: { id: string; ip: string }): AuditContext {
  return {
    actorUserId: null,
    actorRole: null,
    organisationId: null,
    requestId: request.id,
    clientAddress: request.ip,
  };
}

class LinkNoLongerUsable extends Error {}

/**
 * Requests per client address and minute on the public link routes. A token cannot be guessed (256 bits);
 * the limit keeps anyone from making the server render PDFs or query the database in a loop.
 */
const PUBLIC_RATE_LIMIT = { max: 30, timeWindow: "1 minute" };

export async function engagementLinkRoutes(app: AppInstance): Promise<void> {
  const db = app.db;
  const now = () => app.authOptions.now();

  /** The link behind `token` and its case, if the link still works; a problem saying why otherwise. */
  async function usableLink(token: string): Promise<{ link: EngagementLinkRow; record: CaseRecord }> {
    const link = await findEngagementLink(db.drizzle, token);
    if (link === undefined) throw linkProblem("missing");
    const state = linkState(link, now());
    if (state !== "usable") throw linkProblem(state);
    const record = await findCase(db.drizzle, link.caseId);
    if (record === undefined) throw linkProblem("missing");
    return { link, record };
  }

  app.post(
    "/api/v1/cases/:id/engagement/link",
    {
      config: { permission: "cases.change" },
      schema: {
        tags: ["documents"],
        summary: documentRouteMessages.linkSummary,
        description: documentRouteMessages.linkDescription,
        params: CaseIdParams,
        headers: Type.Object({
          "if-match": Type.Optional(Type.String({ description: caseRouteMessages.ifMatchDescription })),
        }),
        response: {
          201: Type.Ref("EngagementLink"),
          ...problemResponses(400, 401, 403, 404, 409, 412, 428),
        },
      },
    },
    async (request, reply) => {
      const record = await loadCaseInScope(db.drizzle, request, request.params.id, "cases.change");
      const version = expectedVersion(request, record.row.version);
      if (!nextSteps(caseStateOf(record.row)).some((step) => step.command === "signEngagement")) {
        const { title, detail } = documentProblems.cannotSignNow;
        throw new HttpProblem(409, "engagement_not_signable", title, detail);
      }
      const createdByUserId = sessionOf(request).user.id;
      let created: { id: string; token: string; expiresAt: Date } | undefined;
      const updated = await asProblems(() =>
        changeCase(
          db,
          { caseId: record.row.id, expectedVersion: version, context: auditContext(request) },
          async (row, tx) => {
            created = await createEngagementLink(tx, { caseId: row.id, createdByUserId, now: now() });
            const facts = { linkId: created.id, expiresAt: created.expiresAt.toISOString() };
            return {
              events: [{ type: "engagement_link_created", data: facts }],
              audit: { action: "case.engagement_link_created", details: facts },
            };
          },
        ),
      );
      if (created === undefined) throw new Error("the link was not created");
      setEtag(reply, updated.version);
      return reply.code(201).send({
        token: created.token,
        path: `/engagement/${created.token}`,
        expiresAt: created.expiresAt.toISOString(),
      });
    },
  );

  app.get(
    "/api/v1/engagements/:token",
    {
      config: { rateLimit: PUBLIC_RATE_LIMIT },
      schema: {
        tags: ["documents"],
        summary: documentRouteMessages.publicSummary,
        params: TokenParams,
        response: { 200: Type.Ref("EngagementSummary"), ...problemResponses(400, 404, 410, 429) },
      },
    },
    async (request) => {
      const { link, record } = await usableLink(request.params.token);
      const { row } = record;
      const policy = casePolicy(row.directive);
      const actions = await planActions(db.drizzle, row.id);
      await recordAudit(db.drizzle, {
        ...personContext(request),
        action: "engagement_link.viewed",
        targetType: "case",
        targetId: row.id,
        details: { linkId: link.id },
      });
      return {
        reference: row.reference,
        agency: record.organisationName,
        counsellor: record.counsellor?.name ?? record.organisationName,
        person: `${row.personFirstName} ${row.personLastName}`,
        directive: row.directive,
        basis: policy === undefined ? "" : ENGAGEMENT.basis[policy.engagement],
        alsCommitments: [...ENGAGEMENT.alsCommitments],
        beneficiaryCommitments: [...ENGAGEMENT.beneficiaryCommitments],
        actions: actions.map((action) => ({
          title: action.title,
          kind:
            action.kind === "external_aid" && action.externalAid !== null
              ? EXTERNAL_AID_LABELS[action.externalAid]
              : ACTION_KIND_LABELS[action.kind],
          owner: action.owner,
          ownerLabel:
            action.partnerName === null
              ? ENGAGEMENT.owners[action.owner]
              : ENGAGEMENT.ownerNamed(ENGAGEMENT.owners[action.owner], action.partnerName),
          dueOn: action.dueOn,
        })),
        expiresAt: link.expiresAt.toISOString(),
        pdfPath: `/api/v1/engagements/${request.params.token}/engagement.pdf`,
      };
    },
  );

  app.get(
    "/api/v1/engagements/:token/engagement.pdf",
    {
      config: { rateLimit: PUBLIC_RATE_LIMIT },
      schema: {
        tags: ["documents"],
        summary: documentRouteMessages.publicPdfSummary,
        params: TokenParams,
        response: {
          200: { description: "Le document PDF.", content: { "application/pdf": { schema: {} } } },
          ...problemResponses(400, 404, 410, 429),
        },
      },
    },
    async (request, reply) => {
      const { link, record } = await usableLink(request.params.token);
      const bytes = await engagementPdf(await engagementInput(db.drizzle, record, now()));
      await recordAudit(db.drizzle, {
        ...personContext(request),
        action: "engagement_link.pdf_read",
        targetType: "case",
        targetId: record.row.id,
        details: { linkId: link.id },
      });
      return sendDownload(reply, {
        bytes,
        mediaType: "application/pdf",
        name: `engagement-reciproque-${record.row.reference}.pdf`,
      });
    },
  );

  app.post(
    "/api/v1/engagements/:token",
    {
      // The token in the path is the credential: a page on another site cannot know it, so the CSRF
      // check (for sessions) adds nothing, and the person has no session anyway.
      config: { csrf: false, rateLimit: PUBLIC_RATE_LIMIT },
      schema: {
        tags: ["documents"],
        summary: documentRouteMessages.publicAcceptSummary,
        description: documentRouteMessages.publicAcceptDescription,
        params: TokenParams,
        body: Type.Ref("EngagementAcceptance"),
        response: { 200: Type.Ref("EngagementAccepted"), ...problemResponses(400, 404, 409, 410, 415, 429) },
      },
    },
    async (request) => {
      const { link } = await usableLink(request.params.token);
      const at = now();
      const on = todayInParis(at);
      // A concurrent change of the case moves its version under us: read it again and retry, a few times.
      for (let attempt = 0; ; attempt++) {
        const record = await findCase(db.drizzle, link.caseId);
        if (record === undefined) throw linkProblem("missing");
        try {
          await changeCase(
            db,
            { caseId: record.row.id, expectedVersion: record.row.version, context: personContext(request) },
            async (row, tx) => {
              if (!(await useEngagementLink(tx, link.id, at))) throw new LinkNoLongerUsable();
              const result = transition(caseStateOf(row), { type: "signEngagement", on });
              const change = lifecycleChange(result, {
                action: "case.signEngagement",
                details: {
                  from: row.status,
                  to: result.ok ? result.state.status : row.status,
                  method: "one_time_link",
                  linkId: link.id,
                },
              });
              return {
                ...change,
                events: [...change.events, { type: ACCEPTED_ONLINE_EVENT, data: { linkId: link.id } }],
              };
            },
          );
          return { reference: record.row.reference, acceptedOn: on, message: linkProblems.accepted };
        } catch (error) {
          if (error instanceof StaleCaseError && attempt < 3) continue;
          if (error instanceof CaseCommandError) throw notSignable();
          if (error instanceof LinkNoLongerUsable) {
            const again = await findEngagementLink(db.drizzle, request.params.token);
            const state = again === undefined ? "missing" : linkState(again, at);
            throw linkProblem(state === "usable" ? "used" : state);
          }
          throw error;
        }
      }
    },
  );
}
