// The vocabulary of a case's content: the structured social diagnosis, the action plan's actions, the
// appointments, the closure's outcome indicators and the satisfaction survey. Plain data, so that the
// server stores it, the API returns it and the browser validates the same value. Money is in integer
// cents, days are ISO `YYYY-MM-DD`.
import type { Activity, ContractType, Occupancy } from "../rules/types.ts";

export const HOUSEHOLD_RELATIONS = ["beneficiary", "partner", "child", "other_relative", "other"] as const;
export const INCOME_KINDS = [
  "salary",
  "unemployment_benefit",
  "pension",
  "sick_pay",
  "family_benefits",
  "housing_benefit",
  "minimum_income",
  "activity_bonus",
  "disability_benefit",
  "alimony_received",
  "other",
] as const;
export const EXPENSE_KINDS = [
  "rent",
  "mortgage",
  "service_charges",
  "energy",
  "water",
  "insurance",
  "telecom",
  "transport",
  "childcare",
  "school",
  "health",
  "alimony_paid",
  "taxes",
  "debt_repayment",
  "other",
] as const;
export const DEBT_KINDS = [
  "rent_arrears",
  "mortgage_arrears",
  "co_ownership_charges_arrears",
  "energy",
  "consumer_credit",
  "bank_overdraft",
  "tax",
  "health",
  "private_loan",
  "other",
] as const;
/** A debt's recovery procedure, from the first reminder to enforcement (« saisie »). */
export const DEBT_STAGES = [
  "none",
  "reminder",
  "formal_notice",
  "summons",
  "judgment",
  "enforcement",
] as const;
export const LANDLORD_TYPES = ["social", "private", "intermediated", "other"] as const;
/** The procedure threatening the home: eviction (tenants, occupants, hosted people) or property seizure. */
export const HOUSING_PROCEDURE_KINDS = ["eviction", "property_seizure"] as const;
/** Glossary: « impayé, commandement de payer, assignation, jugement, concours de la force publique ». */
export const HOUSING_PROCEDURE_STAGES = [
  "unpaid",
  "formal_notice",
  "summons",
  "judgment",
  "eviction_order",
] as const;
export const WORKING_TIMES = ["full_time", "part_time"] as const;

export type HouseholdRelation = (typeof HOUSEHOLD_RELATIONS)[number];
export type IncomeKind = (typeof INCOME_KINDS)[number];
export type ExpenseKind = (typeof EXPENSE_KINDS)[number];
export type DebtKind = (typeof DEBT_KINDS)[number];
export type DebtStage = (typeof DEBT_STAGES)[number];
export type LandlordType = (typeof LANDLORD_TYPES)[number];
export type HousingProcedureKind = (typeof HOUSING_PROCEDURE_KINDS)[number];
export type HousingProcedureStage = (typeof HOUSING_PROCEDURE_STAGES)[number];
export type WorkingTime = (typeof WORKING_TIMES)[number];

export interface HouseholdMember {
  readonly relation: HouseholdRelation;
  /** Age in whole years on the day of the diagnosis. */
  readonly age: number;
  /** « À charge »: supported by the household's resources. */
  readonly dependant: boolean;
}

export interface IncomeLine {
  readonly kind: IncomeKind;
  /** Monthly amount in cents. */
  readonly monthlyCents: number;
  readonly label?: string;
}

export interface ExpenseLine {
  readonly kind: ExpenseKind;
  readonly monthlyCents: number;
  readonly label?: string;
}

export interface Debt {
  readonly kind: DebtKind;
  /** Creditor's name (a company or an institution: the diagnosis never names the employer). */
  readonly creditor: string;
  /** Amount still owed, in cents. */
  readonly amountCents: number;
  /** Part of it that is overdue (« impayés »), in cents: never more than the amount owed. */
  readonly arrearsCents: number;
  readonly stage: DebtStage;
}

export interface HousingProcedure {
  readonly kind: HousingProcedureKind;
  readonly stage: HousingProcedureStage;
}

export interface Housing {
  readonly occupancy: Occupancy;
  /** Rent (tenant) or loan instalment (buyer), per month, in cents; absent when there is none. */
  readonly monthlyCostCents?: number;
  /** Tenants only. */
  readonly landlordType?: LandlordType;
  /** The procedure under way, if any. */
  readonly procedure?: HousingProcedure;
}

export interface Employment {
  readonly activity: Activity;
  readonly contractType?: ContractType;
  readonly workingTime?: WorkingTime;
  /** Start of the current job or situation. */
  readonly since?: string;
}

/**
 * Sensitive topics and free notes: only the counsellor in charge and the agency's manager read them, and
 * the server stores them encrypted. Absent when the reader may not see them.
 */
export interface SensitiveTopics {
  readonly health?: string;
  readonly violence?: string;
  readonly notes?: string;
}

export interface Diagnosis {
  readonly household: readonly HouseholdMember[];
  readonly income: readonly IncomeLine[];
  readonly expenses: readonly ExpenseLine[];
  readonly debts: readonly Debt[];
  readonly housing: Housing;
  readonly employment: Employment;
  readonly sensitive?: SensitiveTopics;
}

/** The monthly budget derived from a diagnosis. */
export interface Budget {
  readonly incomeCents: number;
  readonly expensesCents: number;
  /** « Reste à vivre »: income − expenses, exactly (negative when expenses exceed income). */
  readonly remainingIncomeCents: number;
  /** Consumption units of the household, in tenths (OECD-modified scale: 2,1 UC is 21). */
  readonly consumptionUnitTenths: number;
  /** Reste à vivre per consumption unit, per month, rounded to the cent (half away from zero). */
  readonly remainingIncomePerUnitCents: number;
  readonly debtCents: number;
  readonly arrearsCents: number;
  readonly dependants: number;
}

// --- Action plan ------------------------------------------------------------------------------------------

export const ACTION_KINDS = [
  "al_product",
  "external_aid",
  "partner_referral",
  "rental_service",
  "housing_first",
  "other",
] as const;
export const EXTERNAL_AIDS = ["fsl", "caf", "over_indebtedness_file", "ccas", "other"] as const;
export const ACTION_OWNERS = ["beneficiary", "counsellor", "partner"] as const;
export const ACTION_STATUSES = ["planned", "in_progress", "done", "cancelled"] as const;

export type ActionKind = (typeof ACTION_KINDS)[number];
export type ExternalAid = (typeof EXTERNAL_AIDS)[number];
export type ActionOwner = (typeof ACTION_OWNERS)[number];
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** What the counsellor writes when adding an action to the plan. */
export interface ActionInput {
  readonly kind: ActionKind;
  readonly title: string;
  /** `al_product` only: the catalogue entry (loan, grant, rental service, other Action Logement aid). */
  readonly catalogueItemId?: string;
  /** `external_aid` only. */
  readonly externalAid?: ExternalAid;
  /** Who carries the action out. */
  readonly owner: ActionOwner;
  /** The partner organisation, when the owner is a partner (always for a referral). */
  readonly partnerOrganisationId?: string;
  readonly dueOn: string;
}

/** A change to an action: its progress, its due date, its outcome. */
export interface ActionUpdate {
  readonly status?: ActionStatus;
  readonly dueOn?: string;
  readonly outcome?: string;
}

export interface PlanAction extends ActionInput {
  readonly status: ActionStatus;
  /** What came of it; required once the action is done or cancelled. */
  readonly outcome?: string;
}

// --- Follow-up, closure and quality -----------------------------------------------------------------------

export const APPOINTMENT_CHANNELS = ["visit", "phone", "video"] as const;
export type AppointmentChannel = (typeof APPOINTMENT_CHANNELS)[number];

export interface AppointmentInput {
  /** Date and time with its offset (RFC 3339), e.g. `2025-12-03T14:30:00+01:00`. */
  readonly at: string;
  readonly channel: AppointmentChannel;
  /** Free notes: sensitive, stored encrypted, read only by those who read the sensitive topics. */
  readonly notes?: string;
}

export const CLOSURE_OUTCOMES = [
  "housing_kept",
  "housing_obtained",
  "eviction_avoided",
  "seizure_avoided",
  "over_indebtedness_file_lodged",
  "arrears_cleared",
  "budget_rebalanced",
  "rights_opened",
  "referred_to_partner",
] as const;
export type ClosureOutcome = (typeof CLOSURE_OUTCOMES)[number];

/** What the closure achieved, as indicators the statistics count. Empty when nothing came of it. */
export interface ClosureOutcomes {
  readonly indicators: readonly ClosureOutcome[];
  readonly comment?: string;
}

/** The days that the quality measure counts from (Europe/Paris calendar days). */
export interface QualityMilestones {
  readonly requestedOn: string;
  readonly firstContactOn?: string;
  readonly diagnosedOn?: string;
  readonly closedOn?: string;
}

/** Whole days from the request to each milestone; null until the milestone is reached. */
export interface QualityDurations {
  readonly toFirstContact: number | null;
  readonly toDiagnosis: number | null;
  readonly toClosure: number | null;
}

export interface SurveyAnswer {
  /** 1 (very dissatisfied) to 5 (very satisfied). */
  readonly rating: number;
  readonly comment?: string;
}

// --- Errors -----------------------------------------------------------------------------------------------

export const DIAGNOSIS_ERROR_CODES = [
  "NO_BENEFICIARY",
  "SEVERAL_BENEFICIARIES",
  "ARREARS_EXCEED_AMOUNT",
  "LANDLORD_NOT_TENANT",
  "HOUSING_COST_WITHOUT_HOUSING",
  "PROCEDURE_NOT_FOR_OCCUPANCY",
  "EVICTION_ORDER_NOT_SEIZURE",
  "INVALID_DATE",
  "DATE_IN_FUTURE",
  "BLANK_TEXT",
  "CATALOGUE_ITEM_REQUIRED",
  "CATALOGUE_ITEM_NOT_ALLOWED",
  "EXTERNAL_AID_REQUIRED",
  "EXTERNAL_AID_NOT_ALLOWED",
  "PARTNER_REQUIRED",
  "PARTNER_NOT_ALLOWED",
  "HOUSING_FIRST_NOT_IN_DIRECTIVE",
  "HOUSING_FIRST_HAS_HOUSING",
  "ACTION_FINISHED",
  "ACTION_OUTCOME_REQUIRED",
  "DATE_BEFORE_REQUEST",
  "DUPLICATE_INDICATOR",
  "RATING_OUT_OF_RANGE",
] as const;
export type DiagnosisErrorCode = (typeof DIAGNOSIS_ERROR_CODES)[number];

/**
 * `conflict`: the value is well formed but the action's state forbids the change (409);
 * `invalid`: a field is wrong (400, with the field at fault).
 */
export const DIAGNOSIS_ERROR_KINDS: Readonly<Record<DiagnosisErrorCode, "conflict" | "invalid">> = {
  NO_BENEFICIARY: "invalid",
  SEVERAL_BENEFICIARIES: "invalid",
  ARREARS_EXCEED_AMOUNT: "invalid",
  LANDLORD_NOT_TENANT: "invalid",
  HOUSING_COST_WITHOUT_HOUSING: "invalid",
  PROCEDURE_NOT_FOR_OCCUPANCY: "invalid",
  EVICTION_ORDER_NOT_SEIZURE: "invalid",
  INVALID_DATE: "invalid",
  DATE_IN_FUTURE: "invalid",
  BLANK_TEXT: "invalid",
  CATALOGUE_ITEM_REQUIRED: "invalid",
  CATALOGUE_ITEM_NOT_ALLOWED: "invalid",
  EXTERNAL_AID_REQUIRED: "invalid",
  EXTERNAL_AID_NOT_ALLOWED: "invalid",
  PARTNER_REQUIRED: "invalid",
  PARTNER_NOT_ALLOWED: "invalid",
  HOUSING_FIRST_NOT_IN_DIRECTIVE: "conflict",
  HOUSING_FIRST_HAS_HOUSING: "conflict",
  ACTION_FINISHED: "conflict",
  ACTION_OUTCOME_REQUIRED: "invalid",
  DATE_BEFORE_REQUEST: "invalid",
  DUPLICATE_INDICATOR: "invalid",
  RATING_OUT_OF_RANGE: "invalid",
};

export interface DiagnosisError {
  readonly code: DiagnosisErrorCode;
  /** French, for people. */
  readonly message: string;
  /** JSON Pointer (RFC 6901) of the field at fault in the payload; "" for the whole value. */
  readonly path: string;
  /** The directive clause the refusal rests on, when it rests on one. */
  readonly clause?: string;
}
