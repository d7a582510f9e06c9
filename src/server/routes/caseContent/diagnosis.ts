// GET/PUT /api/v1/cases/{id}/diagnosis: the structured social diagnosis with its budget. The sensitive
// topics are decrypted only for the counsellor in charge and the agency's manager; every read is audited,
// every write moves the case's ETag and lands on the timeline and in the audit trail in one transaction.
import Type from "typebox";
import type { DiagnosisView } from "../../../contracts/diagnosis.ts";
import { CASE_STATUS_LABELS, type CaseStatus } from "../../../core/cases/index.ts";
import {
  budgetOf,
  type Diagnosis,
  diagnosisProblems,
  normaliseDiagnosis,
} from "../../../core/diagnosis/index.ts";
import { todayInParis } from "../../../core/time/index.ts";
import { recordAudit } from "../../../db/audit/append.ts";
import { readDiagnosis, writeDiagnosis } from "../../../db/caseContent/repository.ts";
import { HttpProblem, problemResponses } from "../../http/problems.ts";
import type { AppInstance } from "../../types.ts";
import { auditContext, loadCaseInScope, sessionOf, setEtag } from "../cases/caseAccess.ts";
import { CaseIdParams } from "../cases/reads.ts";
import { changeAtReadVersion, contentProblem, mayReadSensitive } from "./access.ts";
import { contentProblemMessages, contentRouteMessages } from "./messages.fr.ts";

/** From the start of the diagnosis to the follow-up: the diagnosis may be completed as the case goes on. */
export const DIAGNOSIS_OPEN: readonly CaseStatus[] = ["diagnosis", "action_plan", "engagement", "follow_up"];

export async function diagnosisRoutes(app: AppInstance): Promise<void> {
  const db = app.db;
  const keys = () => app.config.dataDecryptionKeys;

  async function view(caseId: string, withSensitive: boolean): Promise<DiagnosisView | undefined> {
    const stored = await readDiagnosis(db.drizzle, caseId, keys(), withSensitive);
    if (stored === undefined) return undefined;
    return {
      caseId,
      diagnosis: stored.diagnosis as DiagnosisView["diagnosis"],
      budget: budgetOf(stored.diagnosis),
      sensitiveHidden: !withSensitive,
      diagnosedOn: stored.diagnosedOn,
      updatedAt: stored.updatedAt.toISOString(),
      updatedBy: stored.updatedBy,
    };
  }

  app.get(
    "/api/v1/cases/:id/diagnosis",
    {
      config: { permission: "cases.read" },
      schema: {
        tags: ["cases"],
        summary: contentRouteMessages.diagnosisReadSummary,
        description: contentRouteMessages.diagnosisReadDescription,
        params: CaseIdParams,
        response: { 200: Type.Ref("DiagnosisView"), ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const record = await loadCaseInScope(db.drizzle, request, request.params.id);
      const withSensitive = mayReadSensitive(request, record);
      const found = await view(record.row.id, withSensitive);
      if (found === undefined) {
        const { title, detail } = contentProblemMessages.diagnosisNotFound;
        throw new HttpProblem(404, "diagnosis_not_found", title, detail);
      }
      await recordAudit(db.drizzle, {
        ...auditContext(request),
        action: "case.diagnosis_read",
        targetType: "case",
        targetId: record.row.id,
        details: { sensitive: withSensitive },
      });
      setEtag(reply, record.row.version);
      return found;
    },
  );

  app.put(
    "/api/v1/cases/:id/diagnosis",
    {
      config: { permission: "cases.change" },
      schema: {
        tags: ["cases"],
        summary: contentRouteMessages.diagnosisWriteSummary,
        description: contentRouteMessages.diagnosisWriteDescription,
        params: CaseIdParams,
        headers: Type.Object({
          "if-match": Type.Optional(Type.String({ description: contentRouteMessages.ifMatchCase })),
        }),
        body: Type.Ref("Diagnosis"),
        response: {
          200: Type.Ref("DiagnosisView"),
          ...problemResponses(400, 401, 403, 404, 409, 412, 415, 428),
        },
      },
    },
    async (request, reply) => {
      const record = await loadCaseInScope(db.drizzle, request, request.params.id, "cases.change");
      const today = todayInParis();
      const given = request.body as Diagnosis;
      const problems = diagnosisProblems(given, today);
      if (problems.length > 0) throw contentProblem(problems);
      const diagnosis = normaliseDiagnosis(given);
      const userId = sessionOf(request).user.id;
      const updated = await changeAtReadVersion(db, request, record, async (row, tx) => {
        if (!DIAGNOSIS_OPEN.includes(row.status)) {
          const { title, detail } = contentProblemMessages.diagnosisNotOpen;
          throw new HttpProblem(
            409,
            "DIAGNOSIS_NOT_OPEN",
            title,
            detail(CASE_STATUS_LABELS[row.status].toLowerCase()),
          );
        }
        const { created, changed } = await writeDiagnosis(tx, {
          caseId: row.id,
          diagnosis,
          userId,
          today,
          keys: keys(),
        });
        // Which parts changed, never their content: the timeline is read by the whole agency.
        const data = { first: created, sections: changed };
        return {
          events: [{ type: "diagnosis_recorded", data }],
          audit: { action: "case.diagnosis_recorded", details: data },
        };
      });
      setEtag(reply, updated.version);
      return view(record.row.id, mayReadSensitive(request, record));
    },
  );
}
