// The administrator's rule parameters page: each value the directives leave to Action Logement Services,
// with the clause that does so, its value in force today and its dated history; a form that records a new
// value from a date, with its mandatory reason; and the four-eyes threshold of aid approvals. Each recorded
// value names who recorded it (GET /rule-parameters/records, administrators only).
import { Blockquote, Box, Text, Title } from "@mantine/core";
import { useCallback, useEffect, useState } from "react";
import { isAllowed } from "../../../../src/core/access/index.ts";
import { FOUR_EYES_THRESHOLD_KEY } from "../../../../src/core/finance/aids.ts";
import { DIRECTIVES } from "../../../../src/core/rules/index.ts";
import { callApi } from "../../api.ts";
import { frenchDay } from "../../frenchDates.ts";
import { problemText } from "../roles/problemText.ts";
import type { Session } from "../session.ts";
import { AdminPage, Announcement, Loaded } from "./AdminPage.tsx";
import { FourEyesThresholdForm } from "./FourEyesThresholdForm.tsx";
import { adminMessages } from "./messages.fr.ts";
import { ParameterValueForm } from "./ParameterValueForm.tsx";
import { RecordedValuesTable } from "./RecordedValuesTable.tsx";

export interface Definition {
  key: string;
  label: string;
  unit: string;
  default: number;
  min: number;
  max: number;
  integer: boolean;
  clause: string;
}

/** A recorded value of any key (the four-eyes threshold included), as GET /rule-parameters/records says it. */
export interface Recorded {
  key: string;
  value: number;
  appliesFrom: string;
  recordedAt: string;
  reason: string | null;
  recordedBy: { id: string; displayName: string } | null;
}

interface RuleParameters {
  date: string;
  values: Record<string, number>;
  definitions: Definition[];
}

interface LoadedParameters extends RuleParameters {
  /** Newest recording first. */
  records: Recorded[];
}

const text = adminMessages.parameters;

const clauseText = (id: string) =>
  DIRECTIVES.flatMap((directive) => directive.clauses).find((clause) => clause.id === id)?.text;

export function ParametersPage({ session }: { session: Session }) {
  const [parameters, setParameters] = useState<LoadedParameters | null>(null);
  const [failure, setFailure] = useState("");
  const [announcement, setAnnouncement] = useState("");
  // Anyone may read the values (the public simulator does); recording them is the administrator's.
  const allowed = isAllowed(session.role, "rule_parameters.change");

  const load = useCallback(async () => {
    // The public values, then who recorded what (administrators only: staff names stay off the public read).
    const [result, records] = await Promise.all([
      callApi<RuleParameters>("/api/v1/rule-parameters"),
      callApi<{ items: Recorded[] }>("/api/v1/rule-parameters/records"),
    ]);
    if (!result.ok) setFailure(problemText(result.problem));
    else if (!records.ok) setFailure(problemText(records.problem));
    else {
      setParameters({ ...result.body, records: records.body.items });
      setFailure("");
    }
  }, []);

  useEffect(() => {
    if (allowed) void load();
  }, [allowed, load]);

  const recorded = (message: string) => {
    setAnnouncement(message);
    void load();
  };

  return (
    <AdminPage allowed={allowed} title={text.title}>
      <Text>{text.intro}</Text>
      <Announcement message={announcement} testId="parameters-announcement" />
      <Loaded value={parameters} failure={failure} loading={text.loading}>
        {(parameters) => (
          <>
            {parameters.definitions.map((definition) => (
              <ParameterSection
                key={definition.key}
                definition={definition}
                date={parameters.date}
                current={parameters.values[definition.key] ?? definition.default}
                history={parameters.records.filter((entry) => entry.key === definition.key)}
              />
            ))}
            <ParameterValueForm
              definitions={parameters.definitions}
              session={session}
              onRecorded={recorded}
            />
            <FourEyesThresholdForm
              date={parameters.date}
              records={parameters.records.filter((entry) => entry.key === FOUR_EYES_THRESHOLD_KEY)}
              session={session}
              onRecorded={recorded}
            />
          </>
        )}
      </Loaded>
    </AdminPage>
  );
}

function ParameterSection({
  definition,
  date,
  current,
  history,
}: {
  definition: Definition;
  date: string;
  current: number;
  history: Recorded[];
}) {
  const headingId = `parametre-${definition.key}`;
  const quoted = clauseText(definition.clause);
  return (
    <Box component="section" aria-labelledby={headingId} data-testid={`parameter-${definition.key}`}>
      <Title order={2} id={headingId} mb="sm">
        {definition.label}
      </Title>
      <Text>{text.clause(definition.clause)}</Text>
      {quoted !== undefined && (
        <Blockquote cite={definition.clause} p="sm" my="sm">
          {quoted}
        </Blockquote>
      )}
      <Text fw={600} data-testid={`current-${definition.key}`}>
        {text.current(text.value(current, definition.unit), frenchDay(date))}
      </Text>
      <Text>
        {text.defaultValue(text.value(definition.default, definition.unit))}{" "}
        {text.bounds(
          text.value(definition.min, definition.unit),
          text.value(definition.max, definition.unit),
        )}
      </Text>
      {history.length === 0 ? (
        <Text mt="sm">{text.historyEmpty}</Text>
      ) : (
        <RecordedValuesTable
          records={history}
          caption={text.historyCaption(definition.label)}
          testId={`history-${definition.key}`}
          valueText={(value) => text.value(value, definition.unit)}
          mt="sm"
        />
      )}
    </Box>
  );
}
