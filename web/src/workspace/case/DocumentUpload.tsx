// Sends one file to the case (multipart, with the case's ETag and the CSRF token), chosen by drag and drop
// or through a labelled file input that the keyboard reaches. The server reads the type from the content:
// its 413 and 415 are said here in French, with what to do.
import { Stack } from "@mantine/core";
import { type DragEvent, useRef, useState } from "react";
import type { CaseDocument, DocumentKind } from "../../../../src/contracts/documents.ts";
import { callApi } from "../../api.ts";
import { workspaceMessages } from "../messages.fr.ts";
import type { Session } from "../session.ts";
import { type Announcement, LiveMessage } from "./LiveMessage.tsx";
import { problemText } from "./problemText.ts";

const text = workspaceMessages.documents;

interface Props {
  id: string;
  caseId: string;
  etag: string;
  session: Session;
  kind: DocumentKind;
  onUploaded: (document: CaseDocument) => Promise<void>;
}

export function DocumentUpload({ id, caseId, etag, session, kind, onUploaded }: Props) {
  const [message, setMessage] = useState<Announcement | null>(null);
  const [busy, setBusy] = useState(false);
  const [over, setOver] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  async function send(file: File) {
    setBusy(true);
    setMessage({ text: text.uploading, error: false });
    const form = new FormData();
    form.append("kind", kind);
    form.append("file", file, file.name);
    const result = await callApi<CaseDocument>(`/api/v1/cases/${caseId}/documents`, {
      method: "POST",
      body: form,
      csrfToken: session.csrfToken,
      ifMatch: etag,
    });
    setBusy(false);
    if (input.current !== null) input.current.value = "";
    if (result.ok) {
      setMessage({ text: text.uploaded(result.body.originalName), error: false });
      await onUploaded(result.body);
      return;
    }
    const { status } = result.problem;
    setMessage({
      text: status === 413 ? text.tooLarge : status === 415 ? text.unsupported : problemText(result.problem),
      error: true,
    });
  }

  function drop(event: DragEvent<HTMLFieldSetElement>) {
    event.preventDefault();
    setOver(false);
    const file = event.dataTransfer.files[0];
    if (file !== undefined && !busy) void send(file);
  }

  return (
    <Stack gap="xs">
      <fieldset
        data-testid={`${id}-drop`}
        data-over={over || undefined}
        onDragOver={(event) => {
          event.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={drop}
        style={{
          border: "2px dashed #5c5f66",
          borderRadius: 8,
          padding: "1rem",
          background: over ? "#e7f5ff" : undefined,
        }}
      >
        <legend>{text.dropZone}</legend>
        <label htmlFor={id}>{text.fileLabel}</label>
        <br />
        <input
          ref={input}
          id={id}
          type="file"
          accept="application/pdf,image/jpeg,image/png,.pdf,.jpg,.jpeg,.png"
          disabled={busy}
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            if (file !== undefined) void send(file);
          }}
        />
      </fieldset>
      <LiveMessage message={message} testId={`${id}-message`} />
    </Stack>
  );
}
