// The approved aids waiting for their payment, on the budget controller's envelope page: each one paid to
// the person, their landlord or a creditor, with the payee's IBAN (checked by the API). The payment carries
// an Idempotency-Key so that a retried click never pays twice.
import { Box, Button, Group, NativeSelect, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { type FormEvent, useState } from "react";
import { formatCents } from "../../../../src/core/finance/money.ts";
import { callApi, issuesByPath } from "../../api.ts";
import { frenchDay, frenchToday, isoDay } from "../../frenchDates.ts";
import { roleMessages } from "../roles/messages.fr.ts";
import type { Session } from "../session.ts";
import { WideTable } from "../WideTable.tsx";
import { useIdempotencyKey } from "./idempotencyKey.ts";

const text = roleMessages.envelope.disbursements;
const columns = roleMessages.envelope.columns;

export interface ApprovedAid {
  id: string;
  productName: string;
  amountCents: number;
  decidedAt: string | null;
}

export function DisbursementQueue({
  aids,
  session,
  onPaid,
}: {
  aids: ApprovedAid[];
  session: Session;
  onPaid: (message: string) => void;
}) {
  return (
    <Box component="section" aria-labelledby="versements">
      <Title order={2} id="versements" mb="sm">
        {text.title}
      </Title>
      {aids.length === 0 ? (
        <Text>{text.empty}</Text>
      ) : (
        <WideTable
          minWidth={800}
          caption={text.caption}
          striped
          data-testid="disbursement-queue"
          columns={[columns.product, columns.amount, text.pay]}
        >
          <Table.Tbody>
            {aids.map((aid) => (
              <DisbursementRow key={aid.id} aid={aid} session={session} onPaid={onPaid} />
            ))}
          </Table.Tbody>
        </WideTable>
      )}
    </Box>
  );
}

function DisbursementRow({
  aid,
  session,
  onPaid,
}: {
  aid: ApprovedAid;
  session: Session;
  onPaid: (message: string) => void;
}) {
  const [open, setOpen] = useState(false);
  const [payeeKind, setPayeeKind] = useState("person");
  const [iban, setIban] = useState("");
  const [paidOn, setPaidOn] = useState(frenchToday());
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const key = useIdempotencyKey();
  const amount = formatCents(aid.amountCents);

  async function pay(event: FormEvent) {
    event.preventDefault();
    const day = isoDay(paidOn);
    const missing: Record<string, string> = {};
    if (iban.trim() === "") missing["/iban"] = roleMessages.required;
    if (day === undefined) missing["/paidOn"] = text.dateInvalid;
    if (day === undefined || Object.keys(missing).length > 0) {
      setErrors(missing);
      return;
    }
    setBusy(true);
    const result = await callApi(`/api/v1/finance/aids/${aid.id}/disburse`, {
      method: "POST",
      body: { payeeKind, iban: iban.trim(), paidOn: day },
      csrfToken: session.csrfToken,
      headers: { "idempotency-key": key.current() },
    });
    key.settle(result);
    setBusy(false);
    if (!result.ok) {
      const byPath = issuesByPath(result.problem);
      // Fields without an input of their own (the payee kind, the key) are said under the form.
      const elsewhere = Object.entries(byPath).filter(([path]) => path !== "/iban" && path !== "/paidOn");
      const form = [result.problem.detail, ...elsewhere.map(([, message]) => message)].filter(Boolean);
      setErrors({ ...byPath, form: form.length > 0 ? form.join(" ") : roleMessages.failed });
      return;
    }
    setErrors({});
    onPaid(text.paid(aid.productName, amount));
  }

  const id = `versement-${aid.id}`;
  return (
    <Table.Tr>
      <Table.Th scope="row">
        {aid.productName}
        {aid.decidedAt !== null && (
          <Text size="sm" component="span" display="block">
            {frenchDay(aid.decidedAt)}
          </Text>
        )}
      </Table.Th>
      <Table.Td>{amount}</Table.Td>
      <Table.Td>
        {open ? (
          <form onSubmit={pay} noValidate>
            <Stack gap="xs">
              <NativeSelect
                id={`${id}-beneficiaire`}
                label={text.payeeKind}
                value={payeeKind}
                onChange={(event) => setPayeeKind(event.currentTarget.value)}
                data={Object.entries(text.payeeKinds).map(([value, label]) => ({ value, label }))}
              />
              <TextInput
                id={`${id}-iban`}
                label={text.iban}
                value={iban}
                autoComplete="off"
                onChange={(event) => setIban(event.currentTarget.value)}
                error={errors["/iban"]}
                withAsterisk
              />
              <TextInput
                id={`${id}-date`}
                label={text.paidOn}
                value={paidOn}
                onChange={(event) => setPaidOn(event.currentTarget.value)}
                error={errors["/paidOn"]}
                withAsterisk
              />
              <Group gap="xs">
                <Button type="submit" size="xs" loading={busy}>
                  {text.confirm}
                </Button>
                <Button type="button" size="xs" variant="subtle" onClick={() => setOpen(false)}>
                  {roleMessages.envelope.cancel}
                </Button>
              </Group>
            </Stack>
          </form>
        ) : (
          <Button size="xs" aria-label={text.payLabel(aid.productName, amount)} onClick={() => setOpen(true)}>
            {text.pay}
          </Button>
        )}
        <span aria-live="assertive">
          {errors.form !== undefined && (
            <Text size="sm" c="red.9" component="span">
              {errors.form}
            </Text>
          )}
        </span>
      </Table.Td>
    </Table.Tr>
  );
}
