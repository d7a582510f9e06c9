// The two French PDFs of a case, generated on request from what is stored: the refusal letter (only for a
// refused case) and the reciprocal engagement (from the action plan on). Each generation reads the
// person's data, so each is written to the audit trail.

import { recordAudit } from "../../../db/audit/append.ts";
import { caseStateOf } from "../../../db/cases/repository.ts";
import { engagementPdf } from "../../../pdf/engagement.ts";
import { refusalLetterPdf } from "../../../pdf/refusalLetter.ts";
import { HttpProblem, problemResponses } from "../../http/problems.ts";
import type { AppInstance } from "../../types.ts";
import { auditContext, loadCaseInScope } from "../cases/caseAccess.ts";
import { CaseIdParams } from "../cases/reads.ts";
import { sendDownload } from "./download.ts";
import { engagementInput, refusalLetterInput } from "./letterInputs.ts";
import { documentProblems, documentRouteMessages } from "./messages.fr.ts";

const PDF_RESPONSE = { description: "Le document PDF.", content: { "application/pdf": { schema: {} } } };

/** Whether the case has (had) an action plan: from its proposal on, closed cases included once engaged. */
export function hasPlan(status: string, engaged: boolean): boolean {
  return ["action_plan", "engagement", "follow_up"].includes(status) || (status === "closed" && engaged);
}

export async function letterRoutes(app: AppInstance): Promise<void> {
  const db = app.db.drizzle;
  const now = () => app.authOptions.now();

  app.get(
    "/api/v1/cases/:id/letters/refusal.pdf",
    {
      config: { permission: "documents.read" },
      schema: {
        tags: ["documents"],
        summary: documentRouteMessages.refusalSummary,
        params: CaseIdParams,
        response: { 200: PDF_RESPONSE, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const record = await loadCaseInScope(db, request, request.params.id, "documents.read");
      const input = await refusalLetterInput(db, record, now());
      if (input === undefined) {
        const { title, detail } = documentProblems.notRefused;
        throw new HttpProblem(409, "case_not_refused", title, detail);
      }
      const bytes = await refusalLetterPdf(input);
      await recordAudit(db, {
        ...auditContext(request),
        action: "case.refusal_letter_generated",
        targetType: "case",
        targetId: record.row.id,
        details: { version: record.row.version },
      });
      return sendDownload(reply, {
        bytes,
        mediaType: "application/pdf",
        name: `lettre-de-refus-${record.row.reference}.pdf`,
      });
    },
  );

  app.get(
    "/api/v1/cases/:id/engagement.pdf",
    {
      config: { permission: "documents.read" },
      schema: {
        tags: ["documents"],
        summary: documentRouteMessages.engagementSummary,
        params: CaseIdParams,
        response: { 200: PDF_RESPONSE, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const record = await loadCaseInScope(db, request, request.params.id, "documents.read");
      if (!hasPlan(record.row.status, caseStateOf(record.row).engagement !== null)) {
        const { title, detail } = documentProblems.noPlanYet;
        throw new HttpProblem(409, "no_action_plan", title, detail);
      }
      const bytes = await engagementPdf(await engagementInput(db, record, now()));
      await recordAudit(db, {
        ...auditContext(request),
        action: "case.engagement_generated",
        targetType: "case",
        targetId: record.row.id,
        details: { version: record.row.version },
      });
      return sendDownload(reply, {
        bytes,
        mediaType: "application/pdf",
        name: `engagement-reciproque-${record.row.reference}.pdf`,
      });
    },
  );
}
