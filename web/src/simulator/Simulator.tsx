// The eligibility simulator: a short form whose questions follow the answers, evaluated in the browser by
// the same rules engine as the server after the same validation. Nothing is sent anywhere, except in the
// workspace, where a counsellor uses the same form to record a case's assessment (`assessment` prop).
import {
  Button,
  Checkbox,
  TextInput as MantineTextInput,
  Paper,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from "@mantine/core";
import { memo, useMemo, useState } from "react";
import { validateSituation } from "../../../src/contracts/situation.ts";
import {
  ACTIVITIES,
  ACTIVITY_LABELS,
  type Clause,
  CONTRACT_LABELS,
  CONTRACT_TYPES,
  DIRECTIVES,
  type EligibilityResult,
  EMPLOYER_SECTORS,
  evaluate,
  FACT_LABELS,
  frenchDate,
  OCCUPANCIES,
  OCCUPANCY_LABELS,
  OUTCOME_LABELS,
  type ParameterTimeline,
  SECTOR_LABELS,
  SITUATION_KINDS,
  SITUATION_LABELS,
  type Situation,
  type SituationKind,
  STATUS_LABELS,
} from "../../../src/core/rules/index.ts";
import { FormSection } from "../FormSection.tsx";
import { messages } from "../messages.fr.ts";
import { type Answers, buildSituation, FIELD_OF_POINTER, initialAnswers, relevance } from "./answers.ts";
import { useParameterTimeline } from "./ruleParameters.ts";

const text = messages.simulator;
const fields = text.fields;

const CLAUSES: ReadonlyMap<string, Clause> = new Map(
  DIRECTIVES.flatMap((directive) => directive.clauses.map((clause) => [clause.id, clause] as const)),
);

type Errors = Partial<Record<keyof Answers, string>>;

type Evaluation =
  | { kind: "errors"; errors: Errors; count: number }
  | { kind: "result"; result: EligibilityResult; situation: Situation };

function evaluateAnswers(answers: Answers, postcodeDone: boolean, timeline: ParameterTimeline): Evaluation {
  const { situation, dateErrors } = buildSituation(answers, { postcodeDone });
  const errors: Errors = {};
  for (const field of dateErrors) errors[field] = text.dateFormatError;
  const validation = validateSituation(situation);
  if (!validation.ok) {
    for (const error of validation.errors) {
      const field = FIELD_OF_POINTER[error.path] ?? FIELD_OF_POINTER[error.path.replace(/\/\d+$/, "")];
      if (field !== undefined && errors[field] === undefined) {
        errors[field] = error.code === "INVALID_DATE" ? text.dateFormatError : error.message;
      }
    }
  }
  const count = Object.keys(errors).length;
  if (count > 0 || !validation.ok) return { kind: "errors", errors, count: Math.max(count, 1) };
  const valid = validation.situation;
  return { kind: "result", result: evaluate(valid, timeline.inForce(valid.requestDate)), situation: valid };
}

// A temp worker's contract is a mission: the simulator does not ask it of anyone.
const CONTRACTS = CONTRACT_TYPES.filter((type) => type !== "temp_mission");

const capitalise = (label: string) => label.charAt(0).toUpperCase() + label.slice(1);
const optionsOf = <V extends string>(values: readonly V[], labels: Readonly<Record<V, string>>) =>
  values.map((value) => ({ value, label: capitalise(labels[value]) }));
const ACTIVITY_OPTIONS = optionsOf(ACTIVITIES, ACTIVITY_LABELS);
const SECTOR_OPTIONS = optionsOf(EMPLOYER_SECTORS, SECTOR_LABELS);
const CONTRACT_OPTIONS = optionsOf(CONTRACTS, CONTRACT_LABELS);
const OCCUPANCY_OPTIONS = optionsOf(OCCUPANCIES, OCCUPANCY_LABELS);
const YES_NO = [
  { value: "yes", label: text.yes },
  { value: "no", label: text.no },
];
const YES_NO_UNKNOWN = [...YES_NO, { value: "unknown", label: text.dontKnow }];
const DISASTER_OPTIONS = [
  { value: "none", label: fields.disaster.none },
  { value: "natural", label: fields.disaster.natural },
  { value: "technological", label: fields.disaster.technological },
];

/** A counsellor recording a case's assessment: the request date is the case's, and the situation is sent. */
export interface Assessment {
  /** The case's request date (AAAA-MM-JJ): it chooses the directive, so it cannot be changed here. */
  readonly requestDate: string;
  readonly postcode: string | null;
  readonly intro: string;
  readonly submitLabel: string;
  readonly busy: boolean;
  readonly onSubmit: (situation: Situation) => void;
}

function assessmentAnswers(assessment: Assessment | undefined): Answers {
  const answers = initialAnswers();
  if (assessment === undefined) return answers;
  const [year, month, day] = assessment.requestDate.split("-");
  return {
    ...answers,
    requestDate: `${day}/${month}/${year}`,
    postcode: assessment.postcode ?? "",
  };
}

export default function Simulator({ assessment }: { assessment?: Assessment }) {
  const [answers, setAnswers] = useState<Answers>(() => assessmentAnswers(assessment));
  const [postcodeDone, setPostcodeDone] = useState(false);
  const show = relevance(answers);
  const timeline = useParameterTimeline();
  const evaluation = useMemo(
    () => evaluateAnswers(answers, postcodeDone, timeline),
    [answers, postcodeDone, timeline],
  );
  const errors = evaluation.kind === "errors" ? evaluation.errors : {};

  // Stable handlers, so that the memoised fields re-render only when their own value or error changes:
  // the result then shows within a frame of the last answer.
  const { set, onInput } = useMemo(() => {
    const setters = new Map<keyof Answers, (value: never) => void>();
    const inputs = new Map<keyof Answers, (event: { currentTarget: HTMLInputElement }) => void>();
    const set = <K extends keyof Answers>(key: K): ((value: Answers[K]) => void) => {
      let setter = setters.get(key);
      if (setter === undefined) {
        setter = (value: never) => setAnswers((previous) => ({ ...previous, [key]: value }));
        setters.set(key, setter);
      }
      return setter as (value: Answers[K]) => void;
    };
    const onInput = (key: keyof Answers) => {
      let handler = inputs.get(key);
      if (handler === undefined) {
        const setter = set(key) as (value: string) => void;
        handler = (event) => setter(event.currentTarget.value);
        inputs.set(key, handler);
      }
      return handler;
    };
    return { set, onInput };
  }, []);
  const input = (key: keyof Answers) => ({
    id: `champ-${key}`,
    value: answers[key] as string,
    onChange: onInput(key),
    error: errors[key],
  });
  const toggleSituation = useMemo(
    () => (kind: SituationKind, checked: boolean) =>
      setAnswers((previous) => ({
        ...previous,
        situations: checked
          ? SITUATION_KINDS.filter((k) => k === kind || previous.situations.includes(k))
          : previous.situations.filter((k) => k !== kind),
      })),
    [],
  );
  const mission = answers.activity === "temp_worker";

  return (
    <div className="simulator-layout">
      <form
        aria-label={assessment === undefined ? text.title : assessment.submitLabel}
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (assessment !== undefined && evaluation.kind === "result")
            assessment.onSubmit(evaluation.situation);
        }}
      >
        <Stack gap="xl">
          <Text>{assessment === undefined ? text.intro : assessment.intro}</Text>
          {assessment === undefined && <Text size="sm">{text.required}</Text>}

          <FormSection title={text.steps.request}>
            <TextInput
              {...input("requestDate")}
              label={fields.requestDate.label}
              description={fields.requestDate.description}
              inputMode="numeric"
              autoComplete="off"
              required
              readOnly={assessment !== undefined}
            />
          </FormSection>

          <FormSection title={text.steps.work}>
            <Choice
              name="activity"
              legend={fields.activity.legend}
              value={answers.activity}
              onChange={set("activity")}
              options={ACTIVITY_OPTIONS}
              error={errors.activity}
            />
            {show.employer && (
              <>
                <Choice
                  name="sector"
                  legend={show.formerEmployer ? fields.sector.legendFormer : fields.sector.legend}
                  description={fields.sector.description}
                  value={answers.sector}
                  onChange={set("sector")}
                  options={SECTOR_OPTIONS}
                  error={errors.sector}
                />
                <TextInput
                  {...input("headcount")}
                  label={show.formerEmployer ? fields.headcount.labelFormer : fields.headcount.label}
                  description={fields.headcount.description}
                  inputMode="numeric"
                  autoComplete="off"
                />
              </>
            )}
            {show.contractType && (
              <Choice
                name="contractType"
                legend={fields.contractType.legend}
                value={answers.contractType}
                onChange={set("contractType")}
                options={CONTRACT_OPTIONS}
                error={errors.contractType}
              />
            )}
            {show.contractDates && (
              <TextInput
                {...input("contractStart")}
                label={mission ? fields.contractStart.labelMission : fields.contractStart.label}
                description={fields.contractStart.description}
                inputMode="numeric"
                autoComplete="off"
              />
            )}
            {show.contractEnd && (
              <TextInput
                {...input("contractEnd")}
                label={mission ? fields.contractEnd.labelMission : fields.contractEnd.label}
                description={fields.contractEnd.description}
                inputMode="numeric"
                autoComplete="off"
              />
            )}
            {show.tempHours && (
              <TextInput
                {...input("tempHours")}
                label={fields.tempHours.label}
                description={fields.tempHours.description}
                inputMode="numeric"
                autoComplete="off"
              />
            )}
            {show.esat && (
              <Choice
                name="esatSigned"
                legend={fields.esatSigned.legend}
                value={answers.esatSigned}
                onChange={set("esatSigned")}
                options={YES_NO}
                error={errors.esatSigned}
              />
            )}
            {show.activityEnd && (
              <TextInput
                {...input("activityEndDate")}
                label={fields.activityEndDate.label}
                description={fields.activityEndDate.description}
                inputMode="numeric"
                autoComplete="off"
              />
            )}
          </FormSection>

          {(show.visale || show.disaster) && (
            <FormSection title={text.steps.events}>
              {show.visale && (
                <Choice
                  name="visaleEvent"
                  legend={fields.visaleEvent.legend}
                  description={fields.visaleEvent.description}
                  value={answers.visaleEvent}
                  onChange={set("visaleEvent")}
                  options={YES_NO_UNKNOWN}
                  error={errors.visaleEvent}
                />
              )}
              {show.visaleEligible && (
                <Choice
                  name="visaleEligible"
                  legend={fields.visaleEligible.legend}
                  value={answers.visaleEligible}
                  onChange={set("visaleEligible")}
                  options={YES_NO_UNKNOWN}
                  error={errors.visaleEligible}
                />
              )}
              {show.disaster && (
                <Choice
                  name="disaster"
                  legend={fields.disaster.legend}
                  description={fields.disaster.description}
                  value={answers.disaster}
                  onChange={set("disaster")}
                  options={DISASTER_OPTIONS}
                  error={errors.disaster}
                />
              )}
              {show.disasterDeclared && (
                <Choice
                  name="disasterDeclared"
                  legend={
                    answers.disaster === "technological"
                      ? fields.disasterDeclared.legendTechnological
                      : fields.disasterDeclared.legendNatural
                  }
                  value={answers.disasterDeclared}
                  onChange={set("disasterDeclared")}
                  options={YES_NO_UNKNOWN}
                  error={errors.disasterDeclared}
                />
              )}
              {show.dwellings && (
                <TextInput
                  {...input("dwellings")}
                  label={fields.dwellings.label}
                  description={fields.dwellings.description}
                  inputMode="numeric"
                  autoComplete="off"
                />
              )}
            </FormSection>
          )}

          <FormSection title={text.steps.housing}>
            <TextInput
              {...input("postcode")}
              onBlur={() => setPostcodeDone(true)}
              onFocus={() => setPostcodeDone(false)}
              label={fields.postcode.label}
              description={fields.postcode.description}
              inputMode="numeric"
              autoComplete="postal-code"
              maxLength={5}
            />
            <Choice
              name="occupancy"
              legend={fields.occupancy.legend}
              value={answers.occupancy}
              onChange={set("occupancy")}
              options={OCCUPANCY_OPTIONS}
              error={errors.occupancy}
            />
          </FormSection>

          <FormSection title={text.steps.difficulties}>
            <Situations selected={answers.situations} onToggle={toggleSituation} />
          </FormSection>
          {assessment !== undefined && (
            <Button type="submit" loading={assessment.busy} style={{ alignSelf: "flex-start" }}>
              {assessment.submitLabel}
            </Button>
          )}
        </Stack>
      </form>

      <ResultPanel evaluation={evaluation} inWorkspace={assessment !== undefined} />
    </div>
  );
}

interface ChoiceProps<V extends string> {
  name: string;
  legend: string;
  description?: string;
  value: V | "";
  onChange: (value: V) => void;
  options: { value: string; label: string }[];
  error: string | undefined;
}

/** A radio group in a fieldset whose legend is the question; its error is tied to every radio. */
function ChoiceGroup<V extends string>({
  name,
  legend,
  description,
  value,
  onChange,
  options,
  error,
}: ChoiceProps<V>) {
  const descriptionId = `champ-${name}-description`;
  const errorId = `champ-${name}-error`;
  const describedBy = [description ? descriptionId : "", error ? errorId : ""].filter(Boolean).join(" ");
  return (
    // Focusable by the links of the error and missing-information lists, which point at the question.
    <fieldset className="choice-group" id={`champ-${name}`} tabIndex={-1}>
      <legend>{legend}</legend>
      {description && (
        <Text size="sm" c="dimmed" mb="xs" id={descriptionId}>
          {description}
        </Text>
      )}
      <Stack gap="xs">
        {options.map((option) => (
          <Radio
            key={option.value}
            id={`champ-${name}-${option.value}`}
            name={name}
            value={option.value}
            label={option.label}
            checked={value === option.value}
            onChange={() => onChange(option.value as V)}
            aria-describedby={describedBy || undefined}
            aria-invalid={error ? true : undefined}
          />
        ))}
      </Stack>
      {error && (
        <Text c="red.9" size="sm" mt="xs" id={errorId}>
          {error}
        </Text>
      )}
    </fieldset>
  );
}

const Choice = memo(ChoiceGroup) as typeof ChoiceGroup;

const Situations = memo(function Situations({
  selected,
  onToggle,
}: {
  selected: readonly SituationKind[];
  onToggle: (kind: SituationKind, checked: boolean) => void;
}) {
  return (
    <fieldset className="choice-group" id="champ-situations" tabIndex={-1}>
      <legend>{fields.situations.legend}</legend>
      <Text size="sm" c="dimmed" mb="xs">
        {fields.situations.description}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
        {SITUATION_KINDS.map((kind) => (
          <Checkbox
            key={kind}
            id={`champ-situations-${kind}`}
            label={capitalise(SITUATION_LABELS[kind])}
            checked={selected.includes(kind)}
            onChange={(event) => onToggle(kind, event.currentTarget.checked)}
          />
        ))}
      </SimpleGrid>
    </fieldset>
  );
});

/** Mantine's text input, re-rendered only when its own props change. */
const TextInput = memo(MantineTextInput);

function ResultPanel({ evaluation, inWorkspace }: { evaluation: Evaluation; inWorkspace: boolean }) {
  const result = text.result;
  return (
    <section aria-labelledby="resultat" className="simulator-result">
      <Paper withBorder p="md">
        <Title order={2} size="h3" id="resultat" mb="sm">
          {result.title}
        </Title>
        {/* Announced when it changes: the outcome, or how many answers need correcting. */}
        <div aria-live="polite" aria-atomic="true">
          {evaluation.kind === "errors" ? (
            <Text fw={700} c="red.9" data-testid="errors-summary">
              {result.errors(evaluation.count)}
            </Text>
          ) : (
            <Text size="lg">
              {result.outcome}{" "}
              <strong className={`outcome outcome-${evaluation.result.outcome}`} data-testid="outcome">
                {OUTCOME_LABELS[evaluation.result.outcome]}
              </strong>
            </Text>
          )}
        </div>
        {evaluation.kind === "errors" ? (
          <ul className="error-list">
            {Object.entries(evaluation.errors).map(([field, message]) => (
              <li key={field}>
                <a href={`#champ-${field}`}>{message}</a>
              </li>
            ))}
          </ul>
        ) : (
          <ResultDetails result={evaluation.result} />
        )}
        <Paper withBorder p="sm" mt="md" className="notice">
          <Title order={3} size="h4" mb="xs">
            {result.decisionTitle}
          </Title>
          <Text size="sm">{result.decision}</Text>
        </Paper>
        {!inWorkspace && (
          <Stack gap="xs" mt="md">
            <Title order={3} size="h4">
              {result.requestTitle}
            </Title>
            <Text size="sm">{result.requestText}</Text>
            <Button component="a" href="/demande" style={{ alignSelf: "flex-start" }}>
              {result.request}
            </Button>
          </Stack>
        )}
        <Text size="sm" mt="md">
          <a href="/directives">{result.compare}</a>
        </Text>
      </Paper>
    </section>
  );
}

function ResultDetails({ result }: { result: EligibilityResult }) {
  const labels = text.result;
  const directive = DIRECTIVES.find((candidate) => candidate.reference === result.directive);
  return (
    <Stack gap="sm" mt="sm">
      {directive && (
        <Text size="sm">
          {labels.directive} <code data-testid="directive">{directive.reference}</code> ({directive.title}),{" "}
          {labels.inForce(
            frenchDate(directive.appliesFrom),
            directive.appliesUntil === null ? null : frenchDate(directive.appliesUntil),
          )}
          .
        </Text>
      )}
      <Title order={3} size="h4">
        {labels.reasonsTitle}
      </Title>
      <ul className="reason-list">
        {result.reasons.map((reason, index) => {
          const clause = CLAUSES.get(reason.clause);
          return (
            // Reasons may repeat a clause; their order is stable for a given result.
            // biome-ignore lint/suspicious/noArrayIndexKey: the list is rebuilt whole at each evaluation
            <li key={`${reason.clause}-${index}`} className={`reason reason-${reason.status}`}>
              <Text size="sm">
                <strong>[{STATUS_LABELS[reason.status]}]</strong> {reason.text}
              </Text>
              <details>
                <summary>
                  {labels.clause} <code data-testid="clause">{reason.clause}</code>
                </summary>
                {clause && (
                  <blockquote aria-label={labels.quote(reason.clause)} className="clause-quote">
                    {clause.text}
                  </blockquote>
                )}
              </details>
            </li>
          );
        })}
      </ul>
      <Title order={3} size="h4">
        {labels.missingTitle}
      </Title>
      {result.missing.length === 0 ? (
        <Text size="sm">{labels.missingNone}</Text>
      ) : (
        <ul data-testid="missing">
          {result.missing.map((pointer) => (
            <li key={pointer}>
              <a href={`#champ-${FIELD_OF_POINTER[pointer] ?? ""}`}>
                {capitalise(FACT_LABELS[pointer] ?? pointer)}
              </a>
            </li>
          ))}
        </ul>
      )}
    </Stack>
  );
}
