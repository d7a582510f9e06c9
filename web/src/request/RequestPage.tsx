// The public request form: who the person is, how to reach them, their situation in a few words, and their
// consent after the information notice. Checked in the browser first, then by the API, whose field errors
// (problem+json) land next to their field; a summary lists them all and takes the focus. On success, the
// reference to keep.
import {
  Anchor,
  Box,
  Button,
  Checkbox,
  Paper,
  Radio,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { type FormEvent, useEffect, useRef, useState } from "react";
import type { PublicRequest, PublicRequestReceipt } from "../../../src/contracts/cases.ts";
import { callApi, NETWORK_FAILURE } from "../api.ts";
import { FormSection } from "../FormSection.tsx";
import { frenchDay, isoDay } from "../frenchDates.ts";
import { NOTICE_VERSION, requestMessages } from "./messages.fr.ts";

const text = requestMessages;
const fields = text.fields;

type Field =
  | "firstName"
  | "lastName"
  | "birthDate"
  | "postcode"
  | "email"
  | "phone"
  | "preferredChannel"
  | "preferredTimes"
  | "situationSummary"
  | "consent";

/** The form's fields in the order they appear, so that the error summary follows it. */
const FIELD_ORDER: readonly Field[] = [
  "firstName",
  "lastName",
  "birthDate",
  "postcode",
  "email",
  "phone",
  "preferredChannel",
  "preferredTimes",
  "situationSummary",
  "consent",
];

const FIELD_OF_POINTER: Readonly<Record<string, Field>> = {
  "/person/firstName": "firstName",
  "/person/lastName": "lastName",
  "/person/birthDate": "birthDate",
  "/person/postcode": "postcode",
  "/person/email": "email",
  "/person/phone": "phone",
  "/preferredChannel": "preferredChannel",
  "/preferredTimes": "preferredTimes",
  "/situationSummary": "situationSummary",
  "/consent": "consent",
  "/consent/processing": "consent",
};

const CHANNELS = ["phone", "email", "visit"] as const;
type Channel = (typeof CHANNELS)[number];

interface Values {
  firstName: string;
  lastName: string;
  birthDate: string;
  postcode: string;
  email: string;
  phone: string;
  preferredChannel: Channel | "";
  preferredTimes: string;
  situationSummary: string;
  consent: boolean;
}

const EMPTY: Values = {
  firstName: "",
  lastName: "",
  birthDate: "",
  postcode: "",
  email: "",
  phone: "",
  preferredChannel: "",
  preferredTimes: "",
  situationSummary: "",
  consent: false,
};

type Errors = Partial<Record<Field, string>>;

const fieldId = (field: Field) => `demande-${field}`;

function check(values: Values): Errors {
  const errors: Errors = {};
  const blank = (value: string) => value.trim() === "";
  if (blank(values.firstName)) errors.firstName = text.errors.required;
  if (blank(values.lastName)) errors.lastName = text.errors.required;
  if (!blank(values.birthDate) && isoDay(values.birthDate) === undefined)
    errors.birthDate = text.errors.birthDate;
  if (blank(values.postcode)) errors.postcode = text.errors.required;
  else if (!/^[0-9]{5}$/.test(values.postcode.trim())) errors.postcode = text.errors.postcode;
  if (blank(values.email) && blank(values.phone)) errors.email = text.errors.contactRequired;
  if (blank(values.situationSummary)) errors.situationSummary = text.errors.required;
  if (!values.consent) errors.consent = text.errors.consent;
  return errors;
}

function payload(values: Values): PublicRequest {
  const optional = (value: string) => (value.trim() === "" ? undefined : value.trim());
  const birthDate = isoDay(values.birthDate);
  const email = optional(values.email);
  const phone = optional(values.phone);
  const preferredTimes = optional(values.preferredTimes);
  return {
    person: {
      firstName: values.firstName.trim(),
      lastName: values.lastName.trim(),
      postcode: values.postcode.trim(),
      ...(birthDate === undefined ? {} : { birthDate }),
      ...(email === undefined ? {} : { email }),
      ...(phone === undefined ? {} : { phone }),
    },
    situationSummary: values.situationSummary.trim(),
    ...(values.preferredChannel === "" ? {} : { preferredChannel: values.preferredChannel }),
    ...(preferredTimes === undefined ? {} : { preferredTimes }),
    consent: { processing: true, noticeVersion: NOTICE_VERSION },
  };
}

export default function RequestPage() {
  const [values, setValues] = useState<Values>(EMPTY);
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState("");
  const [busy, setBusy] = useState(false);
  const [receipt, setReceipt] = useState<PublicRequestReceipt | null>(null);
  const summary = useRef<HTMLDivElement>(null);
  const confirmation = useRef<HTMLHeadingElement>(null);
  const [summaryShown, setSummaryShown] = useState(0);

  // The summary takes the focus each time a submission is refused, so that it is read out first.
  useEffect(() => {
    if (summaryShown > 0) summary.current?.focus();
  }, [summaryShown]);
  useEffect(() => {
    if (receipt !== null) confirmation.current?.focus();
  }, [receipt]);

  // Editing a field withdraws its error (a phone number answers the missing email too) until the next try.
  const set =
    <K extends keyof Values>(key: K) =>
    (value: Values[K]) => {
      setValues((previous) => ({ ...previous, [key]: value }));
      const answered: Field[] = key === "phone" ? ["phone", "email"] : [key];
      setErrors((previous) =>
        answered.some((field) => previous[field] !== undefined)
          ? Object.fromEntries(
              Object.entries(previous).filter(([field]) => !answered.includes(field as Field)),
            )
          : previous,
      );
    };
  const onText = (key: Exclude<keyof Values, "consent" | "preferredChannel">) => ({
    id: fieldId(key),
    value: values[key],
    onChange: (event: { currentTarget: { value: string } }) => set(key)(event.currentTarget.value),
    error: errors[key],
  });

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailure("");
    const found = check(values);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setSummaryShown((count) => count + 1);
      return;
    }
    setBusy(true);
    const result = await callApi<PublicRequestReceipt>("/api/v1/requests", {
      method: "POST",
      body: payload(values),
    });
    setBusy(false);
    if (result.ok) {
      setReceipt(result.body);
      return;
    }
    const { problem } = result;
    const fromApi: Errors = {};
    for (const issue of problem.errors) {
      const field = FIELD_OF_POINTER[issue.path];
      if (field !== undefined) fromApi[field] ??= issue.message;
    }
    setErrors(fromApi);
    if (Object.keys(fromApi).length > 0) {
      setSummaryShown((count) => count + 1);
      return;
    }
    setFailure(
      problem.code === NETWORK_FAILURE
        ? text.errors.network
        : problem.status === 429
          ? text.errors.tooMany
          : problem.detail || text.errors.failed,
    );
  }

  if (receipt !== null) {
    return (
      <Paper withBorder p="lg" className="notice" data-testid="request-receipt">
        <Title order={2} ref={confirmation} tabIndex={-1} mb="sm">
          {text.sent.title}
        </Title>
        <Text size="lg">
          {text.sent.reference} <strong data-testid="request-reference">{receipt.reference}</strong>
        </Text>
        <Text>{text.sent.keep}</Text>
        <Text size="sm" mt="xs">
          {text.sent.receivedOn(frenchDay(receipt.requestedOn))}
        </Text>
        <Text mt="md">{text.sent.next}</Text>
      </Paper>
    );
  }

  const listed = FIELD_ORDER.filter((field) => errors[field] !== undefined);
  return (
    <form aria-label={text.submit} noValidate onSubmit={submit}>
      <Stack gap="xl">
        <Stack gap="xs">
          <Text>{text.intro}</Text>
          <Text>
            {text.simulatorHint} <Anchor href="/simulateur">{text.simulatorLink}</Anchor>.
          </Text>
          <Text size="sm">{text.requiredHint}</Text>
        </Stack>

        {listed.length > 0 && (
          <Box ref={summary} tabIndex={-1} className="error-summary" role="alert" data-testid="error-summary">
            <Text fw={700}>{text.errors.summaryTitle(listed.length)}</Text>
            <ul className="error-list">
              {listed.map((field) => (
                <li key={field}>
                  <a href={`#${fieldId(field)}`}>{errors[field]}</a>
                </li>
              ))}
            </ul>
          </Box>
        )}

        <FormSection title={text.sections.identity}>
          <TextInput {...onText("firstName")} label={fields.firstName} autoComplete="given-name" required />
          <TextInput {...onText("lastName")} label={fields.lastName} autoComplete="family-name" required />
          <TextInput
            {...onText("birthDate")}
            label={fields.birthDate.label}
            description={fields.birthDate.description}
            autoComplete="bday"
            inputMode="numeric"
          />
          <TextInput
            {...onText("postcode")}
            label={fields.postcode.label}
            description={fields.postcode.description}
            autoComplete="postal-code"
            inputMode="numeric"
            maxLength={5}
            required
          />
        </FormSection>

        <FormSection title={text.sections.contact}>
          <TextInput
            {...onText("email")}
            type="email"
            label={fields.email.label}
            description={fields.email.description}
            autoComplete="email"
          />
          <TextInput
            {...onText("phone")}
            type="tel"
            label={fields.phone.label}
            description={fields.phone.description}
            autoComplete="tel"
          />
          <fieldset className="choice-group" id={fieldId("preferredChannel")} tabIndex={-1}>
            <legend>{fields.preferredChannel.legend}</legend>
            <Stack gap="xs">
              {CHANNELS.map((channel) => (
                <Radio
                  key={channel}
                  id={`${fieldId("preferredChannel")}-${channel}`}
                  name="preferredChannel"
                  value={channel}
                  label={fields.preferredChannel[channel]}
                  checked={values.preferredChannel === channel}
                  onChange={() => set("preferredChannel")(channel)}
                />
              ))}
            </Stack>
            {errors.preferredChannel && (
              <Text c="red.9" size="sm" mt="xs">
                {errors.preferredChannel}
              </Text>
            )}
          </fieldset>
          <TextInput
            {...onText("preferredTimes")}
            label={fields.preferredTimes.label}
            description={fields.preferredTimes.description}
            autoComplete="off"
            maxLength={200}
          />
        </FormSection>

        <FormSection title={text.sections.situation}>
          <Textarea
            {...onText("situationSummary")}
            label={fields.situationSummary.label}
            description={fields.situationSummary.description}
            autosize
            minRows={4}
            maxLength={4000}
            required
          />
        </FormSection>

        <FormSection title={text.sections.consent}>
          <Notice />
          <Checkbox
            id={fieldId("consent")}
            label={fields.consent}
            checked={values.consent}
            onChange={(event) => set("consent")(event.currentTarget.checked)}
            error={errors.consent}
            required
          />
        </FormSection>

        <div aria-live="assertive" aria-atomic="true">
          {failure !== "" && (
            <Text fw={600} c="red.9">
              {failure}
            </Text>
          )}
        </div>
        <Button type="submit" size="md" loading={busy} style={{ alignSelf: "flex-start" }}>
          {text.submit}
        </Button>
      </Stack>
    </form>
  );
}

function Notice() {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="notice-title">
      <Title order={3} size="h4" id="notice-title" mb="xs">
        {text.notice.title}
      </Title>
      <dl className="notice-list">
        {text.notice.items.map((item) => (
          <div key={item.title}>
            <dt>{item.title}</dt>
            <dd>{item.text}</dd>
          </div>
        ))}
      </dl>
    </Paper>
  );
}
