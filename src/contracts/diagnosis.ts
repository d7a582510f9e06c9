// The payloads of a case's content: the social diagnosis, the action plan's actions, appointments, the
// closure's outcome indicators and the satisfaction survey. One schema per payload, for validation, types
// and the OpenAPI document; the compile-time checks at the end keep the request schemas identical to the
// core's hand-written types (src/core/diagnosis/types.ts), as src/contracts/situation.ts does.
import Type, { type Static } from "typebox";
import {
  ACTION_KINDS,
  ACTION_LIMITS,
  ACTION_OWNERS,
  ACTION_STATUSES,
  type ActionInput,
  type ActionUpdate,
  APPOINTMENT_CHANNELS,
  type AppointmentInput,
  CLOSURE_OUTCOMES,
  type ClosureOutcomes,
  DEBT_KINDS,
  DEBT_STAGES,
  DIAGNOSIS_LIMITS,
  type Diagnosis,
  EXPENSE_KINDS,
  EXTERNAL_AIDS,
  HOUSEHOLD_RELATIONS,
  HOUSING_PROCEDURE_KINDS,
  HOUSING_PROCEDURE_STAGES,
  INCOME_KINDS,
  LANDLORD_TYPES,
  QUALITY_LIMITS,
  type SurveyAnswer,
  WORKING_TIMES,
} from "../core/diagnosis/index.ts";
import { ACTIVITIES, CONTRACT_TYPES, OCCUPANCIES } from "../core/rules/index.ts";

const IsoDate = (description: string) => Type.String({ format: "date", description });
const Uuid = (description: string) => Type.String({ format: "uuid", description });
const Text = (maxLength: number, description: string) => Type.String({ maxLength, description });
const Nullable = <T extends Type.TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const Cents = (maximum: number, description: string) => Type.Integer({ minimum: 0, maximum, description });

const MonthlyCents = Cents(DIAGNOSIS_LIMITS.monthlyCents, "Montant mensuel en centimes d'euro.");

const HouseholdMemberSchema = Type.Object(
  {
    relation: Type.Enum(HOUSEHOLD_RELATIONS),
    age: Type.Integer({ minimum: 0, maximum: DIAGNOSIS_LIMITS.maxAge, description: "Âge en années." }),
    dependant: Type.Boolean({ description: "À charge du foyer." }),
  },
  { additionalProperties: false },
);

const IncomeLineSchema = Type.Object(
  {
    kind: Type.Enum(INCOME_KINDS),
    monthlyCents: MonthlyCents,
    label: Type.Optional(Text(DIAGNOSIS_LIMITS.label, "Précision.")),
  },
  { additionalProperties: false },
);

const ExpenseLineSchema = Type.Object(
  {
    kind: Type.Enum(EXPENSE_KINDS),
    monthlyCents: MonthlyCents,
    label: Type.Optional(Text(DIAGNOSIS_LIMITS.label, "Précision.")),
  },
  { additionalProperties: false },
);

const DebtSchema = Type.Object(
  {
    kind: Type.Enum(DEBT_KINDS),
    creditor: Type.String({ minLength: 1, maxLength: DIAGNOSIS_LIMITS.label, description: "Créancier." }),
    amountCents: Cents(DIAGNOSIS_LIMITS.debtCents, "Montant restant dû, en centimes."),
    arrearsCents: Cents(DIAGNOSIS_LIMITS.debtCents, "Dont impayés, en centimes."),
    stage: Type.Enum(DEBT_STAGES, { description: "Étape de la procédure de recouvrement." }),
  },
  { additionalProperties: false },
);

const HousingSchema = Type.Object(
  {
    occupancy: Type.Enum(OCCUPANCIES, { description: "Statut d'occupation." }),
    monthlyCostCents: Type.Optional(
      Cents(DIAGNOSIS_LIMITS.monthlyCents, "Loyer ou mensualité de prêt, en centimes par mois."),
    ),
    landlordType: Type.Optional(Type.Enum(LANDLORD_TYPES, { description: "Type de bailleur (locataires)." })),
    procedure: Type.Optional(
      Type.Object(
        { kind: Type.Enum(HOUSING_PROCEDURE_KINDS), stage: Type.Enum(HOUSING_PROCEDURE_STAGES) },
        { additionalProperties: false, description: "Procédure d'expulsion ou de saisie en cours." },
      ),
    ),
  },
  { additionalProperties: false },
);

const EmploymentSchema = Type.Object(
  {
    activity: Type.Enum(ACTIVITIES),
    contractType: Type.Optional(Type.Enum(CONTRACT_TYPES)),
    workingTime: Type.Optional(Type.Enum(WORKING_TIMES)),
    since: Type.Optional(IsoDate("Début de l'emploi ou de la situation actuelle.")),
  },
  { additionalProperties: false },
);

const SensitiveSchema = Type.Object(
  {
    health: Type.Optional(Text(DIAGNOSIS_LIMITS.sensitiveText, "Santé.")),
    violence: Type.Optional(Text(DIAGNOSIS_LIMITS.sensitiveText, "Violences.")),
    notes: Type.Optional(Text(DIAGNOSIS_LIMITS.sensitiveText, "Notes libres.")),
  },
  {
    additionalProperties: false,
    description:
      "Rubriques sensibles, chiffrées en base ; lues seulement par le conseiller en charge et le responsable d'agence.",
  },
);

export const DiagnosisSchema = Type.Object(
  {
    household: Type.Array(HouseholdMemberSchema, {
      minItems: 1,
      maxItems: DIAGNOSIS_LIMITS.householdMembers,
      description: "Membres du foyer, bénéficiaire compris.",
    }),
    income: Type.Array(IncomeLineSchema, { maxItems: DIAGNOSIS_LIMITS.budgetLines }),
    expenses: Type.Array(ExpenseLineSchema, { maxItems: DIAGNOSIS_LIMITS.budgetLines }),
    debts: Type.Array(DebtSchema, { maxItems: DIAGNOSIS_LIMITS.debts }),
    housing: HousingSchema,
    employment: EmploymentSchema,
    sensitive: Type.Optional(SensitiveSchema),
  },
  { additionalProperties: false, $id: "Diagnosis", description: "Diagnostic social structuré." },
);

export const BudgetSchema = Type.Object(
  {
    incomeCents: Type.Integer(),
    expensesCents: Type.Integer(),
    remainingIncomeCents: Type.Integer({ description: "Reste à vivre mensuel (ressources − charges)." }),
    consumptionUnitTenths: Type.Integer({
      description: "Unités de consommation du foyer, en dixièmes (échelle de l'OCDE modifiée, INSEE).",
    }),
    remainingIncomePerUnitCents: Type.Integer({
      description: "Reste à vivre mensuel par unité de consommation.",
    }),
    debtCents: Type.Integer(),
    arrearsCents: Type.Integer(),
    dependants: Type.Integer(),
  },
  { $id: "Budget" },
);

export const DiagnosisViewSchema = Type.Object(
  {
    caseId: Type.String({ format: "uuid" }),
    diagnosis: Type.Ref("Diagnosis"),
    budget: Type.Ref("Budget"),
    sensitiveHidden: Type.Boolean({
      description: "Vrai quand le lecteur n'est pas autorisé à lire les rubriques sensibles (omises).",
    }),
    diagnosedOn: IsoDate("Date du premier enregistrement du diagnostic."),
    updatedAt: Type.String({ format: "date-time" }),
    updatedBy: Nullable(Type.Object({ id: Type.String({ format: "uuid" }), name: Type.String() })),
  },
  { $id: "DiagnosisView" },
);
export type DiagnosisView = Static<typeof DiagnosisViewSchema>;

// --- Action plan ----------------------------------------------------------------------------------------------

export const ActionInputSchema = Type.Object(
  {
    kind: Type.Enum(ACTION_KINDS),
    title: Type.String({ minLength: 1, maxLength: ACTION_LIMITS.title, description: "L'action, en clair." }),
    catalogueItemId: Type.Optional(Uuid("Produit ou service du catalogue (al_product).")),
    externalAid: Type.Optional(Type.Enum(EXTERNAL_AIDS, { description: "Aide extérieure (external_aid)." })),
    owner: Type.Enum(ACTION_OWNERS, { description: "Qui réalise l'action." }),
    partnerOrganisationId: Type.Optional(Uuid("Organisme partenaire chargé de l'action.")),
    dueOn: IsoDate("Échéance."),
  },
  { additionalProperties: false, $id: "ActionInput", description: "Nouvelle action du plan." },
);

export const ActionUpdateSchema = Type.Object(
  {
    status: Type.Optional(Type.Enum(ACTION_STATUSES)),
    dueOn: Type.Optional(IsoDate("Nouvelle échéance.")),
    outcome: Type.Optional(Text(ACTION_LIMITS.outcome, "Résultat ; requis pour réaliser ou annuler.")),
  },
  {
    additionalProperties: false,
    minProperties: 1,
    $id: "ActionUpdate",
    description: "Mise à jour d'une action.",
  },
);

export const ActionViewSchema = Type.Object(
  {
    id: Type.String({ format: "uuid" }),
    caseId: Type.String({ format: "uuid" }),
    kind: Type.Enum(ACTION_KINDS),
    kindLabel: Type.String(),
    title: Type.String(),
    catalogueItemId: Nullable(Type.String({ format: "uuid" })),
    externalAid: Nullable(Type.Enum(EXTERNAL_AIDS)),
    owner: Type.Enum(ACTION_OWNERS),
    partnerOrganisation: Nullable(Type.Object({ id: Type.String({ format: "uuid" }), name: Type.String() })),
    dueOn: Type.String({ format: "date" }),
    status: Type.Enum(ACTION_STATUSES),
    statusLabel: Type.String(),
    outcome: Nullable(Type.String()),
    overdue: Type.Boolean({ description: "Prévue ou en cours, échéance dépassée." }),
    daysOverdue: Type.Integer({ minimum: 0 }),
    version: Type.Integer({ minimum: 1, description: "Version de l'action ; l'en-tête ETag la porte." }),
    notice: Nullable(
      Type.Object(
        {
          text: Type.String(),
          clause: Type.Optional(Type.String()),
          quote: Type.Optional(Type.String()),
        },
        {
          description: "Avertissement à afficher avec l'action (service locatif : aucun accès prioritaire).",
        },
      ),
    ),
    createdAt: Type.String({ format: "date-time" }),
    updatedAt: Type.String({ format: "date-time" }),
  },
  { $id: "ActionView" },
);
export type ActionView = Static<typeof ActionViewSchema>;

export const ActionListSchema = Type.Object(
  { items: Type.Array(Type.Ref("ActionView")) },
  { $id: "ActionList", description: "Actions du plan, par échéance." },
);

// --- Appointments ---------------------------------------------------------------------------------------------

export const AppointmentInputSchema = Type.Object(
  {
    at: Type.String({
      format: "date-time",
      description: "Date et heure, avec le décalage horaire (RFC 3339).",
    }),
    channel: Type.Enum(APPOINTMENT_CHANNELS),
    notes: Type.Optional(
      Text(DIAGNOSIS_LIMITS.sensitiveText, "Notes libres (chiffrées, lecture restreinte)."),
    ),
  },
  { additionalProperties: false, $id: "AppointmentInput", description: "Rendez-vous." },
);

export const AppointmentViewSchema = Type.Object(
  {
    id: Type.String({ format: "uuid" }),
    at: Type.String({ format: "date-time" }),
    channel: Type.Enum(APPOINTMENT_CHANNELS),
    channelLabel: Type.String(),
    notes: Type.Optional(Type.String({ description: "Omises pour qui ne lit pas les rubriques sensibles." })),
    createdBy: Nullable(Type.Object({ id: Type.String({ format: "uuid" }), name: Type.String() })),
    createdAt: Type.String({ format: "date-time" }),
  },
  { $id: "AppointmentView" },
);
export type AppointmentView = Static<typeof AppointmentViewSchema>;

export const AppointmentListSchema = Type.Object(
  { items: Type.Array(Type.Ref("AppointmentView")), sensitiveHidden: Type.Boolean() },
  { $id: "AppointmentList", description: "Rendez-vous du dossier, du plus ancien au plus récent." },
);

// --- Closure and quality --------------------------------------------------------------------------------------

export const ClosureOutcomesSchema = Type.Object(
  {
    indicators: Type.Array(Type.Enum(CLOSURE_OUTCOMES), { maxItems: CLOSURE_OUTCOMES.length }),
    comment: Type.Optional(Text(QUALITY_LIMITS.comment, "Commentaire sur le résultat de l'accompagnement.")),
  },
  {
    additionalProperties: false,
    $id: "ClosureOutcomes",
    description: "Indicateurs de résultat à la clôture.",
  },
);

export const QualityViewSchema = Type.Object(
  {
    caseId: Type.String({ format: "uuid" }),
    outcomes: Nullable(Type.Ref("ClosureOutcomes")),
    durations: Type.Object({
      toFirstContact: Nullable(
        Type.Integer({ description: "Jours entre la demande et le premier contact." }),
      ),
      toDiagnosis: Nullable(Type.Integer({ description: "Jours entre la demande et le diagnostic." })),
      toClosure: Nullable(Type.Integer({ description: "Jours entre la demande et la clôture." })),
    }),
    survey: Type.Object({
      sent: Type.Boolean(),
      answered: Type.Boolean(),
      rating: Nullable(Type.Integer({ minimum: 1, maximum: 5 })),
    }),
  },
  { $id: "QualityView" },
);
export type QualityView = Static<typeof QualityViewSchema>;

export const SurveyAnswerSchema = Type.Object(
  {
    rating: Type.Integer({
      minimum: 1,
      maximum: 5,
      description: "1 (pas du tout satisfait) à 5 (très satisfait).",
    }),
    comment: Type.Optional(Text(QUALITY_LIMITS.comment, "Commentaire libre.")),
  },
  { additionalProperties: false, $id: "SurveyAnswer", description: "Réponse à l'enquête de satisfaction." },
);

export const SurveyFormSchema = Type.Object(
  {
    question: Type.String(),
    ratings: Type.Array(Type.Object({ value: Type.Integer(), label: Type.String() })),
    agency: Type.String({ description: "Agence qui a accompagné la personne." }),
  },
  { $id: "SurveyForm", description: "Le questionnaire, sans aucune donnée du dossier." },
);

export const SurveyLinkSchema = Type.Object(
  {
    token: Type.String({
      description: "Jeton à usage unique, à transmettre à la personne (montré une seule fois).",
    }),
    path: Type.String({
      description: "Adresse de la page du questionnaire (sans le domaine) à transmettre à la personne.",
    }),
  },
  { $id: "SurveyLink" },
);

/** Every schema with an $id, to register once with the server (components of the OpenAPI document). */
export const DIAGNOSIS_SCHEMAS = [
  DiagnosisSchema,
  BudgetSchema,
  DiagnosisViewSchema,
  ActionInputSchema,
  ActionUpdateSchema,
  ActionViewSchema,
  ActionListSchema,
  AppointmentInputSchema,
  AppointmentViewSchema,
  AppointmentListSchema,
  ClosureOutcomesSchema,
  QualityViewSchema,
  SurveyAnswerSchema,
  SurveyFormSchema,
  SurveyLinkSchema,
] as const;

// Compile-time proof that the request schemas and the core's types describe the same payloads. The core
// declares its values read-only; a schema's static type is mutable, which says the same thing of JSON.
type Mutable<T> = T extends readonly (infer E)[]
  ? Mutable<E>[]
  : T extends object
    ? { -readonly [K in keyof T]: Mutable<T[K]> }
    : T;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const diagnosisAgrees: Same<Static<typeof DiagnosisSchema>, Mutable<Diagnosis>> = true;
const actionInputAgrees: Same<Static<typeof ActionInputSchema>, Mutable<ActionInput>> = true;
const actionUpdateAgrees: Same<Static<typeof ActionUpdateSchema>, Mutable<ActionUpdate>> = true;
const appointmentAgrees: Same<Static<typeof AppointmentInputSchema>, Mutable<AppointmentInput>> = true;
const outcomesAgree: Same<Static<typeof ClosureOutcomesSchema>, Mutable<ClosureOutcomes>> = true;
const surveyAgrees: Same<Static<typeof SurveyAnswerSchema>, Mutable<SurveyAnswer>> = true;
void diagnosisAgrees;
void actionInputAgrees;
void actionUpdateAgrees;
void appointmentAgrees;
void outcomesAgree;
void surveyAgrees;
