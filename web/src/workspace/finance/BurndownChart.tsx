// The burn-down chart, in its own chunk (loaded with React.lazy) so that only the pages that draw a chart
// download the charts library and its styles. The figures are also in a table next to it: the drawing is
// hidden from assistive technologies, which read the table.
import "@mantine/charts/styles.css";
import { LineChart } from "@mantine/charts";
import { formatCents } from "../../../../src/core/finance/money.ts";
import { roleMessages } from "../roles/messages.fr.ts";
import type { BurndownMonth } from "./burndown.ts";

const text = roleMessages.envelope.burndown;

export default function BurndownChart({
  months,
  nationalCents,
}: {
  months: readonly BurndownMonth[];
  nationalCents: number;
}) {
  // The projected line is drawn from the last actual point, so that the two lines join.
  const joinAt = months.findIndex((month) => month.projectedCents !== null) - 1;
  const data = months.map((month) => ({
    month: text.months[month.month],
    actual: month.actualCents,
    projected: month.month === joinAt ? month.actualCents : month.projectedCents,
  }));
  // Thresholds of the alerts: 80 % and 95 % of the envelope used, i.e. 20 % and 5 % left (integer cents).
  const left = (percent: bigint) => Number((BigInt(nationalCents) * percent) / 100n);
  return (
    <div aria-hidden="true" data-testid="burndown-chart">
      <LineChart
        h={320}
        data={data}
        dataKey="month"
        accessibilityLayer={false}
        withLegend
        connectNulls={false}
        curveType="linear"
        valueFormatter={(value) => formatCents(Math.round(value))}
        yAxisProps={{ width: 130 }}
        series={[
          { name: "actual", label: text.actual, color: "blue.9" },
          { name: "projected", label: text.projected, color: "grape.9", strokeDasharray: "6 4" },
        ]}
        referenceLines={[
          { y: left(20n), label: text.threshold80, color: "orange.9" },
          { y: left(5n), label: text.threshold95, color: "red.9" },
          { y: 0, label: text.zero, color: "dark.6" },
        ]}
      />
    </div>
  );
}
