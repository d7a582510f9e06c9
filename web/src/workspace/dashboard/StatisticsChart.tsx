// The dashboard's bar charts, in their own chunk (loaded with React.lazy) so that only the dashboard
// downloads the charts library and its styles. Each chart sits next to a table of the same figures: the
// drawing is hidden from assistive technologies, which read the table.
import "@mantine/charts/styles.css";
import { BarChart } from "@mantine/charts";

const NUMBER = new Intl.NumberFormat("fr-FR");

export interface ChartSeries {
  name: string;
  label: string;
  color: string;
}

export default function StatisticsChart({
  data,
  dataKey,
  series,
  stacked = false,
  testId,
}: {
  data: Record<string, string | number>[];
  dataKey: string;
  series: readonly ChartSeries[];
  stacked?: boolean;
  testId: string;
}) {
  return (
    <div aria-hidden="true" data-testid={testId}>
      <BarChart
        h={280}
        data={data}
        dataKey={dataKey}
        type={stacked ? "stacked" : "default"}
        accessibilityLayer={false}
        withLegend={series.length > 1}
        valueFormatter={(value) => NUMBER.format(value)}
        series={series.map((entry) => ({ ...entry }))}
      />
    </div>
  );
}
