// The rule parameters that administrators set with dated history (the temp workers' minimum hours), read
// once when the simulator opens so that the browser answers as the server would. The request carries no
// personal data; without an answer the simulator keeps the engine's defaults.
import { useEffect, useState } from "react";
import {
  type ParameterEntry,
  ParameterTimeline,
  RULE_PARAMETER_DEFINITIONS,
} from "../../../src/core/rules/index.ts";

export const RULE_PARAMETERS_URL = "/api/v1/rule-parameters";

const DEFAULTS = new ParameterTimeline<ParameterEntry>([]);
const KEYS = new Set<string>(RULE_PARAMETER_DEFINITIONS.map((definition) => definition.key));

function entriesOf(body: unknown): ParameterEntry[] {
  const history = (body as { history?: unknown } | null)?.history;
  if (!Array.isArray(history)) return [];
  return history.filter(
    (entry): entry is ParameterEntry =>
      typeof entry === "object" &&
      entry !== null &&
      KEYS.has((entry as ParameterEntry).key) &&
      typeof (entry as ParameterEntry).value === "number" &&
      typeof (entry as ParameterEntry).appliesFrom === "string",
  );
}

export function useParameterTimeline(): ParameterTimeline {
  const [timeline, setTimeline] = useState<ParameterTimeline>(DEFAULTS);
  useEffect(() => {
    const controller = new AbortController();
    fetch(RULE_PARAMETERS_URL, { signal: controller.signal, headers: { accept: "application/json" } })
      .then((response) => (response.ok ? response.json() : undefined))
      .then((body: unknown) => {
        const entries = entriesOf(body);
        if (entries.length > 0) setTimeline(new ParameterTimeline(entries));
      })
      .catch(() => {
        // Offline or server trouble: the defaults stand, and the result shows the values it used.
      });
    return () => controller.abort();
  }, []);
  return timeline;
}
