// The case's documents: each with its download link, and the upload (drag and drop or file input) for
// whoever may change the case. The list is read again whenever the case's version changes, so that a scan
// joined from the engagement panel shows here too.
import { Anchor, Paper, Table, Text, Title } from "@mantine/core";
import { useEffect, useState } from "react";
import type { CaseDocument } from "../../../../src/contracts/documents.ts";
import { callApi } from "../../api.ts";
import { frenchMoment } from "../../frenchDates.ts";
import { workspaceMessages } from "../messages.fr.ts";
import type { Session } from "../session.ts";
import { WideTable } from "../WideTable.tsx";
import { DocumentUpload } from "./DocumentUpload.tsx";

const text = workspaceMessages.documents;

interface Props {
  caseId: string;
  etag: string;
  session: Session;
  mayUpload: boolean;
  onChanged: () => Promise<void>;
}

export function DocumentsPanel({ caseId, etag, session, mayUpload, onChanged }: Props) {
  const [items, setItems] = useState<CaseDocument[] | null>(null);
  useEffect(() => {
    // The ETag is the trigger: a new version of the case may have brought a new document.
    void etag;
    let current = true;
    void callApi<{ items: CaseDocument[] }>(`/api/v1/cases/${caseId}/documents`).then((result) => {
      if (current) setItems(result.ok ? result.body.items : []);
    });
    return () => {
      current = false;
    };
  }, [caseId, etag]);

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="documents">
      <Title order={2} size="h3" id="documents" mb="sm">
        {text.title}
      </Title>
      {items === null ? null : items.length === 0 ? (
        <Text>{text.empty}</Text>
      ) : (
        <WideTable
          minWidth={560}
          caption={text.caption}
          data-testid="documents"
          columns={[text.columns.name, text.columns.kind, text.columns.size, text.columns.uploaded]}
        >
          <Table.Tbody>
            {items.map((document) => (
              <Table.Tr key={document.id}>
                <Table.Th scope="row">
                  <Anchor
                    href={`/api/v1/cases/${caseId}/documents/${document.id}`}
                    download={document.originalName}
                    aria-label={text.download(document.originalName)}
                  >
                    {document.originalName}
                  </Anchor>
                </Table.Th>
                <Table.Td>{text.kinds[document.kind]}</Table.Td>
                <Table.Td>{text.size(document.sizeBytes)}</Table.Td>
                <Table.Td>
                  {frenchMoment(document.uploadedAt)} {text.by(document.uploadedBy.name)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </WideTable>
      )}
      {mayUpload && (
        <>
          <Title order={3} size="h4" mt="md" mb="xs">
            {text.uploadTitle}
          </Title>
          <DocumentUpload
            id="document-file"
            caseId={caseId}
            etag={etag}
            session={session}
            kind="attachment"
            onUploaded={onChanged}
          />
        </>
      )}
    </Paper>
  );
}
