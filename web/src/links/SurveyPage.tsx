// The person's satisfaction survey behind its one-time link: a rating from 1 to 5 (a radio group with its
// legend), an optional comment, then thanks. The link works once: a used, expired or unknown link says so.
import { Button, Paper, Radio, Stack, Text, Textarea, Title } from "@mantine/core";
import { type FormEvent, useEffect, useRef, useState } from "react";
import type { Static } from "typebox";
import type { SurveyFormSchema } from "../../../src/contracts/diagnosis.ts";
import { QUALITY_LIMITS } from "../../../src/core/diagnosis/quality.ts";
import { callApi, NETWORK_FAILURE, type Problem } from "../api.ts";
import { linkMessages } from "./messages.fr.ts";
import { linkPageTitles } from "./pageTitles.fr.ts";

type SurveyForm = Static<typeof SurveyFormSchema>;

const text = linkMessages.survey;

function refusal(problem: Problem): string {
  const { problems } = linkMessages;
  if (problem.status === 0 && problem.code === NETWORK_FAILURE) return problems.network;
  if (problem.status === 404) return problems.notFound;
  if (problem.status === 410) return problems.surveyClosed;
  return problems.other;
}

type State =
  | { kind: "loading" }
  | { kind: "ready"; form: SurveyForm }
  | { kind: "refused"; message: string }
  | { kind: "answered" };

export default function SurveyPage({ token }: { token: string }) {
  const address = `/api/v1/surveys/${encodeURIComponent(token)}`;
  const [state, setState] = useState<State>({ kind: "loading" });
  const [rating, setRating] = useState("");
  const [comment, setComment] = useState("");
  const [error, setError] = useState("");
  const [sending, setSending] = useState(false);
  const outcome = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const controller = new AbortController();
    callApi<SurveyForm>(address, { signal: controller.signal }).then(
      (result) =>
        setState(
          result.ok
            ? { kind: "ready", form: result.body }
            : { kind: "refused", message: refusal(result.problem) },
        ),
      () => undefined,
    );
    return () => controller.abort();
  }, [address]);

  useEffect(() => {
    if (state.kind === "answered") outcome.current?.focus();
  }, [state.kind]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (rating === "") {
      setError(text.ratingRequired);
      return;
    }
    setError("");
    setSending(true);
    const trimmed = comment.trim();
    const result = await callApi(address, {
      method: "POST",
      body: { rating: Number(rating), ...(trimmed === "" ? {} : { comment: trimmed }) },
    });
    setSending(false);
    if (result.ok) setState({ kind: "answered" });
    else if (result.problem.status === 404 || result.problem.status === 410)
      setState({ kind: "refused", message: refusal(result.problem) });
    else setError(refusal(result.problem));
  }

  return (
    <Stack gap="md">
      <div aria-live="polite" data-testid="survey-link-status">
        {state.kind === "loading" && <Text role="status">{linkPageTitles.survey.loading}</Text>}
        {state.kind === "refused" && (
          <Paper withBorder p="md" className="notice" role="alert">
            <Text>{state.message}</Text>
          </Paper>
        )}
        {state.kind === "answered" && (
          <Paper withBorder p="md" className="notice" ref={outcome} tabIndex={-1}>
            <Title order={2} size="h3" mb="xs">
              {text.thanksTitle}
            </Title>
            <Text>{text.thanks}</Text>
          </Paper>
        )}
      </div>
      {state.kind === "ready" && (
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <Text>{text.intro(state.form.agency)}</Text>
            <fieldset
              className="choice-group"
              aria-describedby={error === "" ? undefined : "survey-rating-error"}
            >
              <legend>{state.form.question}</legend>
              <Stack gap="xs" mt="xs">
                {state.form.ratings.map((option) => (
                  <Radio
                    key={option.value}
                    id={`survey-rating-${option.value}`}
                    name="rating"
                    value={String(option.value)}
                    label={`${option.value} — ${option.label}`}
                    checked={rating === String(option.value)}
                    onChange={(event) => setRating(event.currentTarget.value)}
                  />
                ))}
              </Stack>
              <div aria-live="assertive">
                {error !== "" && (
                  <Text id="survey-rating-error" c="red.9" size="sm" mt="xs">
                    {error}
                  </Text>
                )}
              </div>
            </fieldset>
            <Textarea
              label={text.comment}
              description={text.commentHint}
              value={comment}
              onChange={(event) => setComment(event.currentTarget.value)}
              maxLength={QUALITY_LIMITS.comment}
              autosize
              minRows={3}
            />
            <div>
              <Button type="submit" size="md" loading={sending} disabled={sending}>
                {text.submit}
              </Button>
            </div>
          </Stack>
        </form>
      )}
    </Stack>
  );
}
