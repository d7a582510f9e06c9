// The vocabulary of the rules engine: the situation it reads, the directive versions it applies and the
// result it returns. The lists of values are the single source for the payload schemas and the forms.

export const ACTIVITIES = [
  "employee",
  "temp_worker",
  "esat_worker",
  "jobseeker",
  "pre_retiree",
  "student",
  "retired",
  "self_employed",
  "other",
] as const;
export const EMPLOYER_SECTORS = ["private_non_agricultural", "private_agricultural", "public"] as const;
export const CONTRACT_TYPES = ["permanent", "fixed_term", "temp_mission", "apprenticeship", "other"] as const;
export const OCCUPANCIES = [
  "tenant",
  "owner",
  "buyer",
  "occupant_without_title",
  "hosted",
  "homeless",
] as const;
export const DISASTER_KINDS = ["natural", "technological"] as const;
export const SITUATION_KINDS = [
  "over_indebtedness",
  "financial_imbalance",
  "separation",
  "family_conflict",
  "domestic_violence",
  "death",
  "illness",
  "disability",
  "job_loss",
  "rent_arrears",
  "mortgage_arrears",
  "co_ownership_charges_arrears",
  "energy_poverty",
  "other_life_accident",
] as const;
export const OUTCOMES = ["eligible", "ineligible", "review", "incomplete"] as const;
export const CLAUSE_STATUSES = ["met", "not_met", "unknown"] as const;

export type Activity = (typeof ACTIVITIES)[number];
export type EmployerSector = (typeof EMPLOYER_SECTORS)[number];
export type ContractType = (typeof CONTRACT_TYPES)[number];
export type Occupancy = (typeof OCCUPANCIES)[number];
export type DisasterKind = (typeof DISASTER_KINDS)[number];
export type SituationKind = (typeof SITUATION_KINDS)[number];

/** Dates are ISO `YYYY-MM-DD` (Europe/Paris calendar days). Every fact but the request date may be absent. */
export interface Situation {
  id?: string;
  requestDate: string;
  person?: {
    activity?: Activity;
    /** For a jobseeker or a pre-retiree: the former employer. */
    employer?: { sector?: EmployerSector; headcount?: number };
    /** `end: null` means no planned end (open-ended contract). */
    contract?: { type?: ContractType; start?: string; end?: string | null };
    tempHoursLast12Months?: number;
    esatSupportContractSigned?: boolean;
    activityEndDate?: string;
  };
  visale?: { exceptionalEvent?: boolean; guaranteeEligible?: boolean };
  disaster?: { kind?: DisasterKind; officiallyDeclared?: boolean; uninhabitableDwellings?: number };
  housing?: { postcode?: string; occupancy?: Occupancy };
  situations?: SituationKind[];
}

export type Outcome = (typeof OUTCOMES)[number];
export type ClauseStatus = (typeof CLAUSE_STATUSES)[number];

/** One finding: the clause it rests on, whether the situation meets it, and why, in French. */
export interface Reason {
  readonly clause: string;
  readonly status: ClauseStatus;
  readonly text: string;
}

/** Settings that the directives leave to Action Logement Services. */
export interface RuleParameters {
  /** Minimum mission hours over the last 12 months for a temp worker whose mission is under 3 months (2025). */
  tempWorkerMinHours: number;
}
export type RuleParameterKey = keyof RuleParameters;

export interface EligibilityResult {
  id?: string;
  directive: string;
  outcome: Outcome;
  reasons: readonly Reason[];
  /** JSON Pointers of the facts that are needed and absent. */
  missing: readonly string[];
  /** The parameter values this evaluation used. */
  parameters: Readonly<RuleParameters>;
  engineVersion: string;
}

/** What a clause is about, shared across versions so that two versions can be compared clause by clause. */
export type ClauseTopic =
  | "definition"
  | "employees"
  | "jobseekers"
  | "pre_retirees"
  | "temp_workers"
  | "esat_workers"
  | "visale"
  | "natural_disaster"
  | "technological_disaster"
  | "territory"
  | "occupancy"
  | "access_financial"
  | "access_life_events"
  | "access_arrears"
  | "listening"
  | "diagnosis"
  | "action_plan"
  | "engagement"
  | "follow_up"
  | "confidentiality"
  | "free_of_charge"
  | "rental_service"
  | "housing_first";

export interface Clause {
  /** Stable id: `<reference>/<section>/<number>`, e.g. `PP_SERV_ASD_2_DIR/beneficiaires/1`. */
  readonly id: string;
  readonly topic: ClauseTopic;
  /** Heading of the directive under which the clause stands, as printed. */
  readonly heading: string;
  /** `eligibility` clauses are evaluated; `principle` clauses describe how the service works. */
  readonly kind: "eligibility" | "principle";
  /** The exact French text, quoted from the directive. */
  readonly text: string;
  /** What the clause requires, as the engine reads it (French, for people). */
  readonly condition: string;
}

export interface DirectiveVersion {
  readonly reference: string;
  readonly title: string;
  /** "Prestation de services" or "Prêt et Subvention". */
  readonly mode: string;
  readonly modeKind: "service" | "loan_and_grant";
  /** "Droit ouvert : non": eligibility never opens an automatic right. */
  readonly openEntitlement: false;
  readonly validatedOn: string;
  readonly appliesFrom: string;
  /** Last day in force (the day before the next version applies); null while it is the latest. */
  readonly appliesUntil: string | null;
  readonly withinAnnualEnvelope: boolean;
  readonly clauses: readonly Clause[];
}
