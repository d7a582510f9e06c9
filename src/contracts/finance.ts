// Payloads of the finance API (issue 7): envelopes, catalogue, aids, payments. Amounts are integer cents,
// rates integer basis points, dates ISO YYYY-MM-DD. One schema per payload, for validation, types and the
// OpenAPI document.
import Type, { type Static } from "typebox";
import {
  AID_KINDS,
  AID_STATUSES,
  EARLY_REPAYMENT_OPTIONS,
  ENVELOPE_ALERT_LEVELS,
  ENVELOPE_ALERT_SCOPES,
  MAX_FOUR_EYES_THRESHOLD_CENTS,
  PAYEE_KINDS,
} from "../core/finance/index.ts";

/** 100 milliards d'euros: the finance core's largest principal; keeps every sum a safe integer. */
const MAX_CENTS = 10_000_000_000_000;
const Cents = (description: string) => Type.Integer({ minimum: 0, maximum: MAX_CENTS, description });
const PositiveCents = (description: string) => Type.Integer({ minimum: 1, maximum: MAX_CENTS, description });
const IsoDate = (description: string) => Type.String({ format: "date", description });
const Uuid = (description: string) => Type.String({ format: "uuid", description });
const Reason = (description: string) => Type.String({ minLength: 1, maxLength: 500, description });
const Nullable = <T extends Type.TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const AllocationSchema = Type.Object(
  {
    code: Type.String({
      minLength: 1,
      maxLength: 100,
      description: "Région (telle qu'écrite sur les agences) ou identifiant d'une agence.",
    }),
    label: Type.String({ minLength: 1, maxLength: 200 }),
    amountCents: Cents("Montant de la dotation, en centimes."),
  },
  { additionalProperties: false },
);

export const OpenEnvelopeSchema = Type.Object(
  {
    year: Type.Integer({ minimum: 2000, maximum: 2999, description: "Année civile financée." }),
    nationalCents: Cents("Montant national de l'enveloppe, en centimes."),
    allocations: Type.Optional(Type.Array(AllocationSchema, { maxItems: 500 })),
  },
  { additionalProperties: false },
);
export type OpenEnvelope = Static<typeof OpenEnvelopeSchema>;

export const AllocationsSchema = Type.Object(
  { allocations: Type.Array(AllocationSchema, { maxItems: 500 }) },
  { additionalProperties: false },
);
export type Allocations = Static<typeof AllocationsSchema>;

const Totals = {
  reservedCents: Cents("Réservé : propositions en attente de décision."),
  committedCents: Cents("Engagé : aides approuvées, versées ou non."),
  disbursedCents: Cents("Versé (compris dans l'engagé)."),
  availableCents: Type.Integer({ description: "Disponible : montant − réservé − engagé." }),
};

export const EnvelopeViewSchema = Type.Object({
  year: Type.Integer(),
  nationalCents: Type.Integer(),
  ...Totals,
  queuedCount: Type.Integer({ description: "Propositions en file d'attente." }),
  queuedCents: Type.Integer(),
  level: Type.String({ description: "ok, alert_80, alert_95 ou exhausted (réservé + engagé)." }),
  label: Type.String(),
  allocations: Type.Array(
    Type.Object({ code: Type.String(), label: Type.String(), amountCents: Type.Integer(), ...Totals }),
  ),
});
export type EnvelopeView = Static<typeof EnvelopeViewSchema>;

export const ForecastViewSchema = Type.Object({
  year: Type.Integer(),
  asOf: Type.String({ format: "date" }),
  nationalCents: Type.Integer(),
  monthlyCents: Type.Array(Type.Integer(), { description: "Engagements nets par mois, janvier d'abord." }),
  consumedCents: Type.Integer(),
  leftCents: Type.Integer(),
  consumedBp: Type.Integer({ description: "Part consommée en points de base (8 000 = 80 %)." }),
  pacePerMonthCents: Nullable(Type.Integer()),
  windowMonths: Type.Integer(),
  method: Type.Enum(["seasonal", "linear"], {
    description:
      "seasonal : mois à venir comme l'an dernier, à l'échelle des derniers mois ; linear : rythme constant.",
  }),
  projectedYearEndCents: Nullable(
    Type.Integer({ description: "Engagé au 31 décembre selon la projection saisonnière." }),
  ),
  exhaustionDate: Nullable(Type.String({ format: "date" })),
  exhaustedWithinYear: Type.Boolean(),
  level: Type.String(),
  label: Type.String(),
  alerts: Type.Array(Type.String(), { description: "Alertes destinées aux contrôleurs budgétaires." }),
  projectedMonthlyCents: Type.Array(Nullable(Type.Integer()), {
    minItems: 12,
    maxItems: 12,
    description:
      "Engagements nets projetés par mois, janvier d'abord : null pour les mois passés, puis le mois en cours et les suivants selon la méthode de la date d'épuisement.",
  }),
});
export type ForecastView = Static<typeof ForecastViewSchema>;

export const ProductInputSchema = Type.Object(
  {
    code: Type.String({ pattern: "^[a-z0-9][a-z0-9_-]{0,63}$", description: "Code stable du produit." }),
    kind: Type.Enum(AID_KINDS),
    name: Type.String({ minLength: 1, maxLength: 200 }),
    maxAmountCents: PositiveCents("Montant maximal, en centimes."),
    rateBp: Type.Optional(
      Type.Integer({ minimum: 0, maximum: 10_000, description: "Taux annuel (150 = 1,50 %)." }),
    ),
    maxDurationMonths: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 600 }))),
    deferralMonths: Type.Optional(Type.Integer({ minimum: 0, maximum: 120 })),
    directives: Type.Array(Type.String({ minLength: 1, maxLength: 50 }), { maxItems: 10 }),
    active: Type.Optional(
      Type.Boolean({ description: "false retire le produit à partir de cette version." }),
    ),
    appliesFrom: IsoDate("Premier jour d'application de cette version."),
    reason: Reason("Motif du changement."),
  },
  { additionalProperties: false },
);
export type ProductInput = Static<typeof ProductInputSchema>;

/** A member of staff named on an answer: who proposed, decided or recorded. */
export const StaffMemberSchema = Type.Object({
  id: Type.String({ format: "uuid" }),
  displayName: Type.String(),
});
export type StaffMember = Static<typeof StaffMemberSchema>;

export const ProductViewSchema = Type.Object({
  id: Type.String(),
  code: Type.String(),
  version: Type.Integer(),
  kind: Type.String(),
  name: Type.String(),
  maxAmountCents: Type.Integer(),
  rateBp: Type.Integer(),
  maxDurationMonths: Nullable(Type.Integer()),
  deferralMonths: Type.Integer(),
  directives: Type.Array(Type.String()),
  active: Type.Boolean(),
  appliesFrom: Type.String({ format: "date" }),
  recordedAt: Type.String({ format: "date-time" }),
  recordedBy: Type.Union([StaffMemberSchema, Type.Null()], {
    description: "Qui a enregistré cette version : donné aux seuls administrateurs du catalogue, null sinon.",
  }),
  reason: Type.String(),
});
export type ProductView = Static<typeof ProductViewSchema>;

export const ProposalSchema = Type.Object(
  {
    caseId: Uuid("Dossier (directive 2025, admis ou plus loin)."),
    productCode: Type.String({ minLength: 1, maxLength: 64 }),
    amountCents: PositiveCents("Montant demandé, en centimes."),
    durationMonths: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 600, description: "Prêt : nombre de mensualités." }),
    ),
  },
  { additionalProperties: false },
);
export type Proposal = Static<typeof ProposalSchema>;

export const DecisionSchema = Type.Object(
  { reason: Type.Optional(Reason("Motif de la décision.")) },
  { additionalProperties: false },
);
export type Decision = Static<typeof DecisionSchema>;
export const ReasonRequiredSchema = Type.Object(
  { reason: Reason("Motif de la décision (obligatoire).") },
  { additionalProperties: false },
);
export type ReasonRequired = Static<typeof ReasonRequiredSchema>;

export const DisbursementSchema = Type.Object(
  {
    payeeKind: Type.Enum(PAYEE_KINDS, {
      description: "Bénéficiaire du versement : la personne, son bailleur ou un créancier.",
    }),
    iban: Type.String({ minLength: 5, maxLength: 50, description: "IBAN du bénéficiaire (espaces admis)." }),
    paidOn: IsoDate("Date du versement."),
    firstDueDate: Type.Optional(
      IsoDate("Prêt : date de la première échéance (par défaut un mois après le versement)."),
    ),
  },
  { additionalProperties: false },
);
export type Disbursement = Static<typeof DisbursementSchema>;

export const WithdrawalSchema = Type.Object(
  { reason: Reason("Pourquoi la proposition est retirée (obligatoire).") },
  { additionalProperties: false },
);
export type Withdrawal = Static<typeof WithdrawalSchema>;

export const EarlyRepaymentSchema = Type.Object(
  {
    amountCents: PositiveCents(
      "Montant remboursé par anticipation, en centimes (au plus le capital restant dû).",
    ),
    receivedOn: IsoDate("Date de réception ; les échéances tombées jusqu'à ce jour sont réputées payées."),
    option: Type.Enum(EARLY_REPAYMENT_OPTIONS, {
      description:
        "shorten : même mensualité, le prêt se termine plus tôt ; lower_instalment : même date de fin, mensualité réduite.",
    }),
  },
  { additionalProperties: false },
);
export type EarlyRepayment = Static<typeof EarlyRepaymentSchema>;

export const RepaymentSchema = Type.Object(
  { amountCents: PositiveCents("Montant reçu, en centimes."), receivedOn: IsoDate("Date de réception.") },
  { additionalProperties: false },
);
export type Repayment = Static<typeof RepaymentSchema>;

export const ThresholdSchema = Type.Object(
  {
    valueCents: Type.Integer({ minimum: 0, maximum: MAX_FOUR_EYES_THRESHOLD_CENTS }),
    appliesFrom: IsoDate("Premier jour d'application."),
    reason: Reason("Motif du changement."),
  },
  { additionalProperties: false },
);
export type Threshold = Static<typeof ThresholdSchema>;

export const ThresholdInForceSchema = Type.Object({
  valueCents: Type.Integer({ description: "Seuil des quatre yeux en vigueur, en centimes." }),
  appliesFrom: Nullable(
    Type.String({ format: "date", description: "Premier jour de cette valeur ; null : valeur par défaut." }),
  ),
  defaultCents: Type.Integer({ description: "Valeur par défaut, quand aucune valeur datée ne s'applique." }),
});
export type ThresholdInForce = Static<typeof ThresholdInForceSchema>;

export const AidViewSchema = Type.Object({
  id: Type.String(),
  caseId: Type.String(),
  organisationId: Type.String(),
  year: Type.Integer(),
  allocationCode: Nullable(Type.String()),
  productId: Type.String(),
  kind: Type.String(),
  productName: Type.String(),
  rateBp: Type.Integer(),
  durationMonths: Nullable(Type.Integer()),
  deferralMonths: Type.Integer(),
  amountCents: Type.Integer(),
  status: Type.Enum(AID_STATUSES),
  requestedAt: Type.String({ format: "date-time" }),
  proposedByUserId: Type.String(),
  proposedBy: StaffMemberSchema,
  firstApprovedByUserId: Nullable(Type.String()),
  firstApprovedBy: Nullable(StaffMemberSchema),
  decidedByUserId: Nullable(Type.String()),
  decidedBy: Nullable(StaffMemberSchema),
  decidedAt: Nullable(Type.String({ format: "date-time" })),
  decisionReason: Nullable(Type.String()),
  message: Nullable(
    Type.String({ description: "Explication en français (file d'attente, seconde approbation)." }),
  ),
});
export type AidView = Static<typeof AidViewSchema>;

export const DisbursementViewSchema = Type.Object({
  aid: AidViewSchema,
  disbursement: Type.Object({
    id: Type.String(),
    amountCents: Type.Integer(),
    payeeKind: Type.String(),
    payeeIban: Type.String({ description: "IBAN masqué." }),
    paidOn: Type.String({ format: "date" }),
    firstDueDate: Nullable(Type.String({ format: "date" })),
  }),
});
export type DisbursementView = Static<typeof DisbursementViewSchema>;

export const ScheduleViewSchema = Type.Object({
  aidId: Type.String(),
  asOf: Type.String({ format: "date" }),
  rows: Type.Array(
    Type.Object({
      number: Type.Integer(),
      dueDate: Type.String({ format: "date" }),
      instalmentCents: Type.Integer(),
      interestCents: Type.Integer(),
      principalCents: Type.Integer(),
      remainingCents: Type.Integer(),
    }),
  ),
  totalCents: Type.Integer(),
  receivedCents: Type.Integer(),
  outstandingCents: Type.Integer(),
  arrearsCents: Type.Integer(),
  overdue: Type.Array(
    Type.Object({
      number: Type.Integer(),
      dueDate: Type.String({ format: "date" }),
      outstandingCents: Type.Integer(),
      daysLate: Type.Integer(),
    }),
  ),
});
export type ScheduleView = Static<typeof ScheduleViewSchema>;

export const AlertViewSchema = Type.Object({
  id: Type.String(),
  year: Type.Integer(),
  level: Type.Enum(ENVELOPE_ALERT_LEVELS, { description: "alert_80, alert_95 ou exhausted (100 %)." }),
  scope: Type.Enum(ENVELOPE_ALERT_SCOPES, { description: "Enveloppe nationale ou une dotation." }),
  scopeCode: Nullable(Type.String({ description: "Code de la dotation (région ou agence)." })),
  scopeLabel: Nullable(Type.String()),
  message: Type.String({ description: "L'alerte en français." }),
  raisedAt: Type.String({ format: "date-time" }),
  usedCents: Type.Integer({ description: "Réservé + engagé au moment de l'alerte." }),
  limitCents: Type.Integer({ description: "Montant de l'enveloppe ou de la dotation." }),
  acknowledgedAt: Nullable(Type.String({ format: "date-time" })),
  acknowledgedBy: Nullable(Type.Object({ id: Type.String(), displayName: Type.String() })),
});
export type AlertView = Static<typeof AlertViewSchema>;

export const AlertListSchema = Type.Object({ items: Type.Array(AlertViewSchema) });
export type AlertList = Static<typeof AlertListSchema>;
