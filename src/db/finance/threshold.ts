// The four-eyes threshold's dated values, kept with the rule parameters: each value applies from its first
// day until a later one does.
import { and, eq, lte, sql } from "drizzle-orm";
import { FOUR_EYES_THRESHOLD_KEY } from "../../core/finance/index.ts";
import type { Drizzle } from "../database.ts";
import { ruleParameterValues } from "../schema/index.ts";

/** The value in force on `date` and its first day: the last one recorded; undefined when none applies yet. */
export async function fourEyesThresholdOn(
  db: Drizzle,
  date: string,
): Promise<{ valueCents: number; appliesFrom: string } | undefined> {
  const [row] = await db
    .select({ valueCents: ruleParameterValues.value, appliesFrom: ruleParameterValues.appliesFrom })
    .from(ruleParameterValues)
    .where(
      and(eq(ruleParameterValues.key, FOUR_EYES_THRESHOLD_KEY), lte(ruleParameterValues.appliesFrom, date)),
    )
    .orderBy(sql`${ruleParameterValues.appliesFrom} desc, ${ruleParameterValues.recordedAt} desc`)
    .limit(1);
  return row;
}

/** Records a value of the threshold from `appliesFrom`; returns the new row's id. */
export async function insertFourEyesThreshold(
  tx: Drizzle,
  value: { valueCents: number; appliesFrom: string; reason: string; recordedByUserId: string },
): Promise<string | undefined> {
  const [row] = await tx
    .insert(ruleParameterValues)
    .values({
      key: FOUR_EYES_THRESHOLD_KEY,
      value: value.valueCents,
      appliesFrom: value.appliesFrom,
      reason: value.reason,
      recordedByUserId: value.recordedByUserId,
    })
    .returning({ id: ruleParameterValues.id });
  return row?.id;
}
