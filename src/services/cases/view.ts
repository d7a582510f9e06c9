// A case as its page shows it: the stored case with its names, its latest eligibility snapshot, its
// referrals and its situation summary opened with the configured keys. The server's presenter turns it
// into the API's CaseDetail.
import type { Case } from "../../core/cases/index.ts";
import { storedPerson } from "../../db/cases/identity.ts";
import {
  type CaseRecord,
  caseReferralsOf,
  caseStateOf,
  findCase,
  findSnapshot,
  type ReferralRecord,
  readSituationSummary,
  type SnapshotRecord,
} from "../../db/cases/repository.ts";
import type { ServiceContext } from "../context.ts";
import { caseNotFound } from "./access.ts";

export interface CaseView {
  record: CaseRecord;
  /** The core's lifecycle value of the case. */
  state: Case;
  person: ReturnType<typeof storedPerson>;
  snapshot: SnapshotRecord | undefined;
  referrals: ReferralRecord[];
  situationSummary: string | null;
}

export async function caseViewOf(context: ServiceContext, record: CaseRecord): Promise<CaseView> {
  const db = context.db.drizzle;
  const state = caseStateOf(record.row);
  const snapshotId = state.eligibility?.snapshotId;
  return {
    record,
    state,
    person: storedPerson(record.row),
    snapshot: snapshotId === undefined ? undefined : await findSnapshot(db, snapshotId),
    referrals: await caseReferralsOf(db, record.row.id),
    situationSummary: readSituationSummary(record.row, context.keys.opening),
  };
}

/** The case as it is now, after a change. */
export async function freshCaseView(context: ServiceContext, caseId: string): Promise<CaseView> {
  const record = await findCase(context.db.drizzle, caseId);
  if (record === undefined) throw caseNotFound();
  return caseViewOf(context, record);
}
