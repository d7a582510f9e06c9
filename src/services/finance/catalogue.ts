// The aid catalogue's use cases: the products in force on a date and their whole history, and recording a
// dated new version of a product (never an update: an aid keeps the terms it was proposed under).
import type { ProductInput, ProductView } from "../../contracts/finance.ts";
import { isAllowed } from "../../core/access/index.ts";
import { envelopeDirectiveProblem } from "../../core/finance/index.ts";
import { directiveByReference } from "../../core/rules/index.ts";
import { todayInParis } from "../../core/time/index.ts";
import {
  catalogueHistory,
  catalogueOn,
  insertProduct,
  lockLatestVersion,
} from "../../db/finance/catalogue.ts";
import { staffNames } from "../../db/finance/staffNames.ts";
import type { Caller } from "../caller.ts";
import type { ServiceContext } from "../context.ts";
import { DomainError } from "../errors.ts";
import { inTransaction } from "../transactions.ts";
import { checkCalendarDate } from "./errors.ts";
import { financeMessages } from "./messages.fr.ts";
import { moverOf, recordFinanceAudit } from "./steps.ts";
import { productView } from "./views.ts";

export interface Catalogue {
  date: string;
  /** The versions in force on `date`, withdrawn products left out. */
  products: ProductView[];
  history: ProductView[];
}

/** The catalogue in force on `date` (today by default), and every version ever recorded. */
export async function readCatalogue(
  context: ServiceContext,
  caller: Caller,
  query: { date?: string | undefined },
): Promise<Catalogue> {
  const date = query.date ?? todayInParis(context.now());
  checkCalendarDate("/date", date);
  const db = context.db.drizzle;
  const inForce = (await catalogueOn(db, date)).filter((row) => row.active);
  const history = await catalogueHistory(db);
  // Who recorded a version is staff personal data: only those who manage the catalogue read it; the
  // counsellors proposing aids and the budget controllers get the terms without the name.
  const role = caller.actor?.role;
  const names =
    role !== undefined && isAllowed(role, "catalogue.manage")
      ? await staffNames(
          db,
          [...inForce, ...history].map((row) => row.recordedByUserId),
        )
      : null;
  return {
    date,
    products: inForce.map((row) => productView(row, names)),
    history: history.map((row) => productView(row, names)),
  };
}

/** The terms of a product must be whole: directives the envelope funds, a loan's duration, a grant's none. */
function checkTerms(input: ProductInput): void {
  if (input.directives.length === 0) {
    throw DomainError.invalidField("/directives", "DIRECTIVES_EMPTY", financeMessages.directivesEmpty);
  }
  input.directives.forEach((reference, index) => {
    const problem = envelopeDirectiveProblem(reference, directiveByReference(reference));
    if (problem !== undefined) {
      throw DomainError.invalidField(`/directives/${index}`, "DIRECTIVE_REFUSED", problem);
    }
  });
  if (input.kind === "loan" && (input.maxDurationMonths === undefined || input.maxDurationMonths === null)) {
    throw DomainError.invalidField(
      "/maxDurationMonths",
      "LOAN_NEEDS_DURATION",
      financeMessages.loanNeedsDuration,
    );
  }
  if (
    input.kind === "grant" &&
    ((input.maxDurationMonths ?? null) !== null ||
      (input.deferralMonths ?? 0) !== 0 ||
      (input.rateBp ?? 0) !== 0)
  ) {
    throw DomainError.invalidField(
      "/maxDurationMonths",
      "GRANT_HAS_NO_TERMS",
      financeMessages.grantHasNoDuration,
    );
  }
}

/** Records the next version of `input.code` (version 1 for a new product); its kind never changes. */
export async function recordProduct(
  context: ServiceContext,
  caller: Caller,
  input: ProductInput,
): Promise<ProductView> {
  checkCalendarDate("/appliesFrom", input.appliesFrom);
  checkTerms(input);
  return inTransaction(context, async (tx) => {
    const mover = moverOf(context, caller);
    const latest = await lockLatestVersion(tx, input.code);
    if (latest !== undefined && latest.kind !== input.kind) {
      throw DomainError.invalidField("/kind", "KIND_CHANGED", financeMessages.productKindChanged);
    }
    const recorded = await insertProduct(tx, {
      code: input.code,
      version: (latest?.version ?? 0) + 1,
      kind: input.kind,
      name: input.name.trim(),
      maxAmountCents: input.maxAmountCents,
      rateBp: input.rateBp ?? 0,
      maxDurationMonths: input.kind === "loan" ? (input.maxDurationMonths ?? null) : null,
      deferralMonths: input.deferralMonths ?? 0,
      directives: input.directives,
      active: input.active ?? true,
      appliesFrom: input.appliesFrom,
      reason: input.reason.trim(),
      recordedByUserId: mover.userId,
    });
    await recordFinanceAudit(tx, mover, {
      action: "catalogue.product_recorded",
      targetType: "aid_product",
      targetId: recorded.id,
      details: {
        code: recorded.code,
        version: recorded.version,
        maxAmountCents: recorded.maxAmountCents,
        rateBp: recorded.rateBp,
        appliesFrom: recorded.appliesFrom,
        active: recorded.active,
      },
    });
    return productView(recorded, await staffNames(tx, [recorded.recordedByUserId]));
  });
}
