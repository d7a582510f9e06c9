// The demo envelope (demo mode only): a catalogue of three products, last year's envelope with a season of
// paid grants (the baseline the seasonal forecast scales), and this year's envelope, allocated to the two
// demo regions, carrying aids at every status on the demo agencies' 2025-directive cases: proposals (one
// waiting for its second approver), queued ones, approvals, paid grants, loans being repaid with their
// instalments, one lowered by an early repayment and one closed by it, loans in arrears and one written off.
// Figures are chosen so that the alerts have something to say: the Lyon region's allocation at 96 %, Paris's
// at 91 %, the national envelope at 90 %. Everything is summed from these rows like any aid, written in one
// transaction, once (nothing happens when this year's envelope is already open).
import { randomUUID } from "node:crypto";
import { and, asc, eq, inArray, isNotNull } from "drizzle-orm";
import {
  type AidKind,
  type AidStatus,
  applyEarlyRepayment,
  arrearsOn,
  buildSchedule,
  CASE_STATUSES_OPEN_FOR_AID,
  dueDateAfter,
  EARLY_REPAYMENT_MODE_OF,
  type EarlyRepaymentOption,
  type Schedule,
  totalPaid,
} from "../core/finance/index.ts";
import { recordAudit } from "../db/audit/append.ts";
import type { Database, Drizzle } from "../db/database.ts";
import { raiseEnvelopeAlerts } from "../db/finance/alerts.ts";
import { lockEnvelope } from "../db/finance/envelopes.ts";
import {
  aidDisbursements,
  aidEvents,
  aidProducts,
  aidRepayments,
  aids,
  cases,
  envelopeAllocations,
  envelopes,
  organisations,
  users,
} from "../db/schema/index.ts";
import { DEMO_ACCOUNTS } from "./accounts.ts";

const DIRECTIVE = "PP_SERV_ASD_2_DIR";
/** A valid French IBAN of a test account (ISO 13616 key), the same for every demo payee. */
const DEMO_IBAN = "FR7630006000011234567890189";

const PRODUCTS = [
  {
    code: "subvention-urgence",
    kind: "grant",
    name: "Subvention d'urgence logement",
    maxAmountCents: 300_000,
  },
  {
    code: "pret-0",
    kind: "loan",
    name: "Prêt à taux zéro (dette de loyer)",
    maxAmountCents: 1_000_000,
    maxDurationMonths: 36,
  },
  {
    code: "pret-acces",
    kind: "loan",
    name: "Prêt accès au logement",
    maxAmountCents: 800_000,
    rateBp: 150,
    maxDurationMonths: 48,
  },
] as const;

type ProductCode = (typeof PRODUCTS)[number]["code"];

interface Planned {
  product: ProductCode;
  euros: number;
  /** What the aid has been through; a loan's final status follows from its repayments. */
  status: AidStatus;
  /** When it was proposed, as a share of the days elapsed since 1 January. */
  at: number;
  durationMonths?: number;
  early?: { share: "all" | number; option: EarlyRepaymentOption };
}

// Paris (Île-de-France allocation, 53 000 €): 48 000 € reserved or committed.
const PARIS: readonly Planned[] = [
  { product: "subvention-urgence", euros: 2_500, status: "disbursed", at: 0.08 },
  { product: "subvention-urgence", euros: 3_000, status: "disbursed", at: 0.15 },
  { product: "pret-0", euros: 3_000, status: "repaying", at: 0.05, durationMonths: 24 },
  {
    product: "pret-acces",
    euros: 3_000,
    status: "repaying",
    at: 0.1,
    durationMonths: 36,
    early: { share: 1_000, option: "lower_instalment" },
  },
  { product: "pret-0", euros: 2_800, status: "in_arrears", at: 0.12, durationMonths: 24 },
  {
    product: "pret-0",
    euros: 2_400,
    status: "repaid",
    at: 0.06,
    durationMonths: 12,
    early: { share: "all", option: "shorten" },
  },
  { product: "subvention-urgence", euros: 3_000, status: "approved", at: 0.88 },
  { product: "subvention-urgence", euros: 1_800, status: "approved", at: 0.9 },
  { product: "pret-0", euros: 3_000, status: "approved", at: 0.92, durationMonths: 18 },
  { product: "subvention-urgence", euros: 2_900, status: "disbursed", at: 0.35 },
  { product: "subvention-urgence", euros: 2_700, status: "disbursed", at: 0.62 },
  { product: "pret-0", euros: 2_500, status: "repaying", at: 0.45, durationMonths: 24 },
  { product: "subvention-urgence", euros: 2_200, status: "disbursed", at: 0.75 },
  { product: "subvention-urgence", euros: 2_200, status: "proposed", at: 0.95 },
  { product: "subvention-urgence", euros: 1_600, status: "proposed", at: 0.96 },
  // Above the four-eyes threshold (3 000 €): approved once, waiting for a second budget controller.
  { product: "pret-0", euros: 5_000, status: "proposed", at: 0.93, durationMonths: 36 },
  { product: "pret-acces", euros: 3_400, status: "proposed", at: 0.97, durationMonths: 48 },
  { product: "subvention-urgence", euros: 1_200, status: "cancelled", at: 0.5 },
  { product: "subvention-urgence", euros: 900, status: "refused", at: 0.55 },
];

// Lyon (Auvergne-Rhône-Alpes allocation, 25 000 €): 24 000 € reserved or committed, two proposals queued.
const LYON: readonly Planned[] = [
  { product: "subvention-urgence", euros: 3_000, status: "disbursed", at: 0.1 },
  { product: "pret-0", euros: 3_000, status: "repaying", at: 0.2, durationMonths: 36 },
  { product: "pret-0", euros: 2_000, status: "written_off", at: 0.04, durationMonths: 12 },
  { product: "subvention-urgence", euros: 2_500, status: "approved", at: 0.9 },
  { product: "subvention-urgence", euros: 2_700, status: "disbursed", at: 0.55 },
  { product: "subvention-urgence", euros: 2_800, status: "disbursed", at: 0.78 },
  { product: "pret-0", euros: 3_000, status: "in_arrears", at: 0.15, durationMonths: 24 },
  { product: "subvention-urgence", euros: 2_000, status: "proposed", at: 0.94 },
  { product: "pret-0", euros: 3_000, status: "proposed", at: 0.95, durationMonths: 24 },
  { product: "subvention-urgence", euros: 2_500, status: "queued", at: 0.97 },
  { product: "pret-0", euros: 3_000, status: "queued", at: 0.98, durationMonths: 24 },
  { product: "subvention-urgence", euros: 1_500, status: "refused", at: 0.6 },
];

/** Last year's grants committed per month (euros), January first: a slow summer, a busy autumn. */
const LAST_YEAR_MONTHS = [2_000, 3_000, 4_000, 4_500, 5_000, 4_000, 3_000, 2_500, 6_000, 7_500, 8_000, 6_500];

const REASONS = {
  refused: "Dette déjà couverte par le FSL : aucune aide de l'enveloppe n'est nécessaire.",
  cancelled: "La personne a trouvé une autre solution avec son bailleur.",
  writtenOff: "Irrécouvrable après trois relances et un plan amiable refusé.",
} as const;

/** Part `part` of `parts` of an amount in euros, to the cent; the last part takes what division leaves. */
function share(euros: number, parts: number, part: number): number {
  const cents = euros * 100;
  const base = Math.floor(cents / parts);
  return (part === parts - 1 ? cents - base * (parts - 1) : base) / 100;
}

function epochDay(iso: string): number {
  return (
    Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000
  );
}

function isoOf(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/** Noon in Paris that day: a timestamp that stays on the same calendar day in Europe/Paris. */
function noon(iso: string): Date {
  return new Date(`${iso}T11:00:00Z`);
}

export interface DemoFinanceResult {
  createdAids: number;
}

interface Rows {
  aids: (typeof aids.$inferInsert)[];
  events: (typeof aidEvents.$inferInsert)[];
  disbursements: (typeof aidDisbursements.$inferInsert)[];
  repayments: (typeof aidRepayments.$inferInsert)[];
}

/**
 * Opens the demo envelopes and their aids when this year's envelope is not open yet and the demo caseload
 * holds enough 2025-directive cases; otherwise does nothing. `today` is the Europe/Paris day.
 */
export async function seedDemoFinance(db: Database, today: string): Promise<DemoFinanceResult> {
  const year = Number(today.slice(0, 4));
  const [open] = await db.drizzle
    .select({ id: envelopes.id })
    .from(envelopes)
    .where(eq(envelopes.year, year));
  if (open !== undefined) return { createdAids: 0 };
  const staff = await db.drizzle
    .select({ id: users.id, email: users.email, role: users.role, organisationId: users.organisationId })
    .from(users)
    .where(
      inArray(
        users.email,
        DEMO_ACCOUNTS.map((account) => account.email),
      ),
    );
  const controller = staff.find((user) => user.role === "budget_controller");
  const admin = staff.find((user) => user.role === "admin");
  const agencies = await db.drizzle
    .select({ id: organisations.id, name: organisations.name, region: organisations.region })
    .from(organisations)
    .where(inArray(organisations.name, ["Agence de Paris", "Agence de Lyon"]));
  if (controller === undefined || admin === undefined || agencies.length !== 2) return { createdAids: 0 };
  const eligible = await db.drizzle
    .select({
      id: cases.id,
      organisationId: cases.organisationId,
      counsellorUserId: cases.counsellorUserId,
      requestedOn: cases.requestedOn,
    })
    .from(cases)
    .where(
      and(
        eq(cases.directive, DIRECTIVE),
        inArray(cases.status, [...CASE_STATUSES_OPEN_FOR_AID] as (typeof cases.$inferSelect.status)[]),
        isNotNull(cases.counsellorUserId),
        inArray(
          cases.organisationId,
          agencies.map((agency) => agency.id),
        ),
      ),
    )
    .orderBy(asc(cases.requestedOn), asc(cases.reference));
  const plans = [
    { agency: agencies.find((agency) => agency.name === "Agence de Paris"), planned: PARIS },
    { agency: agencies.find((agency) => agency.name === "Agence de Lyon"), planned: LYON },
  ];
  for (const { agency, planned } of plans) {
    const own = eligible.filter((item) => item.organisationId === agency?.id);
    if (own.length < planned.length) return { createdAids: 0 };
  }

  return db.drizzle.transaction(async (tx) => {
    await tx
      .insert(aidProducts)
      .values(
        PRODUCTS.map((product) => ({
          ...product,
          version: 1,
          directives: [DIRECTIVE],
          appliesFrom: "2025-11-20",
          recordedByUserId: admin.id,
          reason: "Catalogue de démonstration",
        })),
      )
      .onConflictDoNothing();
    const productRows = await tx
      .select()
      .from(aidProducts)
      .where(
        inArray(
          aidProducts.code,
          PRODUCTS.map((product) => product.code),
        ),
      )
      .orderBy(asc(aidProducts.version));
    const productOf = (code: string) => {
      const found = productRows.filter((row) => row.code === code).at(-1);
      if (found === undefined) throw new Error(`demo product ${code} missing`);
      return found;
    };

    const [lastEnvelope, thisEnvelope] = await tx
      .insert(envelopes)
      .values([
        { year: year - 1, nationalCents: 7_000_000, openedByUserId: controller.id },
        { year, nationalCents: 8_000_000, openedByUserId: controller.id },
      ])
      .onConflictDoNothing({ target: envelopes.year })
      .returning();
    // Last year may be open already (opened by hand): then only this year's row comes back.
    const current = [lastEnvelope, thisEnvelope].find((row) => row?.year === year);
    if (current === undefined) return { createdAids: 0 };
    await tx.insert(envelopeAllocations).values([
      {
        envelopeId: current.id,
        code: "Île-de-France",
        label: "Région Île-de-France",
        amountCents: 5_300_000,
      },
      {
        envelopeId: current.id,
        code: "Auvergne-Rhône-Alpes",
        label: "Région Auvergne-Rhône-Alpes",
        amountCents: 2_500_000,
      },
    ]);
    const lastYearOpened = [lastEnvelope, thisEnvelope].some((row) => row?.year === year - 1);

    const rows: Rows = { aids: [], events: [], disbursements: [], repayments: [] };
    const used = new Set<string>();
    const start = epochDay(`${year}-01-01`);
    const span = Math.max(0, epochDay(today) - start);
    const clamp = (day: number) => isoOf(Math.min(day, start + span));

    for (const { agency, planned } of plans) {
      if (agency === undefined) continue;
      const own = eligible.filter((item) => item.organisationId === agency.id);
      for (const plan of planned) {
        const proposedOn = clamp(start + Math.floor(plan.at * span));
        // The oldest case not yet used whose request came before the proposal, else the oldest unused.
        const picked =
          own.find((item) => !used.has(item.id) && item.requestedOn <= proposedOn) ??
          own.find((item) => !used.has(item.id));
        if (picked === undefined) continue;
        used.add(picked.id);
        addAid(rows, {
          plan,
          product: productOf(plan.product),
          caseRow: picked,
          year,
          allocationCode: agency.region,
          proposedOn,
          approvedOn: clamp(epochDay(proposedOn) + 4),
          paidOn: clamp(epochDay(proposedOn) + 8),
          today,
          controllerId: controller.id,
        });
      }
    }

    if (lastYearOpened) {
      const grant = productOf("subvention-urgence");
      const pool = eligible.slice(0, 40);
      let index = 0;
      LAST_YEAR_MONTHS.forEach((euros, month) => {
        const parts = Math.ceil(euros / 3_000);
        for (let part = 0; part < parts; part++) {
          const caseRow = pool[index % pool.length];
          index++;
          if (caseRow === undefined) continue;
          const day = (n: number) =>
            `${year - 1}-${String(month + 1).padStart(2, "0")}-${String(n).padStart(2, "0")}`;
          addAid(rows, {
            plan: {
              product: "subvention-urgence",
              euros: share(euros, parts, part),
              status: "disbursed",
              at: 0,
            },
            product: grant,
            caseRow,
            year: year - 1,
            allocationCode: null,
            proposedOn: day(3 + part),
            approvedOn: day(10 + part),
            paidOn: day(15 + part),
            today,
            controllerId: controller.id,
          });
        }
      });
    }

    await tx.insert(aids).values(rows.aids);
    await tx.insert(aidEvents).values(rows.events);
    if (rows.disbursements.length > 0) await tx.insert(aidDisbursements).values(rows.disbursements);
    if (rows.repayments.length > 0) await tx.insert(aidRepayments).values(rows.repayments);
    // The alerts these totals call for, as the proposals and approvals would have raised them.
    for (const openYear of lastYearOpened ? [year - 1, year] : [year]) {
      const envelope = await lockEnvelope(tx, openYear);
      if (envelope !== undefined) await raiseEnvelopeAlerts(tx, envelope);
    }
    await recordAudit(tx as Drizzle, {
      action: "demo.finance_seeded",
      targetType: "demo",
      details: { aids: rows.aids.length, year },
    });
    return { createdAids: rows.aids.length };
  });
}

interface AidInput {
  plan: Planned;
  product: typeof aidProducts.$inferSelect;
  caseRow: { id: string; organisationId: string; counsellorUserId: string | null };
  year: number;
  allocationCode: string | null;
  proposedOn: string;
  approvedOn: string;
  paidOn: string;
  today: string;
  controllerId: string;
}

/** One aid with its events, payment and repayments, as the lifecycle would have written them. */
function addAid(rows: Rows, input: AidInput): void {
  const { plan, product, caseRow, controllerId } = input;
  const id = randomUUID();
  const amountCents = Math.round(plan.euros * 100);
  const kind = product.kind as AidKind;
  const proposer = caseRow.counsellorUserId ?? controllerId;
  const event = (
    type: string,
    from: AidStatus | null,
    to: AidStatus,
    on: string,
    actor: string,
    reason?: string,
  ) =>
    rows.events.push({
      aidId: id,
      type,
      fromStatus: from,
      toStatus: to,
      actorUserId: actor,
      occurredAt: noon(on),
      reason: reason ?? null,
    });
  const committed = !["queued", "proposed", "cancelled", "refused"].includes(plan.status);
  const paid = committed && plan.status !== "approved";
  let status: AidStatus = plan.status;
  const firstStatus: AidStatus = plan.status === "queued" ? "queued" : "proposed";
  event(firstStatus, null, firstStatus, input.proposedOn, proposer);
  let decision: { by: string; on: string; reason: string | null } | null = null;
  let firstApprovedByUserId: string | null = null;
  if (plan.status === "proposed" && amountCents > 300_000) {
    firstApprovedByUserId = controllerId;
    event("first_approval", "proposed", "proposed", input.approvedOn, controllerId);
  }
  if (plan.status === "refused" || plan.status === "cancelled") {
    const reason = REASONS[plan.status];
    decision = { by: controllerId, on: input.approvedOn, reason };
    event(plan.status, "proposed", plan.status, input.approvedOn, controllerId, reason);
  }
  if (committed) {
    decision = { by: controllerId, on: input.approvedOn, reason: null };
    event("approved", "proposed", "approved", input.approvedOn, controllerId);
  }
  if (paid) {
    const firstDueDate = kind === "loan" ? dueDateAfter(input.paidOn, 1) : null;
    rows.disbursements.push({
      aidId: id,
      amountCents,
      payeeKind: kind === "loan" ? "person" : "landlord",
      payeeIban: DEMO_IBAN,
      paidOn: input.paidOn,
      firstDueDate,
      recordedByUserId: controllerId,
      recordedAt: noon(input.paidOn),
    });
    const afterPayment: AidStatus = kind === "loan" ? "repaying" : "disbursed";
    event("disbursed", "approved", afterPayment, input.paidOn, controllerId);
    status = afterPayment;
    if (kind === "loan" && firstDueDate !== null) {
      const loan = loanHistory(rows, id, input, amountCents, firstDueDate);
      status = loan.status;
      if (status === "written_off") {
        decision = { by: controllerId, on: loan.lastDay, reason: REASONS.writtenOff };
      }
    }
  }
  rows.aids.push({
    id,
    caseId: caseRow.id,
    organisationId: caseRow.organisationId,
    year: input.year,
    allocationCode: input.allocationCode,
    productId: product.id,
    kind,
    productName: product.name,
    rateBp: product.rateBp,
    durationMonths: kind === "loan" ? (plan.durationMonths ?? product.maxDurationMonths) : null,
    deferralMonths: product.deferralMonths,
    amountCents,
    status,
    requestedAt: noon(input.proposedOn),
    proposedByUserId: proposer,
    firstApprovedByUserId,
    firstApprovedAt: firstApprovedByUserId === null ? null : noon(input.approvedOn),
    decidedByUserId: decision?.by ?? null,
    decidedAt: decision === null ? null : noon(decision.on),
    decisionReason: decision?.reason ?? null,
    updatedAt: noon(input.today),
  });
}

/**
 * A paid loan's repayments up to today: every instalment due is received on its due date, except the last
 * two due for a loan in arrears (and all but the first for one written off); an early repayment, when
 * planned, comes halfway between payment and today. Its status follows from what was received.
 */
function loanHistory(
  rows: Rows,
  aidId: string,
  input: AidInput,
  amountCents: number,
  firstDueDate: string,
): { status: AidStatus; lastDay: string } {
  const { plan, product, today, controllerId } = input;
  const built = buildSchedule({
    principal: amountCents,
    annualRateBp: product.rateBp,
    instalments: plan.durationMonths ?? product.maxDurationMonths ?? 12,
    deferralMonths: product.deferralMonths,
    firstDueDate,
  });
  if (!built.ok) throw new Error(built.message);
  let schedule: Schedule = built.schedule;
  const early = plan.early;
  const earlyOn = isoOf(Math.floor((epochDay(input.paidOn) + epochDay(today)) / 2));
  let earlyAmount = 0;
  if (early !== undefined) {
    const balance = schedule.rows.filter((row) => row.dueDate <= earlyOn).at(-1)?.remaining ?? amountCents;
    earlyAmount = early.share === "all" ? balance : Math.min(balance, early.share * 100);
    const applied = applyEarlyRepayment(schedule, {
      date: earlyOn,
      amount: earlyAmount,
      mode: EARLY_REPAYMENT_MODE_OF[early.option],
    });
    if (applied.ok) schedule = applied.schedule;
    else earlyAmount = 0;
  }
  const due = schedule.rows.filter((row) => row.dueDate <= today);
  const unpaid = plan.status === "in_arrears" ? 2 : plan.status === "written_off" ? due.length - 1 : 0;
  const paidRows = due.slice(0, Math.max(0, due.length - unpaid));
  const received: { date: string; amount: number }[] = [];
  let state: AidStatus = "repaying";
  const repay = (on: string, cents: number, mode: "instalment" | "early") => {
    rows.repayments.push({
      aidId,
      amountCents: cents,
      receivedOn: on,
      mode,
      earlyOption: mode === "early" ? (early?.option ?? null) : null,
      recordedByUserId: controllerId,
      recordedAt: noon(on),
    });
    if (mode === "instalment") received.push({ date: on, amount: cents });
  };
  const history = [
    ...paidRows.map((row) => ({ on: row.dueDate, cents: row.instalment, mode: "instalment" as const })),
    ...(earlyAmount > 0 ? [{ on: earlyOn, cents: earlyAmount, mode: "early" as const }] : []),
  ].sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
  let receivedTotal = 0;
  for (const item of history) {
    repay(item.on, item.cents, item.mode);
    receivedTotal += item.cents;
    const next: AidStatus = receivedTotal >= totalPaid(schedule) ? "repaid" : state;
    rows.events.push({
      aidId,
      type: item.mode === "early" ? "early_repayment" : "repayment",
      fromStatus: state,
      toStatus: next,
      actorUserId: controllerId,
      occurredAt: noon(item.on),
      reason: null,
    });
    state = next;
  }
  let lastDay = history.at(-1)?.on ?? input.paidOn;
  const overdue = arrearsOn(schedule, received, today);
  if (state === "repaying" && unpaid > 0 && overdue.arrears > 0) {
    const flaggedOn = isoOf(epochDay(overdue.overdue.at(-1)?.dueDate ?? today) + 1);
    rows.events.push({
      aidId,
      type: "arrears_flagged",
      fromStatus: "repaying",
      toStatus: "in_arrears",
      actorUserId: controllerId,
      occurredAt: noon(flaggedOn),
      reason: null,
    });
    state = "in_arrears";
    lastDay = flaggedOn;
    if (plan.status === "written_off") {
      rows.events.push({
        aidId,
        type: "written_off",
        fromStatus: "in_arrears",
        toStatus: "written_off",
        actorUserId: controllerId,
        occurredAt: noon(flaggedOn),
        reason: REASONS.writtenOff,
      });
      state = "written_off";
    }
  }
  return { status: state, lastDay };
}
