// The demo envelope (demo mode only): a catalogue of three products, last year's envelope with a season of
// paid grants (the baseline the seasonal forecast scales), and this year's envelope, allocated to the two
// demo regions, carrying aids at every status on the demo agencies' 2025-directive cases: proposals (one
// waiting for its second approver), queued ones, approvals, paid grants, loans being repaid with their
// instalments, one lowered by an early repayment and one closed by it, loans in arrears and one written off.
// Figures are chosen so that the alerts have something to say: the Lyon region's allocation at 96 %, Paris's
// at 91 %, the national envelope at 90 %. Everything is summed from these rows like any aid, written in one
// transaction, once (nothing happens when this year's envelope is already open).
import { CASE_STATUSES_OPEN_FOR_AID } from "../core/finance/index.ts";
import { epochDay, todayInParis } from "../core/time/index.ts";
import { recordAudit } from "../db/audit/append.ts";
import { findUsersByEmail, listOrganisations, type OrganisationRecord } from "../db/demo/accounts.ts";
import {
  type AidCandidate,
  type AidHistory,
  type DemoProduct,
  type DemoProductRow,
  envelopeExists,
  findAidCandidates,
  insertAidHistories,
  insertAllocations,
  insertCatalogue,
  openEnvelopes,
} from "../db/demo/finance.ts";
import type { ServiceContext } from "../services/context.ts";
import { inTransaction } from "../services/transactions.ts";
import { DEMO_ACCOUNTS } from "./accounts.ts";
import { buildAid, envelopeAlerts, type PlannedAid } from "./aids.ts";
import { dayOf } from "./calendar.ts";

const DIRECTIVE = "PP_SERV_ASD_2_DIR";

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

interface Planned extends PlannedAid {
  product: ProductCode;
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

/** Each demo agency's aids of this year, charged to its region's allocation. */
const AGENCY_PLANS = [
  { name: "Agence de Paris", planned: PARIS },
  { name: "Agence de Lyon", planned: LYON },
] as const;

/** This year's national envelope and its allocations; last year's had none. */
const NATIONAL_CENTS = { lastYear: 7_000_000, thisYear: 8_000_000 };
const ALLOCATIONS = [
  { code: "Île-de-France", label: "Région Île-de-France", amountCents: 5_300_000 },
  { code: "Auvergne-Rhône-Alpes", label: "Région Auvergne-Rhône-Alpes", amountCents: 2_500_000 },
];

/** Last year's grants committed per month (euros), January first: a slow summer, a busy autumn. */
const LAST_YEAR_MONTHS = [2_000, 3_000, 4_000, 4_500, 5_000, 4_000, 3_000, 2_500, 6_000, 7_500, 8_000, 6_500];

export interface DemoFinanceResult {
  createdAids: number;
}

/**
 * Opens the demo envelopes and their aids when this year's (in Paris) envelope is not open yet and the demo
 * caseload holds enough 2025-directive cases; otherwise does nothing.
 */
export async function seedDemoFinance(context: ServiceContext): Promise<DemoFinanceResult> {
  const db = context.db.drizzle;
  const today = todayInParis(context.now());
  const year = Number(today.slice(0, 4));
  if (await envelopeExists(db, year)) return { createdAids: 0 };
  const staff = await findUsersByEmail(
    db,
    DEMO_ACCOUNTS.map((account) => account.email),
  );
  const controller = staff.find((user) => user.role === "budget_controller");
  const admin = staff.find((user) => user.role === "admin");
  const organisations = await listOrganisations(db);
  const plans = AGENCY_PLANS.flatMap(({ name, planned }) => {
    const agency = organisations.find((organisation) => organisation.name === name);
    return agency === undefined ? [] : [{ agency, planned }];
  });
  if (controller === undefined || admin === undefined || plans.length !== AGENCY_PLANS.length) {
    return { createdAids: 0 };
  }
  const candidates = await findAidCandidates(db, {
    directive: DIRECTIVE,
    statuses: CASE_STATUSES_OPEN_FOR_AID,
    organisationIds: plans.map(({ agency }) => agency.id),
  });
  const enough = plans.every(
    ({ agency, planned }) =>
      candidates.filter((item) => item.organisationId === agency.id).length >= planned.length,
  );
  if (!enough) return { createdAids: 0 };

  return inTransaction(context, async (tx) => {
    const products = await insertCatalogue(tx, catalogue(admin.id));
    const productOf = (code: ProductCode) => {
      const found = products.filter((row) => row.code === code).at(-1);
      if (found === undefined) throw new Error(`demo product ${code} missing`);
      return found;
    };
    // Last year may be open already (opened by hand): then only this year's envelope is opened here.
    const opened = await openEnvelopes(tx, [
      { year: year - 1, nationalCents: NATIONAL_CENTS.lastYear, openedByUserId: controller.id },
      { year, nationalCents: NATIONAL_CENTS.thisYear, openedByUserId: controller.id },
    ]);
    const current = opened.find((row) => row.year === year);
    if (current === undefined) return { createdAids: 0 };
    await insertAllocations(
      tx,
      ALLOCATIONS.map((allocation) => ({ ...allocation, envelopeId: current.id })),
    );
    const lastYearOpened = opened.some((row) => row.year === year - 1);
    const controllerId = controller.id;
    const histories = [
      ...thisYearsAids({ year, today, controllerId, plans, candidates, productOf }),
      ...(lastYearOpened
        ? lastYearsGrants({
            year: year - 1,
            today,
            controllerId,
            candidates,
            grant: productOf("subvention-urgence"),
          })
        : []),
    ];
    const aids = histories.map((history) => history.aid);
    const alerts = [
      ...(lastYearOpened
        ? envelopeAlerts({ year: year - 1, nationalCents: NATIONAL_CENTS.lastYear, allocations: [] }, aids)
        : []),
      ...envelopeAlerts({ year, nationalCents: NATIONAL_CENTS.thisYear, allocations: ALLOCATIONS }, aids),
    ];
    await insertAidHistories(tx, histories, alerts);
    await recordAudit(tx, {
      action: "demo.finance_seeded",
      targetType: "demo",
      details: { aids: histories.length, year },
    });
    return { createdAids: histories.length };
  });
}

/** The demo catalogue, first version of each product, recorded by the administrator. */
function catalogue(adminId: string): DemoProductRow[] {
  return PRODUCTS.map((product) => ({
    ...product,
    version: 1,
    directives: [DIRECTIVE],
    appliesFrom: "2025-11-20",
    recordedByUserId: adminId,
    reason: "Catalogue de démonstration",
  }));
}

/**
 * This year's aids of each agency, on its oldest cases not used yet whose request came before the proposal
 * (else its oldest unused one): proposed on the share of the year its plan says, approved four days later,
 * paid four days after that, never after today.
 */
function thisYearsAids(input: {
  year: number;
  today: string;
  controllerId: string;
  plans: readonly { agency: OrganisationRecord; planned: readonly Planned[] }[];
  candidates: readonly AidCandidate[];
  productOf: (code: ProductCode) => DemoProduct;
}): AidHistory[] {
  const start = epochDay(`${input.year}-01-01`);
  const span = Math.max(0, epochDay(input.today) - start);
  const clamp = (day: number) => dayOf(Math.min(day, start + span));
  const used = new Set<string>();
  return input.plans.flatMap(({ agency, planned }) => {
    const own = input.candidates.filter((item) => item.organisationId === agency.id);
    return planned.flatMap((plan) => {
      const proposedOn = clamp(start + Math.floor(plan.at * span));
      const picked =
        own.find((item) => !used.has(item.id) && item.requestedOn <= proposedOn) ??
        own.find((item) => !used.has(item.id));
      if (picked === undefined) return [];
      used.add(picked.id);
      return [
        buildAid({
          plan,
          product: input.productOf(plan.product),
          caseRow: picked,
          year: input.year,
          allocationCode: agency.region,
          proposedOn,
          approvedOn: clamp(epochDay(proposedOn) + 4),
          paidOn: clamp(epochDay(proposedOn) + 8),
          today: input.today,
          controllerId: input.controllerId,
        }),
      ];
    });
  });
}

/**
 * Last year's season of paid grants, month by month as LAST_YEAR_MONTHS says, split in grants of 3 000 € at
 * most, on the forty oldest cases in turn; charged to the national envelope only.
 */
function lastYearsGrants(input: {
  year: number;
  today: string;
  controllerId: string;
  candidates: readonly AidCandidate[];
  grant: DemoProduct;
}): AidHistory[] {
  const pool = input.candidates.slice(0, 40);
  let index = 0;
  return LAST_YEAR_MONTHS.flatMap((euros, month) => {
    const parts = Math.ceil(euros / 3_000);
    return Array.from({ length: parts }, (_, part) => part).flatMap((part) => {
      const caseRow = pool[index % pool.length];
      index++;
      if (caseRow === undefined) return [];
      const day = (n: number) =>
        `${input.year}-${String(month + 1).padStart(2, "0")}-${String(n).padStart(2, "0")}`;
      return [
        buildAid({
          plan: {
            product: "subvention-urgence",
            euros: share(euros, parts, part),
            status: "disbursed",
            at: 0,
          },
          product: input.grant,
          caseRow,
          year: input.year,
          allocationCode: null,
          proposedOn: day(3 + part),
          approvedOn: day(10 + part),
          paidOn: day(15 + part),
          today: input.today,
          controllerId: input.controllerId,
        }),
      ];
    });
  });
}

/** Part `part` of `parts` of an amount in euros, to the cent; the last part takes what division leaves. */
function share(euros: number, parts: number, part: number): number {
  const cents = euros * 100;
  const base = Math.floor(cents / parts);
  return (part === parts - 1 ? cents - base * (parts - 1) : base) / 100;
}
