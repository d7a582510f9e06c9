// The simulator's answers as the form holds them (strings, as typed), which questions they make
// relevant, and the situation they describe for the rules engine. Pure functions: tested without a browser.
import type {
  Activity,
  ContractType,
  DisasterKind,
  EmployerSector,
  Occupancy,
  SituationKind,
} from "../../../src/core/rules/index.ts";
import { addMonths, dayNumber, directiveInForce } from "../../../src/core/rules/index.ts";
import { frenchToday, isoDay } from "../frenchDates.ts";

export type YesNo = "" | "yes" | "no" | "unknown";

export interface Answers {
  /** JJ/MM/AAAA as typed. */
  requestDate: string;
  activity: Activity | "";
  sector: EmployerSector | "";
  headcount: string;
  contractType: ContractType | "";
  contractStart: string;
  contractEnd: string;
  tempHours: string;
  esatSigned: YesNo;
  activityEndDate: string;
  visaleEvent: YesNo;
  visaleEligible: YesNo;
  disaster: "" | "none" | DisasterKind;
  disasterDeclared: YesNo;
  dwellings: string;
  postcode: string;
  occupancy: Occupancy | "";
  situations: SituationKind[];
}

export function initialAnswers(now: Date = new Date()): Answers {
  return {
    requestDate: frenchToday(now),
    activity: "",
    sector: "",
    headcount: "",
    contractType: "",
    contractStart: "",
    contractEnd: "",
    tempHours: "",
    esatSigned: "",
    activityEndDate: "",
    visaleEvent: "",
    visaleEligible: "",
    disaster: "",
    disasterDeclared: "",
    dwellings: "",
    postcode: "",
    occupancy: "",
    situations: [],
  };
}

/** Which questions the answers so far make relevant. */
export interface Relevance {
  employer: boolean;
  /** The employer asked about is a former one (jobseeker, pre-retiree). */
  formerEmployer: boolean;
  contractType: boolean;
  contractDates: boolean;
  contractEnd: boolean;
  tempHours: boolean;
  esat: boolean;
  activityEnd: boolean;
  visale: boolean;
  visaleEligible: boolean;
  disaster: boolean;
  disasterDeclared: boolean;
  dwellings: boolean;
}

const VISALE_LAST_DAY = "2025-11-19";

export function relevance(answers: Answers): Relevance {
  const activity = answers.activity;
  const employed = activity === "employee" || activity === "temp_worker";
  const former = activity === "jobseeker" || activity === "pre_retiree";
  const request = isoDay(answers.requestDate);
  // VISALE households appear in the 2021 directive only.
  const visale = request === undefined || request <= VISALE_LAST_DAY;
  const start = isoDay(answers.contractStart);
  const end = isoDay(answers.contractEnd);
  // A temp worker's hours matter only for a mission under 3 months (or of unknown length).
  const shortMission =
    start === undefined || end === undefined || dayNumber(end) < addMonths(start, 3) || end < start;
  return {
    employer: employed || former,
    formerEmployer: former,
    contractType: activity === "employee",
    contractDates: employed,
    contractEnd:
      activity === "temp_worker" || (activity === "employee" && answers.contractType !== "permanent"),
    tempHours:
      activity === "temp_worker" && shortMission && (request === undefined || request > VISALE_LAST_DAY),
    esat: activity === "esat_worker",
    activityEnd: former,
    visale,
    visaleEligible: visale && answers.visaleEvent === "yes",
    disaster: employed || activity === "esat_worker",
    disasterDeclared:
      (employed || activity === "esat_worker") &&
      (answers.disaster === "natural" || answers.disaster === "technological"),
    dwellings: (employed || activity === "esat_worker") && answers.disaster === "technological",
  };
}

/** Where each field of the form sits in a situation (JSON Pointer), for errors and missing facts. */
export const FIELD_OF_POINTER: Readonly<Record<string, keyof Answers>> = {
  "/requestDate": "requestDate",
  "/person/activity": "activity",
  "/person/employer/sector": "sector",
  "/person/employer/headcount": "headcount",
  "/person/contract/type": "contractType",
  "/person/contract/start": "contractStart",
  "/person/contract/end": "contractEnd",
  "/person/tempHoursLast12Months": "tempHours",
  "/person/esatSupportContractSigned": "esatSigned",
  "/person/activityEndDate": "activityEndDate",
  "/visale/exceptionalEvent": "visaleEvent",
  "/visale/guaranteeEligible": "visaleEligible",
  "/disaster/kind": "disaster",
  "/disaster/officiallyDeclared": "disasterDeclared",
  "/disaster/uninhabitableDwellings": "dwellings",
  "/housing/postcode": "postcode",
  "/housing/occupancy": "occupancy",
  "/situations": "situations",
};

const DATE_FIELDS = ["requestDate", "contractStart", "contractEnd", "activityEndDate"] as const;
export type DateField = (typeof DATE_FIELDS)[number];

function yesNo(answer: YesNo): boolean | undefined {
  return answer === "yes" ? true : answer === "no" ? false : undefined;
}

/** A typed number: kept as a number when it reads as one, else as the text (the validator rejects it). */
function numberOf(text: string): number | string | undefined {
  const trimmed = text.trim().replace(/\s/g, "");
  if (trimmed === "") return undefined;
  const value = Number(trimmed.replace(",", "."));
  return Number.isFinite(value) ? value : trimmed;
}

export interface Built {
  /** The candidate situation (not yet validated: it may hold values the schema rejects). */
  situation: unknown;
  /** Dates typed in a form that is not a calendar day: reported by the form itself. */
  dateErrors: DateField[];
}

/**
 * The situation the relevant answers describe. An empty answer is an absent fact; a postcode still being
 * typed (fewer than five characters, field not left yet) is absent too.
 */
export function buildSituation(answers: Answers, options: { postcodeDone?: boolean } = {}): Built {
  const show = relevance(answers);
  const dateErrors: DateField[] = [];
  const date = (field: DateField): string | undefined => {
    const typed = answers[field].trim();
    if (typed === "") return undefined;
    const iso = isoDay(typed);
    if (iso === undefined) dateErrors.push(field);
    return iso;
  };

  const requestDate = date("requestDate");
  const person: Record<string, unknown> = {};
  if (answers.activity !== "") person.activity = answers.activity;
  if (show.employer) {
    const employer: Record<string, unknown> = {};
    if (answers.sector !== "") employer.sector = answers.sector;
    const headcount = numberOf(answers.headcount);
    if (headcount !== undefined) employer.headcount = headcount;
    if (Object.keys(employer).length > 0) person.employer = employer;
  }
  if (show.contractDates) {
    const contract: Record<string, unknown> = {};
    const type = answers.activity === "temp_worker" ? "temp_mission" : answers.contractType;
    if (type !== "") contract.type = type;
    const start = date("contractStart");
    if (start !== undefined) contract.start = start;
    if (show.contractEnd) {
      const end = date("contractEnd");
      if (end !== undefined) contract.end = end;
    } else if (type === "permanent") {
      contract.end = null;
    }
    person.contract = contract;
  }
  if (show.tempHours) {
    const hours = numberOf(answers.tempHours);
    if (hours !== undefined) person.tempHoursLast12Months = hours;
  }
  if (show.esat) {
    const signed = yesNo(answers.esatSigned);
    if (signed !== undefined) person.esatSupportContractSigned = signed;
  }
  if (show.activityEnd) {
    const end = date("activityEndDate");
    if (end !== undefined) person.activityEndDate = end;
  }

  const situation: Record<string, unknown> = { requestDate: requestDate ?? answers.requestDate.trim() };
  if (Object.keys(person).length > 0) situation.person = person;

  if (show.visale) {
    const visale: Record<string, unknown> = {};
    const event = yesNo(answers.visaleEvent);
    if (event !== undefined) visale.exceptionalEvent = event;
    if (show.visaleEligible) {
      const eligible = yesNo(answers.visaleEligible);
      if (eligible !== undefined) visale.guaranteeEligible = eligible;
    }
    if (Object.keys(visale).length > 0) situation.visale = visale;
  }

  if (show.disaster && (answers.disaster === "natural" || answers.disaster === "technological")) {
    const disaster: Record<string, unknown> = { kind: answers.disaster };
    const declared = yesNo(answers.disasterDeclared);
    if (declared !== undefined) disaster.officiallyDeclared = declared;
    if (show.dwellings) {
      const dwellings = numberOf(answers.dwellings);
      if (dwellings !== undefined) disaster.uninhabitableDwellings = dwellings;
    }
    situation.disaster = disaster;
  }

  const housing: Record<string, unknown> = {};
  const postcode = answers.postcode.trim();
  if (postcode !== "" && (postcode.length >= 5 || options.postcodeDone === true)) housing.postcode = postcode;
  if (answers.occupancy !== "") housing.occupancy = answers.occupancy;
  if (Object.keys(housing).length > 0) situation.housing = housing;

  if (answers.situations.length > 0) situation.situations = [...answers.situations];
  return { situation, dateErrors };
}

/** The directive in force on the typed request date, if it is a date. */
export function directiveForAnswers(answers: Answers) {
  const request = isoDay(answers.requestDate);
  return request === undefined ? undefined : directiveInForce(request);
}
