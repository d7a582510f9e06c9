// The « Prêts en remboursement » section of the envelope page: the year's loans being repaid or in arrears,
// each with its schedule on demand. Budget controllers record an ordinary repayment, an early repayment
// (with an Idempotency-Key, the same money must never be counted twice), flag arrears and write a loan in
// arrears off; managers read the section only. After a repayment the schedule is read again, so an early
// repayment shows its fewer rows (« shorten ») or its lower instalment (« lower_instalment »).
import {
  Box,
  Button,
  Group,
  NativeSelect,
  Paper,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { type FormEvent, useState } from "react";
import { type Action, isAllowed } from "../../../../src/core/access/index.ts";
import { AID_STATUS_LABELS } from "../../../../src/core/finance/messages.fr.ts";
import { formatCents, parseAmount } from "../../../../src/core/finance/money.ts";
import { callApi, issuesByPath } from "../../api.ts";
import { frenchToday, isoDay } from "../../frenchDates.ts";
import type { Session } from "../session.ts";
import type { AidView } from "./AidsPanel.tsx";
import { useIdempotencyKey } from "./idempotencyKey.ts";
import { LoanSchedule } from "./LoanSchedule.tsx";
import { repaymentMessages as text } from "./messages.fr.ts";

export type RepayingLoan = Pick<AidView, "id" | "productName" | "amountCents" | "status">;

type Command = keyof typeof text.commands;

/** What each command requires: writing a loan off is a decision, the rest record money that moved. */
const COMMAND_ACTIONS: Record<Command, Action> = {
  repayment: "aids.disburse",
  early: "aids.disburse",
  arrears: "aids.disburse",
  writeOff: "aids.decide",
};

type Field = "amount" | "date" | "option" | "reason";

/** Where the API's field paths land in the form; anything else is said under the form. */
const FIELD_OF_PATH: Record<string, Field> = {
  "/amountCents": "amount",
  "/receivedOn": "date",
  "/asOf": "date",
  "/option": "option",
  "/reason": "reason",
};

export function RepaymentsSection({
  loans,
  session,
  onChanged,
}: {
  loans: RepayingLoan[];
  session: Session;
  onChanged: (message: string) => void;
}) {
  const records = isAllowed(session.role, "aids.disburse");
  return (
    <Box component="section" aria-labelledby="prets-remboursement" data-testid="repaying-loans">
      <Title order={2} id="prets-remboursement" mb="sm">
        {text.title}
      </Title>
      <Text mb="sm">{records ? text.intro : text.readOnly}</Text>
      {loans.length === 0 ? (
        <Text>{text.empty}</Text>
      ) : (
        <Stack gap="md">
          {loans.map((loan) => (
            <LoanCard key={loan.id} loan={loan} session={session} onChanged={onChanged} />
          ))}
        </Stack>
      )}
    </Box>
  );
}

function LoanCard({
  loan,
  session,
  onChanged,
}: {
  loan: RepayingLoan;
  session: Session;
  onChanged: (message: string) => void;
}) {
  const [shown, setShown] = useState(false);
  const [command, setCommand] = useState<Command | null>(null);
  // Bumped after each recorded change so that the schedule is read again.
  const [version, setVersion] = useState(0);
  const amount = formatCents(loan.amountCents);
  const headingId = `pret-${loan.id}`;
  const commands: Command[] =
    loan.status === "in_arrears" ? ["repayment", "early", "writeOff"] : ["repayment", "early", "arrears"];
  const available = commands.filter((candidate) => isAllowed(session.role, COMMAND_ACTIONS[candidate]));

  return (
    <Paper withBorder p="md" component="article" aria-labelledby={headingId} data-testid="repaying-loan">
      <Title order={3} size="h4" id={headingId}>
        {text.loanTitle(loan.productName, amount)}
      </Title>
      <Text data-testid="repaying-status">{AID_STATUS_LABELS[loan.status]}</Text>
      <Group gap="xs" mt="xs">
        <Button
          size="xs"
          variant="outline"
          aria-expanded={shown}
          aria-label={text.scheduleLabel(loan.productName, amount, shown)}
          onClick={() => setShown(!shown)}
        >
          {shown ? text.hideSchedule : text.showSchedule}
        </Button>
        {command === null &&
          available.map((candidate) => (
            <Button
              key={candidate}
              size="xs"
              variant={candidate === "writeOff" ? "outline" : "filled"}
              color={candidate === "writeOff" ? "red.9" : undefined}
              aria-label={text.commandLabel(text.commands[candidate], loan.productName, amount)}
              onClick={() => setCommand(candidate)}
            >
              {text.commands[candidate]}
            </Button>
          ))}
      </Group>
      {command !== null && (
        <LoanCommandForm
          loan={loan}
          command={command}
          session={session}
          onCancel={() => setCommand(null)}
          onDone={(message) => {
            setCommand(null);
            setShown(true);
            setVersion((count) => count + 1);
            onChanged(message);
          }}
        />
      )}
      {shown && (
        <Box mt="sm">
          <LoanSchedule key={version} aid={loan} />
        </Box>
      )}
    </Paper>
  );
}

function LoanCommandForm({
  loan,
  command,
  session,
  onCancel,
  onDone,
}: {
  loan: RepayingLoan;
  command: Command;
  session: Session;
  onCancel: () => void;
  onDone: (message: string) => void;
}) {
  const [amount, setAmount] = useState("");
  const [date, setDate] = useState(frenchToday());
  const [option, setOption] = useState("shorten");
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<Partial<Record<Field | "form", string>>>({});
  const [busy, setBusy] = useState(false);
  const key = useIdempotencyKey();
  const withAmount = command === "repayment" || command === "early";
  const withDate = command !== "writeOff";

  function bodyOrErrors(): { body: Record<string, unknown> } | { errors: Partial<Record<Field, string>> } {
    const problems: Partial<Record<Field, string>> = {};
    const body: Record<string, unknown> = {};
    if (withAmount) {
      const parsed = amount.trim() === "" ? undefined : parseAmount(amount);
      if (parsed === undefined) problems.amount = text.required;
      else if (!parsed.ok) problems.amount = parsed.message;
      else body.amountCents = parsed.cents;
    }
    if (withDate) {
      const day = isoDay(date);
      if (date.trim() === "") problems.date = text.required;
      else if (day === undefined) problems.date = text.dateInvalid;
      else body[command === "arrears" ? "asOf" : "receivedOn"] = day;
    }
    if (command === "early") body.option = option;
    if (command === "writeOff") {
      if (reason.trim() === "") problems.reason = text.required;
      else body.reason = reason.trim();
    }
    return Object.keys(problems).length > 0 ? { errors: problems } : { body };
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const checked = bodyOrErrors();
    if ("errors" in checked) {
      setErrors(checked.errors);
      return;
    }
    const path = {
      repayment: "repayments",
      early: "early-repayments",
      arrears: "arrears",
      writeOff: "write-off",
    }[command];
    setBusy(true);
    const result = await callApi(`/api/v1/finance/aids/${loan.id}/${path}`, {
      method: "POST",
      body: checked.body,
      csrfToken: session.csrfToken,
      ...(command === "early" ? { headers: { "idempotency-key": key.current() } } : {}),
    });
    if (command === "early") key.settle(result);
    setBusy(false);
    if (!result.ok) {
      const onFields: Partial<Record<Field | "form", string>> = {};
      const elsewhere: string[] = [];
      for (const [fieldPath, message] of Object.entries(issuesByPath(result.problem))) {
        const field = FIELD_OF_PATH[fieldPath];
        if (field !== undefined) onFields[field] ??= message;
        else elsewhere.push(message);
      }
      if (Object.keys(onFields).length === 0 || elsewhere.length > 0) {
        onFields.form = [result.problem.detail, ...elsewhere].filter(Boolean).join(" ") || text.failed;
      }
      setErrors(onFields);
      return;
    }
    setErrors({});
    const received =
      typeof checked.body.amountCents === "number" ? formatCents(checked.body.amountCents) : "";
    onDone(
      command === "repayment"
        ? text.done.repayment(loan.productName, received)
        : command === "early"
          ? text.done.early(loan.productName, received)
          : command === "arrears"
            ? text.done.arrears(loan.productName)
            : text.done.writeOff(loan.productName),
    );
  }

  const id = `pret-${command}-${loan.id}`;
  return (
    <form onSubmit={submit} noValidate data-testid="loan-command-form">
      <Stack gap="xs" mt="sm" maw={520}>
        <Title order={4} size="h5">
          {text.commands[command]}
        </Title>
        {withAmount && (
          <TextInput
            id={`${id}-montant`}
            label={text.amount}
            description={text.amountHint}
            inputMode="decimal"
            value={amount}
            onChange={(event) => setAmount(event.currentTarget.value)}
            error={errors.amount}
            withAsterisk
          />
        )}
        {withDate && (
          <TextInput
            id={`${id}-date`}
            label={command === "arrears" ? text.asOf : text.receivedOn}
            value={date}
            onChange={(event) => setDate(event.currentTarget.value)}
            error={errors.date}
            withAsterisk
          />
        )}
        {command === "early" && (
          <NativeSelect
            id={`${id}-option`}
            label={text.option}
            value={option}
            onChange={(event) => setOption(event.currentTarget.value)}
            data={Object.entries(text.options).map(([value, label]) => ({ value, label }))}
            error={errors.option}
          />
        )}
        {command === "writeOff" && (
          <Textarea
            id={`${id}-motif`}
            label={text.reason}
            maxLength={500}
            autosize
            minRows={2}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            error={errors.reason}
            withAsterisk
          />
        )}
        <Group gap="xs">
          <Button type="submit" size="xs" loading={busy} color={command === "writeOff" ? "red.9" : undefined}>
            {text.confirm}
          </Button>
          <Button type="button" size="xs" variant="subtle" onClick={onCancel}>
            {text.cancel}
          </Button>
        </Group>
      </Stack>
      <span aria-live="assertive">
        {errors.form !== undefined && (
          <Text size="sm" c="red.9" component="span">
            {errors.form}
          </Text>
        )}
      </span>
    </form>
  );
}
