// The open alerts of the envelope (80 %, 95 %, exhausted), at the top of the envelope page. Only the alerts
// this browser has not shown before are announced (role="alert"); those already seen are listed quietly.
// Budget controllers acknowledge them; managers read their region's, agency's and the national ones.
import { Alert, Box, Button, Stack, Text, Title } from "@mantine/core";
import { useCallback, useEffect, useState } from "react";
import { isAllowed } from "../../../../src/core/access/index.ts";
import { formatCents } from "../../../../src/core/finance/money.ts";
import { callApi } from "../../api.ts";
import { frenchMoment } from "../../frenchDates.ts";
import { roleMessages } from "../roles/messages.fr.ts";
import type { Session } from "../session.ts";

const text = roleMessages.envelope.alerts;
const SEEN_KEY = "appui.envelopeAlertsSeen";

export interface EnvelopeAlert {
  id: string;
  year: number;
  level: keyof typeof text.levels;
  scope: "national" | "allocation";
  scopeCode: string | null;
  scopeLabel: string | null;
  message: string;
  raisedAt: string;
  usedCents: number;
  limitCents: number;
  acknowledgedAt: string | null;
}

function seenIds(): Set<string> {
  try {
    return new Set(JSON.parse(localStorage.getItem(SEEN_KEY) ?? "[]") as string[]);
  } catch {
    return new Set();
  }
}

/** The page mounts it again (a new `key`) after a decision that may have raised an alert. */
export function EnvelopeAlerts({
  year,
  session,
  onAcknowledged,
}: {
  year: number;
  session: Session;
  onAcknowledged: (message: string) => void;
}) {
  const [alerts, setAlerts] = useState<{ alert: EnvelopeAlert; fresh: boolean }[]>([]);
  const [error, setError] = useState("");

  const load = useCallback(async () => {
    const result = await callApi<{ items: EnvelopeAlert[] }>(`/api/v1/finance/alerts?year=${year}&open=true`);
    // No alerts to show when the list is unavailable: the forecast below still states the level.
    if (!result.ok) return;
    const seen = seenIds();
    setAlerts(result.body.items.map((alert) => ({ alert, fresh: !seen.has(alert.id) })));
    for (const alert of result.body.items) seen.add(alert.id);
    try {
      localStorage.setItem(SEEN_KEY, JSON.stringify([...seen].slice(-200)));
    } catch {
      // A browser refusing storage only announces the same alerts again next time.
    }
  }, [year]);

  useEffect(() => {
    void load();
  }, [load]);

  async function acknowledge(alert: EnvelopeAlert) {
    const result = await callApi(`/api/v1/finance/alerts/${alert.id}/acknowledge`, {
      method: "POST",
      body: {},
      csrfToken: session.csrfToken,
    });
    if (!result.ok) {
      setError(result.problem.detail || roleMessages.failed);
      return;
    }
    setError("");
    onAcknowledged(text.acknowledged);
    await load();
  }

  if (alerts.length === 0) return null;
  return (
    <Box component="section" aria-labelledby="alertes-enveloppe" data-testid="envelope-alerts">
      <Title order={2} id="alertes-enveloppe" mb="sm">
        {text.title}
      </Title>
      <Stack gap="sm">
        {alerts.map(({ alert, fresh }) => (
          <Alert
            key={alert.id}
            // Mantine's Alert is role="alert" unless told otherwise: an alert already seen is a note.
            role={fresh ? "alert" : "note"}
            color={alert.level === "alert_80" ? "orange.9" : "red.9"}
            variant="outline"
            // The title in the text colour: the alert's own colour is too light on white for small text.
            title={
              <Text component="span" fw={700} c="dark">
                {`${text.levels[alert.level]} — ${alert.scopeLabel ?? text.national}`}
              </Text>
            }
          >
            <Text c="dark">{alert.message}</Text>
            <Text size="sm" c="dark">
              {text.raised(frenchMoment(alert.raisedAt))} ·{" "}
              {text.used(formatCents(alert.usedCents), formatCents(alert.limitCents))}
            </Text>
            {isAllowed(session.role, "alerts.acknowledge") && (
              <Button
                size="xs"
                variant="outline"
                mt="xs"
                aria-label={text.acknowledgeLabel(alert.message)}
                onClick={() => void acknowledge(alert)}
              >
                {text.acknowledge}
              </Button>
            )}
          </Alert>
        ))}
        <span aria-live="assertive">
          {error !== "" && (
            <Text c="red.9" component="span">
              {error}
            </Text>
          )}
        </span>
      </Stack>
    </Box>
  );
}
