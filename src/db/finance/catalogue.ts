// The aid catalogue, versioned: recording a product writes the next version of its code, never an update,
// so an aid keeps pointing at (and has copied) the terms it was proposed under.
import { and, asc, desc, eq, lte } from "drizzle-orm";
import type { Drizzle } from "../database.ts";
import { aidProducts } from "../schema/index.ts";

export type ProductRow = typeof aidProducts.$inferSelect;

export type NewProductRow = typeof aidProducts.$inferInsert;

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

/** The latest version of `code`, locked until the transaction ends: the next version is numbered from it. */
export async function lockLatestVersion(tx: Drizzle, code: string): Promise<ProductRow | undefined> {
  const [row] = await tx
    .select()
    .from(aidProducts)
    .where(eq(aidProducts.code, code))
    .orderBy(desc(aidProducts.version))
    .limit(1)
    .for("update");
  return row;
}

export async function insertProduct(tx: Drizzle, values: NewProductRow): Promise<ProductRow> {
  const [row] = await tx.insert(aidProducts).values(values).returning();
  if (row === undefined) throw new Error("insert returned no row");
  return row;
}
