// « Ma journée » on the caseload page: what a counsellor (a manager: the agency) has to do today, before the
// whole portfolio — the appointments still to come today and the cases whose actions are overdue. Both
// come from the caseload API's own filters (nextAppointmentBefore, overdue), so the server decides.
import { Anchor, Box, List, SimpleGrid, Text, Title } from "@mantine/core";
import { useEffect, useState } from "react";
import type { CaseSummary } from "../../../src/contracts/cases.ts";
import { callApi } from "../api.ts";
import { frenchToday, isoDay } from "../frenchDates.ts";
import { workspaceMessages } from "./messages.fr.ts";
import { casePath } from "./paths.ts";

const text = workspaceMessages.caseload;

/** Enough for a day's appointments or the first overdue cases; the portfolio below lists the rest. */
const LIMIT = "50";

const parisTime = new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris", timeStyle: "short" });

/** The cases the query selects; null while loading. The query is compared by value, not identity. */
function useCases(query: Record<string, string>): CaseSummary[] | null | "failed" {
  const [items, setItems] = useState<CaseSummary[] | null | "failed">(null);
  const key = new URLSearchParams(query).toString();
  useEffect(() => {
    void callApi<{ items: CaseSummary[] }>(`/api/v1/cases?${key}`).then((result) =>
      setItems(result.ok ? result.body.items : "failed"),
    );
  }, [key]);
  return items;
}

export function TodaySection({ counsellor }: { counsellor: string | undefined }) {
  const today = isoDay(frenchToday()) ?? "";
  const mine: Record<string, string> = counsellor === undefined ? {} : { counsellor };
  const appointments = useCases({ ...mine, nextAppointmentBefore: today, limit: LIMIT });
  const overdue = useCases({ ...mine, overdue: "true", limit: "10" });
  const byTime = Array.isArray(appointments)
    ? appointments
        .filter((item) => item.nextAppointmentAt !== null)
        // Two appointments at the same time: by case reference, so the order never depends on the list's.
        .sort(
          (a, b) =>
            (a.nextAppointmentAt ?? "").localeCompare(b.nextAppointmentAt ?? "") ||
            a.reference.localeCompare(b.reference),
        )
    : appointments;

  return (
    <Box component="section" aria-labelledby="ma-journee">
      <Title order={2} id="ma-journee" mb="sm">
        {text.todayTitle}
      </Title>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
        <Box data-testid="today-appointments">
          <Title order={3} size="h4" mb="xs">
            {text.appointmentsTitle}
          </Title>
          <CaseList
            items={byTime}
            empty={text.appointmentsEmpty}
            detail={(item) => parisTime.format(new Date(item.nextAppointmentAt ?? ""))}
          />
        </Box>
        <Box data-testid="today-overdue">
          <Title order={3} size="h4" mb="xs">
            {text.overdueTitle}
          </Title>
          <CaseList
            items={overdue}
            empty={text.overdueEmpty}
            detail={(item) => text.overdueCount(item.overdueActions)}
          />
          {Array.isArray(overdue) && overdue.length > 0 && (
            <Text size="sm" mt="xs">
              {text.overdueMore}
            </Text>
          )}
        </Box>
      </SimpleGrid>
    </Box>
  );
}

function CaseList({
  items,
  empty,
  detail,
}: {
  items: CaseSummary[] | null | "failed";
  empty: string;
  detail: (item: CaseSummary) => string;
}) {
  if (items === "failed") return <Text c="red.9">{workspaceMessages.unavailable}</Text>;
  if (items === null) return <Text>{text.loading}</Text>;
  if (items.length === 0) return <Text size="sm">{empty}</Text>;
  return (
    <List spacing={4} className="plain-list">
      {items.map((item) => (
        <List.Item key={item.id}>
          <Text span fw={600}>
            {detail(item)}
          </Text>{" "}
          — <Anchor href={casePath(item.id)}>{item.personName}</Anchor> ({item.reference})
        </List.Item>
      ))}
    </List>
  );
}
