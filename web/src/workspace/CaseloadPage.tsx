// The counsellor's home: their day (appointments still to come today, overdue actions), the agency's new
// requests nobody has taken, which a manager assigns to a counsellor from there, and their cases (a
// manager: the agency's), filtered by step and by name or reference, a page at a time ("show more"
// follows the API's cursor).
import {
  Anchor,
  Badge,
  Box,
  Button,
  Group,
  NativeSelect,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { type FormEvent, type ReactNode, useCallback, useEffect, useState } from "react";
import type { CaseSummary } from "../../../src/contracts/cases.ts";
import { isAllowed, scopeOf } from "../../../src/core/access/index.ts";
import { CASE_STATUS_LABELS, CASE_STATUSES, type CaseStatus } from "../../../src/core/cases/index.ts";
import { callApi, type Problem } from "../api.ts";
import { frenchDay } from "../frenchDates.ts";
import { messages } from "../messages.fr.ts";
import { AssignCase, useAgencyCounsellors } from "./dashboard/AssignCase.tsx";
import { dashboardMessages } from "./dashboard/messages.fr.ts";
import { workspaceMessages } from "./messages.fr.ts";
import { casePath } from "./paths.ts";
import type { Session } from "./session.ts";
import { TodaySection } from "./TodaySection.tsx";
import { WideTable } from "./WideTable.tsx";

const text = workspaceMessages.caseload;
const PAGE_SIZE = 25;

interface CaseList {
  items: CaseSummary[];
  nextCursor: string | null;
}

interface Filters {
  status: CaseStatus | "";
  q: string;
}

function listPath(parameters: Record<string, string | undefined>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(parameters))
    if (value !== undefined && value !== "") query.set(key, value);
  return `/api/v1/cases?${query.toString()}`;
}

function problemText(problem: Problem): string {
  if (problem.status === 403) return text.forbidden;
  return problem.detail || workspaceMessages.unavailable;
}

export function CaseloadPage({ session }: { session: Session }) {
  // A counsellor's home lists their own cases (the only ones they may change); a manager's, the whole
  // agency's.
  const mine = scopeOf(session.role, "cases.change") === "own";
  const title = mine ? text.titleCounsellor : text.titleAgency;
  useEffect(() => {
    document.title = messages.documentTitle.page(title);
  }, [title]);

  return (
    <Stack gap="xl">
      <Title order={1}>{title}</Title>
      {isAllowed(session.role, "cases.list") && (
        <TodaySection counsellor={mine ? session.user.id : undefined} />
      )}
      <NewRequests session={session} />
      <Caseload counsellor={mine ? session.user.id : undefined} title={title} />
    </Stack>
  );
}

function Caseload({ counsellor, title }: { counsellor: string | undefined; title: string }) {
  const [draft, setDraft] = useState<Filters>({ status: "", q: "" });
  const [filters, setFilters] = useState<Filters>({ status: "", q: "" });
  const [items, setItems] = useState<CaseSummary[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [failure, setFailure] = useState("");

  const load = useCallback(
    async (cursor: string | null) => {
      setLoading(true);
      const result = await callApi<CaseList>(
        listPath({
          counsellor,
          status: filters.status,
          q: filters.q.trim(),
          cursor: cursor ?? undefined,
          limit: String(PAGE_SIZE),
        }),
      );
      setLoading(false);
      if (!result.ok) {
        setFailure(problemText(result.problem));
        return;
      }
      setFailure("");
      setItems((previous) => (cursor === null ? result.body.items : [...previous, ...result.body.items]));
      setNextCursor(result.body.nextCursor);
    },
    [counsellor, filters],
  );

  useEffect(() => {
    void load(null);
  }, [load]);

  function apply(event: FormEvent) {
    event.preventDefault();
    setFilters({ ...draft });
  }

  return (
    <Box component="section" aria-labelledby="portefeuille">
      <Title order={2} id="portefeuille" className="visually-hidden">
        {title}
      </Title>
      <form aria-label={text.filtersLabel} onSubmit={apply}>
        <Group align="flex-end" gap="md" mb="md" wrap="wrap">
          <NativeSelect
            id="filtre-etape"
            label={text.status}
            value={draft.status}
            onChange={(event) => setDraft({ ...draft, status: event.currentTarget.value as CaseStatus | "" })}
            data={[
              { value: "", label: text.anyStatus },
              ...CASE_STATUSES.map((status) => ({ value: status, label: CASE_STATUS_LABELS[status] })),
            ]}
          />
          <TextInput
            id="filtre-recherche"
            label={text.search}
            type="search"
            value={draft.q}
            maxLength={100}
            onChange={(event) => setDraft({ ...draft, q: event.currentTarget.value })}
          />
          <Button type="submit">{text.apply}</Button>
          {(filters.status !== "" || filters.q !== "") && (
            <Button
              variant="subtle"
              type="button"
              onClick={() => {
                setDraft({ status: "", q: "" });
                setFilters({ status: "", q: "" });
              }}
            >
              {text.reset}
            </Button>
          )}
        </Group>
      </form>
      <div aria-live="polite" aria-atomic="true">
        {failure !== "" ? (
          <Text c="red.9" fw={600}>
            {failure}
          </Text>
        ) : loading ? (
          <Text>{text.loading}</Text>
        ) : (
          <Text size="sm" data-testid="caseload-count">
            {items.length === 0 ? text.empty : text.shown(items.length, nextCursor !== null)}
          </Text>
        )}
      </div>
      {items.length > 0 && <CaseTable items={items} caption={text.caption} testId="caseload" />}
      {nextCursor !== null && (
        <Button variant="outline" mt="md" loading={loading} onClick={() => void load(nextCursor)}>
          {text.loadMore}
        </Button>
      )}
    </Box>
  );
}

function NewRequests({ session }: { session: Session }) {
  const [items, setItems] = useState<CaseSummary[] | null>(null);
  const [failure, setFailure] = useState("");
  // Managers assign the requests nobody has taken; what they assigned stays listed with its counsellor.
  const assigns = isAllowed(session.role, "cases.assign");
  const counsellors = useAgencyCounsellors(assigns);
  const [assigned, setAssigned] = useState<Readonly<Record<string, string>>>({});
  useEffect(() => {
    void callApi<CaseList>(listPath({ status: "request_received", counsellor: "none", limit: "10" })).then(
      (result) => {
        if (result.ok) setItems(result.body.items);
        else setFailure(problemText(result.problem));
      },
    );
  }, []);
  return (
    <Box component="section" aria-labelledby="nouvelles-demandes">
      <Title order={2} id="nouvelles-demandes" mb="xs">
        {text.newRequestsTitle}
      </Title>
      <Text size="sm" mb="sm">
        {text.newRequestsIntro}
      </Text>
      {failure !== "" ? (
        <Text c="red.9">{failure}</Text>
      ) : items === null ? (
        <Text role="status">{text.loading}</Text>
      ) : items.length === 0 ? (
        <Text>{text.newRequestsEmpty}</Text>
      ) : (
        <CaseTable
          items={items}
          caption={text.newRequestsTitle}
          testId="new-requests"
          {...(assigns
            ? {
                assign: (item: CaseSummary) => {
                  const name = assigned[item.id];
                  return name !== undefined ? (
                    <Text size="sm" fw={600}>
                      {dashboardMessages.assign.current(name)}
                    </Text>
                  ) : (
                    <AssignCase
                      caseId={item.id}
                      reference={item.reference}
                      currentCounsellorId={item.counsellor?.id ?? null}
                      session={session}
                      counsellors={counsellors}
                      onAssigned={(detail) =>
                        setAssigned((previous) => ({ ...previous, [item.id]: detail.counsellor?.name ?? "" }))
                      }
                    />
                  );
                },
              }
            : {})}
        />
      )}
    </Box>
  );
}

function CaseTable({
  items,
  caption,
  testId,
  assign,
}: {
  items: CaseSummary[];
  caption: string;
  testId: string;
  /** A manager's assignment control, in a last column. */
  assign?: (item: CaseSummary) => ReactNode;
}) {
  const columns = text.columns;
  return (
    <WideTable
      minWidth={720}
      caption={caption}
      striped
      highlightOnHover
      data-testid={testId}
      columns={[
        columns.reference,
        columns.person,
        columns.status,
        columns.nextStep,
        columns.directive,
        columns.requestedOn,
        columns.overdue,
        assign !== undefined && dashboardMessages.assign.column,
      ]}
    >
      <Table.Tbody>
        {items.map((item) => (
          <Table.Tr key={item.id}>
            <Table.Th scope="row">
              <Anchor href={casePath(item.id)}>{item.reference}</Anchor>
            </Table.Th>
            <Table.Td>
              {item.personName}
              {item.possibleDuplicate && (
                <Badge ml="xs" color="orange.9" variant="outline">
                  {text.possibleDuplicate}
                </Badge>
              )}
            </Table.Td>
            <Table.Td>{CASE_STATUS_LABELS[item.status]}</Table.Td>
            <Table.Td>{text.nextStep[item.status]}</Table.Td>
            <Table.Td>
              <code>{item.directive}</code>
            </Table.Td>
            <Table.Td>{frenchDay(item.requestedOn)}</Table.Td>
            <Table.Td>{item.overdueActions}</Table.Td>
            {assign !== undefined && <Table.Td>{assign(item)}</Table.Td>}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </WideTable>
  );
}
