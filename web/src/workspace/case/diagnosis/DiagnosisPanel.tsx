// The social diagnosis of a case: household, monthly budget, debts, housing, employment and, for those who
// may read them, the sensitive topics. The panel reads the recorded diagnosis and hands it to the form
// (DiagnosisForm.tsx); after someone else's change wins, it reads it again and the form starts over.
import { Paper, Text, Title } from "@mantine/core";
import { useEffect, useRef, useState } from "react";
import type { DiagnosisView } from "../../../../../src/contracts/diagnosis.ts";
import { callApi } from "../../../api.ts";
import { workspaceMessages } from "../../messages.fr.ts";
import type { Session } from "../../session.ts";
import { DiagnosisForm } from "./DiagnosisForm.tsx";

const text = workspaceMessages.diagnosis;

export function DiagnosisPanel({
  caseId,
  etag,
  session,
  onSaved,
}: {
  caseId: string;
  etag: string;
  session: Session;
  /** After a save: the case moved to a new version. */
  onSaved: () => Promise<void>;
}) {
  const [loaded, setLoaded] = useState<{ view: DiagnosisView | null } | null>(null);
  // Bumped to read the diagnosis again (after someone else's change): the form starts over from it.
  const [generation, setGeneration] = useState(0);
  const heading = useRef<HTMLHeadingElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: generation is the reason to read it again
  useEffect(() => {
    void callApi<DiagnosisView>(`/api/v1/cases/${caseId}/diagnosis`).then((result) =>
      setLoaded({ view: result.ok ? result.body : null }),
    );
  }, [caseId, generation]);
  const reread = async () => {
    setLoaded(null);
    setGeneration((previous) => previous + 1);
    await onSaved();
    heading.current?.focus();
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="diagnostic">
      <Title order={2} size="h3" id="diagnostic" mb="sm" ref={heading} tabIndex={-1}>
        {text.title}
      </Title>
      {loaded === null ? (
        <Text role="status">{text.loading}</Text>
      ) : (
        <DiagnosisForm
          key={generation}
          view={loaded.view}
          caseId={caseId}
          etag={etag}
          session={session}
          onSaved={onSaved}
          onDiscard={reread}
        />
      )}
    </Paper>
  );
}
