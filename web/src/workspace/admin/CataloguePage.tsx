// The administrator's catalogue page: the aid products in force today, every version of each product with
// the dates it applied, and the form that records a product or its next dated version. A version never
// changes an aid already proposed: the aid copied its terms (docs/finance.md).
import { Alert, Box, Button, Stack, Table, Text, Title } from "@mantine/core";
import { useCallback, useEffect, useRef, useState } from "react";
import type { Static } from "typebox";
import type { ProductViewSchema } from "../../../../src/contracts/finance.ts";
import { formatCents } from "../../../../src/core/finance/money.ts";
import { callApi, type Problem } from "../../api.ts";
import { frenchDay, frenchMoment } from "../../frenchDates.ts";
import type { Session } from "../session.ts";
import { adminMessages } from "./messages.fr.ts";
import { ProductForm } from "./ProductForm.tsx";
import { scrollRegion } from "./scrollRegion.ts";
import { dayBefore, percentText } from "./typedNumbers.ts";

export type Product = Static<typeof ProductViewSchema>;

interface Catalogue {
  date: string;
  products: Product[];
  history: Product[];
}

const text = adminMessages.catalogue;
const columns = text.columns;

function problemText(problem: Problem): string {
  if (problem.status === 403) return adminMessages.forbidden;
  return problem.detail || adminMessages.failed;
}

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

/** The terms columns shared by both tables. */
function TermsCells({ product }: { product: Product }) {
  const loan = product.kind === "loan";
  return (
    <>
      <Table.Td>{text.kinds[product.kind] ?? product.kind}</Table.Td>
      <Table.Td>{formatCents(product.maxAmountCents)}</Table.Td>
      <Table.Td>{loan ? text.rate(percentText(product.rateBp)) : text.none}</Table.Td>
      <Table.Td>
        {product.maxDurationMonths === null ? text.none : text.months(product.maxDurationMonths)}
      </Table.Td>
      <Table.Td>{loan ? text.months(product.deferralMonths) : text.none}</Table.Td>
      <Table.Td>{product.directives.join(", ")}</Table.Td>
    </>
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
  const allowed = session.role === "admin";

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

  if (!allowed) {
    return (
      <Stack gap="xl">
        <Title order={1}>{text.title}</Title>
        <Text role="alert">{adminMessages.forbidden}</Text>
      </Stack>
    );
  }

  function prepareVersion(product: Product) {
    setTemplate((current) => ({ product, serial: current.serial + 1 }));
    formRef.current?.scrollIntoView({ block: "start" });
  }

  const validity = validityOf(catalogue?.history ?? []);
  return (
    <Stack gap="xl">
      <Title order={1}>{text.title}</Title>
      <Text>{text.intro}</Text>
      <Alert color="blue" variant="light" data-testid="keep-terms">
        {text.keepTerms}
      </Alert>
      <div aria-live="polite" data-testid="catalogue-announcement">
        {announcement !== "" && <Text fw={600}>{announcement}</Text>}
      </div>
      {failure !== "" ? (
        <Text role="alert">{failure}</Text>
      ) : catalogue === null ? (
        <Text role="status">{text.loading}</Text>
      ) : (
        <>
          <Box component="section" aria-labelledby="produits-en-vigueur">
            <Title order={2} id="produits-en-vigueur" mb="sm">
              {text.inForceTitle(frenchDay(catalogue.date))}
            </Title>
            {catalogue.products.length === 0 ? (
              <Text>{text.empty}</Text>
            ) : (
              <Table.ScrollContainer minWidth={1000} scrollAreaProps={scrollRegion(text.inForceCaption)}>
                <Table striped data-testid="products">
                  <caption className="visually-hidden">{text.inForceCaption}</caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{columns.name}</Table.Th>
                      <Table.Th scope="col">{columns.code}</Table.Th>
                      <Table.Th scope="col">{columns.kind}</Table.Th>
                      <Table.Th scope="col">{columns.maxAmount}</Table.Th>
                      <Table.Th scope="col">{columns.rate}</Table.Th>
                      <Table.Th scope="col">{columns.duration}</Table.Th>
                      <Table.Th scope="col">{columns.deferral}</Table.Th>
                      <Table.Th scope="col">{columns.directives}</Table.Th>
                      <Table.Th scope="col">{columns.version}</Table.Th>
                      <Table.Th scope="col">{columns.validity}</Table.Th>
                      <Table.Th scope="col">{columns.action}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {catalogue.products.map((product) => (
                      <Table.Tr key={product.id}>
                        <Table.Th scope="row">{product.name}</Table.Th>
                        <Table.Td>{product.code}</Table.Td>
                        <TermsCells product={product} />
                        <Table.Td>{product.version}</Table.Td>
                        <Table.Td>{validity.get(product.id)}</Table.Td>
                        <Table.Td>
                          <Button
                            size="xs"
                            variant="outline"
                            aria-label={text.newVersionOf(product.name)}
                            onClick={() => prepareVersion(product)}
                          >
                            {text.newVersion}
                          </Button>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </Box>
          <Box component="section" aria-labelledby="historique-catalogue">
            <Title order={2} id="historique-catalogue" mb="sm">
              {text.historyTitle}
            </Title>
            {catalogue.history.length === 0 ? (
              <Text>{text.historyEmpty}</Text>
            ) : (
              <Table.ScrollContainer minWidth={1300} scrollAreaProps={scrollRegion(text.historyCaption)}>
                <Table striped data-testid="catalogue-history">
                  <caption className="visually-hidden">{text.historyCaption}</caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{columns.code}</Table.Th>
                      <Table.Th scope="col">{columns.version}</Table.Th>
                      <Table.Th scope="col">{columns.name}</Table.Th>
                      <Table.Th scope="col">{columns.kind}</Table.Th>
                      <Table.Th scope="col">{columns.maxAmount}</Table.Th>
                      <Table.Th scope="col">{columns.rate}</Table.Th>
                      <Table.Th scope="col">{columns.duration}</Table.Th>
                      <Table.Th scope="col">{columns.deferral}</Table.Th>
                      <Table.Th scope="col">{columns.directives}</Table.Th>
                      <Table.Th scope="col">{columns.state}</Table.Th>
                      <Table.Th scope="col">{columns.validity}</Table.Th>
                      <Table.Th scope="col">{columns.recordedAt}</Table.Th>
                      <Table.Th scope="col">{columns.recordedBy}</Table.Th>
                      <Table.Th scope="col">{columns.reason}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {catalogue.history.map((product) => (
                      <Table.Tr key={product.id}>
                        <Table.Th scope="row">{product.code}</Table.Th>
                        <Table.Td>{product.version}</Table.Td>
                        <Table.Td>{product.name}</Table.Td>
                        <TermsCells product={product} />
                        <Table.Td>{product.active ? text.offered : text.withdrawn}</Table.Td>
                        <Table.Td>{validity.get(product.id)}</Table.Td>
                        <Table.Td>{frenchMoment(product.recordedAt)}</Table.Td>
                        <Table.Td>{product.recordedBy?.displayName ?? text.none}</Table.Td>
                        <Table.Td>{product.reason}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </Box>
        </>
      )}
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
    </Stack>
  );
}
