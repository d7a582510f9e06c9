// The auditor's page: a search of the audit trail by author, case, person (a reference of one of their
// cases), action and period, newest first, older events a page at a time, and the same search exported.
import { Anchor, Box, Button, Group, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { isRole, ROLE_LABELS } from "../../../../src/core/access/index.ts";
import { endOfParisDay, startOfParisDay } from "../../../../src/core/time/index.ts";
import { callApi, issuesByPath, type Problem } from "../../api.ts";
import { frenchMoment, isoDay } from "../../frenchDates.ts";
import { workspaceMessages } from "../messages.fr.ts";
import { WideTable } from "../WideTable.tsx";
import { roleMessages } from "./messages.fr.ts";
import { problemText } from "./problemText.ts";

const text = roleMessages.audit;
const actorText = workspaceMessages.auditActor;
const PAGE_SIZE = 50;

interface AuditEvent {
  id: string;
  seq: number;
  occurredAt: string;
  actorUserId: string | null;
  actorRole: string | null;
  /** The author as known today; null for the system. */
  actor: {
    account: "active" | "deactivated" | "deleted";
    displayName: string | null;
    role: string | null;
  } | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  details: Record<string, unknown>;
}

interface Draft {
  actor: string;
  case: string;
  person: string;
  action: string;
  from: string;
  to: string;
}

const EMPTY: Draft = { actor: "", case: "", person: "", action: "", from: "", to: "" };
const FIELDS: readonly (keyof Draft)[] = ["actor", "case", "person", "action", "from", "to"];

/** The typed criteria as the API's query, or the fields whose date is not a real day. */
function queryOf(draft: Draft): { query: URLSearchParams } | { errors: Record<string, string> } {
  const query = new URLSearchParams();
  const errors: Record<string, string> = {};
  for (const name of ["actor", "case", "person", "action"] as const) {
    const value = draft[name].trim();
    if (value !== "") query.set(name, value);
  }
  for (const name of ["from", "to"] as const) {
    if (draft[name].trim() === "") continue;
    const day = isoDay(draft[name]);
    if (day === undefined) {
      errors[`/${name}`] = text.dateFormat;
      continue;
    }
    // A period in whole Paris days, like every date of the service; "to" includes its whole day.
    query.set(name, (name === "to" ? endOfParisDay(day) : startOfParisDay(day)).toISOString());
  }
  return Object.keys(errors).length > 0 ? { errors } : { query };
}

function auditProblemText(problem: Problem): string {
  return problem.code === "case_reference_unknown" ? text.unknownReference : problemText(problem);
}

export function AuditPage() {
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState("");
  const [searching, setSearching] = useState(false);
  const [query, setQuery] = useState<URLSearchParams | null>(null);
  const [items, setItems] = useState<AuditEvent[]>([]);
  const [nextCursor, setNextCursor] = useState<number | null>(null);

  async function run(params: URLSearchParams, before: number | null) {
    const page = new URLSearchParams(params);
    page.set("limit", String(PAGE_SIZE));
    if (before !== null) page.set("before", String(before));
    setSearching(true);
    const result = await callApi<{ items: AuditEvent[]; nextCursor: number | null }>(
      `/api/v1/audit-events?${page.toString()}`,
    );
    setSearching(false);
    if (!result.ok) {
      const byPath = issuesByPath(result.problem);
      setErrors(byPath);
      setFailure(auditProblemText(result.problem));
      return;
    }
    setFailure("");
    setQuery(params);
    setItems((previous) => (before === null ? result.body.items : [...previous, ...result.body.items]));
    setNextCursor(result.body.nextCursor);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const built = queryOf(draft);
    if ("errors" in built) {
      setErrors(built.errors);
      return;
    }
    setErrors({});
    void run(built.query, null);
  }

  const columns = text.columns;
  return (
    <Stack gap="xl">
      <Title order={1}>{text.title}</Title>
      <Text>{text.intro}</Text>
      <form aria-label={text.filtersLabel} onSubmit={submit} noValidate>
        <Group align="flex-start" gap="md" wrap="wrap">
          {FIELDS.map((name) => (
            <TextInput
              key={name}
              id={`journal-${name}`}
              label={text[name === "case" ? "caseId" : name]}
              value={draft[name]}
              maxLength={100}
              error={errors[`/${name}`]}
              onChange={(event) => setDraft({ ...draft, [name]: event.currentTarget.value })}
            />
          ))}
        </Group>
        <Group mt="md">
          <Button type="submit" loading={searching}>
            {text.search}
          </Button>
          {query !== null && (
            <Anchor href={`/api/v1/audit-events/export?${query.toString()}`} download>
              {text.export}
            </Anchor>
          )}
        </Group>
      </form>
      <div aria-live="polite" aria-atomic="true">
        {failure !== "" ? (
          <Text c="red.9" fw={600}>
            {failure}
          </Text>
        ) : Object.keys(errors).length > 0 ? (
          <Text c="red.9" fw={600}>
            {Object.values(errors).join(" ")}
          </Text>
        ) : searching ? (
          <Text>{text.searching}</Text>
        ) : query !== null ? (
          <Text data-testid="audit-count">
            {items.length === 0 ? text.empty : text.count(items.length, nextCursor !== null)}
          </Text>
        ) : null}
      </div>
      {items.length > 0 && (
        <Box>
          <WideTable
            minWidth={900}
            caption={text.caption}
            striped
            data-testid="audit-events"
            columns={[
              columns.at,
              columns.action,
              columns.actor,
              columns.role,
              columns.target,
              columns.details,
            ]}
          >
            <Table.Tbody>
              {items.map((event) => (
                <Table.Tr key={event.id}>
                  <Table.Th scope="row">{frenchMoment(event.occurredAt)}</Table.Th>
                  <Table.Td>
                    <code>{event.action}</code>
                  </Table.Td>
                  <Table.Td>
                    <ActorCell event={event} />
                  </Table.Td>
                  <Table.Td>{roleLabel(event.actorRole ?? event.actor?.role ?? null)}</Table.Td>
                  <Table.Td>
                    {event.targetType === null ? "" : `${event.targetType} ${event.targetId ?? ""}`}
                  </Table.Td>
                  <Table.Td>
                    <code className="audit-details">{JSON.stringify(event.details)}</code>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </WideTable>
          {nextCursor !== null && query !== null && (
            <Button variant="outline" mt="md" loading={searching} onClick={() => void run(query, nextCursor)}>
              {text.loadMore}
            </Button>
          )}
        </Box>
      )}
    </Stack>
  );
}

/** The role's name; a role the trail recorded but that no longer exists, as it was written. */
const roleLabel = (role: string | null) => (role === null ? "" : isRole(role) ? ROLE_LABELS[role] : role);

/** The author's name (or what became of their account), their UUID underneath for searches and exports. */
function ActorCell({ event }: { event: AuditEvent }) {
  if (event.actorUserId === null || event.actor === null) return <Text size="sm">{text.system}</Text>;
  const { actor } = event;
  return (
    <Stack gap={0} title={actorText.id(event.actorUserId)}>
      <Text
        size="sm"
        fw={actor.account === "active" ? 600 : undefined}
        fs={actor.account === "active" ? undefined : "italic"}
      >
        {actor.displayName ?? actorText[actor.account === "deactivated" ? "deactivated" : "deleted"]}
      </Text>
      <Text size="xs" c="dimmed" className="audit-actor-id">
        <code>{event.actorUserId}</code>
      </Text>
    </Stack>
  );
}
