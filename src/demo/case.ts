// One demo case at a given step, with what was written about it on the way there: the eligibility snapshot,
// the diagnosis, the referral and the plan's actions, the appointments, the closure's outcome and survey,
// and the timeline of it all. The core takes the case through its steps (journeyTo, transition) and checks
// the diagnosis and the plan, so it is a case the application could have produced. Its days are spread like
// a real one's (assessed a few days after the request, signed a few weeks later, closed some months after
// that), never after today.
import { randomBytes, randomUUID } from "node:crypto";
import {
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
  CLOSURE_OUTCOMES,
  type Diagnosis,
} from "../core/diagnosis/index.ts";
import { DEFAULT_RULE_PARAMETERS, evaluate, type Situation } from "../core/rules/index.ts";
import { encryptSecret } from "../crypto/secretBox.ts";
import { timelineEntry } from "../db/cases/repository.ts";
import type { DemoActionRow, DemoCaseload, DemoCaseRow, DemoEventRow } from "../db/demo/cases.ts";
import { addDays, at, earliest } from "./calendar.ts";
import { demoDiagnosis, demoPlan, demoSituation } from "./diagnosis.ts";
import { demoPerson } from "./person.ts";
import type { Random } from "./random.ts";

export interface DemoCaseInput {
  /** Rank of the case in the caseload: it chooses the person. */
  index: number;
  /** The case's number in the reference sequence. */
  number: number;
  status: CaseStatus;
  requestedOn: string;
  /** The Europe/Paris day of the seeding: nothing happens after it. */
  today: string;
  agencyId: string;
  postcode: string;
  counsellorId: string | null;
  /** The demo partner organisation, to which some cases are referred. */
  partnerId: string | undefined;
  /** The key that seals the sensitive part of a diagnosis. */
  sealingKey: Buffer;
}

/** The case being built: the id its rows refer to, and the counsellor who wrote them. */
interface CaseFile {
  caseId: string;
  counsellorId: string | null;
}

/** The days the case's steps were taken on. */
interface CaseDays {
  requested: string;
  assessed: string;
  diagnosisStarted: string;
  signed: string;
  closed: string;
  today: string;
}

/** Something that happened to the case on a day, for its timeline. */
interface Dated {
  on: string;
  type: string;
  data: Record<string, unknown>;
}

/** What one step left: rows, and what the timeline says of it. */
interface Step {
  rows: Partial<DemoCaseload>;
  timeline: Dated[];
}

interface Assessment {
  snapshotId: string;
  situation: Situation;
  result: ReturnType<typeof evaluate>;
}

/**
 * The rows of one case at `input.status`, table by table. The random draws come in a fixed order (days,
 * journey, diagnosis, plan, next appointment, closure, case), so that a seed gives the same caseload.
 */
export function buildDemoCase(random: Random, input: DemoCaseInput): Partial<DemoCaseload>[] {
  const file: CaseFile = { caseId: randomUUID(), counsellorId: input.counsellorId };
  const days = caseDays(random, input.requestedOn, input.today);
  const situation = demoSituation(input.requestedOn, input.postcode);
  const assessment = {
    snapshotId: randomUUID(),
    situation,
    result: evaluate(situation, DEFAULT_RULE_PARAMETERS),
  };
  const journey = caseJourney(random, input, days, assessment);
  const steps: Step[] = [];
  if (journey.state.eligibility !== null) steps.push(assessmentStep(file, days, assessment));
  if (journey.entered.has("startDiagnosis")) {
    const diagnosed = diagnosisStep(random, file, days, input.sealingKey);
    steps.push(diagnosed);
    if (journey.entered.has("proposePlan")) {
      steps.push(planStep(random, file, input, journey.state.directive, diagnosed));
    }
    if (input.status === "engagement" || input.status === "follow_up") {
      steps.push(nextAppointmentStep(random, file, days.today));
    }
    if (input.status === "closed") steps.push(closureStep(random, file, days));
  }
  // Same-day events keep the order they happened in (the sort is stable).
  const timeline = [...journey.timeline, ...steps.flatMap((step) => step.timeline)].sort((a, b) =>
    a.on < b.on ? -1 : a.on > b.on ? 1 : 0,
  );
  return [
    { cases: [caseRow(random, input, file, journey.state, timeline)], events: timelineRows(file, timeline) },
    ...steps.map((step) => step.rows),
  ];
}

/**
 * Assessed 1 to 4 days after the request, diagnosis begun 2 days later, engagement signed 15 to 30 days
 * after the assessment, closed 30 to 120 days after signing; today at the latest.
 */
function caseDays(random: Random, requestedOn: string, today: string): CaseDays {
  const assessed = earliest(addDays(requestedOn, random.int(1, 4)), today);
  const signed = earliest(addDays(assessed, random.int(15, 30)), today);
  const closed = earliest(addDays(signed, random.int(30, 120)), today);
  const diagnosisStarted = earliest(addDays(assessed, 2), today);
  return { requested: requestedOn, assessed, diagnosisStarted, signed, closed, today };
}

/** The day each step is taken on; the other steps follow the previous one the same day. */
const STEP_DAYS: Partial<Record<CaseCommand["type"], (days: CaseDays) => string>> = {
  assessEligibility: (days) => days.assessed,
  startDiagnosis: (days) => days.diagnosisStarted,
  signEngagement: (days) => days.signed,
  close: (days) => days.closed,
};

const CLOSURE_REASONS = ["resolved", "resolved", "partly_resolved", "abandoned", "unreachable"] as const;

/** The case opened on its request and taken by the core to its step, each step's events dated. */
function caseJourney(
  random: Random,
  input: DemoCaseInput,
  days: CaseDays,
  assessment: Assessment,
): { state: Case; timeline: Dated[]; entered: Set<CaseCommand["type"]> } {
  const opened = openCase({ requestedOn: input.requestedOn });
  if (!opened.ok) throw new Error(`demo case: ${opened.error.code}`);
  const commands = journeyTo(input.status, opened.state.directive, input.requestedOn).map(
    (command): CaseCommand => {
      switch (command.type) {
        case "assessEligibility": {
          const { snapshotId, result } = assessment;
          const snapshot = {
            ...command.snapshot,
            snapshotId,
            outcome: result.outcome,
            assessedOn: days.assessed,
          };
          return { type: "assessEligibility", snapshot };
        }
        case "signEngagement":
          return { type: "signEngagement", on: days.signed };
        case "close":
          return { type: "close", reason: random.pick(CLOSURE_REASONS), on: days.closed };
        default:
          return command;
      }
    },
  );
  let state = opened.state;
  const timeline = dated(input.requestedOn, opened.events);
  let day = input.requestedOn;
  for (const command of commands) {
    const next = transition(state, command);
    if (!next.ok) throw new Error(`demo case ${command.type}: ${next.error.code}`);
    day = STEP_DAYS[command.type]?.(days) ?? day;
    timeline.push(...dated(day, next.events));
    state = next.state;
  }
  return { state, timeline, entered: new Set(commands.map((command) => command.type)) };
}

function dated(on: string, events: readonly CaseEvent[]): Dated[] {
  return events.map((event) => ({ on, ...timelineEntry(event) }));
}

/** The eligibility snapshot, and the phone call the day after the request that gathered its facts. */
function assessmentStep(file: CaseFile, days: CaseDays, assessment: Assessment): Step {
  const { snapshotId, situation, result } = assessment;
  const calledOn = earliest(addDays(days.requested, 1), days.assessed);
  return {
    rows: {
      snapshots: [
        {
          id: snapshotId,
          caseId: file.caseId,
          directive: result.directive,
          facts: json(situation),
          outcome: result.outcome,
          reasons: result.reasons.map((reason) => ({ ...reason })),
          missing: [...result.missing],
          parameters: { ...result.parameters },
          engineVersion: result.engineVersion,
          assessedOn: days.assessed,
          assessedByUserId: file.counsellorId,
        },
      ],
      appointments: [
        {
          caseId: file.caseId,
          at: at(calledOn, 10),
          channel: "phone",
          notes: null,
          createdByUserId: file.counsellorId,
        },
      ],
    },
    timeline: [{ on: calledOn, type: "appointment_recorded", data: { channel: "phone" } }],
  };
}

const DIAGNOSIS_SECTIONS = ["household", "income", "expenses", "debts", "housing", "employment"];

/**
 * The diagnosis, recorded 3 to 10 days after the assessment at a home visit; its sensitive notes (three
 * diagnoses in ten) sealed with the key as the application seals them.
 */
function diagnosisStep(
  random: Random,
  file: CaseFile,
  days: CaseDays,
  sealingKey: Buffer,
): Step & { diagnosis: Diagnosis; diagnosedOn: string } {
  const diagnosedOn = earliest(addDays(days.assessed, random.int(3, 10)), days.today);
  const withSensitive = random.chance(0.3);
  const diagnosis = demoDiagnosis(random, withSensitive);
  const { sensitive, ...structured } = diagnosis;
  return {
    diagnosis,
    diagnosedOn,
    rows: {
      diagnoses: [
        {
          caseId: file.caseId,
          data: json(structured),
          sensitive:
            sensitive === undefined
              ? null
              : encryptSecret(sealingKey, JSON.stringify(sensitive), `case:${file.caseId}:diagnosis`),
          diagnosedOn,
          createdAt: at(diagnosedOn, 15),
          updatedAt: at(diagnosedOn, 15),
          updatedByUserId: file.counsellorId,
        },
      ],
      appointments: [
        {
          caseId: file.caseId,
          at: at(diagnosedOn, 14),
          channel: "visit",
          notes: null,
          createdByUserId: file.counsellorId,
        },
      ],
    },
    timeline: [
      { on: diagnosedOn, type: "diagnosis_recorded", data: { first: true, sections: DIAGNOSIS_SECTIONS } },
    ],
  };
}

/** The plan proposed on the day of the diagnosis, and the referral to the partner of three cases in ten. */
function planStep(
  random: Random,
  file: CaseFile,
  input: DemoCaseInput,
  directive: string,
  { diagnosis, diagnosedOn }: { diagnosis: Diagnosis; diagnosedOn: string },
): Step {
  const partnerId = input.partnerId !== undefined && random.chance(0.3) ? input.partnerId : undefined;
  const plan = demoPlan(random, {
    diagnosis,
    diagnosedOn,
    partnerId,
    directive,
    requestedOn: input.requestedOn,
  });
  const actions = plan.map((action) => actionRow(random, file, action, input.status, diagnosedOn));
  const referral: Step =
    partnerId === undefined
      ? { rows: {}, timeline: [] }
      : {
          rows: {
            referrals: [
              {
                caseId: file.caseId,
                partnerOrganisationId: partnerId,
                note: null,
                referredByUserId: file.counsellorId,
                referredAt: at(diagnosedOn, 16),
              },
            ],
          },
          timeline: [{ on: diagnosedOn, type: "case_referred", data: { partnerOrganisationId: partnerId } }],
        };
  return {
    rows: { ...referral.rows, actions },
    timeline: [
      ...referral.timeline,
      ...actions.map((action) => ({
        on: diagnosedOn,
        type: "action_added",
        data: { actionId: action.id, kind: action.kind, owner: action.owner, dueOn: action.dueOn },
      })),
    ],
  };
}

const ACTION_OUTCOMES: Partial<Record<ActionStatus, string>> = {
  done: "Réalisée.",
  cancelled: "Plus nécessaire.",
};

/** An action of the plan, where it stands at the case's step: settled once closed, under way in follow-up. */
function actionRow(
  random: Random,
  file: CaseFile,
  action: ActionInput,
  status: CaseStatus,
  diagnosedOn: string,
): DemoActionRow & { id: string } {
  const actionStatus: ActionStatus =
    status === "closed"
      ? random.pick(["done", "done", "cancelled"] as const)
      : status === "follow_up"
        ? random.pick(["planned", "in_progress", "in_progress", "done"] as const)
        : "planned";
  return {
    id: randomUUID(),
    caseId: file.caseId,
    kind: action.kind,
    title: action.title,
    externalAid: action.externalAid ?? null,
    owner: action.owner,
    partnerOrganisationId: action.partnerOrganisationId ?? null,
    dueOn: action.dueOn,
    status: actionStatus,
    outcome: ACTION_OUTCOMES[actionStatus] ?? null,
    createdByUserId: file.counsellorId,
    createdAt: at(diagnosedOn, 17),
    updatedAt: at(diagnosedOn, 17),
  };
}

/** The next appointment of a case under way, in the month to come. */
function nextAppointmentStep(random: Random, file: CaseFile, today: string): Step {
  const day = addDays(today, random.int(1, 30));
  return {
    rows: {
      appointments: [
        {
          caseId: file.caseId,
          at: at(day, random.int(9, 16)),
          channel: random.pick(["visit", "phone", "video"] as const),
          notes: null,
          createdByUserId: file.counsellorId,
        },
      ],
    },
    timeline: [{ on: today, type: "appointment_recorded", data: { channel: "visit" } }],
  };
}

/** The outcome recorded on closing, and the satisfaction survey, answered three days later by half. */
function closureStep(random: Random, file: CaseFile, days: CaseDays): Step {
  const indicators = CLOSURE_OUTCOMES.filter(() => random.chance(0.25));
  const answered = random.chance(0.5);
  const answeredOn = earliest(addDays(days.closed, 3), days.today);
  return {
    rows: {
      outcomes: [
        {
          caseId: file.caseId,
          indicators: [...indicators],
          comment: null,
          recordedAt: at(days.closed, 17),
          recordedByUserId: file.counsellorId,
        },
      ],
      surveys: [
        {
          caseId: file.caseId,
          // The hash of a link nobody was sent: random, it matches no token.
          tokenHash: randomBytes(32).toString("hex"),
          createdByUserId: file.counsellorId,
          createdAt: at(days.closed, 18),
          expiresAt: at(addDays(days.closed, 60), 18),
          ...(answered ? { answeredAt: at(answeredOn, 20), rating: random.int(3, 5) } : {}),
        },
      ],
    },
    timeline: [
      { on: days.closed, type: "outcome_recorded", data: { indicators: [...indicators] } },
      ...(answered ? [{ on: answeredOn, type: "survey_answered", data: {} }] : []),
    ],
  };
}

/** The timeline, already in day order, numbered from 1; the request is the person's, the rest the counsellor's. */
function timelineRows(file: CaseFile, timeline: readonly Dated[]): DemoEventRow[] {
  return timeline.map((event, index) => ({
    caseId: file.caseId,
    seq: index + 1,
    occurredAt: at(event.on, 11),
    actorUserId: event.type === "request_received" ? null : file.counsellorId,
    type: event.type,
    data: event.data,
  }));
}

/** The case itself: its state after the journey, its invented person, one version per timeline event. */
function caseRow(
  random: Random,
  input: DemoCaseInput,
  file: CaseFile,
  state: Case,
  timeline: readonly Dated[],
): DemoCaseRow {
  const person = demoPerson(input.index);
  const lastDay = timeline.at(-1)?.on ?? input.requestedOn;
  return {
    id: file.caseId,
    reference: `ASD-${input.requestedOn.slice(0, 4)}-${String(input.number).padStart(6, "0")}`,
    organisationId: input.agencyId,
    counsellorUserId: input.counsellorId,
    status: state.status,
    directive: state.directive,
    requestedOn: input.requestedOn,
    channel: random.pick(["web_form", "phone", "visit", "partner_referral"] as const),
    eligibility: jsonOrNull(state.eligibility),
    decision: jsonOrNull(state.decision),
    engagement: jsonOrNull(state.engagement),
    closure: jsonOrNull(state.closure),
    personFirstName: person.firstName,
    personLastName: person.lastName,
    personEmail: person.email,
    personPhone: person.phone,
    personPostcode: input.postcode,
    preferredChannel: random.pick(["phone", "email", "visit"] as const),
    legalBasis: "consent",
    noticeVersion: "demo",
    consentGivenAt: at(input.requestedOn, 9),
    createdByUserId: null,
    version: timeline.length,
    createdAt: at(input.requestedOn, 9),
    updatedAt: at(lastDay, 11),
  };
}

/** A value of the core as the plain JSON a jsonb column holds. */
function json(value: object): Record<string, unknown> {
  return JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
}

function jsonOrNull(value: object | null): Record<string, unknown> | null {
  return value === null ? null : json(value);
}
