// The steps the state machine allows now (`nextSteps`, run in the browser on the case as the API gave it),
// each with the fields it needs, sent to the step's endpoint with the case's ETag in If-Match. A refusal is
// said in French where the counsellor is: the state machine's 409, a 412 when someone changed the case
// meanwhile (with a way to reload it), a field's 422 next to the field. A manager also assigns the case to a
// counsellor of the agency here.
import { Button, Group, NativeSelect, Paper, Stack, Text, Textarea, TextInput, Title } from "@mantine/core";
import { type FormEvent, lazy, Suspense, useEffect, useRef, useState } from "react";
import type { CaseDetail } from "../../../src/contracts/cases.ts";
import {
  CLOSURE_REASON_LABELS,
  type ClosureReason,
  type CommandType,
  type NextStep,
  nextSteps,
} from "../../../src/core/cases/index.ts";
import type { Situation } from "../../../src/core/rules/index.ts";
import { OUTCOME_LABELS } from "../../../src/core/rules/index.ts";
import { callApi, NETWORK_FAILURE, type Problem } from "../api.ts";
import { frenchToday, isoDay } from "../frenchDates.ts";
import { caseResource, mayOn } from "./access.ts";
import { caseState } from "./caseState.ts";
import { AssignCase, useAgencyCounsellors } from "./dashboard/AssignCase.tsx";
import { dashboardMessages } from "./dashboard/messages.fr.ts";
import { workspaceMessages } from "./messages.fr.ts";
import type { Session } from "./session.ts";

const Simulator = lazy(() => import("../simulator/Simulator.tsx"));

const text = workspaceMessages.case.steps;

/** The endpoint of each command under /api/v1/cases/{id}/. */
const ENDPOINTS: Readonly<Record<CommandType, string>> = {
  assessEligibility: "eligibility",
  reassess: "eligibility",
  admit: "decision",
  refuse: "decision",
  redirect: "decision",
  startDiagnosis: "diagnosis/start",
  proposePlan: "plan/propose",
  signEngagement: "engagement/sign",
  waiveEngagement: "engagement/waive",
  startFollowUp: "follow-up/start",
  close: "close",
};

const DECISIONS: Partial<Record<CommandType, "admit" | "refuse" | "redirect">> = {
  admit: "admit",
  refuse: "refuse",
  redirect: "redirect",
};

/** Steps that need nothing but the click. */
const needsForm = (step: NextStep) => step.needs.length > 0 || DECISIONS[step.command] !== undefined;

type FieldErrors = Partial<Record<"motive" | "reason" | "on", string>>;

interface Props {
  detail: CaseDetail;
  etag: string;
  session: Session;
  onChanged: (detail: CaseDetail, etag: string) => void;
  onReload: () => Promise<void>;
}

export function StepsPanel({ detail, etag, session, onChanged, onReload }: Props) {
  const steps = nextSteps(caseState(detail));
  const [open, setOpen] = useState<CommandType | null>(null);
  const [busy, setBusy] = useState(false);
  const [announcement, setAnnouncement] = useState<{ text: string; stale: boolean; error: boolean } | null>(
    null,
  );
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const status = useRef<HTMLDivElement>(null);
  const mayChange = mayOn(session, "cases.change", caseResource(detail));
  const mayAssign = mayOn(session, "cases.assign", caseResource(detail)) && detail.status !== "closed";
  const counsellors = useAgencyCounsellors(mayAssign);

  useEffect(() => {
    if (announcement !== null) status.current?.focus();
  }, [announcement]);

  async function send(step: NextStep, body: Record<string, unknown>) {
    setBusy(true);
    setFieldErrors({});
    const result = await callApi<CaseDetail>(`/api/v1/cases/${detail.id}/${ENDPOINTS[step.command]}`, {
      method: "POST",
      body,
      csrfToken: session.csrfToken,
      ifMatch: etag,
    });
    setBusy(false);
    if (result.ok) {
      setOpen(null);
      onChanged(result.body, result.etag ?? `"${result.body.version}"`);
      setAnnouncement({ text: text.done(step.label, result.body.statusLabel), stale: false, error: false });
      return;
    }
    const { problem } = result;
    const errors = fieldErrorsOf(problem);
    setFieldErrors(errors);
    // Field errors show by their field; the message names the refusal for everyone else.
    setAnnouncement({ text: refusalText(problem), stale: problem.status === 412, error: true });
  }

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="etapes">
      <Title order={2} size="h3" id="etapes" mb="sm">
        {text.title}
      </Title>
      <div ref={status} tabIndex={-1} aria-live="polite" aria-atomic="true" data-testid="step-message">
        {announcement !== null && (
          <Stack gap="xs" mb="md">
            <Text fw={600} c={announcement.error ? "red.9" : undefined}>
              {announcement.text}
            </Text>
            {announcement.stale && (
              <Button
                variant="outline"
                style={{ alignSelf: "flex-start" }}
                onClick={() => {
                  setAnnouncement(null);
                  setOpen(null);
                  void onReload();
                }}
              >
                {text.reload}
              </Button>
            )}
          </Stack>
        )}
      </div>
      {steps.length === 0 ? (
        <Text>{text.none}</Text>
      ) : !mayChange ? (
        <Text>{text.notYours}</Text>
      ) : (
        <Stack gap="md">
          <Group gap="sm" wrap="wrap">
            {steps.map((step) => (
              <Button
                key={step.command}
                variant={open === step.command ? "filled" : "outline"}
                aria-expanded={needsForm(step) ? open === step.command : undefined}
                aria-controls={needsForm(step) ? `etape-${step.command}` : undefined}
                loading={busy && open === null && !needsForm(step)}
                onClick={() => {
                  setAnnouncement(null);
                  setFieldErrors({});
                  if (needsForm(step)) setOpen(open === step.command ? null : step.command);
                  else void send(step, {});
                }}
              >
                {step.label}
              </Button>
            ))}
          </Group>
          {steps
            .filter((step) => step.command === open)
            .map((step) => (
              <StepForm
                key={step.command}
                step={step}
                detail={detail}
                busy={busy}
                errors={fieldErrors}
                onCancel={() => setOpen(null)}
                onSend={(body) => void send(step, body)}
              />
            ))}
        </Stack>
      )}
      {mayAssign && (
        <Stack gap="xs" mt="md" data-testid="assignment">
          <Title order={3} size="h4">
            {dashboardMessages.assign.title}
          </Title>
          <Text size="sm">
            {detail.counsellor === null
              ? dashboardMessages.assign.nobody
              : dashboardMessages.assign.current(detail.counsellor.name)}
          </Text>
          <AssignCase
            caseId={detail.id}
            reference={detail.reference}
            currentCounsellorId={detail.counsellor?.id ?? null}
            etag={etag}
            session={session}
            counsellors={counsellors}
            onAssigned={onChanged}
          />
        </Stack>
      )}
    </Paper>
  );
}

function fieldErrorsOf(problem: Problem): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of problem.errors) {
    const field = issue.path.replace(/^\//, "");
    if (field === "motive" || field === "reason" || field === "on") errors[field] ??= issue.message;
  }
  return errors;
}

function refusalText(problem: Problem): string {
  if (problem.status === 412) return text.stale;
  if (problem.code === NETWORK_FAILURE) return workspaceMessages.networkFailure;
  if (problem.errors.length > 0) {
    return problem.errors.map((issue) => issue.message).join(" ");
  }
  return problem.detail || text.failed;
}

interface StepFormProps {
  step: NextStep;
  detail: CaseDetail;
  busy: boolean;
  errors: FieldErrors;
  onCancel: () => void;
  onSend: (body: Record<string, unknown>) => void;
}

function StepForm({ step, detail, busy, errors, onCancel, onSend }: StepFormProps) {
  const id = `etape-${step.command}`;
  if (step.needs.includes("snapshot")) {
    return (
      <Paper withBorder p="md" id={id}>
        <Suspense fallback={<Text role="status">{workspaceMessages.loading}</Text>}>
          <Simulator
            assessment={{
              requestDate: detail.requestedOn,
              postcode: detail.person.postcode,
              intro: text.assessIntro,
              submitLabel: step.label,
              busy,
              onSubmit: (situation: Situation) => onSend({ situation }),
            }}
          />
        </Suspense>
      </Paper>
    );
  }
  return (
    <FieldsForm
      id={id}
      step={step}
      detail={detail}
      busy={busy}
      errors={errors}
      onCancel={onCancel}
      onSend={onSend}
    />
  );
}

function FieldsForm({ id, step, detail, busy, errors, onCancel, onSend }: StepFormProps & { id: string }) {
  const decision = DECISIONS[step.command];
  const motiveRequired = step.needs.includes("motive");
  const [motive, setMotive] = useState("");
  const [reason, setReason] = useState("");
  const [on, setOn] = useState(frenchToday());
  const [local, setLocal] = useState<FieldErrors>({});
  const shown: FieldErrors = { ...errors, ...local };
  const outcome = detail.eligibility?.outcome;

  function submit(event: FormEvent) {
    event.preventDefault();
    const problems: FieldErrors = {};
    if (motiveRequired && motive.trim() === "") problems.motive = text.required;
    if (step.needs.includes("reason") && reason.trim() === "") problems.reason = text.required;
    const day = isoDay(on);
    if (step.needs.includes("on") && day === undefined) problems.on = text.dateFormat;
    setLocal(problems);
    const first = Object.keys(problems)[0];
    if (first !== undefined) {
      document.getElementById(`${id}-${first}`)?.focus();
      return;
    }
    if (decision !== undefined) {
      onSend({ decision, ...(motive.trim() === "" ? {} : { motive: motive.trim() }) });
    } else {
      onSend({
        ...(step.needs.includes("reason") ? { reason: reason.trim() } : {}),
        ...(step.needs.includes("on") ? { on: day } : {}),
      });
    }
  }

  return (
    <Paper withBorder p="md" id={id}>
      <form aria-label={step.label} noValidate onSubmit={submit}>
        <Stack gap="sm">
          {decision !== undefined && (
            <>
              {motiveRequired && outcome !== undefined && decision !== "redirect" && (
                <Text size="sm">{text.motiveHint(OUTCOME_LABELS[outcome])}</Text>
              )}
              <Textarea
                id={`${id}-motive`}
                label={motiveRequired ? text.motiveRequired : text.motive}
                required={motiveRequired}
                autosize
                minRows={2}
                maxLength={2000}
                value={motive}
                onChange={(event) => setMotive(event.currentTarget.value)}
                error={shown.motive}
              />
            </>
          )}
          {step.command === "close" ? (
            <NativeSelect
              id={`${id}-reason`}
              label={text.closureReason}
              required
              value={reason}
              onChange={(event) => setReason(event.currentTarget.value)}
              error={shown.reason}
              data={[
                { value: "", label: text.chooseReason },
                ...(step.reasons ?? []).map((value: ClosureReason) => ({
                  value,
                  label: CLOSURE_REASON_LABELS[value],
                })),
              ]}
            />
          ) : (
            step.needs.includes("reason") && (
              <Textarea
                id={`${id}-reason`}
                label={text.reason}
                required
                autosize
                minRows={2}
                maxLength={2000}
                value={reason}
                onChange={(event) => setReason(event.currentTarget.value)}
                error={shown.reason}
              />
            )
          )}
          {step.needs.includes("on") && (
            <TextInput
              id={`${id}-on`}
              label={text.on}
              description={text.onHint}
              required
              inputMode="numeric"
              autoComplete="off"
              value={on}
              onChange={(event) => setOn(event.currentTarget.value)}
              error={shown.on}
            />
          )}
          <Group gap="sm">
            <Button type="submit" loading={busy}>
              {step.label}
            </Button>
            <Button variant="subtle" type="button" onClick={onCancel}>
              {text.cancel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
