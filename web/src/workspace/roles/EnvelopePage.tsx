// The envelope page: the open alerts, the year's envelope (what is reserved, committed, disbursed and left,
// as one gauge), the forecast with its month-by-month burn-down, the proposals waiting for a decision and the
// approved aids waiting for their payment. Budget controllers decide, pay and open a missing year; managers
// read their agency's view only (their permission is envelope.read).
import { Alert, Box, Button, Group, Progress, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { type FormEvent, useCallback, useEffect, useState } from "react";
import { isAllowed } from "../../../../src/core/access/index.ts";
import { AID_STATUS_LABELS } from "../../../../src/core/finance/messages.fr.ts";
import { formatCents, parseAmount } from "../../../../src/core/finance/money.ts";
import { callApi } from "../../api.ts";
import { frenchDay, frenchMoment, frenchToday } from "../../frenchDates.ts";
import { BurndownPanel } from "../finance/BurndownPanel.tsx";
import { type ApprovedAid, DisbursementQueue } from "../finance/DisbursementQueue.tsx";
import { EnvelopeAlerts } from "../finance/EnvelopeAlerts.tsx";
import { FourEyesThreshold } from "../finance/FourEyesThreshold.tsx";
import { useIdempotencyKey } from "../finance/idempotencyKey.ts";
import { ReasonForm } from "../finance/ReasonForm.tsx";
import { type RepayingLoan, RepaymentsSection } from "../finance/RepaymentsSection.tsx";
import type { Session } from "../session.ts";
import { WideTable } from "../WideTable.tsx";
import { roleMessages } from "./messages.fr.ts";
import { problemText } from "./problemText.ts";

const text = roleMessages.envelope;

interface Envelope {
  year: number;
  nationalCents: number;
  reservedCents: number;
  committedCents: number;
  disbursedCents: number;
  availableCents: number;
  queuedCount: number;
  queuedCents: number;
  level: string;
  label: string;
}

interface Forecast {
  asOf: string;
  nationalCents: number;
  monthlyCents: number[];
  projectedMonthlyCents?: (number | null)[];
  consumedBp: number;
  pacePerMonthCents: number | null;
  method: "seasonal" | "linear";
  exhaustionDate: string | null;
  exhaustedWithinYear: boolean;
  alerts: string[];
}

interface Aid {
  id: string;
  productName: string;
  amountCents: number;
  status: keyof typeof AID_STATUS_LABELS;
  requestedAt: string;
  firstApprovedByUserId: string | null;
  decidedAt: string | null;
  message: string | null;
}

type Loaded =
  | { kind: "loading" }
  | { kind: "missing" }
  | { kind: "failed"; message: string }
  | {
      kind: "ready";
      envelope: Envelope;
      forecast: Forecast | null;
      queue: Aid[];
      approved: ApprovedAid[];
      repaying: RepayingLoan[];
    };

const percent = (part: number, whole: number) => (whole <= 0 ? 0 : Math.min(100, (part / whole) * 100));

export function EnvelopePage({ session }: { session: Session }) {
  const year = Number(frenchToday().slice(-4));
  const [loaded, setLoaded] = useState<Loaded>({ kind: "loading" });
  const [announcement, setAnnouncement] = useState("");
  // Bumped after each decision, so that the alerts it may have raised are read again.
  const [decisions, setDecisions] = useState(0);
  const decides = isAllowed(session.role, "aids.decide");
  const disburses = isAllowed(session.role, "aids.disburse");
  const opens = isAllowed(session.role, "envelope.manage");

  const load = useCallback(async () => {
    const envelope = await callApi<Envelope>(`/api/v1/finance/envelopes/${year}`);
    if (!envelope.ok) {
      setLoaded(
        envelope.problem.status === 404
          ? { kind: "missing" }
          : { kind: "failed", message: problemText(envelope.problem) },
      );
      return;
    }
    const [forecast, proposed, queued, approved, repaying] = await Promise.all([
      callApi<Forecast>(`/api/v1/finance/envelopes/${year}/forecast`),
      callApi<{ aids: Aid[] }>(`/api/v1/finance/aids?year=${year}&status=proposed`),
      callApi<{ aids: Aid[] }>(`/api/v1/finance/aids?year=${year}&status=queued`),
      disburses
        ? callApi<{ aids: Aid[] }>(`/api/v1/finance/aids?year=${year}&status=approved`)
        : Promise.resolve(null),
      callApi<{ aids: RepayingLoan[] }>(`/api/v1/finance/aids?year=${year}&status=repaying,in_arrears`),
    ]);
    const queue = [...(proposed.ok ? proposed.body.aids : []), ...(queued.ok ? queued.body.aids : [])].sort(
      (a, b) => a.requestedAt.localeCompare(b.requestedAt),
    );
    setLoaded({
      kind: "ready",
      envelope: envelope.body,
      forecast: forecast.ok ? forecast.body : null,
      queue,
      approved: approved?.ok ? approved.body.aids : [],
      repaying: repaying.ok ? repaying.body.aids : [],
    });
  }, [year, disburses]);

  const decided = (message: string) => {
    setAnnouncement(message);
    setDecisions((count) => count + 1);
    void load();
  };

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <Stack gap="xl">
      <Title order={1}>{text.title(year)}</Title>
      <div aria-live="polite" data-testid="envelope-announcement">
        {announcement !== "" && <Text fw={600}>{announcement}</Text>}
      </div>
      {!decides && <Text>{text.managerScope}</Text>}
      <EnvelopeAlerts key={decisions} year={year} session={session} onAcknowledged={setAnnouncement} />
      {loaded.kind === "loading" && <Text role="status">{text.loading}</Text>}
      {loaded.kind === "failed" && <Text role="alert">{loaded.message}</Text>}
      {loaded.kind === "missing" && !opens && <Text>{text.noEnvelope(year)}</Text>}
      {loaded.kind === "missing" && opens && (
        <OpenEnvelopeForm
          year={year}
          session={session}
          onOpened={() => {
            setAnnouncement(text.opened(year));
            void load();
          }}
        />
      )}
      {loaded.kind === "ready" && (
        <>
          <Gauge envelope={loaded.envelope} />
          {loaded.forecast !== null && <ForecastPanel forecast={loaded.forecast} />}
          {loaded.forecast !== null && <BurndownPanel forecast={loaded.forecast} />}
          <Queue aids={loaded.queue} session={session} decides={decides} onDecided={decided} />
          {disburses && <DisbursementQueue aids={loaded.approved} session={session} onPaid={decided} />}
          <RepaymentsSection loans={loaded.repaying} session={session} onChanged={decided} />
        </>
      )}
    </Stack>
  );
}

function Gauge({ envelope }: { envelope: Envelope }) {
  const whole = envelope.nationalCents;
  const rows: [string, number][] = [
    [text.national, envelope.nationalCents],
    [text.reserved, envelope.reservedCents],
    [text.committed, envelope.committedCents],
    [text.disbursed, envelope.disbursedCents],
    [text.available, envelope.availableCents],
  ];
  return (
    <Box component="section" aria-labelledby="jauge">
      <Title order={2} id="jauge" mb="sm">
        {text.gaugeTitle}
      </Title>
      <Progress.Root size={28} aria-label={text.gaugeLabel} mb="md">
        <Progress.Section
          value={percent(envelope.committedCents, whole)}
          color="blue.9"
          aria-label={`${text.committed} : ${formatCents(envelope.committedCents)}`}
        >
          <Progress.Label>{text.committed}</Progress.Label>
        </Progress.Section>
        <Progress.Section
          value={percent(envelope.reservedCents, whole)}
          color="orange.9"
          aria-label={`${text.reserved} : ${formatCents(envelope.reservedCents)}`}
        >
          {/* Black on orange: white on orange.9 is below the 4.5:1 contrast small text needs. */}
          <Progress.Label c="black">{text.reserved}</Progress.Label>
        </Progress.Section>
      </Progress.Root>
      <dl className="envelope-totals" data-testid="envelope-totals">
        {rows.map(([label, cents]) => (
          <Group key={label} gap="xs">
            <Text component="dt" fw={600}>
              {label} :
            </Text>
            <Text component="dd" m={0}>
              {formatCents(cents)}
            </Text>
          </Group>
        ))}
      </dl>
      <Text mt="sm">{envelope.label}</Text>
      {envelope.queuedCount > 0 && (
        <Text>{text.queued(envelope.queuedCount, formatCents(envelope.queuedCents))}</Text>
      )}
    </Box>
  );
}

function ForecastPanel({ forecast }: { forecast: Forecast }) {
  return (
    <Box component="section" aria-labelledby="prevision">
      <Title order={2} id="prevision" mb="sm">
        {text.forecastTitle}
      </Title>
      {forecast.alerts.map((alert) => (
        <Alert key={alert} color="orange.9" variant="outline" mb="sm">
          <Text c="dark">{alert}</Text>
        </Alert>
      ))}
      <Text>{text.consumed(`${(forecast.consumedBp / 100).toLocaleString("fr-FR")} %`)}</Text>
      {forecast.pacePerMonthCents !== null && (
        <Text>{text.pace(formatCents(forecast.pacePerMonthCents))}</Text>
      )}
      <Text data-testid="exhaustion">
        {forecast.exhaustedWithinYear && forecast.exhaustionDate !== null
          ? text.exhaustion(frenchDay(forecast.exhaustionDate))
          : text.noExhaustion}
      </Text>
      <Text size="sm">{text.method[forecast.method]}</Text>
    </Box>
  );
}

function Queue({
  aids,
  session,
  decides,
  onDecided,
}: {
  aids: Aid[];
  session: Session;
  decides: boolean;
  onDecided: (message: string) => void;
}) {
  const columns = text.columns;
  return (
    <Box component="section" aria-labelledby="file-decisions">
      <Title order={2} id="file-decisions" mb="sm">
        {text.queueTitle}
      </Title>
      <FourEyesThreshold />
      {aids.length === 0 ? (
        <Text>{text.queueEmpty}</Text>
      ) : (
        <WideTable
          minWidth={800}
          caption={text.queueCaption}
          striped
          data-testid="approval-queue"
          columns={[
            columns.requestedAt,
            columns.product,
            columns.amount,
            columns.status,
            columns.fourEyes,
            decides && columns.decide,
          ]}
        >
          <Table.Tbody>
            {aids.map((aid) => (
              <DecisionRow key={aid.id} aid={aid} session={session} decides={decides} onDecided={onDecided} />
            ))}
          </Table.Tbody>
        </WideTable>
      )}
    </Box>
  );
}

function DecisionRow({
  aid,
  session,
  decides,
  onDecided,
}: {
  aid: Aid;
  session: Session;
  decides: boolean;
  onDecided: (message: string) => void;
}) {
  const [refusing, setRefusing] = useState(false);
  const [reason, setReason] = useState("");
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);
  const approval = useIdempotencyKey();
  const amount = formatCents(aid.amountCents);

  async function decide(command: "approve" | "refuse") {
    if (command === "refuse" && reason.trim() === "") {
      setError(roleMessages.required);
      return;
    }
    setBusy(true);
    const result = await callApi<Aid>(`/api/v1/finance/aids/${aid.id}/${command}`, {
      method: "POST",
      body: command === "refuse" ? { reason: reason.trim() } : {},
      csrfToken: session.csrfToken,
      ...(command === "approve" ? { headers: { "idempotency-key": approval.current() } } : {}),
    });
    if (command === "approve") approval.settle(result);
    setBusy(false);
    if (!result.ok) {
      setError(problemText(result.problem));
      return;
    }
    setError("");
    onDecided(
      command === "refuse"
        ? text.refused(aid.productName, amount)
        : (result.body.message ?? text.approved(aid.productName, amount)),
    );
  }

  return (
    <Table.Tr>
      <Table.Td>{frenchMoment(aid.requestedAt)}</Table.Td>
      <Table.Th scope="row">{aid.productName}</Table.Th>
      <Table.Td>{amount}</Table.Td>
      <Table.Td>{AID_STATUS_LABELS[aid.status]}</Table.Td>
      <Table.Td>{aid.firstApprovedByUserId !== null ? text.firstApproval : text.noApproval}</Table.Td>
      {decides && (
        <Table.Td>
          <Stack gap="xs">
            {refusing ? (
              <ReasonForm
                id={`refus-${aid.id}`}
                label={text.refuseReason}
                value={reason}
                error={error}
                busy={busy}
                confirmLabel={text.confirmRefusal}
                cancelLabel={text.cancel}
                onChange={setReason}
                onConfirm={() => void decide("refuse")}
                onCancel={() => setRefusing(false)}
              />
            ) : (
              <Group gap="xs">
                {aid.status === "proposed" && (
                  <Button
                    size="xs"
                    loading={busy}
                    aria-label={`${text.approve} : ${aid.productName}, ${amount}`}
                    onClick={() => void decide("approve")}
                  >
                    {text.approve}
                  </Button>
                )}
                <Button
                  size="xs"
                  variant="outline"
                  color="red.9"
                  aria-label={`${text.refuse} : ${aid.productName}, ${amount}`}
                  onClick={() => setRefusing(true)}
                >
                  {text.refuse}
                </Button>
              </Group>
            )}
            {/* Always present so that screen readers announce the error; the field shows it while refusing. */}
            <span aria-live="assertive" className={refusing ? "visually-hidden" : undefined}>
              {error !== "" && (
                <Text size="sm" c="red.9" component="span">
                  {error}
                </Text>
              )}
            </span>
          </Stack>
        </Table.Td>
      )}
    </Table.Tr>
  );
}

function OpenEnvelopeForm({
  year,
  session,
  onOpened,
}: {
  year: number;
  session: Session;
  onOpened: () => void;
}) {
  const [amount, setAmount] = useState("");
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (amount.trim() === "") {
      setError(roleMessages.required);
      return;
    }
    const parsed = parseAmount(amount);
    if (!parsed.ok) {
      setError(parsed.message);
      return;
    }
    setBusy(true);
    const result = await callApi(`/api/v1/finance/envelopes`, {
      method: "POST",
      body: { year, nationalCents: parsed.cents },
      csrfToken: session.csrfToken,
    });
    setBusy(false);
    if (!result.ok) {
      setError(result.problem.errors[0]?.message ?? problemText(result.problem));
      return;
    }
    setError("");
    onOpened();
  }

  return (
    <Box component="section" aria-labelledby="ouvrir-enveloppe">
      <Text mb="md">{text.noEnvelope(year)}</Text>
      <Title order={2} id="ouvrir-enveloppe" mb="sm">
        {text.openTitle(year)}
      </Title>
      <form onSubmit={submit} noValidate>
        <Group align="flex-start" gap="md">
          <TextInput
            id="enveloppe-montant"
            label={text.amount}
            description={text.amountHint}
            inputMode="decimal"
            value={amount}
            onChange={(event) => setAmount(event.currentTarget.value)}
            error={error !== "" ? error : undefined}
            withAsterisk
          />
          <Button type="submit" mt={50} loading={busy}>
            {text.open}
          </Button>
        </Group>
        <span aria-live="assertive" className="visually-hidden">
          {error}
        </span>
      </form>
    </Box>
  );
}
