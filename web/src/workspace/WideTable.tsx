// A table wider than a phone screen: it scrolls sideways there, and its scrolling viewport must then be
// reachable by keyboard and named (WCAG 2.1.1, axe's scrollable-region-focusable), hence a focusable region
// labelled with the table's caption. The caption is for screen readers unless asked for: a heading usually
// says what the table holds.
// Column headers are given as texts, so that every table's header row is the same (scope="col").
import { type MantineSpacing, Table, type TableProps } from "@mantine/core";
import type { ReactNode } from "react";

export interface WideTableProps extends Omit<TableProps, "children" | "mt" | "mb"> {
  /** Names the table and its scrolling region. */
  caption: string;
  /** Shows the caption above the table (where no heading already says what it holds). */
  captionShown?: boolean;
  /** Below this width the table scrolls instead of squeezing its columns. */
  minWidth: number;
  /** The column headers, in order; `false` leaves out a column this reader does not see. */
  columns: readonly (string | false)[];
  /** A cap on the height, for long tables that scroll within the page. */
  maxHeight?: number;
  mt?: MantineSpacing;
  mb?: MantineSpacing;
  /** The table's body (Table.Tbody). */
  children: ReactNode;
}

export function WideTable({
  caption,
  captionShown = false,
  minWidth,
  columns,
  maxHeight,
  mt,
  mb,
  children,
  ...table
}: WideTableProps) {
  return (
    <Table.ScrollContainer
      minWidth={minWidth}
      mah={maxHeight}
      mt={mt}
      mb={mb}
      scrollAreaProps={{ viewportProps: { tabIndex: 0, role: "region", "aria-label": caption } }}
    >
      <Table captionSide="top" {...table}>
        {captionShown ? (
          <caption style={{ textAlign: "left", fontWeight: 600 }}>{caption}</caption>
        ) : (
          <caption className="visually-hidden">{caption}</caption>
        )}
        <Table.Thead>
          <Table.Tr>
            {columns.map(
              (header) =>
                header !== false && (
                  <Table.Th scope="col" key={header}>
                    {header}
                  </Table.Th>
                ),
            )}
          </Table.Tr>
        </Table.Thead>
        {children}
      </Table>
    </Table.ScrollContainer>
  );
}
