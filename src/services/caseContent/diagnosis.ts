// The social diagnosis of a case: read (audited; the sensitive topics opened only for the counsellor in
// charge and the agency's manager) and recorded (replacing the previous one, at the version of the case the
// caller read, with the sections that changed on the timeline, never their content).

import {
  type Budget,
  budgetOf,
  type Diagnosis,
  diagnosisProblems,
  normaliseDiagnosis,
} from "../../core/diagnosis/index.ts";
import { todayInParis } from "../../core/time/index.ts";
import { readDiagnosis, type StoredDiagnosis, saveDiagnosis } from "../../db/caseContent/repository.ts";
import { recordRead } from "../auditing.ts";
import { type Caller, staffOf } from "../caller.ts";
import { loadCaseInScope, mayReadSensitive } from "../cases/access.ts";
import { changeCase } from "../cases/change.ts";
import type { StepTarget } from "../cases/steps.ts";
import type { ServiceContext } from "../context.ts";
import { DomainError } from "../errors.ts";
import { contentMessages } from "./messages.fr.ts";
import { contentRefusal, refuseUnlessOpen } from "./refusals.ts";

export interface DiagnosisRead {
  caseId: string;
  /** The case's version: a diagnosis changes with its case, and shares its ETag. */
  caseVersion: number;
  stored: StoredDiagnosis;
  budget: Budget;
  /** The caller may not read the sensitive topics: they were left out (and not even decrypted). */
  sensitiveHidden: boolean;
}

/** The diagnosis's parts, for the timeline: which of them a write changes. */
const DIAGNOSIS_SECTIONS = [
  "household",
  "income",
  "expenses",
  "debts",
  "housing",
  "employment",
  "sensitive",
] as const;

function diagnosisNotFound(): DomainError {
  const { title, detail } = contentMessages.diagnosisNotFound;
  return new DomainError("not_found", "diagnosis_not_found", title, detail);
}

async function diagnosisRead(
  context: ServiceContext,
  caseId: string,
  caseVersion: number,
  withSensitive: boolean,
): Promise<DiagnosisRead> {
  const stored = await readDiagnosis(context.db.drizzle, caseId, context.keys.opening, withSensitive);
  if (stored === undefined) throw diagnosisNotFound();
  return { caseId, caseVersion, stored, budget: budgetOf(stored.diagnosis), sensitiveHidden: !withSensitive };
}

export async function readCaseDiagnosis(
  context: ServiceContext,
  caller: Caller,
  caseId: string,
): Promise<DiagnosisRead> {
  const record = await loadCaseInScope(context, caller, caseId);
  const withSensitive = mayReadSensitive(caller, record);
  const read = await diagnosisRead(context, record.row.id, record.row.version, withSensitive);
  await recordRead(context, caller, {
    action: "case.diagnosis_read",
    targetType: "case",
    targetId: record.row.id,
    details: { sensitive: withSensitive },
  });
  return read;
}

/** Records the case's diagnosis, from the start of the diagnosis to the follow-up. */
export async function recordDiagnosis(
  context: ServiceContext,
  caller: Caller,
  target: StepTarget,
  input: Diagnosis,
): Promise<DiagnosisRead> {
  const record = await loadCaseInScope(context, caller, target.caseId, "cases.change");
  const today = todayInParis(context.now());
  const problems = diagnosisProblems(input, today);
  if (problems.length > 0) throw contentRefusal(problems);
  const diagnosis = normaliseDiagnosis(input);
  const userId = staffOf(caller).userId;
  const updated = await changeCase(context, caller, target, async (row, tx) => {
    refuseUnlessOpen(row, "diagnosis");
    // The sensitive part is compared once decrypted, and never logged.
    const previous = await readDiagnosis(tx, row.id, context.keys.opening, true);
    const sections = DIAGNOSIS_SECTIONS.filter(
      (section) => JSON.stringify(previous?.diagnosis[section]) !== JSON.stringify(diagnosis[section]),
    );
    await saveDiagnosis(tx, {
      caseId: row.id,
      diagnosis,
      userId,
      diagnosedOn: today,
      at: context.now(),
      key: context.keys.sealing,
    });
    // Which parts changed, never their content: the timeline is read by the whole agency.
    const data = { first: previous === undefined, sections };
    return {
      events: [{ type: "diagnosis_recorded", data }],
      audit: { action: "case.diagnosis_recorded", details: data },
    };
  });
  return diagnosisRead(context, record.row.id, updated.version, mayReadSensitive(caller, record));
}
