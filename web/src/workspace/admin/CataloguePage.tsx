// The administrator's catalogue page: the aid products in force today, every version of each product with
// the dates it applied, and the form that records a product or its next dated version. A version never
// changes an aid already proposed: the aid copied its terms (docs/finance.md).
import { Alert, Box, Button, Table, Text, Title } from "@mantine/core";
import { type ReactNode, useCallback, useEffect, useRef, useState } from "react";
import type { Static } from "typebox";
import type { ProductViewSchema } from "../../../../src/contracts/finance.ts";
import { isAllowed } from "../../../../src/core/access/index.ts";
import { formatCents } from "../../../../src/core/finance/money.ts";
import { callApi } from "../../api.ts";
import { frenchDay, frenchMoment } from "../../frenchDates.ts";
import { problemText } from "../roles/problemText.ts";
import type { Session } from "../session.ts";
import { WideTable } from "../WideTable.tsx";
import { AdminPage, Announcement, Loaded } from "./AdminPage.tsx";
import { adminMessages } from "./messages.fr.ts";
import { ProductForm } from "./ProductForm.tsx";
import { dayBefore, percentText } from "./typedNumbers.ts";

export type Product = Static<typeof ProductViewSchema>;

interface Catalogue {
  date: string;
  products: Product[];
  history: Product[];
}

const text = adminMessages.catalogue;
const headers = text.columns;

/**
 * When each version applied: from its date to the day before the next version of the same code (ordered
 * as the API picks the version in force: application date, then version number).
 */
function validityOf(history: readonly Product[]): Map<string, string> {
  const byCode = new Map<string, Product[]>();
  for (const product of history) byCode.set(product.code, [...(byCode.get(product.code) ?? []), product]);
  const validity = new Map<string, string>();
  for (const versions of byCode.values()) {
    versions.sort((a, b) => a.appliesFrom.localeCompare(b.appliesFrom) || a.version - b.version);
    versions.forEach((product, index) => {
      const next = versions[index + 1];
      const from = frenchDay(product.appliesFrom);
      validity.set(
        product.id,
        next === undefined
          ? text.from(from)
          : next.appliesFrom === product.appliesFrom
            ? text.neverApplied(from)
            : text.between(from, frenchDay(dayBefore(next.appliesFrom))),
      );
    });
  }
  return validity;
}

/** A column of the catalogue's tables: its header and what it shows of a product. */
interface Column {
  header: string;
  cell: (product: Product) => ReactNode;
}

/** The terms of a version, the same in both tables. */
const termsColumns: readonly Column[] = [
  { header: headers.kind, cell: (product) => text.kinds[product.kind] ?? product.kind },
  { header: headers.maxAmount, cell: (product) => formatCents(product.maxAmountCents) },
  {
    header: headers.rate,
    cell: (product) => (product.kind === "loan" ? text.rate(percentText(product.rateBp)) : text.none),
  },
  {
    header: headers.duration,
    cell: (product) =>
      product.maxDurationMonths === null ? text.none : text.months(product.maxDurationMonths),
  },
  {
    header: headers.deferral,
    cell: (product) => (product.kind === "loan" ? text.months(product.deferralMonths) : text.none),
  },
  { header: headers.directives, cell: (product) => product.directives.join(", ") },
];

const nameColumn: Column = { header: headers.name, cell: (product) => product.name };
const codeColumn: Column = { header: headers.code, cell: (product) => product.code };
const versionColumn: Column = { header: headers.version, cell: (product) => product.version };

/**
 * A titled section listing products, or saying there are none: one row a product, its first column as the
 * row's header. The table scrolls sideways on narrow screens, reachable by keyboard.
 */
function ProductsSection({
  headingId,
  title,
  empty,
  caption,
  minWidth,
  testId,
  columns,
  products,
}: {
  headingId: string;
  title: string;
  empty: string;
  caption: string;
  minWidth: number;
  testId: string;
  columns: readonly Column[];
  products: readonly Product[];
}) {
  const [rowHeader, ...cells] = columns;
  return (
    <Box component="section" aria-labelledby={headingId}>
      <Title order={2} id={headingId} mb="sm">
        {title}
      </Title>
      {products.length === 0 || rowHeader === undefined ? (
        <Text>{empty}</Text>
      ) : (
        <WideTable
          minWidth={minWidth}
          caption={caption}
          striped
          data-testid={testId}
          columns={columns.map((column) => column.header)}
        >
          <Table.Tbody>
            {products.map((product) => (
              <Table.Tr key={product.id}>
                <Table.Th scope="row">{rowHeader.cell(product)}</Table.Th>
                {cells.map((column) => (
                  <Table.Td key={column.header}>{column.cell(product)}</Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </WideTable>
      )}
    </Box>
  );
}

export function CataloguePage({ session }: { session: Session }) {
  const [catalogue, setCatalogue] = useState<Catalogue | null>(null);
  const [failure, setFailure] = useState("");
  const [announcement, setAnnouncement] = useState("");
  const [template, setTemplate] = useState<{ product: Product | null; serial: number }>({
    product: null,
    serial: 0,
  });
  const formRef = useRef<HTMLElement>(null);
  // Counsellors read the catalogue through the API to propose aids; managing it is the administrator's.
  const allowed = isAllowed(session.role, "catalogue.manage");

  const load = useCallback(async () => {
    const result = await callApi<Catalogue>("/api/v1/finance/catalogue");
    if (result.ok) {
      setCatalogue(result.body);
      setFailure("");
    } else setFailure(problemText(result.problem));
  }, []);

  useEffect(() => {
    if (allowed) void load();
  }, [allowed, load]);

  function prepareVersion(product: Product) {
    setTemplate((current) => ({ product, serial: current.serial + 1 }));
    formRef.current?.scrollIntoView({ block: "start" });
  }

  const validity = validityOf(catalogue?.history ?? []);
  const validityColumn: Column = { header: headers.validity, cell: (product) => validity.get(product.id) };
  const newVersionColumn: Column = {
    header: headers.action,
    cell: (product) => (
      <Button
        size="xs"
        variant="outline"
        aria-label={text.newVersionOf(product.name)}
        onClick={() => prepareVersion(product)}
      >
        {text.newVersion}
      </Button>
    ),
  };
  return (
    <AdminPage allowed={allowed} title={text.title}>
      <Text>{text.intro}</Text>
      <Alert color="blue" variant="light" data-testid="keep-terms">
        {text.keepTerms}
      </Alert>
      <Announcement message={announcement} testId="catalogue-announcement" />
      <Loaded value={catalogue} failure={failure} loading={text.loading}>
        {(catalogue) => (
          <>
            <ProductsSection
              headingId="produits-en-vigueur"
              title={text.inForceTitle(frenchDay(catalogue.date))}
              empty={text.empty}
              caption={text.inForceCaption}
              minWidth={1000}
              testId="products"
              columns={[
                nameColumn,
                codeColumn,
                ...termsColumns,
                versionColumn,
                validityColumn,
                newVersionColumn,
              ]}
              products={catalogue.products}
            />
            <ProductsSection
              headingId="historique-catalogue"
              title={text.historyTitle}
              empty={text.historyEmpty}
              caption={text.historyCaption}
              minWidth={1300}
              testId="catalogue-history"
              columns={[
                codeColumn,
                versionColumn,
                nameColumn,
                ...termsColumns,
                {
                  header: headers.state,
                  cell: (product) => (product.active ? text.offered : text.withdrawn),
                },
                validityColumn,
                { header: headers.recordedAt, cell: (product) => frenchMoment(product.recordedAt) },
                {
                  header: headers.recordedBy,
                  cell: (product) => product.recordedBy?.displayName ?? text.none,
                },
                { header: headers.reason, cell: (product) => product.reason },
              ]}
              products={catalogue.history}
            />
          </>
        )}
      </Loaded>
      <Box component="section" aria-labelledby="enregistrer-produit" ref={formRef}>
        <ProductForm
          key={template.serial}
          template={template.product}
          session={session}
          onRecorded={(product) => {
            setAnnouncement(text.recorded(product.name, product.version, frenchDay(product.appliesFrom)));
            void load();
          }}
        />
      </Box>
    </AdminPage>
  );
}
