// The manager's dashboard (/espace/tableau-de-bord): a period, the key figures, then one section per
// subject with a chart (its own lazily loaded chunk) and the table of the same figures, which is what
// keyboard and screen reader users read. Everything comes from GET /api/v1/statistics: aggregates of the
// manager's agency only.
import {
  Anchor,
  Box,
  Button,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { type FormEvent, lazy, type ReactNode, Suspense, useEffect, useState } from "react";
import type { Statistics } from "../../../../src/contracts/statistics.ts";
import { CASE_STATUS_LABELS, CLOSURE_REASON_LABELS } from "../../../../src/core/cases/index.ts";
import { CLOSURE_OUTCOME_LABELS, SURVEY_RATING_LABELS } from "../../../../src/core/diagnosis/index.ts";
import { callApi } from "../../api.ts";
import { frenchDay, isoDay } from "../../frenchDates.ts";
import { messages } from "../../messages.fr.ts";
import type { Session } from "../session.ts";
import { WideTable } from "../WideTable.tsx";
import { dashboardMessages } from "./messages.fr.ts";
import type { ChartSeries } from "./StatisticsChart.tsx";

const StatisticsChart = lazy(() => import("./StatisticsChart.tsx"));

const text = dashboardMessages;
const NUMBER = new Intl.NumberFormat("fr-FR");
const MONTH = new Intl.DateTimeFormat("fr-FR", { month: "short", year: "numeric", timeZone: "UTC" });
const CHANNELS = ["web_form", "phone", "visit", "partner_referral"] as const;
const CHANNEL_COLORS = {
  web_form: "blue.7",
  phone: "teal.8",
  visit: "grape.7",
  partner_referral: "orange.8",
};

type Period = { from?: string; to?: string };
type FieldErrors = Partial<Record<"from" | "to", string>>;

function monthLabel(month: string): string {
  return MONTH.format(new Date(`${month}-01T00:00:00Z`));
}

/** The rows of a two-column table of counts: what each entry counts, then how many. */
function countRows<Entry extends { count: number }>(
  entries: readonly Entry[],
  label: (entry: Entry) => string,
): string[][] {
  return entries.map((entry) => [label(entry), NUMBER.format(entry.count)]);
}

function statisticsPath(period: Period, format = ""): string {
  const query = new URLSearchParams();
  if (period.from !== undefined) query.set("from", period.from);
  if (period.to !== undefined) query.set("to", period.to);
  const search = query.toString();
  return `/api/v1/statistics${format}${search === "" ? "" : `?${search}`}`;
}

export function DashboardPage({ session }: { session: Session }) {
  const [period, setPeriod] = useState<Period>({});
  const [statistics, setStatistics] = useState<Statistics | null>(null);
  const [failure, setFailure] = useState("");
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});

  useEffect(() => {
    document.title = messages.documentTitle.page(text.title);
  }, []);

  useEffect(() => {
    let current = true;
    void callApi<Statistics>(statisticsPath(period)).then((result) => {
      if (!current) return;
      if (result.ok) {
        setStatistics(result.body);
        setFailure("");
        return;
      }
      const errors: FieldErrors = {};
      for (const issue of result.problem.errors) {
        const field = issue.path.replace(/^\//, "");
        if (field === "from" || field === "to") errors[field] ??= issue.message;
      }
      setFieldErrors(errors);
      setFailure(Object.keys(errors).length > 0 ? "" : result.problem.detail || text.failed);
    });
    return () => {
      current = false;
    };
  }, [period]);

  return (
    <Stack gap="xl">
      <div>
        <Title order={1}>{text.title}</Title>
        <Text mt="xs">{text.intro(session.organisation?.name ?? "")}</Text>
      </div>
      <PeriodForm
        shown={statistics?.period}
        errors={fieldErrors}
        onApply={(next) => {
          setFieldErrors({});
          setPeriod(next);
        }}
      />
      <div aria-live="polite" aria-atomic="true">
        {failure !== "" ? (
          <Text c="red.9" fw={600}>
            {failure}
          </Text>
        ) : statistics === null ? (
          <Text>{text.loading}</Text>
        ) : (
          <Text size="sm" data-testid="dashboard-period">
            {text.period.shown(frenchDay(statistics.period.from), frenchDay(statistics.period.to))}{" "}
            <Anchor href={statisticsPath(statistics.period, ".csv")} download>
              {text.period.csv}
            </Anchor>
          </Text>
        )}
      </div>
      {statistics !== null && <Figures statistics={statistics} />}
    </Stack>
  );
}

function PeriodForm({
  shown,
  errors,
  onApply,
}: {
  shown: { from: string; to: string } | undefined;
  errors: FieldErrors;
  onApply: (period: Period) => void;
}) {
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [local, setLocal] = useState<FieldErrors>({});
  const shownErrors = { ...errors, ...local };

  // The first answer says which period the defaults cover: the fields start from it.
  useEffect(() => {
    if (shown === undefined) return;
    setFrom((typed) => (typed === "" ? frenchDay(shown.from) : typed));
    setTo((typed) => (typed === "" ? frenchDay(shown.to) : typed));
  }, [shown]);

  function submit(event: FormEvent) {
    event.preventDefault();
    const fromDay = isoDay(from);
    const toDay = isoDay(to);
    const problems: FieldErrors = {};
    if (fromDay === undefined) problems.from = text.period.dateFormat;
    if (toDay === undefined) problems.to = text.period.dateFormat;
    setLocal(problems);
    const first = Object.keys(problems)[0];
    if (first !== undefined) {
      document.getElementById(`periode-${first}`)?.focus();
      return;
    }
    onApply({
      ...(fromDay === undefined ? {} : { from: fromDay }),
      ...(toDay === undefined ? {} : { to: toDay }),
    });
  }

  return (
    <form aria-label={text.period.legend} noValidate onSubmit={submit}>
      <Group align="flex-start" gap="md" wrap="wrap">
        <TextInput
          id="periode-from"
          label={text.period.from}
          description={text.period.hint}
          inputMode="numeric"
          autoComplete="off"
          value={from}
          onChange={(event) => setFrom(event.currentTarget.value)}
          error={shownErrors.from}
        />
        <TextInput
          id="periode-to"
          label={text.period.to}
          description={text.period.hint}
          inputMode="numeric"
          autoComplete="off"
          value={to}
          onChange={(event) => setTo(event.currentTarget.value)}
          error={shownErrors.to}
        />
        <Button type="submit" mt={46}>
          {text.period.apply}
        </Button>
      </Group>
    </form>
  );
}

function Figures({ statistics }: { statistics: Statistics }) {
  const { opened, current, quality, closures, survey, decisions, counsellors } = statistics;
  const satisfied = survey.byRating.filter((entry) => entry.rating >= 4).reduce((sum, e) => sum + e.count, 0);
  const key = text.keyFigures;
  const figures: [string, string][] = [
    [key.opened, NUMBER.format(opened.total)],
    [key.openCases, NUMBER.format(current.openCases)],
    [key.unassigned, NUMBER.format(current.unassignedOpenCases)],
    [key.overdue, NUMBER.format(current.overdueActions)],
    [key.firstContact, text.days(quality.toFirstContact.median)],
    [key.satisfied, text.percent(satisfied, survey.answered)],
  ];
  const channelSeries: ChartSeries[] = CHANNELS.map((channel) => ({
    name: channel,
    label: text.channels[channel],
    color: CHANNEL_COLORS[channel],
  }));
  const measures = ["toFirstContact", "toDiagnosis", "toClosure"] as const;

  return (
    <>
      <Box component="section" aria-labelledby="chiffres-cles">
        <Title order={2} id="chiffres-cles" mb="sm">
          {key.title}
        </Title>
        <SimpleGrid component="dl" cols={{ base: 1, sm: 2, md: 3 }} data-testid="key-figures" m={0}>
          {figures.map(([label, value]) => (
            <Paper key={label} withBorder p="md">
              <Text component="dt" size="sm">
                {label}
              </Text>
              <Text component="dd" fz="xl" fw={700} m={0}>
                {value}
              </Text>
            </Paper>
          ))}
        </SimpleGrid>
      </Box>

      <ChartSection
        id="demandes-par-mois"
        title={text.opened.title}
        summary={text.opened.summary}
        chart={
          <StatisticsChart
            testId="chart-opened"
            stacked
            dataKey="month"
            series={channelSeries}
            data={opened.byMonth.map((month) => ({ month: monthLabel(month.month), ...month.byChannel }))}
          />
        }
      >
        <DataTable
          testId="table-opened"
          caption={text.opened.caption}
          head={[text.opened.month, ...CHANNELS.map((channel) => text.channels[channel]), text.opened.total]}
          rows={opened.byMonth.map((month) => [
            monthLabel(month.month),
            ...CHANNELS.map((channel) => NUMBER.format(month.byChannel[channel])),
            NUMBER.format(month.total),
          ])}
        />
        <DataTable
          testId="table-directives"
          caption={text.opened.directiveTitle}
          head={[text.opened.directive, text.opened.count]}
          rows={countRows(opened.byDirective, (entry) => entry.directive)}
        />
        <DataTable
          testId="table-decisions"
          caption={text.decisions.summary}
          head={[text.decisions.kind, text.decisions.count]}
          rows={countRows(decisions.byKind, (entry) => text.decisions.labels[entry.kind])}
        />
      </ChartSection>

      <ChartSection
        id="dossiers-par-etape"
        title={text.status.title}
        summary={text.status.summary}
        chart={
          <StatisticsChart
            testId="chart-status"
            dataKey="status"
            series={[{ name: "count", label: text.status.count, color: "blue.7" }]}
            data={current.byStatus.map((entry) => ({
              status: CASE_STATUS_LABELS[entry.status],
              count: entry.count,
            }))}
          />
        }
      >
        <DataTable
          testId="table-status"
          caption={text.status.caption}
          head={[text.status.status, text.status.count]}
          rows={countRows(current.byStatus, (entry) => CASE_STATUS_LABELS[entry.status])}
        />
      </ChartSection>

      <ChartSection
        id="portefeuille-conseillers"
        title={text.counsellors.title}
        summary={`${text.counsellors.summary} ${text.counsellors.unassigned(current.unassignedOpenCases)}`}
        chart={
          <StatisticsChart
            testId="chart-counsellors"
            dataKey="name"
            series={[
              { name: "openCases", label: text.counsellors.openCases, color: "blue.7" },
              { name: "overdueActions", label: text.counsellors.overdue, color: "red.8" },
            ]}
            data={counsellors.map((row) => ({
              name: row.displayName,
              openCases: row.openCases,
              overdueActions: row.overdueActions,
            }))}
          />
        }
      >
        {counsellors.length === 0 ? (
          <Text>{text.counsellors.empty}</Text>
        ) : (
          <DataTable
            testId="table-counsellors"
            caption={text.counsellors.caption}
            head={[text.counsellors.name, text.counsellors.openCases, text.counsellors.overdue]}
            rows={counsellors.map((row) => [
              row.displayName,
              NUMBER.format(row.openCases),
              NUMBER.format(row.overdueActions),
            ])}
          />
        )}
      </ChartSection>

      <ChartSection
        id="qualite-delais"
        title={text.quality.title}
        summary={text.quality.summary}
        chart={
          <StatisticsChart
            testId="chart-quality"
            dataKey="measure"
            series={[
              { name: "median", label: text.quality.median, color: "teal.8" },
              { name: "p90", label: text.quality.p90, color: "grape.7" },
            ]}
            data={measures.map((measure) => ({
              measure: text.quality.labels[measure],
              median: quality[measure].median ?? 0,
              p90: quality[measure].p90 ?? 0,
            }))}
          />
        }
      >
        <DataTable
          testId="table-quality"
          caption={text.quality.caption}
          head={[text.quality.measure, text.quality.count, text.quality.median, text.quality.p90]}
          rows={measures.map((measure) => [
            text.quality.labels[measure],
            NUMBER.format(quality[measure].count),
            quality[measure].median === null ? "—" : NUMBER.format(quality[measure].median),
            quality[measure].p90 === null ? "—" : NUMBER.format(quality[measure].p90),
          ])}
        />
      </ChartSection>

      <Box component="section" aria-labelledby="clotures">
        <Title order={2} id="clotures" mb="xs">
          {text.closures.title}
        </Title>
        <Text size="sm" mb="sm">
          {text.closures.summary(closures.total)}
        </Text>
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <DataTable
            testId="table-closure-reasons"
            caption={text.closures.reason}
            head={[text.closures.reason, text.closures.count]}
            rows={countRows(closures.byReason, (entry) => CLOSURE_REASON_LABELS[entry.reason])}
          />
          <DataTable
            testId="table-closure-outcomes"
            caption={text.closures.outcome}
            head={[text.closures.outcome, text.closures.count]}
            rows={countRows(closures.byOutcome, (entry) => CLOSURE_OUTCOME_LABELS[entry.outcome])}
          />
        </SimpleGrid>
      </Box>

      <Box component="section" aria-labelledby="satisfaction">
        <Title order={2} id="satisfaction" mb="xs">
          {text.survey.title}
        </Title>
        <Text size="sm" mb="sm">
          {text.survey.summary(survey.answered)}
        </Text>
        <DataTable
          testId="table-survey"
          caption={text.survey.title}
          head={[text.survey.rating, text.survey.count]}
          rows={countRows(
            survey.byRating,
            (entry) => `${entry.rating} – ${SURVEY_RATING_LABELS[entry.rating as 1 | 2 | 3 | 4 | 5]}`,
          )}
        />
      </Box>
    </>
  );
}

function ChartSection({
  id,
  title,
  summary,
  chart,
  children,
}: {
  id: string;
  title: string;
  summary: string;
  chart: ReactNode;
  children: ReactNode;
}) {
  return (
    <Box component="section" aria-labelledby={id}>
      <Title order={2} id={id} mb="xs">
        {title}
      </Title>
      <figure aria-labelledby={`${id}-resume`} style={{ margin: 0 }}>
        <Suspense fallback={<Text role="status">{text.loadingChart}</Text>}>{chart}</Suspense>
        <Text component="figcaption" id={`${id}-resume`} size="sm" mt="xs">
          {summary}
        </Text>
      </figure>
      <Stack gap="md" mt="sm">
        {children}
      </Stack>
    </Box>
  );
}

function DataTable({
  caption,
  head,
  rows,
  testId,
}: {
  caption: string;
  head: readonly string[];
  rows: readonly (readonly string[])[];
  testId: string;
}) {
  return (
    <WideTable minWidth={360} caption={caption} captionShown columns={head} striped data-testid={testId}>
      <Table.Tbody>
        {rows.map((row) => (
          <Table.Tr key={row[0]}>
            {row.map((cell, index) =>
              index === 0 ? (
                // biome-ignore lint/suspicious/noArrayIndexKey: the columns are fixed, in this order
                <Table.Th key={index} scope="row">
                  {cell}
                </Table.Th>
              ) : (
                // biome-ignore lint/suspicious/noArrayIndexKey: the columns are fixed, in this order
                <Table.Td key={index}>{cell}</Table.Td>
              ),
            )}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </WideTable>
  );
}
