// The schedule (échéancier) of a loan once paid out: every instalment with its interest and principal parts
// and the balance after it, then what was received, what is left and what is overdue.
import { Box, Table, Text, Title } from "@mantine/core";
import { useEffect, useState } from "react";
import { formatCents } from "../../../../src/core/finance/money.ts";
import { callApi } from "../../api.ts";
import { frenchDay } from "../../frenchDates.ts";
import { WideTable } from "../WideTable.tsx";
import type { AidView } from "./AidsPanel.tsx";
import { aidMessages as text } from "./messages.fr.ts";

interface ScheduleView {
  rows: {
    number: number;
    dueDate: string;
    instalmentCents: number;
    interestCents: number;
    principalCents: number;
    remainingCents: number;
  }[];
  receivedCents: number;
  outstandingCents: number;
  arrearsCents: number;
}

export function LoanSchedule({ aid }: { aid: Pick<AidView, "id" | "productName"> }) {
  const [schedule, setSchedule] = useState<ScheduleView | null>(null);

  useEffect(() => {
    void callApi<ScheduleView>(`/api/v1/finance/aids/${aid.id}/schedule`).then((result) =>
      setSchedule(result.ok ? result.body : null),
    );
  }, [aid.id]);

  // A role that may not read schedules simply does not see one.
  if (schedule === null) return null;
  const columns = text.scheduleColumns;
  const headingId = `echeancier-${aid.id}`;
  return (
    <Box component="section" aria-labelledby={headingId} data-testid="loan-schedule">
      <Title order={3} size="h4" id={headingId} mb="xs">
        {text.scheduleTitle(aid.productName)}
      </Title>
      <Text mb="xs" data-testid="schedule-totals">
        {text.scheduleTotals(
          formatCents(schedule.receivedCents),
          formatCents(schedule.outstandingCents),
          formatCents(schedule.arrearsCents),
        )}
      </Text>
      <WideTable
        minWidth={700}
        maxHeight={360}
        caption={text.scheduleCaption}
        striped
        columns={[
          columns.number,
          columns.dueDate,
          columns.instalment,
          columns.interest,
          columns.principal,
          columns.remaining,
        ]}
      >
        <Table.Tbody>
          {schedule.rows.map((row) => (
            <Table.Tr key={row.number}>
              <Table.Th scope="row">{row.number}</Table.Th>
              <Table.Td>{frenchDay(row.dueDate)}</Table.Td>
              <Table.Td>{formatCents(row.instalmentCents)}</Table.Td>
              <Table.Td>{formatCents(row.interestCents)}</Table.Td>
              <Table.Td>{formatCents(row.principalCents)}</Table.Td>
              <Table.Td>{formatCents(row.remainingCents)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </WideTable>
    </Box>
  );
}
