// The form that records an aid product or its next dated version: every field labelled, euros read into
// integer cents exactly, a rate in percent into basis points, and each refusal (ours or the API's) shown on
// the field at fault.
import { Checkbox, NativeSelect, SimpleGrid, Stack, Text, TextInput, Title } from "@mantine/core";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { formatCents, parseAmount } from "../../../../src/core/finance/money.ts";
import { DIRECTIVES } from "../../../../src/core/rules/index.ts";
import type { Session } from "../session.ts";
import type { Product } from "./CataloguePage.tsx";
import { AppliesFromField, checkDatedChange, ReasonField } from "./DatedChangeFields.tsx";
import { SubmitWithErrors, useFormSubmission } from "./FormSubmission.tsx";
import { adminMessages } from "./messages.fr.ts";
import { basisPoints, percentText, wholeNumber } from "./typedNumbers.ts";

const text = adminMessages.catalogue;

interface Draft {
  code: string;
  kind: "loan" | "grant";
  name: string;
  maxAmount: string;
  rate: string;
  duration: string;
  deferral: string;
  directives: string[];
  active: boolean;
  appliesFrom: string;
  reason: string;
}

type Field = keyof Draft;

const EMPTY: Draft = {
  code: "",
  kind: "loan",
  name: "",
  maxAmount: "",
  rate: "0",
  duration: "",
  deferral: "0",
  directives: ["PP_SERV_ASD_2_DIR"],
  active: true,
  appliesFrom: "",
  reason: "",
};

/** The current version's terms, to be edited into the next one (its date and reason start empty). */
function draftFrom(product: Product | null): Draft {
  if (product === null) return EMPTY;
  return {
    ...EMPTY,
    code: product.code,
    kind: product.kind === "grant" ? "grant" : "loan",
    name: product.name,
    // Without the euro sign: the field's label already says euros.
    maxAmount: formatCents(product.maxAmountCents).replace(/\s€$/, ""),
    rate: percentText(product.rateBp),
    duration: product.maxDurationMonths === null ? "" : String(product.maxDurationMonths),
    deferral: String(product.deferralMonths),
    directives: [...product.directives],
    active: product.active,
  };
}

/** The API's JSON Pointer of a field → the field that shows its message. */
const FIELD_OF_PATH: Record<string, Field> = {
  "/code": "code",
  "/kind": "kind",
  "/name": "name",
  "/maxAmountCents": "maxAmount",
  "/rateBp": "rate",
  "/maxDurationMonths": "duration",
  "/deferralMonths": "deferral",
  "/directives": "directives",
  "/active": "active",
  "/appliesFrom": "appliesFrom",
  "/reason": "reason",
};

function fieldOfPath(path: string): Field | undefined {
  // "/directives/0": the first directive named is refused; the list is one field.
  return FIELD_OF_PATH[path] ?? (path.startsWith("/directives/") ? "directives" : undefined);
}

export function ProductForm({
  template,
  session,
  onRecorded,
}: {
  template: Product | null;
  session: Session;
  onRecorded: (product: Product) => void;
}) {
  const [draft, setDraft] = useState<Draft>(() => draftFrom(template));
  const submission = useFormSubmission(session, fieldOfPath);
  const errors = submission.errors;
  const firstField = useRef<HTMLInputElement>(null);

  useEffect(() => {
    // "Nouvelle version" brings the person here: put them in the form, on the terms to change.
    if (template !== null) firstField.current?.focus();
  }, [template]);

  const loan = draft.kind === "loan";

  function body(): { payload?: Record<string, unknown>; problems: Partial<Record<Field, string>> } {
    const dated = checkDatedChange(draft);
    const problems: Partial<Record<Field, string>> = { ...dated.problems };
    for (const field of ["code", "name", "maxAmount"] as const) {
      if (draft[field].trim() === "") problems[field] = adminMessages.required;
    }
    const amount = draft.maxAmount.trim() === "" ? undefined : parseAmount(draft.maxAmount);
    if (amount !== undefined && !amount.ok) problems.maxAmount = amount.message;
    const rateBp = loan ? basisPoints(draft.rate.trim() === "" ? "0" : draft.rate) : 0;
    if (rateBp === undefined) problems.rate = text.rateInvalid;
    const duration = loan ? wholeNumber(draft.duration) : null;
    if (loan && draft.duration.trim() === "") problems.duration = adminMessages.required;
    else if (duration === undefined) problems.duration = adminMessages.wholeNumber;
    const deferral = loan ? wholeNumber(draft.deferral.trim() === "" ? "0" : draft.deferral) : 0;
    if (deferral === undefined) problems.deferral = adminMessages.wholeNumber;
    if (Object.keys(problems).length > 0 || amount === undefined || !amount.ok) return { problems };
    return {
      problems,
      payload: {
        code: draft.code.trim(),
        kind: draft.kind,
        name: draft.name.trim(),
        maxAmountCents: amount.cents,
        rateBp,
        maxDurationMonths: duration,
        deferralMonths: deferral,
        directives: draft.directives,
        active: draft.active,
        ...dated.payload,
      },
    };
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const { payload, problems } = body();
    if (!submission.accept(problems) || payload === undefined) return;
    const product = await submission.post<Product>("/api/v1/finance/catalogue", payload);
    if (product === undefined) return;
    setDraft(EMPTY);
    onRecorded(product);
  }

  const input = (name: Exclude<Field, "directives" | "active" | "kind">, id: string) => ({
    id,
    value: draft[name],
    error: errors[name],
    onChange: (event: { currentTarget: { value: string } }) =>
      setDraft({ ...draft, [name]: event.currentTarget.value }),
  });

  return (
    <Stack gap="sm">
      <Title order={2} id="enregistrer-produit">
        {text.formTitle}
      </Title>
      <Text>{text.formIntro}</Text>
      <Text>{text.keepTerms}</Text>
      <form onSubmit={submit} noValidate data-testid="product-form">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <TextInput
            {...input("code", "produit-code")}
            label={text.code}
            description={text.codeHint}
            maxLength={64}
            autoComplete="off"
            withAsterisk
          />
          <NativeSelect
            id="produit-type"
            label={text.kind}
            value={draft.kind}
            error={errors.kind}
            data={[
              { value: "loan", label: text.kindOptions.loan },
              { value: "grant", label: text.kindOptions.grant },
            ]}
            onChange={(event) =>
              setDraft({ ...draft, kind: event.currentTarget.value === "grant" ? "grant" : "loan" })
            }
          />
          <TextInput
            {...input("name", "produit-nom")}
            ref={firstField}
            label={text.name}
            maxLength={200}
            withAsterisk
          />
          <TextInput
            {...input("maxAmount", "produit-montant")}
            label={text.maxAmount}
            description={text.maxAmountHint}
            inputMode="decimal"
            withAsterisk
          />
          {loan ? (
            <>
              <TextInput
                {...input("rate", "produit-taux")}
                label={text.rateLabel}
                description={text.rateHint}
                inputMode="decimal"
              />
              <TextInput
                {...input("duration", "produit-duree")}
                label={text.durationLabel}
                description={text.durationHint}
                inputMode="numeric"
                withAsterisk
              />
              <TextInput
                {...input("deferral", "produit-differe")}
                label={text.deferralLabel}
                description={text.deferralHint}
                inputMode="numeric"
              />
            </>
          ) : (
            <Text data-testid="grant-terms">{text.grantTerms}</Text>
          )}
          <AppliesFromField {...input("appliesFrom", "produit-date")} />
        </SimpleGrid>
        <Checkbox.Group
          id="produit-directives"
          mt="md"
          label={text.directives}
          description={text.directivesHint}
          value={draft.directives}
          error={errors.directives}
          onChange={(directives) => setDraft({ ...draft, directives })}
          withAsterisk
        >
          <Stack gap="xs" mt="xs">
            {DIRECTIVES.map((directive) => (
              <Checkbox
                key={directive.reference}
                value={directive.reference}
                label={text.directiveOption(directive.reference, directive.title)}
              />
            ))}
          </Stack>
        </Checkbox.Group>
        <Checkbox
          id="produit-actif"
          mt="md"
          label={text.active}
          checked={draft.active}
          error={errors.active}
          onChange={(event) => setDraft({ ...draft, active: event.currentTarget.checked })}
        />
        <ReasonField {...input("reason", "produit-motif")} mt="md" description={text.reasonHint} />
        <SubmitWithErrors label={text.submit} submission={submission} testId="product-form-errors" />
      </form>
    </Stack>
  );
}
