// The two directive versions side by side, clause by clause: each side shows its own text, with the words
// the other version lacks struck through (older) or underlined (newer).
import { Badge, Paper, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import {
  type ComparisonRow,
  compareDirectives,
  DIRECTIVES,
  type DirectiveWithRules,
  frenchDate,
  type TextSegment,
} from "../../../src/core/rules/index.ts";
import { messages } from "../messages.fr.ts";

const text = messages.directives;

export default function DirectivesPage() {
  const [from, to] = DIRECTIVES as [DirectiveWithRules, DirectiveWithRules];
  const comparison = compareDirectives(from, to);
  return (
    <Stack gap="xl">
      <Text>{text.intro}</Text>

      <section aria-labelledby="versions">
        <Title order={2} id="versions" mb="sm">
          {text.versionsTitle}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <VersionCard directive={from} />
          <VersionCard directive={to} />
        </SimpleGrid>
      </section>

      <section aria-labelledby="legende">
        <Title order={2} id="legende" mb="sm">
          {text.legendTitle}
        </Title>
        <ul className="legend">
          <li>
            <del>{text.legendRemoved}</del> {text.legendRemovedText}
          </li>
          <li>
            <ins>{text.legendAdded}</ins> {text.legendAddedText}
          </li>
        </ul>
      </section>

      <section aria-labelledby="articles">
        <Title order={2} id="articles" mb="md">
          {text.clausesTitle}
        </Title>
        <Stack gap="lg">
          {comparison.rows.map((row) => (
            <ClauseRow key={row.topic} row={row} from={from} to={to} />
          ))}
        </Stack>
      </section>
    </Stack>
  );
}

function VersionCard({ directive }: { directive: DirectiveWithRules }) {
  const applies =
    directive.appliesUntil === null
      ? text.appliesFrom(frenchDate(directive.appliesFrom))
      : text.appliesRange(frenchDate(directive.appliesFrom), frenchDate(directive.appliesUntil));
  return (
    <Paper withBorder p="md" component="article" aria-labelledby={`version-${directive.reference}`}>
      <Title order={3} size="h4" id={`version-${directive.reference}`} mb="xs">
        {directive.title}
      </Title>
      <dl className="facts">
        <dt>{text.reference}</dt>
        <dd>
          <code>{directive.reference}</code>
        </dd>
        <dt>{text.mode}</dt>
        <dd>{directive.mode}</dd>
        <dt>{text.validatedOn}</dt>
        <dd>{frenchDate(directive.validatedOn)}</dd>
        <dt>{text.applies}</dt>
        <dd>{applies}</dd>
        <dt>{text.openEntitlement}</dt>
        <dd>{text.openEntitlementNo}</dd>
        <dt>{text.envelope}</dt>
        <dd>{directive.withinAnnualEnvelope ? text.envelopeYes : text.envelopeNo}</dd>
      </dl>
    </Paper>
  );
}

function ClauseRow({
  row,
  from,
  to,
}: {
  row: ComparisonRow;
  from: DirectiveWithRules;
  to: DirectiveWithRules;
}) {
  const id = `theme-${row.topic}`;
  return (
    <Paper withBorder p="md" component="article" aria-labelledby={id} className={`change-${row.change}`}>
      <Title order={3} size="h4" id={id} mb="xs">
        {row.label}{" "}
        <Badge variant="outline" ml="xs">
          {text.change[row.change]}
        </Badge>
      </Title>
      <Table layout="fixed" verticalSpacing="xs" className="comparison">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{from.reference}</Table.Th>
            <Table.Th scope="col">{to.reference}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          <Table.Tr>
            <Table.Td>
              <Side ids={row.from.map((clause) => clause.id)} segments={row.segments} keep="removed" />
            </Table.Td>
            <Table.Td>
              <Side ids={row.to.map((clause) => clause.id)} segments={row.segments} keep="added" />
            </Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

/** One version's text: the shared words, plus its own (removed on the older side, added on the newer). */
function Side({
  ids,
  segments,
  keep,
}: {
  ids: string[];
  segments: TextSegment[];
  keep: "removed" | "added";
}) {
  if (ids.length === 0) return <Text c="dimmed">{text.absent}</Text>;
  return (
    <>
      <Text size="xs" mb={4}>
        {ids.map((id) => (
          <code key={id} className="clause-id">
            {id}
          </code>
        ))}
      </Text>
      <Text size="sm">
        {segments.map((segment, index) => {
          if (segment.kind === "same") return segment.text;
          if (segment.kind !== keep) return null;
          const key = `${index}`;
          return segment.kind === "removed" ? (
            <del key={key}>
              <span className="visually-hidden">{text.removedMarker}</span>
              {segment.text}
            </del>
          ) : (
            <ins key={key}>
              <span className="visually-hidden">{text.addedMarker}</span>
              {segment.text}
            </ins>
          );
        })}
      </Text>
    </>
  );
}
