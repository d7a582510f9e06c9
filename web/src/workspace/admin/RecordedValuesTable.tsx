// The history of a dated value (a rule parameter, the four-eyes threshold): when each recorded value
// applies from, the value, when and by whom it was recorded, and why.
import { type MantineSpacing, Table } from "@mantine/core";
import { frenchDay, frenchMoment } from "../../frenchDates.ts";
import { WideTable } from "../WideTable.tsx";
import { adminMessages } from "./messages.fr.ts";
import type { Recorded } from "./ParametersPage.tsx";

const text = adminMessages.parameters;
const columns = text.columns;

export function RecordedValuesTable({
  records,
  caption,
  testId,
  valueText,
  mt,
  mb,
}: {
  records: readonly Recorded[];
  caption: string;
  testId: string;
  valueText: (value: number) => string;
  mt?: MantineSpacing;
  mb?: MantineSpacing;
}) {
  return (
    <WideTable
      minWidth={700}
      caption={caption}
      mt={mt}
      mb={mb}
      striped
      data-testid={testId}
      columns={[columns.appliesFrom, columns.value, columns.recordedAt, columns.recordedBy, columns.reason]}
    >
      <Table.Tbody>
        {records.map((record) => (
          <Table.Tr key={`${record.appliesFrom}-${record.recordedAt}`}>
            <Table.Th scope="row">{frenchDay(record.appliesFrom)}</Table.Th>
            <Table.Td>{valueText(record.value)}</Table.Td>
            <Table.Td>{frenchMoment(record.recordedAt)}</Table.Td>
            <Table.Td>{record.recordedBy?.displayName ?? text.noAuthor}</Table.Td>
            <Table.Td>{record.reason ?? text.noReason}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </WideTable>
  );
}
