// Alerts pushed to budget controllers when what is reserved and committed on the national envelope, or on
// one allocation, crosses 80 %, 95 % or 100 % of it (issue 7: "alertes aux contrôleurs budgétaires à 80 % et
// 95 %"). Each level is raised once per year and pot; the database writes the alert in the transaction
// of the proposal or approval that crossed the line.
import { type AlertLevel, alertLevel } from "./envelope.ts";
import { ENVELOPE_ALERT_MESSAGES } from "./messages.fr.ts";
import type { Cents } from "./money.ts";

export const ENVELOPE_ALERT_LEVELS = ["alert_80", "alert_95", "exhausted"] as const;
export type EnvelopeAlertLevel = (typeof ENVELOPE_ALERT_LEVELS)[number];

export const ENVELOPE_ALERT_SCOPES = ["national", "allocation"] as const;
export type EnvelopeAlertScope = (typeof ENVELOPE_ALERT_SCOPES)[number];

const RANK: Record<AlertLevel, number> = { ok: 0, alert_80: 1, alert_95: 2, exhausted: 3 };

/**
 * The level to raise for a pot of `limit` cents now carrying `used` (reserved + committed), given the
 * levels already raised for it this year: the highest level reached, when no alert of that level or above
 * exists yet. A jump from 70 % to 96 % raises the 95 % alert alone, which says more than the 80 % one.
 */
export function alertToRaise(
  limit: Cents,
  used: Cents,
  raised: readonly EnvelopeAlertLevel[],
): EnvelopeAlertLevel | undefined {
  // An empty pot (0 €) has nothing to consume: no alert is meaningful.
  if (limit <= 0) return undefined;
  const level = alertLevel(limit, used);
  if (level === "ok") return undefined;
  const highestRaised = Math.max(0, ...raised.map((item) => RANK[item]));
  return RANK[level] > highestRaised ? level : undefined;
}

/** The alert's French sentence, as the envelope page shows it. */
export function alertMessage(
  year: number,
  level: EnvelopeAlertLevel,
  scope: { kind: EnvelopeAlertScope; label: string | null },
): string {
  return scope.kind === "national"
    ? ENVELOPE_ALERT_MESSAGES.national(year, level)
    : ENVELOPE_ALERT_MESSAGES.allocation(year, scope.label ?? "", level);
}
