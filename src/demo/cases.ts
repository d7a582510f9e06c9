// The demo caseload (demo mode only): about 200 fictitious cases per demo agency, spread over every state of
// the lifecycle, with eligibility snapshots, diagnoses, action plans (some overdue), appointments,
// referrals to the demo partner, closure outcomes and survey answers, so that a new user sees a living
// caseload at once. Every case is built by the pure core (journeyTo, transition, diagnosisProblems,
// actionProblems), so it is a case the application could have produced; the rows are then written in a
// few multi-row inserts inside one transaction, because a request-by-request replay (thousands of
// transactions and audit appends) would make the first start of a demo far slower. The data is
// deterministic (fixed pseudo-random seed), and the people are invented.
import { randomBytes, randomUUID } from "node:crypto";
import { type Column, count, getTableColumns, inArray, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import {
  CASE_STATUSES,
  type Case,
  type CaseCommand,
  type CaseEvent,
  type CaseStatus,
  journeyTo,
  openCase,
  transition,
} from "../core/cases/index.ts";
import {
  type ActionInput,
  type ActionStatus,
  actionProblems,
  budgetOf,
  CLOSURE_OUTCOMES,
  type Diagnosis,
  diagnosisProblems,
} from "../core/diagnosis/index.ts";
import { DEFAULT_RULE_PARAMETERS, directiveInForce, evaluate, type Situation } from "../core/rules/index.ts";
import { encryptSecret } from "../crypto/secretBox.ts";
import { recordAudit } from "../db/audit/append.ts";
import { surveyTokenHash } from "../db/caseContent/repository.ts";
import { timelineEntry } from "../db/cases/repository.ts";
import { type Database, type Drizzle, rowsOf } from "../db/database.ts";
import {
  appointments,
  caseActions,
  caseEvents,
  caseOutcomes,
  caseReferrals,
  cases,
  diagnoses,
  eligibilitySnapshots,
  organisations,
  surveys,
  users,
} from "../db/schema/index.ts";
import { DEMO_ACCOUNTS } from "./accounts.ts";

export const DEMO_CASES_PER_AGENCY = 200;

/** How many of an agency's demo cases stand at each step (sums to DEMO_CASES_PER_AGENCY). */
const STATUS_COUNTS: Readonly<Record<CaseStatus, number>> = {
  request_received: 20,
  eligibility_assessed: 15,
  admitted: 10,
  refused: 12,
  redirected: 8,
  diagnosis: 25,
  action_plan: 25,
  engagement: 20,
  follow_up: 35,
  closed: 30,
};

/** Age of a case at each step, in days since its request (older steps, older requests). */
const AGE_DAYS: Readonly<Record<CaseStatus, readonly [number, number]>> = {
  request_received: [0, 10],
  eligibility_assessed: [3, 20],
  admitted: [5, 30],
  refused: [5, 60],
  redirected: [5, 60],
  diagnosis: [10, 60],
  action_plan: [20, 90],
  engagement: [30, 120],
  follow_up: [45, 300],
  closed: [90, 540],
};

const FIRST_NAMES = ["Camille", "Léa", "Hugo", "Nathan", "Inès", "Lucas", "Chloé", "Yanis", "Manon", "Théo"];
const MORE_FIRST_NAMES = [
  "Sarah",
  "Louis",
  "Jade",
  "Adam",
  "Emma",
  "Rayan",
  "Zoé",
  "Gabriel",
  "Lina",
  "Jules",
];
const LAST_NAMES = ["Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy"];
const MORE_LAST_NAMES = [
  "Moreau",
  "Simon",
  "Laurent",
  "Lefebvre",
  "Michel",
  "Garcia",
  "David",
  "Roux",
  "Fournier",
];
const FIRST = [...FIRST_NAMES, ...MORE_FIRST_NAMES];
const LAST = [...LAST_NAMES, ...MORE_LAST_NAMES];

/** Mulberry32: a small deterministic generator, so that every demo database holds the same caseload. */
function generator(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(list: readonly T[]): T => list[int(0, list.length - 1)] as T;
  const chance = (p: number) => next() < p;
  return { int, pick, chance };
}
type Random = ReturnType<typeof generator>;

function addDays(iso: string, days: number): string {
  const date = new Date(`${iso}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

const at = (day: string, hour = 10) => new Date(`${day}T${String(hour).padStart(2, "0")}:00:00+01:00`);
const earliest = (a: string, b: string) => (a < b ? a : b);
const unaccented = (text: string) =>
  text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();

function demoSituation(requestedOn: string, postcode: string): Situation {
  return {
    requestDate: requestedOn,
    person: {
      activity: "employee",
      employer: { sector: "private_non_agricultural", headcount: 120 },
      contract: { type: "permanent", start: "2018-09-01", end: null },
    },
    housing: { postcode, occupancy: "tenant" },
    situations: ["rent_arrears"],
  };
}

function demoDiagnosis(random: Random, withSensitive: boolean): Diagnosis {
  const children = random.int(0, 3);
  const couple = random.chance(0.5);
  const occupancy = random.pick(["tenant", "tenant", "tenant", "tenant", "buyer", "hosted"] as const);
  const rent = occupancy === "hosted" ? 0 : random.int(55, 110) * 1_000;
  const arrears = occupancy !== "hosted" && random.chance(0.6) ? random.int(10, 50) * 10_000 : 0;
  const diagnosis: Diagnosis = {
    household: [
      { relation: "beneficiary", age: random.int(24, 60), dependant: false },
      ...(couple ? [{ relation: "partner" as const, age: random.int(24, 60), dependant: false }] : []),
      ...Array.from({ length: children }, () => ({
        relation: "child" as const,
        age: random.int(0, 17),
        dependant: true,
      })),
    ],
    income: [
      { kind: "salary", monthlyCents: random.int(1_350, 2_600) * 100 },
      ...(couple && random.chance(0.6)
        ? [{ kind: "salary" as const, monthlyCents: random.int(900, 2_000) * 100 }]
        : []),
      ...(children > 0 ? [{ kind: "family_benefits" as const, monthlyCents: children * 14_150 }] : []),
      ...(occupancy === "tenant" && random.chance(0.5)
        ? [{ kind: "housing_benefit" as const, monthlyCents: random.int(80, 300) * 100 }]
        : []),
    ],
    expenses: [
      ...(rent > 0
        ? [{ kind: occupancy === "buyer" ? ("mortgage" as const) : ("rent" as const), monthlyCents: rent }]
        : []),
      { kind: "energy", monthlyCents: random.int(60, 200) * 100 },
      { kind: "insurance", monthlyCents: random.int(30, 90) * 100 },
      { kind: "telecom", monthlyCents: random.int(30, 70) * 100 },
      { kind: "transport", monthlyCents: random.int(40, 180) * 100 },
      ...(random.chance(0.4)
        ? [{ kind: "debt_repayment" as const, monthlyCents: random.int(100, 350) * 100 }]
        : []),
    ],
    debts:
      arrears === 0
        ? []
        : [
            {
              kind: occupancy === "buyer" ? "mortgage_arrears" : "rent_arrears",
              creditor:
                occupancy === "buyer"
                  ? "Banque (démo)"
                  : random.pick(["Bailleur social (démo)", "Bailleur privé (démo)"]),
              amountCents: arrears,
              arrearsCents: arrears,
              stage: random.pick(["reminder", "formal_notice", "summons"] as const),
            },
          ],
    housing: {
      occupancy,
      ...(rent > 0 ? { monthlyCostCents: rent } : {}),
      ...(occupancy === "tenant" ? { landlordType: random.pick(["social", "private"] as const) } : {}),
      ...(arrears > 0
        ? {
            procedure: {
              kind: occupancy === "buyer" ? ("property_seizure" as const) : ("eviction" as const),
              stage: random.pick(["unpaid", "formal_notice", "summons"] as const),
            },
          }
        : {}),
    },
    employment: {
      activity: "employee",
      contractType: "permanent",
      workingTime: random.pick(["full_time", "part_time"] as const),
    },
    ...(withSensitive
      ? { sensitive: { notes: "Note de démonstration : situation fictive, aucune personne réelle." } }
      : {}),
  };
  const problems = diagnosisProblems(diagnosis);
  if (problems.length > 0) throw new Error(`demo diagnosis: ${problems.map((p) => p.code).join(", ")}`);
  return diagnosis;
}

interface Timed {
  on: string;
  type: string;
  data: Record<string, unknown>;
}

export interface DemoCasesResult {
  createdCases: number;
}

/**
 * Adds the demo caseload when the demo agencies have no case yet (a fresh demo database); otherwise does
 * nothing. `today` is the Europe/Paris day; `key` encrypts the sensitive fields as the application does.
 */
export async function seedDemoCases(db: Database, key: Buffer, today: string): Promise<DemoCasesResult> {
  const orgs = await db.drizzle.select().from(organisations);
  const userRows = await db.drizzle
    .select({ id: users.id, email: users.email, organisationId: users.organisationId })
    .from(users)
    .where(
      inArray(
        users.email,
        DEMO_ACCOUNTS.map((account) => account.email),
      ),
    );
  const agencies = orgs.filter((org) => org.kind === "agency" && org.name.startsWith("Agence de "));
  const partner = orgs.find((org) => org.kind === "partner");
  if (agencies.length === 0) return { createdCases: 0 };
  const [existing] = await db.drizzle
    .select({ value: count() })
    .from(cases)
    .where(
      inArray(
        cases.organisationId,
        agencies.map((agency) => agency.id),
      ),
    );
  if ((existing?.value ?? 0) > 0) return { createdCases: 0 };

  const total = agencies.length * DEMO_CASES_PER_AGENCY;
  const random = generator(20_251_125);
  const rows = {
    cases: [] as (typeof cases.$inferInsert)[],
    snapshots: [] as (typeof eligibilitySnapshots.$inferInsert)[],
    events: [] as (typeof caseEvents.$inferInsert)[],
    diagnoses: [] as (typeof diagnoses.$inferInsert)[],
    actions: [] as (typeof caseActions.$inferInsert)[],
    appointments: [] as (typeof appointments.$inferInsert)[],
    referrals: [] as (typeof caseReferrals.$inferInsert)[],
    outcomes: [] as (typeof caseOutcomes.$inferInsert)[],
    surveys: [] as (typeof surveys.$inferInsert)[],
  };

  await db.drizzle.transaction(async (tx) => {
    const numbers = rowsOf<{ value: string | number }>(
      await tx.execute(sql`select nextval('case_reference_seq') as value from generate_series(1, ${total})`),
    ).map((row) => Number(row.value));
    let index = 0;
    for (const agency of agencies) {
      const counsellor = userRows.find(
        (user) => user.organisationId === agency.id && user.email.startsWith("conseill"),
      );
      const postcode = agency.city === "Lyon" ? "69003" : "75011";
      for (const status of CASE_STATUSES) {
        for (let n = 0; n < STATUS_COUNTS[status]; n++) {
          const [minAge, maxAge] = AGE_DAYS[status];
          const requestedOn = addDays(today, -random.int(minAge, maxAge));
          buildCase({
            index,
            number: numbers[index] ?? index + 1,
            status,
            requestedOn,
            agencyId: agency.id,
            counsellorId:
              status === "request_received" && random.chance(0.5) ? null : (counsellor?.id ?? null),
            partnerId: partner?.id,
            postcode,
          });
          index++;
        }
      }
    }
    // Foreign keys first: cases, then what refers to them.
    await insertAsJson(tx, cases, rows.cases);
    await insertAsJson(tx, eligibilitySnapshots, rows.snapshots);
    await insertAsJson(tx, caseEvents, rows.events);
    await insertAsJson(tx, diagnoses, rows.diagnoses);
    await insertAsJson(tx, caseReferrals, rows.referrals);
    await insertAsJson(tx, caseActions, rows.actions);
    await insertAsJson(tx, appointments, rows.appointments);
    await insertAsJson(tx, caseOutcomes, rows.outcomes);
    await insertAsJson(tx, surveys, rows.surveys);
    await recordAudit(tx as Drizzle, {
      action: "demo.cases_seeded",
      targetType: "demo",
      details: { cases: rows.cases.length, agencies: agencies.length },
    });
  });
  return { createdCases: rows.cases.length };

  function buildCase(input: {
    index: number;
    number: number;
    status: CaseStatus;
    requestedOn: string;
    agencyId: string;
    counsellorId: string | null;
    partnerId: string | undefined;
    postcode: string;
  }): void {
    const { status, requestedOn } = input;
    const id = randomUUID();
    const directive = directiveInForce(requestedOn)?.reference ?? "";
    const assessedOn = earliest(addDays(requestedOn, random.int(1, 4)), today);
    const signedOn = earliest(addDays(assessedOn, random.int(15, 30)), today);
    const closedOn = earliest(addDays(signedOn, random.int(30, 120)), today);
    const snapshotId = randomUUID();
    const situation = demoSituation(requestedOn, input.postcode);
    const result = evaluate(situation, DEFAULT_RULE_PARAMETERS);
    // The journey of the core, dated like a real one: assessed a few days after the request, signed a few
    // weeks later, closed some months after that.
    const commands = journeyTo(status, directive, requestedOn).map((command): CaseCommand => {
      switch (command.type) {
        case "assessEligibility":
          return {
            type: "assessEligibility",
            snapshot: { ...command.snapshot, snapshotId, outcome: result.outcome, assessedOn },
          };
        case "signEngagement":
          return { type: "signEngagement", on: signedOn };
        case "close":
          return {
            type: "close",
            reason: random.pick([
              "resolved",
              "resolved",
              "partly_resolved",
              "abandoned",
              "unreachable",
            ] as const),
            on: closedOn,
          };
        default:
          return command;
      }
    });
    const opened = openCase({ requestedOn });
    if (!opened.ok) throw new Error(`demo case: ${opened.error.code}`);
    let state: Case = opened.state;
    const timed: Timed[] = [];
    const record = (on: string, events: readonly CaseEvent[]) => {
      for (const event of events) timed.push({ on, ...timelineEntry(event) });
    };
    record(requestedOn, opened.events);
    let stepDay = requestedOn;
    for (const command of commands) {
      const next = transition(state, command);
      if (!next.ok) throw new Error(`demo case ${command.type}: ${next.error.code}`);
      if (command.type === "assessEligibility") stepDay = assessedOn;
      if (command.type === "signEngagement") stepDay = signedOn;
      if (command.type === "close") stepDay = closedOn;
      if (command.type === "startDiagnosis") stepDay = earliest(addDays(assessedOn, 2), today);
      record(stepDay, next.events);
      state = next.state;
    }
    const reached = (step: CaseStatus) => commands.some((command) => command.type === stepCommand[step]);
    const first = FIRST[input.index % FIRST.length] as string;
    const last = LAST[Math.floor(input.index / FIRST.length) % LAST.length] as string;
    const json = (value: object | null) =>
      value === null ? null : (JSON.parse(JSON.stringify(value)) as Record<string, unknown>);

    if (state.eligibility !== null) {
      rows.snapshots.push({
        id: snapshotId,
        caseId: id,
        directive: result.directive,
        facts: JSON.parse(JSON.stringify(situation)) as Record<string, unknown>,
        outcome: result.outcome,
        reasons: result.reasons.map((reason) => ({ ...reason })),
        missing: [...result.missing],
        parameters: { ...result.parameters },
        engineVersion: result.engineVersion,
        assessedOn,
        assessedByUserId: input.counsellorId,
      });
      rows.appointments.push({
        caseId: id,
        at: at(earliest(addDays(requestedOn, 1), assessedOn), 10),
        channel: "phone",
        notes: null,
        createdByUserId: input.counsellorId,
      });
      timed.push({
        on: earliest(addDays(requestedOn, 1), assessedOn),
        type: "appointment_recorded",
        data: { channel: "phone" },
      });
    }

    if (reached("diagnosis")) {
      const diagnosedOn = earliest(addDays(assessedOn, random.int(3, 10)), today);
      const diagnosis = demoDiagnosis(random, random.chance(0.3));
      const { sensitive, ...structured } = diagnosis;
      rows.diagnoses.push({
        caseId: id,
        data: json(structured) ?? {},
        sensitive:
          sensitive === undefined
            ? null
            : encryptSecret(key, JSON.stringify(sensitive), `case:${id}:diagnosis`),
        diagnosedOn,
        createdAt: at(diagnosedOn, 15),
        updatedAt: at(diagnosedOn, 15),
        updatedByUserId: input.counsellorId,
      });
      timed.push({
        on: diagnosedOn,
        type: "diagnosis_recorded",
        data: {
          first: true,
          sections: ["household", "income", "expenses", "debts", "housing", "employment"],
        },
      });
      rows.appointments.push({
        caseId: id,
        at: at(diagnosedOn, 14),
        channel: "visit",
        notes: null,
        createdByUserId: input.counsellorId,
      });

      if (reached("action_plan")) {
        const referred = input.partnerId !== undefined && random.chance(0.3);
        if (referred && input.partnerId !== undefined) {
          rows.referrals.push({
            caseId: id,
            partnerOrganisationId: input.partnerId,
            note: null,
            referredByUserId: input.counsellorId,
            referredAt: at(diagnosedOn, 16),
          });
          timed.push({
            on: diagnosedOn,
            type: "case_referred",
            data: { partnerOrganisationId: input.partnerId },
          });
        }
        const plan: ActionInput[] = [
          {
            kind: "external_aid",
            externalAid: random.pick(["fsl", "caf", "ccas"] as const),
            title: "Constituer la demande d'aide",
            owner: "beneficiary",
            dueOn: addDays(diagnosedOn, random.int(10, 40)),
          },
          {
            kind: "rental_service",
            title: "Lever les freins à l'attribution d'un logement",
            owner: "counsellor",
            dueOn: addDays(diagnosedOn, random.int(20, 60)),
          },
          ...(budgetOf(diagnosis).remainingIncomeCents < 40_000
            ? [
                {
                  kind: "external_aid" as const,
                  externalAid: "over_indebtedness_file" as const,
                  title: "Déposer un dossier de surendettement",
                  owner: "counsellor" as const,
                  dueOn: addDays(diagnosedOn, random.int(15, 45)),
                },
              ]
            : []),
          ...(referred && input.partnerId !== undefined
            ? [
                {
                  kind: "partner_referral" as const,
                  title: "Accompagnement budgétaire par le partenaire",
                  owner: "partner" as const,
                  partnerOrganisationId: input.partnerId,
                  dueOn: addDays(diagnosedOn, random.int(20, 90)),
                },
              ]
            : []),
        ];
        for (const action of plan) {
          const problems = actionProblems(action, {
            directive,
            requestedOn,
            occupancy: diagnosis.housing.occupancy,
          });
          if (problems.length > 0) throw new Error(`demo action: ${problems.map((p) => p.code).join(", ")}`);
          const closed = status === "closed";
          const actionStatus: ActionStatus = closed
            ? random.pick(["done", "done", "cancelled"] as const)
            : status === "follow_up"
              ? random.pick(["planned", "in_progress", "in_progress", "done"] as const)
              : "planned";
          const actionId = randomUUID();
          rows.actions.push({
            id: actionId,
            caseId: id,
            kind: action.kind,
            title: action.title,
            externalAid: action.externalAid ?? null,
            owner: action.owner,
            partnerOrganisationId: action.partnerOrganisationId ?? null,
            dueOn: action.dueOn,
            status: actionStatus,
            outcome:
              actionStatus === "done"
                ? "Réalisée."
                : actionStatus === "cancelled"
                  ? "Plus nécessaire."
                  : null,
            createdByUserId: input.counsellorId,
            createdAt: at(diagnosedOn, 17),
            updatedAt: at(diagnosedOn, 17),
          });
          timed.push({
            on: diagnosedOn,
            type: "action_added",
            data: { actionId, kind: action.kind, owner: action.owner, dueOn: action.dueOn },
          });
        }
      }
      if (status === "follow_up" || status === "engagement") {
        const next = addDays(today, random.int(1, 30));
        rows.appointments.push({
          caseId: id,
          at: at(next, random.int(9, 16)),
          channel: random.pick(["visit", "phone", "video"] as const),
          notes: null,
          createdByUserId: input.counsellorId,
        });
        timed.push({ on: today, type: "appointment_recorded", data: { channel: "visit" } });
      }
      if (status === "closed") {
        const indicators = CLOSURE_OUTCOMES.filter(() => random.chance(0.25));
        rows.outcomes.push({
          caseId: id,
          indicators: [...indicators],
          comment: null,
          recordedAt: at(closedOn, 17),
          recordedByUserId: input.counsellorId,
        });
        timed.push({ on: closedOn, type: "outcome_recorded", data: { indicators: [...indicators] } });
        const answered = random.chance(0.5);
        rows.surveys.push({
          caseId: id,
          tokenHash: surveyTokenHash(randomBytes(32).toString("base64url")),
          createdByUserId: input.counsellorId,
          createdAt: at(closedOn, 18),
          expiresAt: at(addDays(closedOn, 60), 18),
          ...(answered
            ? { answeredAt: at(earliest(addDays(closedOn, 3), today), 20), rating: random.int(3, 5) }
            : {}),
        });
        if (answered)
          timed.push({ on: earliest(addDays(closedOn, 3), today), type: "survey_answered", data: {} });
      }
    }

    timed.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
    timed.forEach((event, seq) => {
      rows.events.push({
        caseId: id,
        seq: seq + 1,
        occurredAt: at(event.on, 11),
        actorUserId: event.type === "request_received" ? null : input.counsellorId,
        type: event.type,
        data: event.data,
      });
    });
    const lastDay = timed[timed.length - 1]?.on ?? requestedOn;
    rows.cases.push({
      id,
      reference: `ASD-${requestedOn.slice(0, 4)}-${String(input.number).padStart(6, "0")}`,
      organisationId: input.agencyId,
      counsellorUserId: input.counsellorId,
      status: state.status,
      directive: state.directive,
      requestedOn,
      channel: random.pick(["web_form", "phone", "visit", "partner_referral"] as const),
      eligibility: json(state.eligibility),
      decision: json(state.decision),
      engagement: json(state.engagement),
      closure: json(state.closure),
      personFirstName: first,
      personLastName: last,
      personEmail: `${unaccented(first)}.${unaccented(last)}.${input.index}@exemple.test`,
      personPhone: `06${String(10_000_000 + input.index).slice(-8)}`,
      personPostcode: input.postcode,
      preferredChannel: random.pick(["phone", "email", "visit"] as const),
      legalBasis: "consent",
      noticeVersion: "demo",
      consentGivenAt: at(requestedOn, 9),
      createdByUserId: null,
      version: timed.length,
      createdAt: at(requestedOn, 9),
      updatedAt: at(lastDay, 11),
    });
  }
}

/**
 * Inserts many rows as one JSON parameter (jsonb_populate_recordset): one statement, one parameter, where
 * a multi-row VALUES insert binds thousands of parameters, which PGlite handles several times slower.
 * Columns absent from every row keep their default.
 */
async function insertAsJson<T extends PgTable>(tx: Drizzle, table: T, rows: readonly T["$inferInsert"][]) {
  if (rows.length === 0) return;
  const columns = getTableColumns(table) as Record<string, Column>;
  const keys = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  const names = keys.map((key) => (columns[key] as Column).name);
  const records = rows.map((row) =>
    Object.fromEntries(
      keys.map((key, index) => [names[index], (row as Record<string, unknown>)[key] ?? null]),
    ),
  );
  const list = sql.join(
    names.map((name) => sql.identifier(name)),
    sql`, `,
  );
  await tx.execute(
    sql`insert into ${table} (${list}) select ${list} from jsonb_populate_recordset(null::${table}, ${JSON.stringify(records)}::jsonb)`,
  );
}

/** The command that enters each step (for "has the case been through this step?"). */
const stepCommand: Partial<Record<CaseStatus, CaseCommand["type"]>> = {
  diagnosis: "startDiagnosis",
  action_plan: "proposePlan",
};
