// The envelope's burn-down: the chart (its own lazily loaded chunk) and the table of the same figures, which
// is what keyboard and screen reader users read.
import { Box, Table, Text, Title } from "@mantine/core";
import { lazy, Suspense } from "react";
import { formatCents } from "../../../../src/core/finance/money.ts";
import { roleMessages } from "../roles/messages.fr.ts";
import { WideTable } from "../WideTable.tsx";
import { type BurndownInput, burndown } from "./burndown.ts";

const BurndownChart = lazy(() => import("./BurndownChart.tsx"));

const text = roleMessages.envelope.burndown;

export function BurndownPanel({ forecast }: { forecast: BurndownInput }) {
  const months = burndown(forecast);
  const cents = (value: number | null) => (value === null ? text.none : formatCents(value));
  const left = (percent: bigint) => formatCents(Number((BigInt(forecast.nationalCents) * percent) / 100n));
  return (
    <Box component="section" aria-labelledby="reste-mensuel">
      <Title order={2} id="reste-mensuel" mb="sm">
        {text.title}
      </Title>
      <figure className="burndown" aria-labelledby="reste-mensuel-resume">
        <Suspense fallback={<Text role="status">{text.loadingChart}</Text>}>
          <BurndownChart months={months} nationalCents={forecast.nationalCents} />
        </Suspense>
        <Text component="figcaption" id="reste-mensuel-resume" size="sm" mt="xs">
          {text.summary} {text.thresholds(left(20n), left(5n))}
        </Text>
      </figure>
      <WideTable
        minWidth={480}
        caption={text.caption}
        striped
        data-testid="burndown-table"
        columns={[text.month, text.actual, text.projected]}
      >
        <Table.Tbody>
          {months.map((month) => (
            <Table.Tr key={month.month}>
              <Table.Th scope="row">{text.months[month.month]}</Table.Th>
              <Table.Td>{cents(month.actualCents)}</Table.Td>
              <Table.Td>{cents(month.projectedCents)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </WideTable>
    </Box>
  );
}
