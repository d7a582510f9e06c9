// One case: its header (person, reference, step, directive, next step), the person's contact, the stored
// eligibility assessment with its reasons, the steps the state machine allows now, and the timeline.
// Another agency's case is a 404 for the API, and « dossier introuvable » here.
import { Anchor, Box, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useCallback, useEffect, useState } from "react";
import type { Static } from "typebox";
import type { CaseDetail, CaseTimeline, EligibilitySnapshotSchema } from "../../../src/contracts/cases.ts";
import { type CaseStatus, DECISION_LABELS, nextSteps } from "../../../src/core/cases/index.ts";
import { DIRECTIVES, FACT_LABELS, OUTCOME_LABELS, STATUS_LABELS } from "../../../src/core/rules/index.ts";
import { callApi, type Problem } from "../api.ts";
import { frenchDay } from "../frenchDates.ts";
import { messages } from "../messages.fr.ts";
import { ActionsPanel } from "./ActionsPanel.tsx";
import { caseResource, mayOn } from "./access.ts";
import { AppointmentsPanel } from "./case/AppointmentsPanel.tsx";
import { DocumentsPanel } from "./case/DocumentsPanel.tsx";
import { DiagnosisPanel } from "./case/diagnosis/DiagnosisPanel.tsx";
import { EngagementPanel } from "./case/EngagementPanel.tsx";
import { OutcomePanel } from "./case/OutcomePanel.tsx";
import { caseState } from "./caseState.ts";
import { AidsPanel } from "./finance/AidsPanel.tsx";
import { workspaceMessages } from "./messages.fr.ts";
import { WORKSPACE_HOME } from "./paths.ts";
import { StepsPanel } from "./StepsPanel.tsx";
import type { Session } from "./session.ts";
import { TimelineList } from "./TimelineList.tsx";

const text = workspaceMessages.case;

/** The steps at which the diagnosis and the action plan can be written (the API's rule too). */
const CONTENT_OPEN: readonly CaseStatus[] = ["diagnosis", "action_plan", "engagement", "follow_up"];

type Loaded =
  | { kind: "loading" }
  | { kind: "notFound" }
  | { kind: "failed"; message: string }
  | { kind: "loaded"; detail: CaseDetail; etag: string };

export function CasePage({ id, session }: { id: string; session: Session }) {
  const [loaded, setLoaded] = useState<Loaded>({ kind: "loading" });
  const [timeline, setTimeline] = useState<CaseTimeline["items"] | null>(null);

  const loadTimeline = useCallback(async () => {
    const result = await callApi<CaseTimeline>(`/api/v1/cases/${encodeURIComponent(id)}/timeline`);
    setTimeline(result.ok ? result.body.items : []);
  }, [id]);

  const load = useCallback(async () => {
    const result = await callApi<CaseDetail>(`/api/v1/cases/${encodeURIComponent(id)}`);
    if (result.ok) {
      setLoaded({ kind: "loaded", detail: result.body, etag: result.etag ?? `"${result.body.version}"` });
      await loadTimeline();
    } else if (result.problem.status === 404 || result.problem.status === 400) {
      setLoaded({ kind: "notFound" });
    } else {
      setLoaded({ kind: "failed", message: failureText(result.problem) });
    }
  }, [id, loadTimeline]);

  useEffect(() => {
    void load();
  }, [load]);

  const title =
    loaded.kind === "loaded"
      ? text.title(
          loaded.detail.reference,
          `${loaded.detail.person.firstName} ${loaded.detail.person.lastName}`,
        )
      : loaded.kind === "notFound"
        ? text.notFoundTitle
        : messages.header.professionalArea;
  useEffect(() => {
    document.title = messages.documentTitle.page(title);
  }, [title]);

  switch (loaded.kind) {
    case "loading":
      return <Text role="status">{text.loading}</Text>;
    case "notFound":
      return (
        <Stack gap="md">
          <Title order={1}>{text.notFoundTitle}</Title>
          <Text>{text.notFound}</Text>
          <Anchor href={WORKSPACE_HOME}>{text.backToCaseload}</Anchor>
        </Stack>
      );
    case "failed":
      return (
        <Stack gap="md">
          <Title order={1}>{title}</Title>
          <Text role="alert">{loaded.message}</Text>
        </Stack>
      );
    case "loaded": {
      const { detail } = loaded;
      const mayChange = mayOn(session, "cases.change", caseResource(detail));
      const open = detail.status !== "closed";
      return (
        <Stack gap="xl">
          <CaseHeader detail={detail} title={title} />
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
            <PersonPanel detail={detail} />
            <EligibilityPanel detail={detail} />
          </SimpleGrid>
          <StepsPanel
            detail={detail}
            etag={loaded.etag}
            session={session}
            onChanged={(next, etag) => {
              setLoaded({ kind: "loaded", detail: next, etag });
              void loadTimeline();
            }}
            onReload={load}
          />
          {detail.status === "closed" && (
            <OutcomePanel
              caseId={detail.id}
              etag={loaded.etag}
              session={session}
              mayChange={mayChange}
              onChanged={load}
            />
          )}
          <EngagementPanel
            detail={detail}
            etag={loaded.etag}
            session={session}
            mayChange={mayChange}
            onChanged={load}
          />
          {CONTENT_OPEN.includes(detail.status) && (
            <>
              <DiagnosisPanel caseId={detail.id} etag={loaded.etag} session={session} onSaved={load} />
              <ActionsPanel
                caseId={detail.id}
                etag={loaded.etag}
                session={session}
                mayChange={mayChange}
                onChanged={load}
              />
            </>
          )}
          <AidsPanel detail={detail} session={session} />
          <AppointmentsPanel
            caseId={detail.id}
            etag={loaded.etag}
            session={session}
            mayAdd={mayChange && open}
            onChanged={load}
          />
          <DocumentsPanel
            caseId={detail.id}
            etag={loaded.etag}
            session={session}
            mayUpload={mayOn(session, "documents.upload", caseResource(detail)) && open}
            onChanged={load}
          />
          <TimelineList items={timeline} />
        </Stack>
      );
    }
  }
}

function failureText(problem: Problem): string {
  if (problem.code === "network_failure") return workspaceMessages.networkFailure;
  return problem.detail || workspaceMessages.unavailable;
}

function CaseHeader({ detail, title }: { detail: CaseDetail; title: string }) {
  const labels = text.header;
  const directive = DIRECTIVES.find((candidate) => candidate.reference === detail.directive);
  const next = nextSteps(caseState(detail))[0];
  return (
    <Box component="section" aria-label={labels.label}>
      <Title order={1} mb="sm">
        {title}
      </Title>
      <dl className="facts">
        <dt>{labels.status}</dt>
        <dd data-testid="case-status">{detail.statusLabel}</dd>
        <dt>{labels.directive}</dt>
        <dd>
          <code data-testid="case-directive">{detail.directive}</code>
          {directive && ` — ${directive.title}`}
        </dd>
        <dt>{labels.nextStep}</dt>
        <dd data-testid="case-next-step">{next === undefined ? labels.none : next.label}</dd>
        <dt>{labels.requestedOn}</dt>
        <dd>
          {frenchDay(detail.requestedOn)} ({text.channels[detail.channel]})
        </dd>
        <dt>{labels.counsellor}</dt>
        <dd>{detail.counsellor?.name ?? labels.unassigned}</dd>
        <dt>{labels.agency}</dt>
        <dd>{detail.organisation.name}</dd>
      </dl>
      {detail.possibleDuplicateOf !== null && (
        <Paper withBorder p="sm" mt="md" className="notice">
          <Text>
            {text.duplicate}{" "}
            <Anchor href={`/espace/dossiers/${detail.possibleDuplicateOf.id}`}>
              {detail.possibleDuplicateOf.reference}
            </Anchor>
          </Text>
        </Paper>
      )}
    </Box>
  );
}

function PersonPanel({ detail }: { detail: CaseDetail }) {
  const labels = text.person;
  const value = (content: string | null) => content ?? labels.unknown;
  const { person, contact } = detail;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="personne">
      <Title order={2} size="h3" id="personne" mb="sm">
        {labels.title}
      </Title>
      <dl className="facts">
        <dt>{labels.birthDate}</dt>
        <dd>{person.birthDate === null ? labels.unknown : frenchDay(person.birthDate)}</dd>
        <dt>{labels.email}</dt>
        <dd>{value(person.email)}</dd>
        <dt>{labels.phone}</dt>
        <dd>{value(person.phone)}</dd>
        <dt>{labels.postcode}</dt>
        <dd>{value(person.postcode)}</dd>
        <dt>{labels.preferredChannel}</dt>
        <dd>
          {contact.preferredChannel === null
            ? labels.unknown
            : text.contactChannels[contact.preferredChannel]}
        </dd>
        <dt>{labels.preferredTimes}</dt>
        <dd>{value(contact.preferredTimes)}</dd>
      </dl>
      {detail.situationSummary !== null && (
        <>
          <Title order={3} size="h4" mt="md" mb="xs">
            {labels.situation}
          </Title>
          <Text className="written-text">{detail.situationSummary}</Text>
        </>
      )}
      <Text size="sm" mt="md">
        {labels.consent(frenchDay(detail.consent.givenAt), detail.consent.noticeVersion)}
      </Text>
    </Paper>
  );
}

function EligibilityPanel({ detail }: { detail: CaseDetail }) {
  const labels = text.eligibility;
  // The contract refers to the snapshot's schema by $id, which leaves its static type open: named here.
  const snapshot = detail.latestSnapshot as Static<typeof EligibilitySnapshotSchema> | null;
  return (
    <Paper
      withBorder
      p="md"
      component="section"
      aria-labelledby="eligibilite"
      data-testid="eligibility-panel"
    >
      <Title order={2} size="h3" id="eligibilite" mb="sm">
        {labels.title}
      </Title>
      {snapshot === null ? (
        <Text>{labels.none}</Text>
      ) : (
        <Stack gap="xs">
          <Text size="lg">
            {labels.outcome}{" "}
            <strong className={`outcome outcome-${snapshot.outcome}`} data-testid="case-outcome">
              {OUTCOME_LABELS[snapshot.outcome]}
            </strong>{" "}
            (<code>{snapshot.directive}</code>)
          </Text>
          <Text size="sm">
            {labels.assessed(frenchDay(snapshot.assessedOn), snapshot.assessedBy?.name ?? null)}{" "}
            {labels.engine(snapshot.engineVersion)}
          </Text>
          <Title order={3} size="h4">
            {labels.reasons}
          </Title>
          <ul className="reason-list">
            {snapshot.reasons.map((reason, index) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the stored reasons never change order
              <li key={`${reason.clause}-${index}`} className={`reason reason-${reason.status}`}>
                <Text size="sm">
                  <strong>
                    [{STATUS_LABELS[reason.status as keyof typeof STATUS_LABELS] ?? reason.status}]
                  </strong>{" "}
                  {reason.text} ({labels.clause} <code>{reason.clause}</code>)
                </Text>
              </li>
            ))}
          </ul>
          {snapshot.missing.length > 0 && (
            <>
              <Title order={3} size="h4">
                {labels.missing}
              </Title>
              <ul className="reason-list">
                {snapshot.missing.map((pointer) => (
                  <li key={pointer}>{FACT_LABELS[pointer] ?? pointer}</li>
                ))}
              </ul>
            </>
          )}
        </Stack>
      )}
      {detail.decision !== null && (
        <Text mt="sm" data-testid="case-decision">
          {labels.decision} <strong>{DECISION_LABELS[detail.decision.kind]}</strong>
          {detail.decision.motive !== undefined && ` — ${labels.motive} ${detail.decision.motive}`}
        </Text>
      )}
      <Text size="sm" mt="sm">
        {labels.noAutomaticRight}
      </Text>
    </Paper>
  );
}
