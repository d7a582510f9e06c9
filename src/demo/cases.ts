// The demo caseload (demo mode only): 200 fictitious cases per demo agency, spread over every step of the
// lifecycle as the table below says, so that a new user sees a living caseload at once. Each case is built
// in memory (case.ts), then the whole caseload is written in a few multi-row inserts inside one transaction,
// because a request-by-request replay (thousands of transactions and audit appends) would make the first
// start of a demo far slower. The data is deterministic (fixed seed), and the people are invented.
import { CASE_STATUSES, type CaseStatus } from "../core/cases/index.ts";
import { todayInParis } from "../core/time/index.ts";
import { recordAudit } from "../db/audit/append.ts";
import { findUsersByEmail, listOrganisations, type OrganisationRecord } from "../db/demo/accounts.ts";
import { countCasesOf, type DemoCaseload, insertCaseload, takeCaseNumbers } from "../db/demo/cases.ts";
import type { ServiceContext } from "../services/context.ts";
import { inTransaction } from "../services/transactions.ts";
import { DEMO_ACCOUNTS } from "./accounts.ts";
import { addDays } from "./calendar.ts";
import { buildDemoCase } from "./case.ts";
import { type Random, seededRandom } from "./random.ts";

/**
 * How many of an agency's demo cases stand at each step, and how many days ago their request came: the
 * further the step, the older the request.
 */
const DISTRIBUTION: Readonly<Record<CaseStatus, { cases: number; ageDays: readonly [number, number] }>> = {
  request_received: { cases: 20, ageDays: [0, 10] },
  eligibility_assessed: { cases: 15, ageDays: [3, 20] },
  admitted: { cases: 10, ageDays: [5, 30] },
  refused: { cases: 12, ageDays: [5, 60] },
  redirected: { cases: 8, ageDays: [5, 60] },
  diagnosis: { cases: 25, ageDays: [10, 60] },
  action_plan: { cases: 25, ageDays: [20, 90] },
  engagement: { cases: 20, ageDays: [30, 120] },
  follow_up: { cases: 35, ageDays: [45, 300] },
  closed: { cases: 30, ageDays: [90, 540] },
};

export const DEMO_CASES_PER_AGENCY = CASE_STATUSES.reduce(
  (sum, status) => sum + DISTRIBUTION[status].cases,
  0,
);

const SEED = 20_251_125;

export interface DemoCasesResult {
  createdCases: number;
}

/**
 * Adds the demo caseload when the demo agencies have no case yet (a fresh demo database); otherwise does
 * nothing. Its days are counted back from today in Paris; the sensitive fields are sealed with the context's
 * key, as the application seals them.
 */
export async function seedDemoCases(context: ServiceContext): Promise<DemoCasesResult> {
  const db = context.db.drizzle;
  const organisations = await listOrganisations(db);
  const agencies = organisations.filter((org) => org.kind === "agency" && org.name.startsWith("Agence de "));
  const partner = organisations.find((org) => org.kind === "partner");
  if (agencies.length === 0) return { createdCases: 0 };
  const existing = await countCasesOf(
    db,
    agencies.map((agency) => agency.id),
  );
  if (existing > 0) return { createdCases: 0 };
  const staff = await findUsersByEmail(
    db,
    DEMO_ACCOUNTS.map((account) => account.email),
  );
  const numbers = await takeCaseNumbers(db, agencies.length * DEMO_CASES_PER_AGENCY);

  // Built before the transaction: PGlite is one connection, and nothing else runs while it is open.
  const random = seededRandom(SEED);
  const today = todayInParis(context.now());
  const caseload: DemoCaseload = {
    cases: [],
    snapshots: [],
    events: [],
    diagnoses: [],
    referrals: [],
    actions: [],
    appointments: [],
    outcomes: [],
    surveys: [],
  };
  let index = 0;
  for (const agency of agencies) {
    const counsellorId =
      staff.find((user) => user.organisationId === agency.id && user.email.startsWith("conseill"))?.id ??
      null;
    for (const status of CASE_STATUSES) {
      for (let n = 0; n < DISTRIBUTION[status].cases; n++) {
        const requestedOn = requestDay(random, status, today);
        const assigned = assignedCounsellor(random, status, counsellorId);
        const rows = buildDemoCase(random, {
          index,
          number: numbers[index] ?? index + 1,
          status,
          requestedOn,
          today,
          agencyId: agency.id,
          postcode: postcodeOf(agency),
          counsellorId: assigned,
          partnerId: partner?.id,
          sealingKey: context.keys.sealing,
        });
        for (const part of rows) addRows(caseload, part);
        index++;
      }
    }
  }

  await inTransaction(context, async (tx) => {
    await insertCaseload(tx, caseload);
    await recordAudit(tx, {
      action: "demo.cases_seeded",
      targetType: "demo",
      details: { cases: caseload.cases.length, agencies: agencies.length },
    });
  });
  return { createdCases: caseload.cases.length };
}

function requestDay(random: Random, status: CaseStatus, today: string): string {
  const [minAge, maxAge] = DISTRIBUTION[status].ageDays;
  return addDays(today, -random.int(minAge, maxAge));
}

/** Half of the new requests still wait for a counsellor; every other case has the agency's. */
function assignedCounsellor(random: Random, status: CaseStatus, counsellorId: string | null): string | null {
  return status === "request_received" && random.chance(0.5) ? null : counsellorId;
}

/** Where the agency's people live: a postcode of its city. */
function postcodeOf(agency: OrganisationRecord): string {
  return agency.city === "Lyon" ? "69003" : "75011";
}

function addRows(caseload: DemoCaseload, rows: Partial<DemoCaseload>): void {
  for (const [table, list] of Object.entries(rows)) {
    (caseload[table as keyof DemoCaseload] as object[]).push(...list);
  }
}
