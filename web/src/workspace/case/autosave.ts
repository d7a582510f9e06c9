// Saving a form by itself as the person types: a save starts once typing pauses (or at once when asked,
// e.g. on leaving a field), never two at a time, and leaving the page with unsaved changes asks first.
import { useCallback, useEffect, useRef, useState } from "react";

/** What one save attempt came to, as the form's own save function reports it. */
export type SaveOutcome =
  | { kind: "saved" }
  /** Nothing was sent: the form does not describe a valid value yet. */
  | { kind: "invalid"; fields: readonly string[] }
  | { kind: "failed"; message: string }
  /** Someone else changed the record: autosave pauses until the person decides. */
  | { kind: "stale" };

export type AutosaveStatus =
  | { kind: "idle" }
  | { kind: "saving" }
  | { kind: "saved"; at: Date }
  | Exclude<SaveOutcome, { kind: "saved" }>;

/** Pause after the last change before saving: long enough not to save every keystroke. */
export const AUTOSAVE_DELAY_MS = 1500;

/**
 * `snapshot` is the form's value serialised (what is compared with what was last saved); `save` sends it
 * and calls `started` just before the request goes out (not when the form is found invalid).
 */
export function useAutosave(
  snapshot: string,
  save: (started: () => void) => Promise<SaveOutcome>,
  delayMs = AUTOSAVE_DELAY_MS,
) {
  const [status, setStatus] = useState<AutosaveStatus>({ kind: "idle" });
  const saved = useRef(snapshot);
  const latest = useRef({ snapshot, save });
  latest.current = { snapshot, save };
  const inFlight = useRef(false);
  const again = useRef(false);
  const paused = useRef(false);
  const timer = useRef<number | undefined>(undefined);

  const run = useCallback(async (): Promise<void> => {
    window.clearTimeout(timer.current);
    if (inFlight.current) {
      // Never two saves in flight: the newest value goes once the current save is answered.
      again.current = true;
      return;
    }
    const { snapshot: attempted, save: send } = latest.current;
    if (attempted === saved.current) return;
    inFlight.current = true;
    const outcome = await send(() => setStatus({ kind: "saving" }));
    inFlight.current = false;
    const more = again.current;
    again.current = false;
    if (outcome.kind === "saved") {
      saved.current = attempted;
      setStatus({ kind: "saved", at: new Date() });
      if (more) await run();
      return;
    }
    if (outcome.kind === "stale") paused.current = true;
    setStatus(outcome);
  }, []);

  useEffect(() => {
    if (snapshot === saved.current || paused.current) return;
    timer.current = window.setTimeout(() => void run(), delayMs);
    return () => window.clearTimeout(timer.current);
  }, [snapshot, delayMs, run]);

  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (latest.current.snapshot === saved.current && !inFlight.current) return;
      event.preventDefault();
      // Older browsers show their own warning only when returnValue is set.
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, []);

  return {
    status,
    dirty: snapshot !== saved.current,
    /** Saves now if anything changed (leaving a field, « Enregistrer maintenant »); resumes after a stale. */
    saveNow: () => {
      paused.current = false;
      return run();
    },
    /** Saves now, unless autosave is paused on someone else's change. */
    saveIfDirty: () => (paused.current ? Promise.resolve() : run()),
  };
}
