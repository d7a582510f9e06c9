// Proposing a loan or a grant on a case: a product of the catalogue in force for the case's directive, an
// amount typed in euros and read into integer cents by the finance core (never through a floating-point
// euro), and for a loan its number of monthly instalments within the product's maximum (the deferral is the
// product's own). Each refusal of the API is shown on the field at fault.
import { Box, Button, NativeSelect, Stack, Text, TextInput, Title } from "@mantine/core";
import { type FormEvent, useEffect, useState } from "react";
import type { CaseDetail } from "../../../../src/contracts/cases.ts";
import { formatCents, parseAmount } from "../../../../src/core/finance/money.ts";
import { callApi, issuesByPath } from "../../api.ts";
import type { Announcement } from "../case/LiveMessage.tsx";
import { problemText } from "../case/problemText.ts";
import type { Session } from "../session.ts";
import type { AidView } from "./AidsPanel.tsx";
import { aidMessages as text } from "./messages.fr.ts";
import { frenchRate } from "./rate.ts";

interface Product {
  code: string;
  kind: string;
  name: string;
  maxAmountCents: number;
  rateBp: number;
  maxDurationMonths: number | null;
  deferralMonths: number;
  directives: string[];
}

type Field = "product" | "amount" | "duration" | "form";

/** Where each field of the API's payload is typed on this form. */
const FIELD_OF: Record<string, Field> = {
  "/productCode": "product",
  "/amountCents": "amount",
  "/durationMonths": "duration",
};

export function AidProposalForm({
  detail,
  session,
  onProposed,
}: {
  detail: CaseDetail;
  session: Session;
  onProposed: (announcement: Announcement) => void;
}) {
  const [products, setProducts] = useState<Product[] | null>(null);
  const [code, setCode] = useState("");
  const [amount, setAmount] = useState("");
  const [duration, setDuration] = useState("");
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void callApi<{ products: Product[] }>("/api/v1/finance/catalogue").then((result) =>
      setProducts(
        result.ok
          ? result.body.products.filter((product) => product.directives.includes(detail.directive))
          : [],
      ),
    );
  }, [detail.directive]);

  const product = products?.find((candidate) => candidate.code === code);

  function checked(): { amountCents: number; durationMonths?: number } | Partial<Record<Field, string>> {
    const found: Partial<Record<Field, string>> = {};
    if (product === undefined) return { product: text.required };
    const parsed = amount.trim() === "" ? null : parseAmount(amount);
    if (parsed === null) found.amount = text.required;
    else if (!parsed.ok) found.amount = parsed.message;
    else if (parsed.cents <= 0) found.amount = text.amountZero;
    else if (parsed.cents > product.maxAmountCents)
      found.amount = text.amountTooLarge(formatCents(product.maxAmountCents));
    let months: number | undefined;
    if (product.kind === "loan") {
      months = /^\d{1,3}$/.test(duration.trim()) ? Number(duration.trim()) : Number.NaN;
      const max = product.maxDurationMonths ?? 600;
      if (!(months >= 1 && months <= max)) found.duration = text.durationInvalid(product.maxDurationMonths);
    }
    if (Object.keys(found).length > 0 || parsed === null || !parsed.ok) return found;
    return months === undefined
      ? { amountCents: parsed.cents }
      : { amountCents: parsed.cents, durationMonths: months };
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const input = checked();
    if (!("amountCents" in input)) {
      setErrors(input);
      return;
    }
    setBusy(true);
    const result = await callApi<AidView>("/api/v1/finance/aids", {
      method: "POST",
      body: { caseId: detail.id, productCode: code, ...input },
      csrfToken: session.csrfToken,
    });
    setBusy(false);
    if (!result.ok) {
      const byField: Partial<Record<Field, string>> = {};
      const rest: string[] = [];
      for (const [path, message] of Object.entries(issuesByPath(result.problem))) {
        const field = FIELD_OF[path];
        if (field === undefined) rest.push(message);
        else byField[field] = message;
      }
      if (Object.keys(byField).length === 0 || rest.length > 0) {
        byField.form = rest.length > 0 ? rest.join(" ") : problemText(result.problem);
      }
      setErrors(byField);
      return;
    }
    setErrors({});
    setAmount("");
    onProposed({
      text:
        result.body.message ?? text.proposed(result.body.productName, formatCents(result.body.amountCents)),
      error: false,
    });
  }

  if (products === null) return null;
  return (
    <Box component="section" aria-labelledby="proposer-aide">
      <Title order={3} size="h4" id="proposer-aide" mb="xs">
        {text.proposeTitle}
      </Title>
      {products.length === 0 ? (
        <Text>{text.noProduct}</Text>
      ) : (
        <form onSubmit={submit} noValidate>
          <Stack gap="sm" maw={480}>
            <NativeSelect
              id="aide-produit"
              label={text.product}
              description={
                product === undefined
                  ? text.productHint
                  : `${text.productLimits(formatCents(product.maxAmountCents))}${
                      product.kind === "loan"
                        ? ` ${text.loanLimits(product.maxDurationMonths, frenchRate(product.rateBp), product.deferralMonths)}`
                        : ""
                    }`
              }
              value={code}
              onChange={(event) => {
                const next = products.find((candidate) => candidate.code === event.currentTarget.value);
                setCode(event.currentTarget.value);
                setDuration(
                  next?.maxDurationMonths === null || next === undefined
                    ? ""
                    : String(next.maxDurationMonths),
                );
              }}
              data={[
                { value: "", label: text.productNone },
                ...products.map((candidate) => ({
                  value: candidate.code,
                  label: `${text.kinds[candidate.kind] ?? candidate.kind} — ${candidate.name}`,
                })),
              ]}
              error={errors.product}
              withAsterisk
            />
            <TextInput
              id="aide-montant"
              label={text.amount}
              description={text.amountHint}
              inputMode="decimal"
              value={amount}
              onChange={(event) => setAmount(event.currentTarget.value)}
              error={errors.amount}
              withAsterisk
            />
            {product?.kind === "loan" && (
              <TextInput
                id="aide-duree"
                label={text.duration}
                description={text.durationHint(product.maxDurationMonths)}
                inputMode="numeric"
                value={duration}
                onChange={(event) => setDuration(event.currentTarget.value)}
                error={errors.duration}
                withAsterisk
              />
            )}
            <div>
              <Button type="submit" loading={busy}>
                {text.propose}
              </Button>
            </div>
            <div aria-live="assertive" data-testid="aid-proposal-error">
              {errors.form !== undefined && (
                <Text c="red.9" fw={600}>
                  {errors.form}
                </Text>
              )}
            </div>
            {/* Field errors are also said once here, since the fields themselves are not live regions. */}
            <span aria-live="assertive" className="visually-hidden">
              {[errors.product, errors.amount, errors.duration].filter(Boolean).join(" ")}
            </span>
          </Stack>
        </form>
      )}
    </Box>
  );
}
