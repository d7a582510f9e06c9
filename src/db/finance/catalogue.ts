// The aid catalogue, versioned: recording a product writes the next version of its code, never an update,
// so an aid keeps pointing at (and has copied) the terms it was proposed under.
import { and, asc, desc, eq, lte } from "drizzle-orm";
import { type AidKind, envelopeDirectiveProblem } from "../../core/finance/index.ts";
import { directiveByReference } from "../../core/rules/index.ts";
import type { Drizzle } from "../database.ts";
import { aidProducts } from "../schema/index.ts";
import { FinanceInputError } from "./errors.ts";
import { FINANCE_MESSAGES } from "./messages.fr.ts";

export type ProductRow = typeof aidProducts.$inferSelect;

export interface ProductInput {
  code: string;
  kind: AidKind;
  name: string;
  maxAmountCents: number;
  rateBp?: number | undefined;
  maxDurationMonths?: number | null | undefined;
  deferralMonths?: number | undefined;
  directives: string[];
  active?: boolean | undefined;
  appliesFrom: string;
  reason: string;
}

/** Every version of every product, by code then version. */
export async function catalogueHistory(tx: Drizzle): Promise<ProductRow[]> {
  return tx.select().from(aidProducts).orderBy(asc(aidProducts.code), asc(aidProducts.version));
}

/** The version of each product in force on `date`: the latest version applying from that day or before. */
export async function catalogueOn(tx: Drizzle, date: string): Promise<ProductRow[]> {
  const rows = await tx
    .select()
    .from(aidProducts)
    .where(lte(aidProducts.appliesFrom, date))
    .orderBy(asc(aidProducts.code), desc(aidProducts.appliesFrom), desc(aidProducts.version));
  const seen = new Set<string>();
  return rows.filter((row) => {
    if (seen.has(row.code)) return false;
    seen.add(row.code);
    return true;
  });
}

export async function productInForce(
  tx: Drizzle,
  code: string,
  date: string,
): Promise<ProductRow | undefined> {
  const [row] = await tx
    .select()
    .from(aidProducts)
    .where(and(eq(aidProducts.code, code), lte(aidProducts.appliesFrom, date)))
    .orderBy(desc(aidProducts.appliesFrom), desc(aidProducts.version))
    .limit(1);
  return row;
}

/** Records a new version of `input.code` (version 1 for a new product). */
export async function recordProduct(
  tx: Drizzle,
  input: ProductInput,
  recordedByUserId: string,
): Promise<ProductRow> {
  if (input.directives.length === 0) {
    throw new FinanceInputError("/directives", "DIRECTIVES_EMPTY", FINANCE_MESSAGES.directivesEmpty);
  }
  input.directives.forEach((reference, index) => {
    const problem = envelopeDirectiveProblem(reference, directiveByReference(reference));
    if (problem !== undefined)
      throw new FinanceInputError(`/directives/${index}`, "DIRECTIVE_REFUSED", problem);
  });
  if (input.kind === "loan" && (input.maxDurationMonths === undefined || input.maxDurationMonths === null)) {
    throw new FinanceInputError(
      "/maxDurationMonths",
      "LOAN_NEEDS_DURATION",
      FINANCE_MESSAGES.loanNeedsDuration,
    );
  }
  if (
    input.kind === "grant" &&
    ((input.maxDurationMonths ?? null) !== null ||
      (input.deferralMonths ?? 0) !== 0 ||
      (input.rateBp ?? 0) !== 0)
  ) {
    throw new FinanceInputError(
      "/maxDurationMonths",
      "GRANT_HAS_NO_TERMS",
      FINANCE_MESSAGES.grantHasNoDuration,
    );
  }
  const [latest] = await tx
    .select()
    .from(aidProducts)
    .where(eq(aidProducts.code, input.code))
    .orderBy(desc(aidProducts.version))
    .limit(1)
    .for("update");
  if (latest !== undefined && latest.kind !== input.kind) {
    throw new FinanceInputError("/kind", "KIND_CHANGED", FINANCE_MESSAGES.productKindChanged);
  }
  const [row] = await tx
    .insert(aidProducts)
    .values({
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
      recordedByUserId,
    })
    .returning();
  if (row === undefined) throw new Error("insert returned no row");
  return row;
}
