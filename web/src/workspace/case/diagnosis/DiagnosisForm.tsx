// The diagnosis form: one section per topic, saved by itself (../autosave.ts) as the whole diagnosis with the
// case's ETag, kept current from each answer. Someone else's change in between pauses saving and leaves what
// was typed on screen, with the choice of keeping it or reading theirs.
import { Button, Group, Stack, Text } from "@mantine/core";
import { type FormEvent, useEffect, useMemo, useRef, useState } from "react";
import type { DiagnosisView } from "../../../../../src/contracts/diagnosis.ts";
import { callApi, NETWORK_FAILURE } from "../../../api.ts";
import { workspaceMessages } from "../../messages.fr.ts";
import type { Session } from "../../session.ts";
import { type AutosaveStatus, type SaveOutcome, useAutosave } from "../autosave.ts";
import { BudgetFields } from "./BudgetFields.tsx";
import { DebtsFields } from "./DebtsFields.tsx";
import {
  type DiagnosisDraft,
  type DraftErrors,
  diagnosisOf,
  draftOf,
  liveBudget,
  sensitiveShown,
} from "./draft.ts";
import { EmploymentFields } from "./EmploymentFields.tsx";
import { HouseholdFields } from "./HouseholdFields.tsx";
import { HousingFields } from "./HousingFields.tsx";
import { SensitiveFields } from "./SensitiveFields.tsx";

const text = workspaceMessages.diagnosis;

/** The version an ETag names (`"12"`): the newest one known is the one to send. */
const versionOf = (etag: string) => Number(/\d+/.exec(etag)?.[0] ?? 0);

/** « 14 h 32 », as read in Paris. */
const frenchTime = (at: Date) =>
  new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris", hour: "2-digit", minute: "2-digit" })
    .format(at)
    .replace(":", " h ");

/** A field as the person reads it: its row's legend (« Personne 2 ») and its label. */
function fieldName(id: string): string {
  const field = document.getElementById(id) as HTMLInputElement | null;
  const label = field?.labels?.[0]?.textContent?.replace(/\s*\*\s*$/, "").trim() ?? id;
  const legend = field?.closest("fieldset")?.querySelector("legend")?.textContent;
  return legend ? `${legend}, ${label}` : label;
}

function statusText(status: AutosaveStatus): { text: string; error: boolean } | null {
  switch (status.kind) {
    case "idle":
      return null;
    case "saving":
      return { text: text.saving, error: false };
    case "saved":
      return { text: text.savedAt(frenchTime(status.at)), error: false };
    case "invalid":
      return { text: text.invalid(status.fields), error: true };
    case "failed":
      return { text: text.failed(status.message), error: true };
    case "stale":
      return { text: text.stale, error: true };
  }
}

export interface DiagnosisFormProps {
  /** The recorded diagnosis, or null when none is recorded yet. */
  view: DiagnosisView | null;
  caseId: string;
  etag: string;
  session: Session;
  /** After a save: the case moved to a new version. */
  onSaved: () => Promise<void>;
  /** Someone else's version wins: the panel reads the diagnosis again. */
  onDiscard: () => Promise<void>;
}

export function DiagnosisForm({ view, caseId, etag, session, onSaved, onDiscard }: DiagnosisFormProps) {
  const [draft, setDraft] = useState<DiagnosisDraft>(() => draftOf(view));
  const [shownErrors, setShownErrors] = useState<DraftErrors>({});
  const withSensitive = sensitiveShown(view);
  const built = useMemo(() => diagnosisOf(draft, withSensitive), [draft, withSensitive]);
  // Live, as amounts are typed: the budget as soon as every amount and age reads as one.
  const budget = useMemo(() => liveBudget(draft), [draft]);
  const statusLine = useRef<HTMLParagraphElement>(null);
  // The case version to send: ours after each save, or a newer one the page read (another panel's change).
  const currentEtag = useRef(etag);
  useEffect(() => {
    if (versionOf(etag) > versionOf(currentEtag.current)) currentEtag.current = etag;
  }, [etag]);

  // Fields are marked wrong once left (or all of them after « Enregistrer maintenant »), not while the
  // person has not reached them yet; the status line names every field still to correct either way.
  const leftFields = useRef(new Set<string>());
  const showEveryError = useRef(false);

  async function send(started: () => void): Promise<SaveOutcome> {
    setShownErrors(
      showEveryError.current
        ? built.errors
        : Object.fromEntries(Object.entries(built.errors).filter(([id]) => leftFields.current.has(id))),
    );
    if (built.diagnosis === undefined) {
      return { kind: "invalid", fields: Object.keys(built.errors).map(fieldName) };
    }
    started();
    const result = await callApi<DiagnosisView>(`/api/v1/cases/${caseId}/diagnosis`, {
      method: "PUT",
      body: built.diagnosis,
      csrfToken: session.csrfToken,
      ifMatch: currentEtag.current,
    });
    if (result.ok) {
      if (result.etag !== null) currentEtag.current = result.etag;
      // The page reads the case again (its timeline, its version) without holding the next save back.
      void onSaved();
      return { kind: "saved" };
    }
    const { problem } = result;
    if (problem.status === 412) return { kind: "stale" };
    return {
      kind: "failed",
      message:
        problem.code === NETWORK_FAILURE
          ? workspaceMessages.networkFailure
          : [problem.detail, ...problem.errors.map((issue) => issue.message)].filter(Boolean).join(" "),
    };
  }

  const autosave = useAutosave(JSON.stringify(draft), send);
  const status = statusText(autosave.status);
  const update = (change: Partial<DiagnosisDraft>) => setDraft((previous) => ({ ...previous, ...change }));

  async function saveNow(event: FormEvent) {
    event.preventDefault();
    showEveryError.current = true;
    if (built.diagnosis === undefined) {
      setShownErrors(built.errors);
      const first = Object.keys(built.errors)[0];
      if (first !== undefined) document.getElementById(first)?.focus();
    }
    await autosave.saveNow();
  }

  /** Someone else's version is replaced by ours: read the case's current version, then save. */
  async function keepMine() {
    const current = await callApi(`/api/v1/cases/${caseId}`);
    if (current.ok && current.etag !== null) currentEtag.current = current.etag;
    statusLine.current?.focus();
    await autosave.saveNow();
  }

  return (
    <form
      aria-label={text.title}
      noValidate
      onSubmit={saveNow}
      // Leaving a field saves at once; moving to one of this form's buttons does not interrupt anything.
      onBlur={(event) => {
        leftFields.current.add(event.target.id);
        void autosave.saveIfDirty();
      }}
    >
      <Stack gap="lg">
        <Text size="sm">
          {text.intro} {text.autosave}
        </Text>
        <HouseholdFields
          members={draft.household}
          errors={shownErrors}
          onChange={(household) => update({ household })}
        />
        <BudgetFields
          income={draft.income}
          expenses={draft.expenses}
          budget={budget}
          errors={shownErrors}
          onChange={update}
        />
        <DebtsFields debts={draft.debts} errors={shownErrors} onChange={(debts) => update({ debts })} />
        <HousingFields
          housing={draft.housing}
          errors={shownErrors}
          onChange={(housing) => update({ housing })}
        />
        <EmploymentFields
          employment={draft.employment}
          errors={shownErrors}
          onChange={(employment) => update({ employment })}
        />
        <SensitiveFields
          sensitive={draft.sensitive}
          shown={withSensitive}
          onChange={(sensitive) => update({ sensitive })}
        />

        <div aria-live="polite" aria-atomic="true" data-testid="diagnosis-message">
          {status !== null && (
            <Text ref={statusLine} tabIndex={-1} fw={600} c={status.error ? "red.9" : undefined}>
              {status.text}
            </Text>
          )}
        </div>
        {autosave.status.kind === "stale" ? (
          <Group gap="sm">
            <Button onClick={() => void keepMine()}>{text.keepMine}</Button>
            <Button variant="outline" onClick={() => void onDiscard()}>
              {text.discard}
            </Button>
          </Group>
        ) : (
          // No loading state: a disabled button would drop the keyboard focus; the status line says it all.
          <Button id="diag-save" type="submit" variant="outline" style={{ alignSelf: "flex-start" }}>
            {text.save}
          </Button>
        )}
      </Stack>
    </form>
  );
}
