// The four-eyes threshold in force today, said next to the approval queue: above it, two budget controllers
// approve. Read from the API (envelope.read), so that a value the administrator recorded shows here.
import { Text } from "@mantine/core";
import { useEffect, useState } from "react";
import { formatCents } from "../../../../src/core/finance/money.ts";
import { callApi } from "../../api.ts";
import { frenchDay } from "../../frenchDates.ts";
import { repaymentMessages as text } from "./messages.fr.ts";

interface Threshold {
  valueCents: number;
  appliesFrom: string | null;
  defaultCents: number;
}

export function FourEyesThreshold() {
  const [threshold, setThreshold] = useState<Threshold | null>(null);

  useEffect(() => {
    void callApi<Threshold>("/api/v1/finance/four-eyes-threshold").then((result) =>
      setThreshold(result.ok ? result.body : null),
    );
  }, []);

  if (threshold === null) return null;
  return (
    <Text mb="sm" data-testid="four-eyes-threshold">
      {text.threshold(formatCents(threshold.valueCents))}{" "}
      {threshold.appliesFrom === null
        ? text.thresholdDefault
        : text.thresholdSince(frenchDay(threshold.appliesFrom))}
    </Text>
  );
}
