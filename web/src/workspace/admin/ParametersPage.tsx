// The administrator's rule parameters page: each value the directives leave to Action Logement Services,
// with the clause that does so, its value in force today and its dated history; a form that records a new
// value from a date, with its mandatory reason; and the four-eyes threshold of aid approvals. Each recorded
// value names who recorded it (GET /rule-parameters/records, administrators only).
import { Blockquote, Box, Stack, Table, Text, Title } from "@mantine/core";
import { useCallback, useEffect, useState } from "react";
import { FOUR_EYES_THRESHOLD_KEY } from "../../../../src/core/finance/aids.ts";
import { DIRECTIVES } from "../../../../src/core/rules/index.ts";
import { callApi, type Problem } from "../../api.ts";
import { frenchDay, frenchMoment } from "../../frenchDates.ts";
import type { Session } from "../session.ts";
import { FourEyesThresholdForm } from "./FourEyesThresholdForm.tsx";
import { adminMessages } from "./messages.fr.ts";
import { ParameterValueForm } from "./ParameterValueForm.tsx";

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

interface Loaded extends RuleParameters {
  /** Newest recording first. */
  records: Recorded[];
}

const text = adminMessages.parameters;

function problemText(problem: Problem): string {
  if (problem.status === 403) return adminMessages.forbidden;
  return problem.detail || adminMessages.failed;
}

const clauseText = (id: string) =>
  DIRECTIVES.flatMap((directive) => directive.clauses).find((clause) => clause.id === id)?.text;

export function ParametersPage({ session }: { session: Session }) {
  const [parameters, setParameters] = useState<Loaded | null>(null);
  const [failure, setFailure] = useState("");
  const [announcement, setAnnouncement] = useState("");
  // Anyone may read the values (the public simulator does); recording them is the administrator's.
  const allowed = session.role === "admin";

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

  if (!allowed) {
    return (
      <Stack gap="xl">
        <Title order={1}>{text.title}</Title>
        <Text role="alert">{adminMessages.forbidden}</Text>
      </Stack>
    );
  }

  return (
    <Stack gap="xl">
      <Title order={1}>{text.title}</Title>
      <Text>{text.intro}</Text>
      <div aria-live="polite" data-testid="parameters-announcement">
        {announcement !== "" && <Text fw={600}>{announcement}</Text>}
      </div>
      {failure !== "" ? (
        <Text role="alert">{failure}</Text>
      ) : parameters === null ? (
        <Text role="status">{text.loading}</Text>
      ) : (
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
          <ParameterValueForm definitions={parameters.definitions} session={session} onRecorded={recorded} />
          <FourEyesThresholdForm
            date={parameters.date}
            records={parameters.records.filter((entry) => entry.key === FOUR_EYES_THRESHOLD_KEY)}
            session={session}
            onRecorded={recorded}
          />
        </>
      )}
    </Stack>
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
  const columns = text.columns;
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
        <Table.ScrollContainer minWidth={700} mt="sm">
          <Table striped data-testid={`history-${definition.key}`}>
            <caption className="visually-hidden">{text.historyCaption(definition.label)}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{columns.appliesFrom}</Table.Th>
                <Table.Th scope="col">{columns.value}</Table.Th>
                <Table.Th scope="col">{columns.recordedAt}</Table.Th>
                <Table.Th scope="col">{columns.recordedBy}</Table.Th>
                <Table.Th scope="col">{columns.reason}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {history.map((entry) => (
                <Table.Tr key={`${entry.appliesFrom}-${entry.recordedAt}`}>
                  <Table.Th scope="row">{frenchDay(entry.appliesFrom)}</Table.Th>
                  <Table.Td>{text.value(entry.value, definition.unit)}</Table.Td>
                  <Table.Td>{frenchMoment(entry.recordedAt)}</Table.Td>
                  <Table.Td>{entry.recordedBy?.displayName ?? text.noAuthor}</Table.Td>
                  <Table.Td>{entry.reason ?? text.noReason}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Box>
  );
}
