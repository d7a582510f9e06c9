// The form that records an aid product or its next dated version: every field labelled, euros read into
// integer cents exactly, a rate in percent into basis points, and each refusal (ours or the API's) shown on
// the field at fault.
import {
  Button,
  Checkbox,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { formatCents, parseAmount } from "../../../../src/core/finance/money.ts";
import { DIRECTIVES } from "../../../../src/core/rules/index.ts";
import { callApi, issuesByPath } from "../../api.ts";
import { isoDay } from "../../frenchDates.ts";
import type { Session } from "../session.ts";
import type { Product } from "./CataloguePage.tsx";
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
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [failure, setFailure] = useState("");
  const [busy, setBusy] = useState(false);
  const firstField = useRef<HTMLInputElement>(null);

  useEffect(() => {
    // "Nouvelle version" brings the person here: put them in the form, on the terms to change.
    if (template !== null) firstField.current?.focus();
  }, [template]);

  const loan = draft.kind === "loan";

  function body(): { payload?: Record<string, unknown>; problems: Partial<Record<Field, string>> } {
    const problems: Partial<Record<Field, string>> = {};
    for (const field of ["code", "name", "maxAmount", "appliesFrom", "reason"] as const) {
      if (draft[field].trim() === "") problems[field] = adminMessages.required;
    }
    const amount = draft.maxAmount.trim() === "" ? undefined : parseAmount(draft.maxAmount);
    if (amount !== undefined && !amount.ok) problems.maxAmount = amount.message;
    const appliesFrom = isoDay(draft.appliesFrom);
    if (draft.appliesFrom.trim() !== "" && appliesFrom === undefined) {
      problems.appliesFrom = adminMessages.dateFormat;
    }
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
        appliesFrom,
        reason: draft.reason.trim(),
      },
    };
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const { payload, problems } = body();
    setErrors(problems);
    setFailure("");
    if (payload === undefined) return;
    setBusy(true);
    const result = await callApi<Product>("/api/v1/finance/catalogue", {
      method: "POST",
      body: payload,
      csrfToken: session.csrfToken,
    });
    setBusy(false);
    if (!result.ok) {
      const onFields: Partial<Record<Field, string>> = {};
      const elsewhere: string[] = [];
      for (const [path, message] of Object.entries(issuesByPath(result.problem))) {
        const field = fieldOfPath(path);
        if (field === undefined) elsewhere.push(message);
        else onFields[field] ??= message;
      }
      setErrors(onFields);
      setFailure(
        elsewhere.length > 0
          ? elsewhere.join(" ")
          : Object.keys(onFields).length > 0
            ? ""
            : result.problem.status === 403
              ? adminMessages.forbidden
              : result.problem.detail || adminMessages.failed,
      );
      return;
    }
    setDraft(EMPTY);
    setErrors({});
    onRecorded(result.body);
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
          <TextInput
            {...input("appliesFrom", "produit-date")}
            label={text.appliesFrom}
            description={adminMessages.dateHint}
            placeholder="JJ/MM/AAAA"
            withAsterisk
          />
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
        <Textarea
          {...input("reason", "produit-motif")}
          mt="md"
          label={text.reason}
          description={text.reasonHint}
          maxLength={500}
          autosize
          minRows={2}
          withAsterisk
        />
        <Group mt="md">
          <Button type="submit" loading={busy}>
            {text.submit}
          </Button>
        </Group>
        <div aria-live="assertive" data-testid="product-form-errors">
          {Object.keys(errors).length > 0 && (
            <Text c="red.9" size="sm">
              {adminMessages.fixBelow}
            </Text>
          )}
          {failure !== "" && <Text c="red.9">{failure}</Text>}
        </div>
      </form>
    </Stack>
  );
}
